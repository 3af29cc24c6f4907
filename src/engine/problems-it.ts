import type { Code } from '../document/codes';
import { TIMESTAMP_EXAMPLE } from '../document/timestamps';
import { charWords, countOf, foundWords, linkWords, listOf, placeWords, sentence, sourcesWords, type LinkWords, type Sentences } from './problem-words';
import type { ProblemHelpers, ProblemPhrase } from './render';
import { PHRASES_IT } from './render-it';

type P = Parameters<ProblemPhrase>[0];

/** Things a problem names, with their article forms: "un altro stato", "un'altra conversazione", "allo stato". */
const NOUNS: Record<string, { word: string; another: string; to: string; none: string }> = {
  status: { word: 'stato', another: 'Un altro stato', to: 'allo stato', none: 'uno stato' },
  pipeline: { word: 'pipeline', another: "Un'altra pipeline", to: 'alla pipeline', none: 'una pipeline' },
  user: { word: 'utente', another: 'Un altro utente', to: "all'utente", none: 'un utente' },
  team: { word: 'team', another: 'Un altro team', to: 'al team', none: 'un team' },
  contact: { word: 'contatto', another: 'Un altro contatto', to: 'al contatto', none: 'un contatto' },
  channel: { word: 'canale', another: 'Un altro canale', to: 'al canale', none: 'un canale' },
  template: { word: 'modello email', another: 'Un altro modello email', to: 'al modello email', none: 'un modello email' },
  conversation: { word: 'conversazione', another: "Un'altra conversazione", to: 'alla conversazione', none: 'una conversazione' },
  ticket: { word: 'ticket', another: 'Un altro ticket', to: 'al ticket', none: 'un ticket' },
  workflow: { word: 'flusso di lavoro', another: 'Un altro flusso di lavoro', to: 'al flusso di lavoro', none: 'un flusso di lavoro' },
};
const noun = (what: unknown) => NOUNS[String(what)] ?? { word: String(what), another: `Un altro ${String(what)}`, to: `a ${String(what)}`, none: String(what) };
const KINDS: Record<string, string> = { workflow: 'documento di flusso di lavoro', workspace: 'spazio di lavoro', scenario: 'scenario', bundle: 'pacchetto di spazio di lavoro' };
const A_KIND: Record<string, string> = { workflow: 'un documento di flusso di lavoro', workspace: 'uno spazio di lavoro', scenario: 'uno scenario', bundle: 'un pacchetto di spazio di lavoro' };
const kind = (k: unknown) => KINDS[String(k)] ?? String(k);
const aKind = (k: unknown) => A_KIND[String(k)] ?? String(k);
const TYPES: Record<string, string> = { string: 'una stringa', number: 'un numero', integer: 'un numero intero', boolean: 'true o false', array: 'una lista', object: 'un oggetto', null: 'null' };
const prop = (p: unknown) => PHRASES_IT.properties[String(p)] ?? String(p);

const where = (p: P, h: ProblemHelpers) =>
  placeWords(p, h, {
    key: (key, at) => `La chiave ${key} in ${at || 'il documento'}`,
    trigger: (index, at) => `Il trigger di iscrizione ${index} (${at})`,
    action: (id, at) => `L'azione ${id} (${at})`,
    document: 'Il documento',
    value: (at) => `Il valore in ${at}`,
  });

const found = (p: P) =>
  foundWords(p, {
    string: (v) => `la stringa ${v}`,
    number: (v) => `il numero ${v}`,
    huge: 'un numero troppo grande per essere rappresentato',
    array: 'una lista',
    object: 'un oggetto',
    nothing: 'niente',
  });

function types(p: P, h: ProblemHelpers): string {
  const list = listOf(p, 'types');
  return list.length === 1 ? (TYPES[list[0]!] ?? list[0]!) : h.either(list.map((t) => (t === 'boolean' ? 'un booleano' : (TYPES[t] ?? t))));
}

