import {
  NameSchema,
  TimestampSchema,
  TRIGGER_NODE_ID,
  type CommentMessage,
  type CommentThread,
} from '../model';

/** Why a comment operation was refused; the UI turns the code into a message. */
export type ReviewErrorCode =
  | 'thread-not-found'
  | 'message-not-found'
  | 'not-author'
  | 'thread-has-replies'
  | 'empty-text'
  | 'text-too-long'
  | 'no-author'
  | 'author-too-long'
  | 'bad-time'
  | 'bad-target';

/** A refused comment operation, naming what was wrong and where. */
export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** What a person writes: who, when (passed in, so operations stay pure and replayable), and the text. */
export interface Draft {
  author: string;
  at: string;
  text: string;
}

const TEXT_MAX = 10000;
const TARGET_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Checks a draft and returns it normalized (author and text trimmed). */
function checkDraft(draft: Draft, where: string): Draft {
  const author = draft.author.trim();
  if (!author) throw new ReviewError('no-author', `${where}: set a profile name before commenting.`);
  if (!NameSchema.safeParse(author).success) {
    throw new ReviewError('author-too-long', `${where}: the profile name is longer than 200 characters.`);
  }
  if (!TimestampSchema.safeParse(draft.at).success) {
    throw new ReviewError('bad-time', `${where}: "${draft.at}" is not an ISO 8601 UTC date-time.`);
  }
  const text = draft.text.trim();
  if (!text) throw new ReviewError('empty-text', `${where}: the comment is empty.`);
  if (text.length > TEXT_MAX) {
    throw new ReviewError('text-too-long', `${where}: the comment has ${text.length} characters; at most ${TEXT_MAX} fit.`);
  }
  return { author, at: draft.at, text };
}

/** The highest number n among ids of the form `${prefix}${n}`. */
function highestSuffix(ids: Iterable<string>, prefix: string): number {
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^[1-9][0-9]*$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return max;
}

function findThread(comments: readonly CommentThread[], threadId: string): CommentThread {
  const thread = comments.find((t) => t.id === threadId);
  if (!thread) throw new ReviewError('thread-not-found', `Comment thread "${threadId}" does not exist.`);
  return thread;
}

function findMessage(thread: CommentThread, messageId: string): CommentMessage {
  const message = thread.messages.find((m) => m.id === messageId);
  if (!message) throw new ReviewError('message-not-found', `Comment "${messageId}" is not in thread "${thread.id}".`);
  return message;
}

function replaceThread(comments: readonly CommentThread[], thread: CommentThread): CommentThread[] {
  return comments.map((t) => (t.id === thread.id ? thread : t));
}

function checkOwner(message: CommentMessage, author: string, what: string): void {
  if (message.author !== author.trim()) {
    throw new ReviewError('not-author', `Only ${message.author} can ${what} comment "${message.id}".`);
  }
}

/** The id the next thread gets: "c" and one more than the highest number in use. */
export function nextThreadId(comments: readonly CommentThread[]): string {
  return `c${highestSuffix(
    comments.map((t) => t.id),
    'c',
  ) + 1}`;
}

/** The id the next message of a thread gets: the thread id, "-m" and one more than the highest in use. */
export function nextMessageId(thread: CommentThread): string {
  const prefix = `${thread.id}-m`;
  return `${prefix}${highestSuffix(
    thread.messages.map((m) => m.id),
    prefix,
  ) + 1}`;
}

/** Starts a thread on an action bubble (by action id) or on the trigger card ("trigger"). */
export function addThread(
  comments: readonly CommentThread[],
  target: string,
  draft: Draft,
): { comments: CommentThread[]; threadId: string } {
  if (!TARGET_RE.test(target)) throw new ReviewError('bad-target', `"${target}" is not an action id or "${TRIGGER_NODE_ID}".`);
  const d = checkDraft(draft, `New comment on ${target}`);
  const id = nextThreadId(comments);
  const message: CommentMessage = { id: `${id}-m1`, author: d.author, at: d.at, text: d.text };
  return { comments: [...comments, { id, target, resolved: false, messages: [message] }], threadId: id };
}

