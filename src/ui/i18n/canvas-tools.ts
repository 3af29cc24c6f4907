import { registerArea, type Messages } from './core';

/** Texts of the canvas's tools: the overview map, find, multiple selection, connecting by drag (English; ./es, ./it, ./fr). */
export const CANVAS_TOOLS_MESSAGES: Messages = {
  'canvasTools.map.hide': 'Hide the overview map',
  'canvasTools.map.show': 'Show the overview map',
  'canvasTools.find.label': 'Find bubbles',
  'canvasTools.find.placeholder': 'Find by text, kind or id',
  'canvasTools.find.count': '{at} of {count}',
  'canvasTools.find.none': 'No bubble matches',
  'canvasTools.find.previous': 'Previous match (Shift+Enter)',
  'canvasTools.find.next': 'Next match (Enter)',
  'canvasTools.find.close': 'Close find (Escape)',
  'canvasTools.selection.label': '{count} bubbles picked',
  'canvasTools.selection.count': '{count} bubbles picked',
  'canvasTools.selection.delete': 'Delete',
  'canvasTools.selection.copy': 'Copy',
  'canvasTools.selection.move': 'Move',
  'canvasTools.selection.clear': 'Clear',
  'canvasTools.selection.copied': '{count} actions copied as workflow JSON.',
  'canvasTools.selection.moveHint': 'Pick a + to move the {count} bubbles there, one after another. Escape cancels.',
  'canvasTools.connect.handle': 'Drag onto another bubble to go there (a go-to)',
  'canvasTools.connect.nowhere': 'Drop the connection on a bubble to make a go-to to it.',
};

registerArea('canvas-tools', CANVAS_TOOLS_MESSAGES);
