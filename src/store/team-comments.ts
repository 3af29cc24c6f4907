/**
 * Comments in team mode live on the server, one thread per target, authored by accounts. The
 * canvas still edits `doc.comments` with the pure thread operations; this module turns the
 * difference between what the server holds and what the page shows into API calls, reads the
 * server's threads into the document's shape, and rebases edits made while calls were under way.
 */
import type { CommentMessage, CommentThread } from '../model';

/** One call that brings the server's comments closer to the page's. */
export type CommentOp =
  | { type: 'create'; localId: string; messageId: string; target: string; text: string }
  | { type: 'reply'; threadId: string; messageId: string; text: string }
  | { type: 'resolve'; threadId: string; resolved: boolean };

/** What the page changed that the API has no route for (edited or deleted messages), reverted with a notice. */
export interface CommentDiff {
  ops: CommentOp[];
  unsupported: number;
}

/**
 * The calls that turn `saved` (the server's threads) into `current` (the page's). A new thread is
 * one create plus a reply per further message; a thread's new messages are replies; a changed
 * `resolved` is one update. Edited and deleted messages have no route and are counted instead.
 */
export function commentOps(saved: readonly CommentThread[], current: readonly CommentThread[]): CommentDiff {
  const byId = new Map(saved.map((t) => [t.id, t]));
  const ops: CommentOp[] = [];
  let unsupported = 0;
  for (const thread of current) {
    const before = byId.get(thread.id);
    if (!before) {
      const [first, ...rest] = thread.messages;
      if (!first) continue;
      ops.push({ type: 'create', localId: thread.id, messageId: first.id, target: thread.target, text: first.text });
      for (const m of rest) ops.push({ type: 'reply', threadId: thread.id, messageId: m.id, text: m.text });
      if (thread.resolved) ops.push({ type: 'resolve', threadId: thread.id, resolved: true });
      continue;
    }
    const known = new Map(before.messages.map((m) => [m.id, m]));
    for (const m of thread.messages) {
      const old = known.get(m.id);
      if (!old) ops.push({ type: 'reply', threadId: thread.id, messageId: m.id, text: m.text });
      else if (old.text !== m.text) unsupported++;
    }
    const ids = new Set(thread.messages.map((m) => m.id));
    unsupported += before.messages.filter((m) => !ids.has(m.id)).length;
    if (before.resolved !== thread.resolved) ops.push({ type: 'resolve', threadId: thread.id, resolved: thread.resolved });
  }
  const currentIds = new Set(current.map((t) => t.id));
  unsupported += saved.filter((t) => !currentIds.has(t.id)).length;
  return { ops, unsupported };
}

/**
 * The page's comments after a round of calls: the server's threads `server`, plus what the page
 * added since the round began (`sent` was the page's state then, `now` is its state now). Threads
 * created in the round are known by their server id through `idMap` (local id → server id).
 */
export function rebaseComments(
  server: readonly CommentThread[],
  sent: readonly CommentThread[],
  now: readonly CommentThread[],
  idMap: ReadonlyMap<string, string>,
): CommentThread[] {
  const out = server.map((t) => ({ ...t, messages: [...t.messages] }));
  const index = new Map(out.map((t) => [t.id, t]));
  const sentById = new Map(sent.map((t) => [t.id, t]));
  for (const thread of now) {
    const before = sentById.get(thread.id);
    if (!before) {
      out.push(thread);
      continue;
    }
    const target = index.get(idMap.get(thread.id) ?? thread.id);
    if (!target) continue;
    const had = new Set(before.messages.map((m) => m.id));
    for (const m of thread.messages) if (!had.has(m.id)) target.messages.push(m);
    if (thread.resolved !== before.resolved) target.resolved = thread.resolved;
  }
  return out;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function messageFrom(raw: Record<string, unknown>, fallbackId: string): CommentMessage | null {
  const text = str(raw.text) ?? str(raw.body);
  if (!text) return null;
  const author = str(raw.authorName) ?? (typeof raw.author === 'object' && raw.author ? str((raw.author as Record<string, unknown>).name) : str(raw.author)) ?? '?';
  const at = str(raw.at) ?? str(raw.createdAt) ?? new Date(0).toISOString();
  const message: CommentMessage = { id: String(raw.id ?? fallbackId), author: author.slice(0, 200), at: normaliseTime(at), text: text.slice(0, 10000) };
  return message;
}

/** Timestamps from the server in the model's shape (UTC, `Z`); a value that is not a date stays the epoch. */
function normaliseTime(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}

/**
 * A comment thread as the server sends it, in the document's shape. Accepts a thread carrying
 * `messages`, or a first comment carrying `replies`; returns null for what is neither.
 */
export function threadFromApi(raw: unknown): CommentThread | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const id = r.id === undefined ? undefined : String(r.id);
  const target = str(r.target);
  if (!id || !target) return null;
  const messages: CommentMessage[] = [];
  if (Array.isArray(r.messages)) {
    r.messages.forEach((m, i) => {
      const msg = typeof m === 'object' && m ? messageFrom(m as Record<string, unknown>, `${id}-${i}`) : null;
      if (msg) messages.push(msg);
    });
  } else {
    const first = messageFrom(r, id);
    if (first) messages.push(first);
    if (Array.isArray(r.replies)) {
      r.replies.forEach((m, i) => {
        const msg = typeof m === 'object' && m ? messageFrom(m as Record<string, unknown>, `${id}-r${i}`) : null;
        if (msg) messages.push(msg);
      });
    }
  }
  if (!messages.length) return null;
  const resolved = r.resolved === true || (typeof r.resolvedAt === 'string' && r.resolvedAt !== '');
  return { id, target, resolved, messages };
}

/** The threads of a `GET /workflows/{id}/comments` answer (`{ comments: [...] }`, `{ threads }` or a bare list). */
export function threadsFromApi(body: unknown): CommentThread[] {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? ((body as Record<string, unknown>).comments ?? (body as Record<string, unknown>).threads)
      : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((t) => {
    const thread = threadFromApi(t);
    return thread ? [thread] : [];
  });
}
