import Mustache from 'mustache';
import type { PendingText, Rendered, RenderedLater } from '../actions/types';
import { ChunkedList } from './chunks';
import { iso, type TicketState, type World } from './world';

/** The link to a ticket that inbox notices and the {{ticket.link}} token carry (an in-app route, never a network address). */
export function ticketLink(ticketId: string): string {
  return `#/tickets/${encodeURIComponent(ticketId)}`;
}

/** Every personalization token, by scope: {{ticket.subject}}, {{contact.name}}, {{owner.email}}, ... */
export const TOKENS = {
  ticket: ['id', 'subject', 'status', 'statusId', 'pipeline', 'priority', 'owner', 'source', 'createdAt', 'closedAt', 'link'],
  contact: ['name', 'email'],
  owner: ['name', 'email'],
  workspace: ['name'],
} as const;

/** How one token's value is read from a ticket. */
type TokenValue = (world: World, t: TicketState) => string;

const contactOf = (world: World, t: TicketState) => (t.contactId === null ? undefined : world.contacts.get(t.contactId));
const ownerOf = (world: World, t: TicketState) => (t.ownerId === null ? undefined : world.users.get(t.ownerId));

/** The value of every token, by "scope.field" (a map, so no name reaches an object's own members). */
const TOKEN_VALUES = new Map<string, TokenValue>([
  ['ticket.id', (_w, t) => t.id],
  ['ticket.subject', (_w, t) => t.subject],
  ['ticket.status', (w, t) => w.statusLabel(t.pipelineId, t.statusId)],
  ['ticket.statusId', (_w, t) => t.statusId],
  ['ticket.pipeline', (w, t) => w.pipelines.get(t.pipelineId)?.pipeline.name ?? t.pipelineId],
  ['ticket.priority', (_w, t) => t.priority],
  ['ticket.owner', (w, t) => ownerOf(w, t)?.name ?? ''],
  ['ticket.source', (_w, t) => t.source ?? ''],
  ['ticket.createdAt', (_w, t) => iso(t.createdAt)],
  ['ticket.closedAt', (_w, t) => (t.closedAt === null ? '' : iso(t.closedAt))],
  ['ticket.link', (_w, t) => (t.link ??= ticketLink(t.id))],
  ['contact.name', (w, t) => contactOf(w, t)?.name ?? ''],
  ['contact.email', (w, t) => contactOf(w, t)?.email ?? ''],
  ['owner.name', (w, t) => ownerOf(w, t)?.name ?? ''],
  ['owner.email', (w, t) => ownerOf(w, t)?.email ?? ''],
  ['workspace.name', (w) => w.workspace.name],
]);

/** The name of every personalization token ("ticket.subject", ...), in the order of TOKENS. */
export const TOKEN_NAMES: readonly string[] = [...TOKEN_VALUES.keys()];

const SCOPES = new Set<string>(Object.keys(TOKENS));

/** How a template reads a token's value: by its full "scope.field" name, or undefined when there is none. */
export type TokenLookup = (name: string) => string | undefined;

/** One node of mustache's parse tree: [type, name or text, start, end, children?, closing tag start?]. */
type MustacheToken = [string, string, number, number, MustacheToken[]?, number?];

/**
 * The full name a tag's name stands for, inside the scope sections around it: {{subject}} inside
 * {{#ticket}} is ticket.subject. Names are looked up in the token table only, never through the
 * properties of a value, so {{ticket.subject.constructor}} or {{__proto__}} are just unknown names.
 */
function resolve(name: string, scopes: readonly string[], lookup: TokenLookup): string | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const value = lookup(`${scopes[i]}.${name}`);
    if (value !== undefined) return value;
  }
  return lookup(name);
}

/**
 * Fills a template's tokens with mustache's syntax (names, sections, inverted sections, comments,
 * set delimiters), reading values through `lookup` only. An unknown token is left in the text as it
 * was written, so a reader sees it (validation warns about it); an unknown section is shown by its
 * opening tag, without its content. Throws mustache's error on a template it cannot parse.
 */
export function fillTemplate(text: string, lookup: TokenLookup): string {
  let out = '';
  const walk = (tokens: readonly MustacheToken[], scopes: string[]) => {
    for (const token of tokens) {
      const [type, name, start, end, children] = token;
      if (type === 'text') out += name;
      else if (type === 'name' || type === '&') out += resolve(name, scopes, lookup) ?? text.slice(start, end);
      else if (type === '#' || type === '^') {
        const scope = SCOPES.has(name);
        const value = scope ? 'scope' : resolve(name, scopes, lookup);
        if (value === undefined) {
          if (type === '#') out += text.slice(start, end);
          else walk(children ?? [], scopes);
        } else if ((value !== '') === (type === '#')) walk(children ?? [], scope ? [...scopes, name] : scopes);
      } else if (type === '>') out += text.slice(start, end);
      // '!' comments and '=' delimiter changes leave nothing in the text.
    }
  };
  walk(Mustache.parse(text) as MustacheToken[], []);
  return out;
}

