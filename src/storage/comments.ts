import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, commentMessages, commentThreads } from './schema';
import { newId } from './secrets';

/** A message of a thread, by an account. */
export interface StoredMessage {
  id: string;
  author: { id: string; name: string };
  at: Date;
  text: string;
  /** The id the message had where it came from (a bundle, a page), when it was not written here. */
  origin: string | null;
}

/** A review thread on an action bubble or the trigger card, started at a revision. */
export interface StoredThread {
  id: string;
  workflowId: string;
  target: string;
  revision: number;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  /** The id the thread had where it came from, when it was not started here. */
  origin: string | null;
  messages: StoredMessage[];
}

const threadColumns = {
  id: commentThreads.id,
  workflowId: commentThreads.workflowId,
  target: commentThreads.target,
  revision: commentThreads.revision,
  resolved: commentThreads.resolved,
  resolvedBy: commentThreads.resolvedBy,
  resolvedAt: commentThreads.resolvedAt,
  createdAt: commentThreads.createdAt,
  origin: commentThreads.origin,
};

async function withMessages(orm: Orm, threads: Omit<StoredThread, 'messages'>[]): Promise<StoredThread[]> {
  if (threads.length === 0) return [];
  const rows = await orm
    .select({ id: commentMessages.id, threadId: commentMessages.threadId, authorId: accounts.id, authorName: accounts.name, at: commentMessages.createdAt, text: commentMessages.text, origin: commentMessages.origin })
    .from(commentMessages)
    .innerJoin(accounts, eq(accounts.id, commentMessages.author))
    .where(inArray(commentMessages.threadId, threads.map((t) => t.id)))
    .orderBy(asc(commentMessages.createdAt), asc(commentMessages.id));
  const byThread = new Map<string, StoredMessage[]>();
  for (const r of rows) {
    const list = byThread.get(r.threadId) ?? [];
    list.push({ id: r.id, author: { id: r.authorId, name: r.authorName }, at: r.at, text: r.text, origin: r.origin });
    byThread.set(r.threadId, list);
  }
  return threads.map((t) => ({ ...t, messages: byThread.get(t.id) ?? [] }));
}

/** Every thread of a workflow, oldest first, whatever revision it was made on. */
export async function listThreads(orm: Orm, workspaceId: string, workflowId: string): Promise<StoredThread[]> {
  const threads = await orm
    .select(threadColumns)
    .from(commentThreads)
    .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.workflowId, workflowId)))
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
  return withMessages(orm, threads);
}

export async function getThread(orm: Orm, workspaceId: string, threadId: string): Promise<StoredThread | null> {
  const threads = await orm
    .select(threadColumns)
    .from(commentThreads)
    .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.id, threadId)));
  const [thread] = await withMessages(orm, threads);
  return thread ?? null;
}

/**
 * The thread of a workflow known by `key`: its id here, or the id it had where it came from (a
 * bundle moved in, a thread the page sent). Null when there is none.
 */
export async function findThread(orm: Orm, workspaceId: string, workflowId: string, key: string): Promise<StoredThread | null> {
  const threads = await orm
    .select(threadColumns)
    .from(commentThreads)
    .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.workflowId, workflowId), or(eq(commentThreads.id, key), eq(commentThreads.origin, key))))
    .orderBy(asc(commentThreads.createdAt))
    .limit(1);
  const [thread] = await withMessages(orm, threads);
  return thread ?? null;
}

/** Whether a thread holds the message known by `key` (its id here, or the id it came with). */
export function hasMessage(thread: StoredThread, key: string): boolean {
  return thread.messages.some((m) => m.id === key || m.origin === key);
}

export async function createThread(
  orm: Orm,
  input: { workspaceId: string; workflowId: string; target: string; revision: number; author: string; text: string; origin?: string; messageOrigin?: string; at?: Date },
): Promise<string> {
  const id = newId('thr_');
  const now = input.at ?? new Date();
  await orm
    .insert(commentThreads)
    .values({ id, workspaceId: input.workspaceId, workflowId: input.workflowId, target: input.target, revision: input.revision, createdAt: now, origin: input.origin ?? null });
  await orm.insert(commentMessages).values({ id: newId('msg_'), threadId: id, author: input.author, text: input.text, createdAt: now, origin: input.messageOrigin ?? null });
  return id;
}

/** Adds a message to a thread; `at` (default now) orders it, so replies written in one transaction keep their order. */
export async function addReply(orm: Orm, threadId: string, author: string, text: string, origin?: string, at: Date = new Date()): Promise<string> {
  const id = newId('msg_');
  await orm.insert(commentMessages).values({ id, threadId, author, text, origin: origin ?? null, createdAt: at });
  return id;
}

/** A thread as a file holds it: its id there, its target, whether resolved, its messages with their ids there. */
export interface IncomingThread {
  key: string;
  target: string;
  resolved: boolean;
  messages: { key: string; text: string }[];
}

/**
 * Brings a thread from a file in without duplicating it: a thread already here under the same key
 * (its id, or the id it came with) gets only the messages it lacks, and keeps its resolution as it
 * stands here; a new one is created with its messages and resolution. Returns what was done.
 */
export async function mergeThread(
  orm: Orm,
  input: { workspaceId: string; workflowId: string; revision: number; author: string; thread: IncomingThread },
): Promise<{ threadId: string; created: boolean; added: number }> {
  const { thread } = input;
  // One millisecond apart, in the file's order.
  let clock = Date.now();
  const next = () => new Date(++clock);
  const existing = await findThread(orm, input.workspaceId, input.workflowId, thread.key);
  if (existing) {
    let added = 0;
    clock = Math.max(clock, ...existing.messages.map((m) => m.at.getTime()));
    const seen = new Set(existing.messages.flatMap((m) => (m.origin ? [m.id, m.origin] : [m.id])));
    for (const m of thread.messages) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      await addReply(orm, existing.id, input.author, m.text, m.key, next());
      added++;
    }
    return { threadId: existing.id, created: false, added };
  }
  const [first, ...rest] = thread.messages;
  if (!first) throw new Error('a thread needs a first message');
  const threadId = await createThread(orm, {
    workspaceId: input.workspaceId,
    workflowId: input.workflowId,
    target: thread.target,
    revision: input.revision,
    author: input.author,
    text: first.text,
    origin: thread.key,
    messageOrigin: first.key,
    at: next(),
  });
  const seen = new Set([first.key]);
  for (const m of rest) {
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    await addReply(orm, threadId, input.author, m.text, m.key, next());
  }
  if (thread.resolved) await setResolved(orm, input.workspaceId, threadId, true, input.author);
  return { threadId, created: true, added: thread.messages.length };
}

export async function setResolved(orm: Orm, workspaceId: string, threadId: string, resolved: boolean, by: string): Promise<boolean> {
  const rows = await orm
    .update(commentThreads)
    .set(resolved ? { resolved, resolvedBy: by, resolvedAt: new Date() } : { resolved, resolvedBy: null, resolvedAt: null })
    .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.id, threadId)))
    .returning({ id: commentThreads.id });
  return rows.length > 0;
}
