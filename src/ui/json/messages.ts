import type { MessageTable } from '../i18n';

/** Texts of the JSON view, in the four UI languages. */
export const JSON_MESSAGES: MessageTable = {
  en: {
    'json.title': 'Workflow JSON',
    'json.editorLabel': 'Workflow document as JSON',
    'json.invalid': 'The JSON has problems; the canvas keeps the last good version until they are fixed.',
    'json.diverged': 'The canvas changed while this JSON had problems. Neither side was overwritten.',
    'json.loadCanvas': 'Discard this JSON and load the canvas version',
    'json.more': '…and {count} more',
    'json.loading': 'Loading the JSON editor…',
    'json.idChanged': 'The JSON changes the workflow id; keep "{id}" (import the file as a copy to get a new workflow).',
    'history.json': 'JSON edit',
  },
  es: {
    'json.title': 'JSON del flujo de trabajo',
    'json.editorLabel': 'Documento del flujo de trabajo como JSON',
    'json.invalid': 'El JSON tiene problemas; el lienzo conserva la última versión válida hasta que se corrijan.',
    'json.diverged': 'El lienzo cambió mientras este JSON tenía problemas. No se sobrescribió ninguno de los dos.',
    'json.loadCanvas': 'Descartar este JSON y cargar la versión del lienzo',
    'json.more': '…y {count} más',
    'json.loading': 'Cargando el editor JSON…',
    'json.idChanged': 'El JSON cambia el id del flujo de trabajo; mantén "{id}" (importa el archivo como copia para obtener un flujo nuevo).',
    'history.json': 'edición JSON',
  },
  it: {
    'json.title': 'JSON del flusso di lavoro',
    'json.editorLabel': 'Documento del flusso di lavoro in JSON',
    'json.invalid': "Il JSON ha problemi; l'area di disegno mantiene l'ultima versione valida finché non vengono corretti.",
    'json.diverged': "L'area di disegno è cambiata mentre questo JSON aveva problemi. Nessuno dei due è stato sovrascritto.",
    'json.loadCanvas': "Scarta questo JSON e carica la versione dell'area di disegno",
    'json.more': '…e altri {count}',
    'json.loading': 'Caricamento dell’editor JSON…',
    'json.idChanged': 'Il JSON cambia l’id del flusso di lavoro; mantieni "{id}" (importa il file come copia per un nuovo flusso).',
    'history.json': 'modifica JSON',
  },
  fr: {
    'json.title': 'JSON du workflow',
    'json.editorLabel': 'Document du workflow en JSON',
    'json.invalid': 'Le JSON contient des problèmes ; le canevas garde la dernière version valide jusqu’à leur correction.',
    'json.diverged': 'Le canevas a changé pendant que ce JSON contenait des problèmes. Aucun des deux n’a été écrasé.',
    'json.loadCanvas': 'Abandonner ce JSON et charger la version du canevas',
    'json.more': '…et {count} de plus',
    'json.loading': 'Chargement de l’éditeur JSON…',
    'json.idChanged': 'Le JSON change l’id du workflow ; gardez « {id} » (importez le fichier comme copie pour un nouveau workflow).',
    'history.json': 'modification JSON',
  },
}
