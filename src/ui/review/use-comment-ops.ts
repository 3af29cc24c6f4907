import { useState } from 'react';
import type { CommentThread } from '../../model';
import {
  addThread,
  deleteMessage,
  editMessage,
  reopenThread,
  replyToThread,
  resolveThread,
  ReviewError,
  type ReviewErrorCode,
} from '../../review/threads';

/** What the comment components need to change threads: the data, who writes, the clock, and where the result goes. */
export interface CommentOpsProps {
  comments: CommentThread[];
  /** The current profile name ("" while none is set). */
  author: string;
  /** The time stamp for a new or edited comment, ISO 8601 UTC. */
  now: () => string;
  onChange: (comments: CommentThread[]) => void;
}

/** The comment operations bound to a component's props; each returns whether it went through. */
export interface CommentOps {
  /** The last refusal, shown to the user until the next operation. */
  error: ReviewErrorCode | null;
  add(target: string, text: string): boolean;
  reply(threadId: string, text: string): boolean;
  edit(threadId: string, messageId: string, text: string): boolean;
  resolve(threadId: string): boolean;
  reopen(threadId: string): boolean;
  remove(threadId: string, messageId: string): boolean;
}

/** Binds the pure thread operations to props, turning a refusal into an error code instead of an exception. */
export function useCommentOps({ comments, author, now, onChange }: CommentOpsProps): CommentOps {
  const [error, setError] = useState<ReviewErrorCode | null>(null);
  const run = (op: () => CommentThread[]): boolean => {
    try {
      onChange(op());
      setError(null);
      return true;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      setError(e.code);
      return false;
    }
  };
  const draft = (text: string) => ({ author, at: now(), text });
  return {
    error,
    add: (target, text) => run(() => addThread(comments, target, draft(text)).comments),
    reply: (threadId, text) => run(() => replyToThread(comments, threadId, draft(text)).comments),
    edit: (threadId, messageId, text) => run(() => editMessage(comments, threadId, messageId, draft(text))),
    resolve: (threadId) => run(() => resolveThread(comments, threadId)),
    reopen: (threadId) => run(() => reopenThread(comments, threadId)),
    remove: (threadId, messageId) => run(() => deleteMessage(comments, threadId, messageId, author)),
  };
}
