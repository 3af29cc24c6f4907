import type { Code } from '../document/codes';
import { TIMESTAMP_EXAMPLE } from '../document/timestamps';
import { charWords, countOf, foundWords, linkWords, listOf, placeWords, sentence, sourcesWords, type LinkWords, type Sentences } from './problem-words';
import type { ProblemHelpers, ProblemPhrase } from './render';
import { PHRASES_FR } from './render-fr';

type P = Parameters<ProblemPhrase>[0];

/** Things a problem names, with their article forms: "un autre statut", "une autre équipe", "au statut". */
const NOUNS: Record<string, { another: string; to: string; a: string }> = {
  status: { another: 'Un autre statut', to: 'au statut', a: 'un statut' },
  pipeline: { another: 'Un autre pipeline', to: 'au pipeline', a: 'un pipeline' },
  user: { another: 'Un autre utilisateur', to: "à l'utilisateur", a: 'un utilisateur' },
  team: { another: 'Une autre équipe', to: "à l'équipe", a: 'une équipe' },
  contact: { another: 'Un autre contact', to: 'au contact', a: 'un contact' },
  channel: { another: 'Un autre canal', to: 'au canal', a: 'un canal' },
  template: { another: "Un autre modèle d'e-mail", to: "au modèle d'e-mail", a: "un modèle d'e-mail" },
  conversation: { another: 'Une autre conversation', to: 'à la conversation', a: 'une conversation' },
  ticket: { another: 'Un autre ticket', to: 'au ticket', a: 'un ticket' },
  workflow: { another: 'Un autre workflow', to: 'au workflow', a: 'un workflow' },
};
const noun = (what: unknown) => NOUNS[String(what)] ?? { another: `Un autre ${String(what)}`, to: `à ${String(what)}`, a: String(what) };
const KINDS: Record<string, string> = { workflow: 'un document de workflow', workspace: 'un espace de travail', scenario: 'un scénario', bundle: "un paquet d'espace de travail" };
const aKind = (k: unknown) => KINDS[String(k)] ?? String(k);
const OF_KIND: Record<string, string> = { workflow: 'de document de workflow', workspace: "d'espace de travail", scenario: 'de scénario', bundle: "de paquet d'espace de travail" };
const TYPES: Record<string, string> = { string: 'une chaîne', number: 'un nombre', integer: 'un nombre entier', boolean: 'true ou false', array: 'une liste', object: 'un objet', null: 'null' };
const prop = (p: unknown) => PHRASES_FR.properties[String(p)] ?? String(p);

const where = (p: P, h: ProblemHelpers) =>
  placeWords(p, h, {
    key: (key, at) => `La clé ${key} dans ${at || 'le document'}`,
    trigger: (index, at) => `Le déclencheur d'inscription ${index} (${at})`,
    action: (id, at) => `L'action ${id} (${at})`,
    document: 'Le document',
    value: (at) => `La valeur en ${at}`,
  });

const found = (p: P) =>
  foundWords(p, {
    string: (v) => `la chaîne ${v}`,
    number: (v) => `le nombre ${v}`,
    huge: 'un nombre trop grand pour être représenté',
    array: 'une liste',
    object: 'un objet',
    nothing: 'rien',
  });

function types(p: P, h: ProblemHelpers): string {
  const list = listOf(p, 'types');
  return list.length === 1 ? (TYPES[list[0]!] ?? list[0]!) : h.either(list.map((t) => (t === 'boolean' ? 'un booléen' : (TYPES[t] ?? t))));
}

