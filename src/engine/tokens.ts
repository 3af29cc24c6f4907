import Mustache from 'mustache';
import type { Rendered } from '../actions/types';
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

/** A token that does not exist renders empty, as mustache renders it. */
const NO_VALUE: TokenValue = () => '';

/**
 * A mustache view with no prototype at any level: mustache looks names up with `in`, so on plain
 * objects {{constructor}} or {{__proto__}} would reach JavaScript's own members.
 */
export function tokenView(scopes: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const view = Object.create(null) as Record<string, Record<string, string>>;
  for (const [scope, fields] of Object.entries(scopes)) view[scope] = Object.assign(Object.create(null) as Record<string, string>, fields);
  return view;
}

/** Every token's value as a mustache view, for templates that use sections or partials. */
function fullView(world: World, t: TicketState): Record<string, Record<string, string>> {
  const scopes: Record<string, Record<string, string>> = {};
  for (const [scope, fields] of Object.entries(TOKENS)) {
    const values: Record<string, string> = {};
    for (const field of fields) values[field] = TOKEN_VALUES.get(`${scope}.${field}`)!(world, t);
    scopes[scope] = values;
  }
  return tokenView(scopes);
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
    parts.push(TOKEN_VALUES.get(value) ?? NO_VALUE);
  }
  // Templates come from workflows and the workspace, so there are few; the bound guards against odd input.
  if (partsCache.size >= MAX_CACHED) partsCache.clear();
  partsCache.set(text, parts);
  return parts;
}

// Emails and notifications are plain text: values go in as they are, never HTML-escaped.
const PLAIN = { escape: (value: unknown) => String(value) };

/**
 * Fills the mustache tokens of a text for a ticket; a template that cannot be parsed comes back as an
 * error. Mustache parses every template; plain {{scope.field}} tokens are then filled directly (the
 * simulation renders the same few templates many times), anything else goes through mustache's renderer.
 */
export function renderTokens(world: World, ticket: TicketState, text: string): Rendered {
  if (!text.includes('{{')) return { text };
  try {
    const parts = partsOf(text);
    if (parts === null) return { text: Mustache.render(text, fullView(world, ticket), undefined, PLAIN) };
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(world, ticket);
    return { text: out };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
