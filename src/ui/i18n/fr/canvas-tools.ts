import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': "Masquer la carte d'ensemble",
  'canvasTools.map.show': "Afficher la carte d'ensemble",
};