function syntax(p: P): string {
  const close = p.close === '}' ? 'il valore di una proprietà' : 'un elemento della lista';
  const expected: Record<string, string> = {
    trailing: 'c’è del testo dopo la fine del valore JSON',
    value: 'era atteso un valore',
    separator: `era atteso ',' o '${p.close}' dopo ${close}`,
    name: 'era atteso il nome di una proprietà tra virgolette doppie',
    colon: "era atteso ':' dopo il nome della proprietà",
    control: 'era atteso un carattere della stringa (i caratteri di controllo vanno preceduti da una barra rovesciata)',
    hex: 'erano attese quattro cifre esadecimali dopo \\u',
    escape: 'era attesa una sequenza di escape valida dopo la barra rovesciata',
    number: 'era atteso un numero',
  };
  if (p.reason === 'unclosed') return 'questa stringa non viene mai chiusa';
  const at = charWords(p, { end: 'la fine del file', lineBreak: 'un a capo', tab: 'una tabulazione', control: (code) => `il carattere di controllo ${code}` });
  return `${expected[String(p.reason)] ?? String(p.detail)}, ma c’è ${at}`;
}

const withValue = (p: P) => (p.foundValue === undefined ? '' : ` (trovato ${p.foundValue})`);
const VALUE_RULES: Sentences & { other: Sentences[string] } = {
  const: (p) => `deve essere ${p.allowed}, non ${found(p)}.`,
  enum: (p) => `deve essere uno tra: ${p.allowed}; trovato ${found(p)}.`,
  dateTime: (p) => `non è una data e ora scritta in UTC come ${TIMESTAMP_EXAMPLE}${withValue(p)}.`,
  id: () => 'non è un id valido: usa lettere, cifre e _ . : - (al massimo 128 caratteri, iniziando con una lettera o una cifra).',
  time: () => 'non è un’ora del giorno scritta HH:MM (da 00:00 a 23:59).',
  pattern: () => 'non è scritto come deve esserlo questo valore.',
  format: (p) => `non è un ${p.allowed} valido; trovato ${found(p)}.`,
  minLength: (p, h) => `deve avere almeno ${h.count(Number(p.limit), 'characters')}.`,
  maxLength: (p, h) => `deve avere al massimo ${h.count(Number(p.limit), 'characters')}.`,
  minItems: (p, h) => `deve avere almeno ${h.count(Number(p.limit), 'items')}.`,
  maxItems: (p, h) => `deve avere al massimo ${h.count(Number(p.limit), 'items')}.`,
  minimum: (p) => `deve essere almeno ${Number(p.limit)}; trovato ${found(p)}.`,
  maximum: (p) => `deve essere al massimo ${Number(p.limit)}; trovato ${found(p)}.`,
  tag: (p) => `richiede "${p.tag}" con uno di questi valori: ${p.allowed}.`,
  other: () => 'non è valido.',
};

const MISMATCH: Sentences & { other: Sentences[string] } = {
  operator: (p, h) => `non si applica: ${prop(p.property)} ammette ${h.list(listOf(p, 'operators').map(h.quoted))}.`,
  noValue: () => 'non prevede un valore.',
  value: () => 'richiede un valore.',
  list: () => 'richiede una lista di valori.',
  emptyList: () => 'richiede almeno un valore nella sua lista.',
  single: () => 'richiede un solo valore, non una lista.',
  number: () => 'richiede un numero.',
  timestamp: (p, h) => `confronta con ${h.quoted(p.value)}, che non è una data e ora scritta in UTC come ${TIMESTAMP_EXAMPLE}.`,
  date: () => `richiede una data e ora come ${TIMESTAMP_EXAMPLE}.`,
  choice: (p) => `confronta con ${p.value}, che non è uno tra: ${listOf(p, 'choices').join(', ')}.`,
  other: (p) => String(p.detail),
};