function syntax(p: P): string {
  const close = p.close === '}' ? "la valeur d'une propriété" : 'un élément de la liste';
  const expected: Record<string, string> = {
    trailing: 'il y a du texte après la fin de la valeur JSON',
    value: 'une valeur était attendue',
    separator: `',' ou '${p.close}' était attendu après ${close}`,
    name: 'un nom de propriété entre guillemets doubles était attendu',
    colon: "':' était attendu après le nom de la propriété",
    control: "un caractère de chaîne était attendu (les caractères de contrôle doivent être échappés)",
    hex: 'quatre chiffres hexadécimaux étaient attendus après \\u',
    escape: "une séquence d'échappement valide était attendue après la barre oblique inverse",
    number: 'un nombre était attendu',
  };
  if (p.reason === 'unclosed') return "cette chaîne n'est jamais fermée";
  const at = charWords(p, { end: 'la fin du fichier', lineBreak: 'un saut de ligne', tab: 'une tabulation', control: (code) => `le caractère de contrôle ${code}` });
  return `${expected[String(p.reason)] ?? String(p.detail)}, mais il y a ${at}`;
}

const withValue = (p: P) => (p.foundValue === undefined ? '' : ` (trouvé : ${p.foundValue})`);
const VALUE_RULES: Sentences & { other: Sentences[string] } = {
  const: (p) => `doit être ${p.allowed}, pas ${found(p)}.`,
  enum: (p) => `doit être l'une de ces valeurs : ${p.allowed} ; trouvé : ${found(p)}.`,
  dateTime: (p) => `n'est pas une date et heure écrite en UTC comme ${TIMESTAMP_EXAMPLE}${withValue(p)}.`,
  id: () => "n'est pas un id valide : utilisez des lettres, des chiffres et _ . : - (128 caractères au plus, en commençant par une lettre ou un chiffre).",
  time: () => "n'est pas une heure de la journée écrite HH:MM (de 00:00 à 23:59).",
  pattern: () => "n'est pas écrit comme cette valeur doit l'être.",
  format: (p) => `n'est pas un ${p.allowed} valide ; trouvé : ${found(p)}.`,
  minLength: (p, h) => `doit avoir au moins ${h.count(Number(p.limit), 'characters')}.`,
  maxLength: (p, h) => `doit avoir au plus ${h.count(Number(p.limit), 'characters')}.`,
  minItems: (p, h) => `doit avoir au moins ${h.count(Number(p.limit), 'items')}.`,
  maxItems: (p, h) => `doit avoir au plus ${h.count(Number(p.limit), 'items')}.`,
  minimum: (p) => `doit valoir au moins ${Number(p.limit)} ; trouvé : ${found(p)}.`,
  maximum: (p) => `doit valoir au plus ${Number(p.limit)} ; trouvé : ${found(p)}.`,
  tag: (p) => `demande "${p.tag}" avec l'une de ces valeurs : ${p.allowed}.`,
  other: () => "n'est pas valide.",
};

const MISMATCH: Sentences & { other: Sentences[string] } = {
  operator: (p, h) => `ne s'applique pas : ${prop(p.property)} accepte ${h.list(listOf(p, 'operators').map(h.quoted))}.`,
  noValue: () => 'ne prend pas de valeur.',
  value: () => 'demande une valeur.',
  list: () => 'demande une liste de valeurs.',
  emptyList: () => 'demande au moins une valeur dans sa liste.',
  single: () => 'demande une seule valeur, pas une liste.',
  number: () => 'demande un nombre.',
  timestamp: (p, h) => `compare avec ${h.quoted(p.value)}, qui n'est pas une date et heure écrite en UTC comme ${TIMESTAMP_EXAMPLE}.`,
  date: () => `demande une date et heure comme ${TIMESTAMP_EXAMPLE}.`,
  choice: (p) => `compare avec ${p.value}, qui n'est pas l'une de ces valeurs : ${listOf(p, 'choices').join(', ')}.`,
  other: (p) => String(p.detail),
};

const LINKS: LinkWords = { next: 'son action suivante', target: 'cible de « Aller à »', default: 'chemin par défaut', path: 'chemin' };
const SOURCES = { start: 'le début', default: 'chemin par défaut', path: 'chemin' };

