import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': 'Ocultar el mapa general',
  'canvasTools.map.show': 'Mostrar el mapa general',
};
