import type { Messages } from '../core';

/** The texts of the app frame in Italian (the English texts: ../app.ts). */
export const MESSAGES: Messages = {
  'app.panelFailed': 'Il pannello {name} si è fermato per un errore.',
  'app.panelFailed.kept': 'Il tuo lavoro è conservato; il resto dell’app continua a funzionare.',
  'app.panelFailed.retry': 'Riprova',
  'app.panel.header': 'di intestazione',
  'app.panel.left': 'delle azioni e dei flussi',
  'app.panel.canvas': 'dell’area di lavoro',
  'app.panel.settings': 'delle impostazioni',
  'app.panel.preview': 'di anteprima',
  'app.workspaceConflict': 'Le impostazioni dell’help desk sono state modificate in un’altra scheda mentre le modificavi qui. Non è stato sovrascritto nulla.',
  'app.workspaceConflict.reload': 'Carica le impostazioni dell’altra scheda',
  'app.workspaceConflict.keep': 'Tieni le mie (sostituisci le altre)',
};