const LINKS: LinkWords = { next: 'la sua azione successiva', target: 'destinazione di «Vai a»', default: 'percorso predefinito', path: 'percorso' };
const SOURCES = { start: "l'inizio", default: 'percorso predefinito', path: 'percorso' };

function envelope(p: P, h: ProblemHelpers): string {
  switch (p.reason) {
    case 'noFormat':
      return `Il file non ha "format"; ${aKind(p.kind)} inizia con "format": "${p.format}".`;
    case 'otherKind':
      return `Questo è ${aKind(p.other)} ("format": "${p.otherFormat}"), non ${aKind(p.kind)}.`;
    case 'notTicketflow':
      return `Il "format" è ${found(p)}, non "${p.format}": non è ${aKind(p.kind)} di Ticketflow.`;
    case 'notBundle':
      return `Il "format" non è "${p.format}": non è un pacchetto di spazio di lavoro di Ticketflow.`;
    default:
      return h.problem.message;
  }
}

const VERSIONS: Sentences & { other: Sentences[string] } = {
  none: () => 'Il file non ha "schemaVersion".',
  notWhole: (p) => `Lo "schemaVersion" è ${found(p)}, non un numero intero.`,
  newer: (p) => `Il file ha schemaVersion ${p.version}, più recente di questa versione di Ticketflow; aggiorna Ticketflow per aprirlo.`,
  never: (p) => `Il file ha schemaVersion ${p.version}, che Ticketflow non ha mai scritto.`,
  bundleNewer: (p) => `Il pacchetto ha schemaVersion ${p.version}, più recente di questa versione di Ticketflow.`,
  other: (p) => `Il pacchetto ha schemaVersion ${found(p)}, che Ticketflow non ha mai scritto.`,
};

const STAGES: Record<string, string> = { parse: 'la lettura del JSON', migrate: 'la migrazione del documento alla versione attuale', restore: 'il completamento del documento', validate: 'la convalida del documento' };
const action = (p: P, h: ProblemHelpers) => h.quoted(p.actionId);

