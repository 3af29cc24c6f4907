import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': 'Nascondi la mappa generale',
  'canvasTools.map.show': 'Mostra la mappa generale',
};
