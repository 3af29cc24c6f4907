import type { Messages } from '../core';

/** The texts of the JSON view in Spanish (the English texts: ../../json/messages.ts). */
export const MESSAGES: Messages = {
  'json.title': 'JSON del flujo de trabajo',
  'json.editorLabel': 'Documento del flujo de trabajo como JSON',
  'json.invalid': 'El JSON tiene problemas; el lienzo conserva la última versión válida hasta que se corrijan.',
  'json.diverged': 'El lienzo cambió mientras este JSON tenía problemas. No se sobrescribió ninguno de los dos.',
  'json.loadCanvas': 'Descartar este JSON y cargar la versión del lienzo',
  'json.more': '…y {count} más',
  'json.loading': 'Cargando el editor JSON…',
  'json.idChanged': 'El JSON cambia el id del flujo de trabajo; mantén "{id}" (importa el archivo como copia para obtener un flujo nuevo).',
  'history.json': 'edición JSON',
};