function envelope(p: P, h: ProblemHelpers): string {
  switch (p.reason) {
    case 'noFormat':
      return `Le fichier n'a pas de "format" ; ${aKind(p.kind)} commence par "format": "${p.format}".`;
    case 'otherKind':
      return `C'est ${aKind(p.other)} ("format": "${p.otherFormat}"), pas ${aKind(p.kind)}.`;
    case 'notTicketflow':
      return `Le "format" est ${found(p)}, pas "${p.format}" : ce n'est pas ${aKind(p.kind)} Ticketflow.`;
    case 'notBundle':
      return `Le "format" n'est pas "${p.format}" : ce n'est pas un paquet d'espace de travail Ticketflow.`;
    default:
      return h.problem.message;
  }
}

const VERSIONS: Sentences & { other: Sentences[string] } = {
  none: () => 'Le fichier n\'a pas de "schemaVersion".',
  notWhole: (p) => `Le "schemaVersion" est ${found(p)}, pas un nombre entier.`,
  newer: (p) => `Le fichier a le schemaVersion ${p.version}, plus récent que cette version de Ticketflow ; mettez Ticketflow à jour pour l'ouvrir.`,
  never: (p) => `Le fichier a le schemaVersion ${p.version}, que Ticketflow n'a jamais écrit.`,
  bundleNewer: (p) => `Le paquet a le schemaVersion ${p.version}, plus récent que cette version de Ticketflow.`,
  other: (p) => `Le paquet a le schemaVersion ${found(p)}, que Ticketflow n'a jamais écrit.`,
};

const STAGES: Record<string, string> = { parse: 'de la lecture du JSON', migrate: 'de la migration du document vers la version actuelle', restore: 'du complément du document', validate: 'de la validation du document' };
const action = (p: P, h: ProblemHelpers) => h.quoted(p.actionId);

