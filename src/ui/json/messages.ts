import type { Messages } from '../i18n';

/** Texts of the JSON view (in English; the other languages are ../i18n/<language>/json.ts). */
export const JSON_MESSAGES: Messages = {
  'json.title': 'Workflow JSON',
  'json.editorLabel': 'Workflow document as JSON',
  'json.invalid': 'The JSON has problems; the canvas keeps the last good version until they are fixed.',
  'json.diverged': 'The canvas changed while this JSON had problems. Neither side was overwritten.',
  'json.loadCanvas': 'Discard this JSON and load the canvas version',
  'json.more': '…and {count} more',
  'json.loading': 'Loading the JSON editor…',
  'json.idChanged': 'The JSON changes the workflow id; keep "{id}" (import the file as a copy to get a new workflow).',
  'history.json': 'JSON edit',
};
