import type { Code } from '../document/codes';
import { TIMESTAMP_EXAMPLE } from '../document/timestamps';
import { charWords, countOf, foundWords, linkWords, listOf, placeWords, sentence, sourcesWords, type LinkWords, type Sentences } from './problem-words';
import type { ProblemHelpers, ProblemPhrase } from './render';
import { PHRASES_ES } from './render-es';

type P = Parameters<ProblemPhrase>[0];

/** Things a problem names, with their gender: "otro estado", "otra plantilla". */
const NOUNS: Record<string, { word: string; female?: true }> = {
  status: { word: 'estado' },
  pipeline: { word: 'pipeline' },
  user: { word: 'usuario' },
  team: { word: 'equipo' },
  contact: { word: 'contacto' },
  channel: { word: 'canal' },
  template: { word: 'plantilla de correo', female: true },
  conversation: { word: 'conversación', female: true },
  ticket: { word: 'ticket' },
  workflow: { word: 'workflow' },
};
const noun = (what: unknown) => NOUNS[String(what)] ?? { word: String(what) };
const KINDS: Record<string, string> = { workflow: 'documento de workflow', workspace: 'espacio de trabajo', scenario: 'escenario', bundle: 'paquete de espacio de trabajo' };
const kind = (k: unknown) => KINDS[String(k)] ?? String(k);
const TYPES: Record<string, string> = { string: 'una cadena', number: 'un número', integer: 'un número entero', boolean: 'true o false', array: 'una lista', object: 'un objeto', null: 'null' };
const prop = (p: unknown) => PHRASES_ES.properties[String(p)] ?? String(p);

const where = (p: P, h: ProblemHelpers) =>
  placeWords(p, h, {
    key: (key, at) => `La clave ${key} en ${at || 'el documento'}`,
    trigger: (index, at) => `El disparador de inscripción ${index} (${at})`,
    action: (id, at) => `La acción ${id} (${at})`,
    document: 'El documento',
    value: (at) => `El valor en ${at}`,
  });

const found = (p: P) =>
  foundWords(p, {
    string: (v) => `la cadena ${v}`,
    number: (v) => `el número ${v}`,
    huge: 'un número demasiado grande para representarlo',
    array: 'una lista',
    object: 'un objeto',
    nothing: 'nada',
  });

function types(p: P, h: ProblemHelpers): string {
  const list = listOf(p, 'types');
  return list.length === 1 ? (TYPES[list[0]!] ?? list[0]!) : h.either(list.map((t) => (t === 'boolean' ? 'un booleano' : (TYPES[t] ?? t))));
}

function syntax(p: P): string {
  const close = p.close === '}' ? 'el valor de una propiedad' : 'un elemento de la lista';
  const expected: Record<string, string> = {
    trailing: 'hay texto después del final del valor JSON',
    value: 'se esperaba un valor',
    separator: `se esperaba ',' o '${p.close}' después de ${close}`,
    name: 'se esperaba un nombre de propiedad entre comillas dobles',
    colon: "se esperaba ':' después del nombre de la propiedad",
    control: 'se esperaba un carácter de la cadena (los caracteres de control deben escaparse)',
    hex: 'se esperaban cuatro dígitos hexadecimales después de \\u',
    escape: 'se esperaba una secuencia de escape válida después de la barra invertida',
    number: 'se esperaba un número',
  };
  if (p.reason === 'unclosed') return 'esta cadena nunca se cierra';
  const at = charWords(p, { end: 'el final del archivo', lineBreak: 'un salto de línea', tab: 'un tabulador', control: (code) => `el carácter de control ${code}` });
  return `${expected[String(p.reason)] ?? String(p.detail)}, y se encontró ${at}`;
}

const withValue = (p: P) => (p.foundValue === undefined ? '' : ` (se encontró ${p.foundValue})`);
const VALUE_RULES: Sentences & { other: Sentences[string] } = {
  const: (p) => `debe ser ${p.allowed}, no ${found(p)}.`,
  enum: (p) => `debe ser uno de: ${p.allowed}; se encontró ${found(p)}.`,
  dateTime: (p) => `no es una fecha y hora escrita en UTC como ${TIMESTAMP_EXAMPLE}${withValue(p)}.`,
  id: () => 'no es un id válido: usa letras, dígitos y _ . : - (como máximo 128 caracteres, empezando por una letra o un dígito).',
  time: () => 'no es una hora del día escrita HH:MM (de 00:00 a 23:59).',
  pattern: () => 'no está escrito como debe escribirse este valor.',
  format: (p) => `no es un ${p.allowed} válido; se encontró ${found(p)}.`,
  minLength: (p, h) => `debe tener al menos ${h.count(Number(p.limit), 'characters')}.`,
  maxLength: (p, h) => `debe tener como máximo ${h.count(Number(p.limit), 'characters')}.`,
  minItems: (p, h) => `debe tener al menos ${h.count(Number(p.limit), 'items')}.`,
  maxItems: (p, h) => `debe tener como máximo ${h.count(Number(p.limit), 'items')}.`,
  minimum: (p) => `debe ser como mínimo ${Number(p.limit)}; se encontró ${found(p)}.`,
  maximum: (p) => `debe ser como máximo ${Number(p.limit)}; se encontró ${found(p)}.`,
  tag: (p) => `necesita "${p.tag}" con uno de estos valores: ${p.allowed}.`,
  other: () => 'no es válido.',
};

