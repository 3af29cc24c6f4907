import type { Messages } from '../core';

/** The texts of the canvas's tools (the English texts: ../canvas-tools.ts). */
export const MESSAGES: Messages = {
  'canvasTools.map.hide': 'Nascondi la mappa generale',
  'canvasTools.map.show': 'Mostra la mappa generale',
  'canvasTools.find.label': 'Trova bolle',
  'canvasTools.find.placeholder': 'Trova per testo, tipo o id',
  'canvasTools.find.count': '{at} di {count}',
  'canvasTools.find.none': 'Nessuna bolla corrisponde',
  'canvasTools.find.previous': 'Corrispondenza precedente (Maiusc+Invio)',
  'canvasTools.find.next': 'Corrispondenza successiva (Invio)',
  'canvasTools.find.close': 'Chiudi la ricerca (Esc)',
  'canvasTools.selection.label': '{count} bolle scelte',
  'canvasTools.selection.count': '{count} bolle scelte',
  'canvasTools.selection.delete': 'Elimina',
  'canvasTools.selection.copy': 'Copia',
  'canvasTools.selection.move': 'Sposta',
  'canvasTools.selection.clear': 'Annulla la selezione',
  'canvasTools.selection.copied': '{count} azioni copiate come JSON del flusso di lavoro.',
  'canvasTools.selection.moveHint': 'Scegli un + per spostarvi le {count} bolle, una dopo l’altra. Esc annulla.',
  'canvasTools.connect.handle': 'Trascina su un’altra bolla per andarci (un vai a)',
  'canvasTools.connect.nowhere': 'Rilascia il collegamento su una bolla per creare un «vai a» verso di essa.',
};