/** Adds a reply at the end of a thread; replying to a resolved thread reopens it. */
export function replyToThread(
  comments: readonly CommentThread[],
  threadId: string,
  draft: Draft,
): { comments: CommentThread[]; messageId: string } {
  const thread = findThread(comments, threadId);
  const d = checkDraft(draft, `Reply in thread ${threadId}`);
  const id = nextMessageId(thread);
  const message: CommentMessage = { id, author: d.author, at: d.at, text: d.text };
  return {
    comments: replaceThread(comments, { ...thread, resolved: false, messages: [...thread.messages, message] }),
    messageId: id,
  };
}

/** Changes the text of one's own comment and stamps the edit time. */
export function editMessage(
  comments: readonly CommentThread[],
  threadId: string,
  messageId: string,
  draft: Draft,
): CommentThread[] {
  const thread = findThread(comments, threadId);
  const message = findMessage(thread, messageId);
  const d = checkDraft(draft, `Edit of comment ${messageId}`);
  checkOwner(message, d.author, 'edit');
  const edited: CommentMessage = { ...message, text: d.text, editedAt: d.at };
  return replaceThread(comments, { ...thread, messages: thread.messages.map((m) => (m.id === messageId ? edited : m)) });
}

/** Marks a thread resolved: it stays readable but no longer counts as open. */
export function resolveThread(comments: readonly CommentThread[], threadId: string): CommentThread[] {
  return replaceThread(comments, { ...findThread(comments, threadId), resolved: true });
}

/** Marks a resolved thread open again. */
export function reopenThread(comments: readonly CommentThread[], threadId: string): CommentThread[] {
  return replaceThread(comments, { ...findThread(comments, threadId), resolved: false });
}

/**
 * Deletes one's own comment. Deleting the only comment of a thread deletes the thread; the first
 * comment of a thread that others replied to cannot go (their replies would lose their context).
 */
export function deleteMessage(
  comments: readonly CommentThread[],
  threadId: string,
  messageId: string,
  author: string,
): CommentThread[] {
  const thread = findThread(comments, threadId);
  const message = findMessage(thread, messageId);
  checkOwner(message, author, 'delete');
  if (thread.messages.length === 1) return comments.filter((t) => t.id !== threadId);
  if (thread.messages[0]!.id === messageId) return deleteThread(comments, threadId, author);
  return replaceThread(comments, { ...thread, messages: thread.messages.filter((m) => m.id !== messageId) });
}

/** Deletes a whole thread; only its starter may, and only while every comment in it is theirs. */
export function deleteThread(comments: readonly CommentThread[], threadId: string, author: string): CommentThread[] {
  const thread = findThread(comments, threadId);
  checkOwner(thread.messages[0]!, author, 'delete');
  const others = thread.messages.filter((m) => m.author !== thread.messages[0]!.author);
  if (others.length) {
    throw new ReviewError(
      'thread-has-replies',
      `Thread "${threadId}" has replies from ${[...new Set(others.map((m) => m.author))].join(', ')}; resolve it instead of deleting it.`,
    );
  }
  return comments.filter((t) => t.id !== threadId);
}

/** Threads on one bubble ("trigger" for the enrollment card), open ones first, each group in creation order. */
export function threadsOf(comments: readonly CommentThread[], target: string): CommentThread[] {
  const on = comments.filter((t) => t.target === target);
  return [...on.filter((t) => !t.resolved), ...on.filter((t) => t.resolved)];
}

/** How many unresolved threads a bubble has: the count its comment badge shows. */
export function openCommentCount(comments: readonly CommentThread[] | undefined, target: string): number {
  let n = 0;
  for (const t of comments ?? []) if (t.target === target && !t.resolved) n++;
  return n;
}

/** Open-thread counts of every bubble at once, for drawing a whole canvas without a scan per bubble. */
export function openCommentCounts(comments: readonly CommentThread[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of comments ?? []) if (!t.resolved) counts.set(t.target, (counts.get(t.target) ?? 0) + 1);
  return counts;
}

/**
 * Drops threads whose action no longer exists (the trigger card always exists). Returns the same
 * array when nothing goes, so the store can tell a deletion with comments from one without.
 */
export function pruneComments(comments: CommentThread[], existingActionIds: Iterable<string>): CommentThread[] {
  const keep = new Set(existingActionIds);
  keep.add(TRIGGER_NODE_ID);
  const kept = comments.filter((t) => keep.has(t.target));
  return kept.length === comments.length ? comments : kept;
}
