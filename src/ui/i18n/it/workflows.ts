import type { Messages } from '../core';

/** The texts of the workflow list in Italian (the English texts: ../workflows.ts). */
export const MESSAGES: Messages = {
  'workflows.title': 'Flussi di lavoro',
  'workflows.new': 'Nuovo flusso di lavoro',
  'workflows.empty': 'Ancora nessun flusso di lavoro. Creane uno per iniziare ad automatizzare i ticket.',
  'workflows.search.label': 'Cerca flussi di lavoro',
  'workflows.search.placeholder': 'Nome o id',
  'workflows.search.none': 'Nessun flusso di lavoro corrisponde a «{query}».',
  'workflows.search.count': '{shown} di {count} flussi di lavoro',
  'workflows.errors.one': '{count} errore',
  'workflows.errors.other': '{count} errori',
  'workflows.enabled': 'Attiva «{name}»',
  'workflows.on': 'Attivo',
  'workflows.off': 'Inattivo',
  'workflows.blocked.one': 'Correggi il suo errore per attivarlo.',
  'workflows.blocked.other': 'Correggi i suoi {count} errori per attivarlo.',
  'workflows.rename': 'Rinomina «{name}»',
  'workflows.rename.label': 'Nuovo nome per «{name}»',
  'workflows.rename.empty': 'Un flusso di lavoro ha bisogno di un nome.',
  'workflows.duplicate': 'Duplica «{name}»',
  'workflows.delete': 'Elimina «{name}»',
  'workflows.confirm.title': 'Elimina flusso di lavoro',
  'workflows.confirm.text': 'Eliminare il flusso di lavoro «{name}»? I ticket iscritti ne escono.',
  'workflows.confirm.delete': 'Elimina',
  'workflows.confirm.keep': 'Mantienilo',
};
