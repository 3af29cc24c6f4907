import type { Messages } from '../core';

/** The texts of the problems panel in Spanish (the English texts: ../problems.ts). */
export const MESSAGES: Messages = {
  'problems.title': 'Problemas',
  'problems.none': 'No se han encontrado problemas.',
  'problems.checking': 'Buscando problemas…',
  'notice.enableChecking': 'Todavía se están buscando problemas en el flujo de trabajo; vuelve a activarlo en un momento.',
  'problems.more': '…y {count} más, sin listar. Corrige primero los de arriba o revísalos en la vista JSON.',
  'problems.count.errors.one': '{count} error',
  'problems.count.errors.other': '{count} errores',
  'problems.count.warnings.one': '{count} aviso',
  'problems.count.warnings.other': '{count} avisos',
  'problems.group.error.one': 'Error ({count})',
  'problems.group.error.other': 'Errores ({count})',
  'problems.group.warning.one': 'Aviso ({count})',
  'problems.group.warning.other': 'Avisos ({count})',
  'problems.where.action': 'Acción {id}',
  'problems.where.enrollment': 'Inscripción',
  'problems.where.workflow': 'Workflow',
};
