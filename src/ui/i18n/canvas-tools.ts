import { registerArea, type Messages } from './core';

/** Texts of the canvas's tools: the overview map, find, multiple selection, connecting by drag (English; ./es, ./it, ./fr). */
export const CANVAS_TOOLS_MESSAGES: Messages = {
  'canvasTools.map.hide': 'Hide the overview map',
  'canvasTools.map.show': 'Show the overview map',
};

registerArea('canvas-tools', CANVAS_TOOLS_MESSAGES);
