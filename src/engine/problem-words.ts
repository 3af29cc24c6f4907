import type { ProblemParams } from '../document/codes';
import type { ProblemHelpers } from './render';

// What every language's problem sentences read from a problem the same way: where it is, which link
// it names, the character a syntax error found. Each language then puts these into its own words.

type Params = Readonly<ProblemParams>;
const str = (v: unknown) => (v === undefined ? undefined : String(v));

/** What a problem's subject is: a key, an enrollment trigger, an action, the document or a value. */
export type Place =
  | { type: 'key'; key: string; at: string }
  | { type: 'trigger'; index: number; at: string }
  | { type: 'action'; id: string; at: string }
  | { type: 'document' }
  | { type: 'value'; at: string };

/** Where a problem is, as its English `where` names it (see describePlace), from its params and pointer. */
export function placeOf(p: Params, h: ProblemHelpers): Place {
  const at = str(p.at) ?? h.problem.path;
  if (p.key !== undefined && h.problem.code === 'TF204') return { type: 'key', key: String(p.key), at };
  const trigger = /^\/workflow\/enrollment\/triggers\/(\d+)\//.exec(h.problem.path);
  if (trigger && h.problem.code === 'TF312') return { type: 'trigger', index: Number(trigger[1]) + 1, at };
  if (h.problem.actionId !== undefined) return { type: 'action', id: h.problem.actionId, at };
  return at === '' ? { type: 'document' } : { type: 'value', at };
}

/** The link a TF304 names: next, go-to target, default path, or a path by its label (a label the core gives in the reader's words). */
export function linkOf(p: Params, h: ProblemHelpers): { type: 'next' | 'target' | 'default' | 'path'; label: string } {
  const link = str(p.link);
  if (link === 'next' || link === 'target' || link === 'default') return { type: link, label: '' };
  const label = p.labelKey !== undefined ? h.t(String(p.labelKey)) : (str(p.label) ?? link ?? '');
  return { type: 'path', label };
}

/** The links a TF306 names as meeting: from the start (id null), or from an action by a slot. */
export function sourcesOf(p: Params): { id: string | null; slot: string }[] {
  const ids = Array.isArray(p.fromIds) ? (p.fromIds as readonly string[]) : [];
  const slots = Array.isArray(p.fromSlots) ? (p.fromSlots as readonly string[]) : [];
  return ids.map((id, i) => ({ id: id === '' ? null : id, slot: slots[i] ?? 'next' }));
}

/** A branch path's id from its slot ("branch:p1"), or null for any other slot. */
export function branchPath(slot: string): string | null {
  return slot.startsWith('branch:') ? slot.slice('branch:'.length) : null;
}

/** The character a syntax error found: the end of the file, a line break, a tab, a control character (U+…) or a character. */
export function charOf(p: Params): { type: 'end' | 'lineBreak' | 'tab' | 'control' | 'char'; text: string } {
  const c = str(p.char);
  if (c === undefined || c === '') return { type: 'end', text: '' };
  if (c === '\n') return { type: 'lineBreak', text: '' };
  if (c === '\t') return { type: 'tab', text: '' };
  if (c < ' ') return { type: 'control', text: `U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` };
  return { type: 'char', text: `'${c}'` };
}

/** A list param (ids of a loop), empty when absent. */
export function listOf(p: Params, key: string): readonly string[] {
  const v = p[key];
  return Array.isArray(v) ? (v as readonly string[]) : [];
}

/** A count the core wrote for English readers ("1,234"), as a number. */
export function countOf(v: unknown): number {
  return typeof v === 'number' ? v : Number(String(v ?? '0').replace(/,/g, ''));
}

/** A language's sentences by a problem's rule or reason (its params say which). */
export type Sentences = Record<string, (p: Params, h: ProblemHelpers) => string>;

/** The sentence for a key of the table, else the `other` one. */
export function sentence(table: Sentences & { other: Sentences[string] }, key: unknown, p: Params, h: ProblemHelpers): string {
  return (table[String(key)] ?? table.other)(p, h);
}

/** How a language names a TF304 link: its next action, a go-to's target, the default path, a path (the noun before its label). */
export interface LinkWords {
  next: string;
  target: string;
  default: string;
  path: string;
}

/** The link a TF304 names, in a language's words. */
export function linkWords(p: Params, h: ProblemHelpers, words: LinkWords): string {
  const link = linkOf(p, h);
  return link.type === 'path' ? `${words.path} ${h.quoted(link.label)}` : words[link.type];
}

/** The links a TF306 names as meeting, in a language's words: the start, an action with its default path or a path. */
export function sourcesWords(p: Params, h: ProblemHelpers, words: { start: string; default: string; path: string }): string {
  return h.list(
    sourcesOf(p).map(({ id, slot }) => {
      if (id === null) return words.start;
      const path = branchPath(slot);
      return `${h.quoted(id)}${slot === 'default' ? ` (${words.default})` : path !== null ? ` (${words.path} ${h.quoted(path)})` : ''}`;
    }),
  );
}

/** A language's words for where a problem is (see placeOf); the key and the action come quoted. */
export interface PlaceWords {
  key(key: string, at: string): string;
  trigger(index: number, at: string): string;
  action(id: string, at: string): string;
  document: string;
  value(at: string): string;
}

/** Where a problem is, in a language's words. */
export function placeWords(p: Params, h: ProblemHelpers, words: PlaceWords): string {
  const place = placeOf(p, h);
  switch (place.type) {
    case 'key':
      return words.key(h.quoted(place.key), place.at);
    case 'trigger':
      return words.trigger(place.index, place.at);
    case 'action':
      return words.action(h.quoted(place.id), place.at);
    case 'document':
      return words.document;
    default:
      return words.value(place.at);
  }
}

/** A language's words for the JSON a schema problem found: a string or number with its text, or a kind of value. */
export interface FoundWords {
  string(value: string): string;
  number(value: string): string;
  huge: string;
  array: string;
  object: string;
  nothing: string;
}

/** What a schema problem found, in a language's words (the type's own name when the language has none). */
export function foundWords(p: Params, words: FoundWords): string {
  switch (p.foundType) {
    case 'string':
    case 'number':
      return words[p.foundType](String(p.foundValue));
    case 'huge':
    case 'array':
    case 'object':
    case 'nothing':
      return words[p.foundType];
    default:
      return String(p.foundType);
  }
}

/** A language's words for the character a syntax error found (see charOf); another character is shown as it is. */
export interface CharWords {
  end: string;
  lineBreak: string;
  tab: string;
  control(code: string): string;
}

/** The character a syntax error found, in a language's words. */
export function charWords(p: Params, words: CharWords): string {
  const c = charOf(p);
  return c.type === 'char' ? c.text : c.type === 'control' ? words.control(c.text) : words[c.type];
}