/** French: the sentence of every problem code. */
export const PROBLEMS_FR: Record<Code, ProblemPhrase> = {
  TF001: (p, h) => `… et ${h.count(countOf(p.count), 'problems')} de plus (dont ${h.count(countOf(p.errors), 'errors')}), non listés pour que le rapport reste lisible.`,
  TF101: (p, h) => `JSON non valide à la ligne ${p.line}, colonne ${p.column} : ${syntax(p)}.`,
  TF102: (p, h) => `Le fichier fait ${p.size}, au-delà de la limite de ${p.limit} ; il n'a pas été lu.`,
  TF103: (p, h) => `Les valeurs sont imbriquées sur plus de ${h.count(p.limit, 'levels')} à la ligne ${p.line}, colonne ${p.column} ; il n'a pas été lu.`,
  TF104: (p, h) => `Le fichier contient ${found(p)}, pas un objet ${OF_KIND[String(p.kind)] ?? String(p.kind)}.`,
  TF105: envelope,
  TF106: (p, h) => `${sentence(VERSIONS, p.reason, p, h)} Cette version de Ticketflow lit ${p.format} avec le schemaVersion ${h.list(listOf(p, 'versions'))}.`,
  TF107: (p, h) =>
    p.reason === 'encoding'
      ? `Le fichier est encodé en ${p.encoding} ; enregistrez-le en UTF-8 et importez-le à nouveau.`
      : `L'octet ${p.byte} à la ligne ${p.line}, colonne ${p.column} n'est pas de l'UTF-8. ${p.reason === 'latin1' ? "On dirait du texte Latin-1 ou Windows-1252 ; enregistrez le fichier en UTF-8 et importez-le à nouveau." : 'Enregistrez le fichier en UTF-8 et importez-le à nouveau.'}`,
  TF108: (p, h) =>
    `La clé ${p.key} apparaît deux fois dans le même objet, à la ligne ${p.line}, colonne ${p.column}, puis à la ligne ${p.againLine}, colonne ${p.againColumn} ; un fichier doit indiquer chaque réglage une seule fois.`,
  TF201: (p, h) => `${where(p, h)} n'a pas la propriété obligatoire ${h.quoted(p.property)}.`,
  TF202: (p, h) => `${where(p, h)} a la propriété ${h.quoted(p.property)}, que le format n'autorise pas.`,
  TF203: (p, h) => `${p.key !== undefined ? h.quoted(p.key) : where(p, h)} doit être ${types(p, h)}, pas ${found(p)}.`,
  TF204: (p, h) => `${where(p, h)} ${sentence(VALUE_RULES, p.rule, p, h)}`,
  TF205: (p, h) => `${where(p, h)} a ${p.tag} ${h.quoted(p.value)}, qui n'est pas l'une de ces valeurs : ${p.allowed}.`,
  TF301: (p, h) => "Le workflow a des actions mais aucune action de départ (startActionId vaut null).",
  TF302: (p, h) => `L'action de départ ${h.quoted(p.target)} n'est pas une action de ce workflow.`,
  TF303: (p, h) => `Une autre action a déjà l'id ${action(p, h)}.`,
  TF304: (p, h) => `L'action ${action(p, h)} mène à ${h.quoted(p.target)} (${linkWords(p, h, LINKS)}), qui n'est pas une action de ce workflow.`,
  TF305: (p, h) => `L'action ${action(p, h)} ne peut jamais s'exécuter : aucun chemin depuis l'action de départ n'y mène.`,
  TF306: (p, h) => `L'action ${action(p, h)} suit à la fois ${sourcesWords(p, h, SOURCES)} ; des chemins ne peuvent se rejoindre que par une action « Aller à ».`,
  TF307: (p, h) => `Les actions ${h.list(listOf(p, 'ids').map(h.quoted))} reviennent sur elles-mêmes sans « Aller à » ; seule une action « Aller à » peut former une boucle.`,
  TF308: (p, h) => {
    const zero = listOf(p, 'zero');
    const note = zero.length ? ` (${h.list(zero.map(h.quoted))} ${zero.length === 1 ? 'attend' : 'attendent'} 0 minute, ce qui n'est pas un délai)` : '';
    return `Les actions ${h.list(listOf(p, 'ids').map(h.quoted))} forment une boucle sans aucune action de délai${note} ; un ticket les répéterait sans fin.`;
  },
  TF309: (p, h) => `L'action ${action(p, h)} est incomplète : ${p.key !== undefined ? h.t(String(p.key)) : p.detail}`,
  TF310: (p, h) => `La branche ${action(p, h)} a plus d'un chemin avec l'id ${h.quoted(p.pathId)}.`,
  TF311: (p, h) => `Le chemin ${h.quoted(p.pathId)} de la branche ${action(p, h)} demande au moins une condition dans chacun de ses groupes de conditions.`,
  TF312: (p, h) => `${where(p, h)} utilise le statut ${h.quoted(p.id)}, qu'aucun pipeline de l'espace de travail ne possède.`,
  TF313: (p, h) => `${where(p, h)} utilise l'utilisateur ${h.quoted(p.id)}, qui n'est pas dans l'espace de travail.`,
  TF314: (p, h) => `${where(p, h)} utilise l'équipe ${h.quoted(p.id)}, qui n'est pas dans l'espace de travail.`,
  TF315: (p, h) => `${where(p, h)} utilise le modèle d'e-mail ${h.quoted(p.id)}, qui n'est pas dans l'espace de travail.`,
  TF316: (p, h) =>
    `L'action ${action(p, h)} met le statut ${h.quoted(p.id)}, que le pipeline ${h.quoted(p.pipeline)} n'a pas ; les tickets de ce pipeline inscrits ici ne peuvent pas le prendre.`,
  TF317: (p, h) => `Le déclencheur d'inscription ${p.index} (« statut modifié ») n'a aucun statut choisi.`,
  TF318: (p, h) => "Le workflow n'a aucun déclencheur d'inscription : aucun ticket ne peut donc s'inscrire.",
  TF319: (p, h) => `La condition sur ${prop(p.property)} avec l'opérateur ${h.quoted(p.operator)} ${sentence(MISMATCH, p.rule, p, h)}`,
  TF320: (p, h) => `La condition sur ${prop(p.property)} compare avec ${h.quoted(p.id)}, qui n'est pas ${noun(p.what).a} de l'espace de travail.`,
  TF321: (p, h) => `Le fil de commentaires ${h.quoted(p.threadId)} porte sur ${h.quoted(p.target)}, qui n'est ni une action de ce workflow ni le déclencheur.`,
  TF322: (p, h) => `La disposition place ${h.quoted(p.id)}, qui n'est ni une action de ce workflow ni le déclencheur.`,
  TF323: (p, h) => `${where(p, h)} utilise {{${p.token}}}, qui n'est pas un jeton de personnalisation ; il est envoyé tel quel.`,
  TF324: (p, h) =>
    `La branche par valeur ${action(p, h)} indique la valeur ${h.quoted(p.value)} sur le chemin ${p.path} et déjà sur le chemin ${p.first} ; chaque valeur ne peut avoir qu'un seul chemin.`,
  TF325: (p, h) => `La branche par valeur ${action(p, h)} a un chemin pour ${h.quoted(p.value)}, qui n'est pas une valeur possible de ${prop(p.property)} (les valeurs possibles sont ${p.choices}).`,
  TF401: (p, h) => {
    if (p.pipeline !== undefined) return `Un autre statut du pipeline ${h.quoted(p.pipeline)} a déjà l'id ${h.quoted(p.id)}.`;
    return `${noun(p.what).another} a déjà l'id ${h.quoted(p.id)}.`;
  },
  TF402: (p, h) => `${where(p, h)} fait référence ${noun(p.what).to} ${h.quoted(p.id)}, qui n'existe pas.`,
  TF403: (p, h) =>
    `L'événement ${p.index} a lieu le ${p.at}, avant ${Number(p.previous) === 0 ? `le début du scénario (${p.previousAt})` : `l'événement ${p.previous} (${p.previousAt})`} ; les événements doivent suivre l'ordre chronologique depuis le début du scénario.`,
  TF404: (p, h) =>
    `Le scénario se termine le ${p.end}, avant de commencer le ${p.start} : aucun délai ni minuteur ne s'exécuterait jamais ; indiquez une fin après le début, ou retirez-la (30 jours après le dernier événement).`,
  TF405: (p, h) =>
    `L'événement ${p.index} (${p.type}) ${p.ticketId !== undefined ? `donne à la fois ticketId ${h.quoted(p.ticketId)} et ticketOf ${h.quoted(p.ticketOf)}` : "n'indique aucun ticket"} ; donnez soit ticketId (l'id d'un ticket), soit ticketOf (la conversation dont on vise le ticket), exactement l'un des deux.`,
  TF406: (p, h) => `L'événement ${p.index} (${p.type}) désigne le ticket de la conversation ${h.quoted(p.conversation)}, que ni l'état initial ni aucun événement antérieur ne démarre.`,
  TF501: (p, h) => `Le fichier ne peut pas être lu : ${p.reason}.`,
  TF502: (p, h) => `L'id de workflow ${h.quoted(p.id)} est aussi celui du workflow de ${h.quoted(p.other)} ; les id de workflow doivent être uniques parmi les fichiers vérifiés ensemble.`,
  TF503: (p, h) => `L'entrée dépasse la limite de ${p.limit} ; la lecture s'est arrêtée là et elle n'a pas été vérifiée.`,
  TF504: (p, h) => "Le dossier ne contient aucun fichier .json, à aucune profondeur.",
  TF505: (p, h) => 'Le fichier est valide mais pas sous forme canonique (schemaVersion actuel, clés triées, indentation de deux espaces) ; exécutez "format --write" dessus.',
  TF901: (p, h) => `Ticketflow a échoué lors ${STAGES[String(p.stage)] ?? `de : ${p.during}`} : ${p.detail}. C'est un défaut de Ticketflow, pas du fichier.`,
};
