import type { Messages } from '../core';

/** The texts of the workflow list in Spanish (the English texts: ../workflows.ts). */
export const MESSAGES: Messages = {
  'workflows.title': 'Workflows',
  'workflows.new': 'Nuevo workflow',
  'workflows.empty': 'Aún no hay workflows. Crea uno para empezar a automatizar tickets.',
  'workflows.search.label': 'Buscar workflows',
  'workflows.search.placeholder': 'Nombre o id',
  'workflows.search.none': 'Ningún workflow coincide con «{query}».',
  'workflows.search.count': '{shown} de {count} workflows',
  'workflows.errors.one': '{count} error',
  'workflows.errors.other': '{count} errores',
  'workflows.enabled': 'Activar «{name}»',
  'workflows.on': 'Activado',
  'workflows.off': 'Desactivado',
  'workflows.blocked.one': 'Corrige su error para activarlo.',
  'workflows.blocked.other': 'Corrige sus {count} errores para activarlo.',
  'workflows.rename': 'Cambiar el nombre de «{name}»',
  'workflows.rename.label': 'Nuevo nombre para «{name}»',
  'workflows.rename.empty': 'Un workflow necesita un nombre.',
  'workflows.duplicate': 'Duplicar «{name}»',
  'workflows.delete': 'Eliminar «{name}»',
  'workflows.confirm.title': 'Eliminar workflow',
  'workflows.confirm.text': '¿Eliminar el workflow «{name}»? Los tickets inscritos salen de él.',
  'workflows.confirm.delete': 'Eliminar',
  'workflows.confirm.keep': 'Conservarlo',
};