const MISMATCH: Sentences & { other: Sentences[string] } = {
  operator: (p, h) => `no se aplica: ${prop(p.property)} admite ${h.list(listOf(p, 'operators').map(h.quoted))}.`,
  noValue: () => 'no lleva valor.',
  value: () => 'necesita un valor.',
  list: () => 'necesita una lista de valores.',
  emptyList: () => 'necesita al menos un valor en su lista.',
  single: () => 'necesita un solo valor, no una lista.',
  number: () => 'necesita un número.',
  timestamp: (p, h) => `compara con ${h.quoted(p.value)}, que no es una fecha y hora escrita en UTC como ${TIMESTAMP_EXAMPLE}.`,
  date: () => `necesita una fecha y hora como ${TIMESTAMP_EXAMPLE}.`,
  choice: (p) => `compara con ${p.value}, que no es uno de: ${listOf(p, 'choices').join(', ')}.`,
  other: (p) => String(p.detail),
};

const LINKS: LinkWords = { next: 'su acción siguiente', target: 'destino de «Ir a»', default: 'camino por defecto', path: 'camino' };
const SOURCES = { start: 'el inicio', default: 'camino por defecto', path: 'camino' };

function envelope(p: P, h: ProblemHelpers): string {
  const a = (k: unknown) => `un ${kind(k)}`;
  switch (p.reason) {
    case 'noFormat':
      return `El archivo no tiene "format"; ${a(p.kind)} empieza por "format": "${p.format}".`;
    case 'otherKind':
      return `Esto es ${a(p.other)} ("format": "${p.otherFormat}"), no ${a(p.kind)}.`;
    case 'notTicketflow':
      return `El "format" es ${found(p)}, no "${p.format}": no es ${a(p.kind)} de Ticketflow.`;
    case 'notBundle':
      return `El "format" no es "${p.format}": no es un paquete de espacio de trabajo de Ticketflow.`;
    default:
      return h.problem.message;
  }
}

const VERSIONS: Sentences & { other: Sentences[string] } = {
  none: () => 'El archivo no tiene "schemaVersion".',
  notWhole: (p) => `El "schemaVersion" es ${found(p)}, no un número entero.`,
  newer: (p) => `El archivo tiene schemaVersion ${p.version}, más reciente que esta versión de Ticketflow; actualiza Ticketflow para abrirlo.`,
  never: (p) => `El archivo tiene schemaVersion ${p.version}, que Ticketflow nunca ha escrito.`,
  bundleNewer: (p) => `El paquete tiene schemaVersion ${p.version}, más reciente que esta versión de Ticketflow.`,
  other: (p) => `El paquete tiene schemaVersion ${found(p)}, que Ticketflow nunca ha escrito.`,
};

const STAGES: Record<string, string> = { parse: 'leer el JSON', migrate: 'migrar el documento a la versión actual', restore: 'completar el documento', validate: 'validar el documento' };
const action = (p: P, h: ProblemHelpers) => h.quoted(p.actionId);

