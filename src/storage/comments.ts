import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Orm } from './database';
import { accounts, commentMessages, commentThreads } from './schema';
import { newId } from './secrets';

/** A message of a thread, by an account. */
export interface StoredMessage {
  id: string;
  author: { id: string; name: string };
  at: Date;
  text: string;
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
};

async function withMessages(orm: Orm, threads: Omit<StoredThread, 'messages'>[]): Promise<StoredThread[]> {
  if (threads.length === 0) return [];
  const rows = await orm
    .select({ id: commentMessages.id, threadId: commentMessages.threadId, authorId: accounts.id, authorName: accounts.name, at: commentMessages.createdAt, text: commentMessages.text })
    .from(commentMessages)
    .innerJoin(accounts, eq(accounts.id, commentMessages.author))
    .where(inArray(commentMessages.threadId, threads.map((t) => t.id)))
    .orderBy(asc(commentMessages.createdAt), asc(commentMessages.id));
  const byThread = new Map<string, StoredMessage[]>();
  for (const r of rows) {
    const list = byThread.get(r.threadId) ?? [];
    list.push({ id: r.id, author: { id: r.authorId, name: r.authorName }, at: r.at, text: r.text });
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

export async function createThread(
  orm: Orm,
  input: { workspaceId: string; workflowId: string; target: string; revision: number; author: string; text: string },
): Promise<string> {
  const id = newId('thr_');
  const now = new Date();
  await orm.insert(commentThreads).values({ id, workspaceId: input.workspaceId, workflowId: input.workflowId, target: input.target, revision: input.revision, createdAt: now });
  await orm.insert(commentMessages).values({ id: newId('msg_'), threadId: id, author: input.author, text: input.text, createdAt: now });
  return id;
}

export async function addReply(orm: Orm, threadId: string, author: string, text: string): Promise<string> {
  const id = newId('msg_');
  await orm.insert(commentMessages).values({ id, threadId, author, text });
  return id;
}

export async function setResolved(orm: Orm, workspaceId: string, threadId: string, resolved: boolean, by: string): Promise<boolean> {
  const rows = await orm
    .update(commentThreads)
    .set(resolved ? { resolved, resolvedBy: by, resolvedAt: new Date() } : { resolved, resolvedBy: null, resolvedAt: null })
    .where(and(eq(commentThreads.workspaceId, workspaceId), eq(commentThreads.id, threadId)))
    .returning({ id: commentThreads.id });
  return rows.length > 0;
}
