import type { Messages } from '../core';

/** The texts of the JSON view in Italian (the English texts: ../../json/messages.ts). */
export const MESSAGES: Messages = {
  'json.title': 'JSON del flusso di lavoro',
  'json.editorLabel': 'Documento del flusso di lavoro in JSON',
  'json.invalid': "Il JSON ha problemi; l'area di disegno mantiene l'ultima versione valida finché non vengono corretti.",
  'json.diverged': "L'area di disegno è cambiata mentre questo JSON aveva problemi. Nessuno dei due è stato sovrascritto.",
  'json.loadCanvas': "Scarta questo JSON e carica la versione dell'area di disegno",
  'json.more': '…e altri {count}',
  'json.loading': 'Caricamento dell’editor JSON…',
  'json.idChanged': 'Il JSON cambia l’id del flusso di lavoro; mantieni "{id}" (importa il file come copia per un nuovo flusso).',
  'history.json': 'modifica JSON',
};
