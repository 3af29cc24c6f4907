import type { Messages } from '../core';

/** The texts of the JSON view in French (the English texts: ../../json/messages.ts). */
export const MESSAGES: Messages = {
  'json.title': 'JSON du workflow',
  'json.editorLabel': 'Document du workflow en JSON',
  'json.invalid': 'Le JSON contient des problèmes ; le canevas garde la dernière version valide jusqu’à leur correction.',
  'json.diverged': 'Le canevas a changé pendant que ce JSON contenait des problèmes. Aucun des deux n’a été écrasé.',
  'json.loadCanvas': 'Abandonner ce JSON et charger la version du canevas',
  'json.more': '…et {count} de plus',
  'json.loading': 'Chargement de l’éditeur JSON…',
  'json.idChanged': 'Le JSON change l’id du workflow ; gardez « {id} » (importez le fichier comme copie pour un nouveau workflow).',
  'history.json': 'modification JSON',
};
