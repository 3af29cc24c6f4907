import type { Messages } from '../core';

/** The texts of the problems panel in Italian (the English texts: ../problems.ts). */
export const MESSAGES: Messages = {
  'problems.title': 'Problemi',
  'problems.none': 'Nessun problema trovato.',
  'problems.checking': 'Ricerca di problemi in corso…',
  'notice.enableChecking': 'Il flusso di lavoro è ancora in fase di controllo; riprova ad attivarlo tra un momento.',
  'problems.more': '…e altri {count}, non elencati. Correggi prima quelli sopra o consultali nella vista JSON.',
  'problems.count.errors.one': '{count} errore',
  'problems.count.errors.other': '{count} errori',
  'problems.count.warnings.one': '{count} avviso',
  'problems.count.warnings.other': '{count} avvisi',
  'problems.group.error.one': 'Errore ({count})',
  'problems.group.error.other': 'Errori ({count})',
  'problems.group.warning.one': 'Avviso ({count})',
  'problems.group.warning.other': 'Avvisi ({count})',
  'problems.where.action': 'Azione {id}',
  'problems.where.enrollment': 'Iscrizione',
  'problems.where.workflow': 'Flusso di lavoro',
};