/** Italian: the sentence of every problem code. */
export const PROBLEMS_IT: Record<Code, ProblemPhrase> = {
  TF001: (p, h) => `… e ${countOf(p.count)} ${h.noun(countOf(p.count), 'moreProblems')} (di cui ${h.count(countOf(p.errors), 'errors')}), non elencati perché il rapporto resti leggibile.`,
  TF101: (p, h) => `JSON non valido alla riga ${p.line}, colonna ${p.column}: ${syntax(p)}.`,
  TF102: (p, h) => `Il file è di ${p.size}, oltre il limite di ${p.limit}; non è stato letto.`,
  TF103: (p, h) => `I valori sono annidati per più di ${h.count(p.limit, 'levels')} alla riga ${p.line}, colonna ${p.column}; non è stato letto.`,
  TF104: (p, h) => `Il file contiene ${found(p)}, non un oggetto di ${kind(p.kind)}.`,
  TF105: envelope,
  TF106: (p, h) => `${sentence(VERSIONS, p.reason, p, h)} Questa versione di Ticketflow legge ${p.format} con schemaVersion ${h.list(listOf(p, 'versions'))}.`,
  TF107: (p, h) =>
    p.reason === 'encoding'
      ? `Il file è codificato in ${p.encoding}; salvalo in UTF-8 e importalo di nuovo.`
      : `Il byte ${p.byte} alla riga ${p.line}, colonna ${p.column} non è UTF-8. ${p.reason === 'latin1' ? 'Sembra testo Latin-1 o Windows-1252; salva il file in UTF-8 e importalo di nuovo.' : 'Salva il file in UTF-8 e importalo di nuovo.'}`,
  TF108: (p, h) =>
    `La chiave ${p.key} compare due volte nello stesso oggetto, alla riga ${p.line}, colonna ${p.column}, e di nuovo alla riga ${p.againLine}, colonna ${p.againColumn}; un file deve indicare ogni impostazione una sola volta.`,
  TF201: (p, h) => `${where(p, h)} non ha la proprietà obbligatoria ${h.quoted(p.property)}.`,
  TF202: (p, h) => `${where(p, h)} ha la proprietà ${h.quoted(p.property)}, che il formato non ammette.`,
  TF203: (p, h) => `${p.key !== undefined ? h.quoted(p.key) : where(p, h)} deve essere ${types(p, h)}, non ${found(p)}.`,
  TF204: (p, h) => `${where(p, h)} ${sentence(VALUE_RULES, p.rule, p, h)}`,
  TF205: (p, h) => `${where(p, h)} ha ${p.tag} ${h.quoted(p.value)}, che non è uno tra: ${p.allowed}.`,
  TF301: (p, h) => "Il flusso di lavoro ha delle azioni ma nessuna azione iniziale (startActionId è null).",
  TF302: (p, h) => `L'azione iniziale ${h.quoted(p.target)} non è un'azione di questo flusso di lavoro.`,
  TF303: (p, h) => `Un'altra azione ha già l'id ${action(p, h)}.`,
  TF304: (p, h) => `L'azione ${action(p, h)} porta a ${h.quoted(p.target)} (${linkWords(p, h, LINKS)}), che non è un'azione di questo flusso di lavoro.`,
  TF305: (p, h) => `L'azione ${action(p, h)} non può mai essere eseguita: nessun percorso dall'azione iniziale porta a lei.`,
  TF306: (p, h) => `L'azione ${action(p, h)} segue insieme ${sourcesWords(p, h, SOURCES)}; i percorsi possono unirsi solo con un'azione «Vai a».`,
  TF307: (p, h) => `Le azioni ${h.list(listOf(p, 'ids').map(h.quoted))} tornano su sé stesse senza un «Vai a»; solo un'azione «Vai a» può chiudere un ciclo.`,
  TF308: (p, h) => {
    const zero = listOf(p, 'zero');
    const note = zero.length ? ` (${h.list(zero.map(h.quoted))} ${zero.length === 1 ? 'attende' : 'attendono'} 0 minuti, che non è un ritardo)` : '';
    return `Le azioni ${h.list(listOf(p, 'ids').map(h.quoted))} formano un ciclo senza alcuna azione di ritardo${note}; un ticket le ripeterebbe all'infinito.`;
  },
  TF309: (p, h) => `L'azione ${action(p, h)} è incompleta: ${p.key !== undefined ? h.t(String(p.key)) : p.detail}`,
  TF310: (p, h) => `Il ramo ${action(p, h)} ha più di un percorso con l'id ${h.quoted(p.pathId)}.`,
  TF311: (p, h) => `Il percorso ${h.quoted(p.pathId)} del ramo ${action(p, h)} richiede almeno una condizione in ciascuno dei suoi gruppi di condizioni.`,
  TF312: (p, h) => `${where(p, h)} usa lo stato ${h.quoted(p.id)}, che nessuna pipeline dello spazio di lavoro ha.`,
  TF313: (p, h) => `${where(p, h)} usa l'utente ${h.quoted(p.id)}, che non è nello spazio di lavoro.`,
  TF314: (p, h) => `${where(p, h)} usa il team ${h.quoted(p.id)}, che non è nello spazio di lavoro.`,
  TF315: (p, h) => `${where(p, h)} usa il modello email ${h.quoted(p.id)}, che non è nello spazio di lavoro.`,
  TF316: (p, h) =>
    `L'azione ${action(p, h)} imposta lo stato ${h.quoted(p.id)}, che la pipeline ${h.quoted(p.pipeline)} non ha; i ticket di quella pipeline iscritti qui non possono assumerlo.`,
  TF317: (p, h) => `Il trigger di iscrizione ${p.index} («stato cambiato») non ha uno stato scelto.`,
  TF318: (p, h) => 'Il flusso di lavoro non ha trigger di iscrizione, quindi nessun ticket può iscriversi.',
  TF319: (p, h) => `La condizione su ${prop(p.property)} con l'operatore ${h.quoted(p.operator)} ${sentence(MISMATCH, p.rule, p, h)}`,
  TF320: (p, h) => `La condizione su ${prop(p.property)} confronta con ${h.quoted(p.id)}, che non è ${noun(p.what).none} dello spazio di lavoro.`,
  TF321: (p, h) => `Il thread di commenti ${h.quoted(p.threadId)} è su ${h.quoted(p.target)}, che non è né un'azione di questo flusso di lavoro né il trigger.`,
  TF322: (p, h) => `Il layout posiziona ${h.quoted(p.id)}, che non è né un'azione di questo flusso di lavoro né il trigger.`,
  TF323: (p, h) => `${where(p, h)} usa {{${p.token}}}, che non è un token di personalizzazione; viene inviato così come è scritto.`,
  TF324: (p, h) =>
    `Il ramo per valore ${action(p, h)} indica il valore ${h.quoted(p.value)} nel percorso ${p.path} e già nel percorso ${p.first}; ogni valore può avere un solo percorso.`,
  TF325: (p, h) => `Il ramo per valore ${action(p, h)} ha un percorso per ${h.quoted(p.value)}, che non è un valore possibile di ${prop(p.property)} (quelli possibili sono ${p.choices}).`,
  TF401: (p, h) => {
    if (p.pipeline !== undefined) return `Un altro stato della pipeline ${h.quoted(p.pipeline)} ha già l'id ${h.quoted(p.id)}.`;
    return `${noun(p.what).another} ha già l'id ${h.quoted(p.id)}.`;
  },
  TF402: (p, h) => `${where(p, h)} si riferisce ${noun(p.what).to} ${h.quoted(p.id)}, che non esiste.`,
  TF403: (p, h) =>
    `L'evento ${p.index} avviene il ${p.at}, prima ${Number(p.previous) === 0 ? `dell'inizio dello scenario (${p.previousAt})` : `dell'evento ${p.previous} (${p.previousAt})`}; gli eventi devono essere in ordine di tempo dall'inizio dello scenario.`,
  TF404: (p, h) =>
    `Lo scenario finisce il ${p.end}, prima di iniziare il ${p.start}, quindi nessun ritardo o timer verrebbe mai eseguito; imposta una fine dopo l'inizio, oppure toglila (30 giorni dopo l'ultimo evento).`,
  TF405: (p, h) =>
    `L'evento ${p.index} (${p.type}) ${p.ticketId !== undefined ? `indica sia ticketId ${h.quoted(p.ticketId)} sia ticketOf ${h.quoted(p.ticketOf)}` : 'non indica alcun ticket'}; indica ticketId (l'id di un ticket) oppure ticketOf (la conversazione di cui si intende il ticket), esattamente uno dei due.`,
  TF406: (p, h) => `L'evento ${p.index} (${p.type}) indica il ticket della conversazione ${h.quoted(p.conversation)}, che né lo stato iniziale né alcun evento precedente avvia.`,
  TF501: (p, h) => `Il file non può essere letto: ${p.reason}.`,
  TF502: (p, h) => `L'id di flusso di lavoro ${h.quoted(p.id)} è anche l'id del flusso di lavoro in ${h.quoted(p.other)}; gli id dei flussi di lavoro devono essere unici tra i file controllati insieme.`,
  TF503: (p, h) => `L'input supera il limite di ${p.limit}; la lettura si è fermata lì e non è stato controllato.`,
  TF504: (p, h) => 'La cartella non contiene alcun file .json, a nessuna profondità.',
  TF505: (p, h) => 'Il file è valido ma non in forma canonica (schemaVersion attuale, chiavi ordinate, rientro di due spazi); esegui "format --write" su di esso.',
  TF901: (p, h) => `Ticketflow ha avuto un errore durante ${STAGES[String(p.stage)] ?? p.during}: ${p.detail}. È un difetto di Ticketflow, non del file.`,
};