/** The names a template uses that are not personalization tokens, in order of appearance; throws on unreadable text. */
export function unknownTokenNames(text: string): string[] {
  const unknown = new Set<string>();
  const walk = (tokens: readonly MustacheToken[], scopes: string[]) => {
    for (const [type, name, , , children] of tokens) {
      if (type !== 'name' && type !== '&' && type !== '#' && type !== '^' && type !== '>') continue;
      const scope = (type === '#' || type === '^') && SCOPES.has(name);
      if (!scope && (type === '>' || resolve(name, scopes, (n) => (TOKEN_VALUES.has(n) ? '' : undefined)) === undefined)) unknown.add(name);
      if (children) walk(children, scope ? [...scopes, name] : scopes);
    }
  };
  walk(Mustache.parse(text) as MustacheToken[], []);
  return [...unknown];
}

/**
 * A template split by mustache's parser into text and {{scope.field}} tokens, each token already resolved
 * to how its value is read; null when the template needs the full renderer.
 */
type Parts = (string | TokenValue)[] | null;

const MAX_CACHED = 2000;
const partsCache = new Map<string, Parts>();

function partsOf(text: string): Parts {
  let parts = partsCache.get(text);
  if (parts !== undefined) return parts;
  parts = [];
  for (const token of Mustache.parse(text)) {
    const type = token[0];
    const value = token[1];
    if (type === 'text') {
      parts.push(value);
      continue;
    }
    const dot = value.indexOf('.');
    if ((type !== 'name' && type !== '&') || dot <= 0 || value.indexOf('.', dot + 1) >= 0) {
      parts = null;
      break;
    }
    parts.push(TOKEN_VALUES.get(value) ?? text.slice(token[2], token[3]));
  }
  // Templates come from workflows and the workspace, so there are few; the bound guards against odd input.
  if (partsCache.size >= MAX_CACHED) partsCache.clear();
  partsCache.set(text, parts);
  return parts;
}

/** A pending text as the interpreter keeps it: its template's parts, and where its token values start. */
interface PendingParts extends PendingText {
  readonly parts: readonly (string | TokenValue)[];
  readonly start: number;
}

/**
 * The token values of a run's pending texts, in the order they were read, and the texts joined from them.
 * A body filled token by token is a tree of a dozen strings; tens of thousands of them, all kept until the
 * end of a run, were a third of what the garbage collector copied. Here a pending text is one small object
 * and its values sit in a few large chunks (see chunks.ts) until the result is taken.
 */
export class PendingTexts {
  private readonly values = new ChunkedList<string>();

  /** A text of a template's parts with the token values it has for the ticket now. */
  add(world: World, ticket: TicketState, parts: readonly (string | TokenValue)[]): PendingParts {
    const values = this.values;
    const start = values.size;
    let length = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (typeof part === 'string') {
        length += part.length;
        continue;
      }
      const value = part(world, ticket);
      length += value.length;
      values.push(value);
    }
    return { pending: true, length, parts, start };
  }

  /** The characters of a text: itself, or a pending one's parts and values joined. */
  text(text: string | PendingText): string {
    if (typeof text === 'string') return text;
    const { parts, start } = text as PendingParts;
    let out = '';
    let v = start;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (typeof part === 'string') out += part;
      else out += this.values.at(v++);
    }
    return out;
  }
}

/**
 * Fills the mustache tokens of a text for a ticket; a template that cannot be parsed comes back as an
 * error. Mustache parses every template; plain {{scope.field}} tokens are then filled directly (the
 * simulation renders the same few templates many times), anything else through fillTemplate. Values go in
 * as they are (emails are plain text), and an unknown token stays as written.
 */
export function renderTokens(world: World, ticket: TicketState, text: string): Rendered {
  return fill(world, ticket, text, null) as Rendered;
}

/**
 * Like renderTokens, for a text only the run's records keep: plain {{scope.field}} templates come back
 * as a pending text of `texts` (values read now, characters joined when the result is taken); anything
 * else is filled at once.
 */
export function renderTokensLater(world: World, texts: PendingTexts, ticket: TicketState, text: string): RenderedLater {
  return fill(world, ticket, text, texts);
}

/** Fills a text's tokens: joined now, or as a pending text of `later` when it is given. */
function fill(world: World, ticket: TicketState, text: string, later: PendingTexts | null): RenderedLater {
  if (!text.includes('{{')) return { text };
  try {
    const parts = partsOf(text);
    if (parts === null) return { text: fillTemplate(text, (name) => TOKEN_VALUES.get(name)?.(world, ticket)) };
    if (later !== null) return { text: later.add(world, ticket, parts) };
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(world, ticket);
    return { text: out };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