/** Spanish: the sentence of every problem code. */
export const PROBLEMS_ES: Record<Code, ProblemPhrase> = {
  TF001: (p, h) => `… y ${h.count(countOf(p.count), 'problems')} más (${h.count(countOf(p.errors), 'errors')} entre ellos), que no se listan para que el informe siga siendo legible.`,
  TF101: (p, h) => `JSON no válido en la línea ${p.line}, columna ${p.column}: ${syntax(p)}.`,
  TF102: (p, h) => `El archivo ocupa ${p.size}, más que el límite de ${p.limit}; no se ha leído.`,
  TF103: (p, h) => `Los valores están anidados a más de ${h.count(p.limit, 'levels')} de profundidad en la línea ${p.line}, columna ${p.column}; no se ha leído.`,
  TF104: (p, h) => `El archivo contiene ${found(p)}, no un objeto de ${kind(p.kind)}.`,
  TF105: envelope,
  TF106: (p, h) => `${sentence(VERSIONS, p.reason, p, h)} Esta versión de Ticketflow lee ${p.format} con schemaVersion ${h.list(listOf(p, 'versions'))}.`,
  TF107: (p, h) =>
    p.reason === 'encoding'
      ? `El archivo está codificado en ${p.encoding}; guárdalo en UTF-8 e impórtalo de nuevo.`
      : `El byte ${p.byte} de la línea ${p.line}, columna ${p.column} no es UTF-8. ${p.reason === 'latin1' ? 'Parece texto Latin-1 o Windows-1252; guarda el archivo en UTF-8 e impórtalo de nuevo.' : 'Guarda el archivo en UTF-8 e impórtalo de nuevo.'}`,
  TF108: (p, h) =>
    `La clave ${p.key} aparece dos veces en el mismo objeto, en la línea ${p.line}, columna ${p.column}, y de nuevo en la línea ${p.againLine}, columna ${p.againColumn}; un archivo debe indicar cada ajuste una sola vez.`,
  TF201: (p, h) => `${where(p, h)} no tiene la propiedad obligatoria ${h.quoted(p.property)}.`,
  TF202: (p, h) => `${where(p, h)} tiene la propiedad ${h.quoted(p.property)}, que el formato no admite.`,
  TF203: (p, h) => `${p.key !== undefined ? h.quoted(p.key) : where(p, h)} debe ser ${types(p, h)}, no ${found(p)}.`,
  TF204: (p, h) => `${where(p, h)} ${sentence(VALUE_RULES, p.rule, p, h)}`,
  TF205: (p, h) => `${where(p, h)} tiene ${p.tag} ${h.quoted(p.value)}, que no es uno de: ${p.allowed}.`,
  TF301: (p, h) => 'El workflow tiene acciones pero ninguna acción inicial (startActionId es null).',
  TF302: (p, h) => `La acción inicial ${h.quoted(p.target)} no es una acción de este workflow.`,
  TF303: (p, h) => `Otra acción ya tiene el id ${action(p, h)}.`,
  TF304: (p, h) => `La acción ${action(p, h)} lleva a ${h.quoted(p.target)} (${linkWords(p, h, LINKS)}), que no es una acción de este workflow.`,
  TF305: (p, h) => `La acción ${action(p, h)} nunca puede ejecutarse: ningún camino desde la acción inicial lleva a ella.`,
  TF306: (p, h) => `La acción ${action(p, h)} sigue a la vez a ${sourcesWords(p, h, SOURCES)}; los caminos solo pueden unirse mediante una acción «Ir a».`,
  TF307: (p, h) => `Las acciones ${h.list(listOf(p, 'ids').map(h.quoted))} vuelven a sí mismas sin un «Ir a»; solo una acción «Ir a» puede cerrar un bucle.`,
  TF308: (p, h) => {
    const zero = listOf(p, 'zero');
    const note = zero.length ? ` (${h.list(zero.map(h.quoted))} ${zero.length === 1 ? 'espera' : 'esperan'} 0 minutos, que no es ningún retraso)` : '';
    return `Las acciones ${h.list(listOf(p, 'ids').map(h.quoted))} forman un bucle sin ninguna acción de retraso${note}; un ticket las repetiría sin fin.`;
  },
  TF309: (p, h) => `La acción ${action(p, h)} está incompleta: ${p.key !== undefined ? h.t(String(p.key)) : p.detail}`,
  TF310: (p, h) => `La rama ${action(p, h)} tiene más de un camino con el id ${h.quoted(p.pathId)}.`,
  TF311: (p, h) => `El camino ${h.quoted(p.pathId)} de la rama ${action(p, h)} necesita al menos una condición en cada uno de sus grupos de condiciones.`,
  TF312: (p, h) => `${where(p, h)} usa el estado ${h.quoted(p.id)}, que no tiene ningún pipeline del espacio de trabajo.`,
  TF313: (p, h) => `${where(p, h)} usa el usuario ${h.quoted(p.id)}, que no está en el espacio de trabajo.`,
  TF314: (p, h) => `${where(p, h)} usa el equipo ${h.quoted(p.id)}, que no está en el espacio de trabajo.`,
  TF315: (p, h) => `${where(p, h)} usa la plantilla de correo ${h.quoted(p.id)}, que no está en el espacio de trabajo.`,
  TF316: (p, h) =>
    `La acción ${action(p, h)} pone el estado ${h.quoted(p.id)}, que el pipeline ${h.quoted(p.pipeline)} no tiene; los tickets de ese pipeline inscritos aquí no pueden tomarlo.`,
  TF317: (p, h) => `El disparador de inscripción ${p.index} («el estado cambió») no tiene ningún estado elegido.`,
  TF318: (p, h) => 'El workflow no tiene ningún disparador de inscripción, así que ningún ticket puede inscribirse.',
  TF319: (p, h) => `La condición sobre ${prop(p.property)} con el operador ${h.quoted(p.operator)} ${sentence(MISMATCH, p.rule, p, h)}`,
  TF320: (p, h) => {
    const n = noun(p.what);
    return `La condición sobre ${prop(p.property)} compara con ${h.quoted(p.id)}, que no es ${n.female ? 'ninguna' : 'ningún'} ${n.word} del espacio de trabajo.`;
  },
  TF321: (p, h) => `El hilo de comentarios ${h.quoted(p.threadId)} está en ${h.quoted(p.target)}, que no es ni una acción de este workflow ni el disparador.`,
  TF322: (p, h) => `El diseño coloca ${h.quoted(p.id)}, que no es ni una acción de este workflow ni el disparador.`,
  TF323: (p, h) => `${where(p, h)} usa {{${p.token}}}, que no es un token de personalización; se envía tal como está escrito.`,
  TF324: (p, h) =>
    `La rama por valor ${action(p, h)} pone el valor ${h.quoted(p.value)} en el camino ${p.path} y ya lo tiene en el camino ${p.first}; cada valor solo puede tener un camino.`,
  TF325: (p, h) => `La rama por valor ${action(p, h)} tiene un camino para ${h.quoted(p.value)}, que no es un valor posible de ${prop(p.property)} (los posibles son ${p.choices}).`,
  TF401: (p, h) => {
    if (p.pipeline !== undefined) return `Otro estado del pipeline ${h.quoted(p.pipeline)} ya tiene el id ${h.quoted(p.id)}.`;
    const n = noun(p.what);
    return `${n.female ? 'Otra' : 'Otro'} ${n.word} ya tiene el id ${h.quoted(p.id)}.`;
  },
  TF402: (p, h) => {
    const n = noun(p.what);
    return `${where(p, h)} se refiere ${n.female ? 'a la' : 'al'} ${n.word} ${h.quoted(p.id)}, que no existe.`;
  },
  TF403: (p, h) =>
    `El evento ${p.index} ocurre el ${p.at}, antes que ${Number(p.previous) === 0 ? `el inicio del escenario (${p.previousAt})` : `el evento ${p.previous} (${p.previousAt})`}; los eventos deben ir en orden cronológico desde el inicio del escenario.`,
  TF404: (p, h) =>
    `El escenario termina el ${p.end}, antes de empezar el ${p.start}, así que ningún retraso ni temporizador llegaría a ejecutarse; pon un final posterior al inicio o quítalo (30 días después del último evento).`,
  TF405: (p, h) =>
    `El evento ${p.index} (${p.type}) ${p.ticketId !== undefined ? `da a la vez ticketId ${h.quoted(p.ticketId)} y ticketOf ${h.quoted(p.ticketOf)}` : 'no indica ningún ticket'}; da ticketId (el id de un ticket) o ticketOf (la conversación cuyo ticket se quiere decir), exactamente uno de los dos.`,
  TF406: (p, h) => `El evento ${p.index} (${p.type}) nombra el ticket de la conversación ${h.quoted(p.conversation)}, que no inicia ni el estado inicial ni ningún evento anterior.`,
  TF501: (p, h) => `No se puede leer el archivo: ${p.reason}.`,
  TF502: (p, h) => `El id de workflow ${h.quoted(p.id)} es también el id del workflow de ${h.quoted(p.other)}; los ids de workflow deben ser únicos entre los archivos que se comprueban juntos.`,
  TF503: (p, h) => `La entrada supera el límite de ${p.limit}; la lectura se detuvo ahí y no se ha comprobado.`,
  TF504: (p, h) => 'La carpeta no contiene ningún archivo .json a ninguna profundidad.',
  TF505: (p, h) => 'El archivo es válido, pero no está en forma canónica (schemaVersion actual, claves ordenadas, sangría de dos espacios); ejecuta "format --write" sobre él.',
  TF901: (p, h) => `Ticketflow falló al ${STAGES[String(p.stage)] ?? p.during}: ${p.detail}. Es un fallo de Ticketflow, no del archivo.`,
};
