import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../src/model';
import {
  addThread,
  deleteMessage,
  deleteThread,
  editMessage,
  nextThreadId,
  openCommentCount,
  openCommentCounts,
  pruneComments,
  reopenThread,
  replyToThread,
  resolveThread,
  ReviewError,
  threadsOf,
} from '../../src/review/threads';

const T0 = '2026-01-05T09:00:00Z';
const T1 = '2026-01-05T09:05:00Z';
const T2 = '2026-01-05T10:00:00Z';

const ana = (text: string, at = T0) => ({ author: 'Ana', at, text });
const marco = (text: string, at = T1) => ({ author: 'Marco', at, text });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReviewError) return e.code;
    throw e;
  }
  throw new Error('expected a ReviewError');
}

/** Two threads: c1 on the email action (Ana, then Marco's reply), c2 on the trigger (Marco). */
function sample(): CommentThread[] {
  let { comments } = addThread([], 'email-1', ana('Use the closed template here?'));
  comments = replyToThread(comments, 'c1', marco('Yes, done.')).comments;
  return addThread(comments, 'trigger', marco('Should chat be included?', T2)).comments;
}

describe('addThread', () => {
  it('starts an open thread on the target with the first comment', () => {
    const { comments, threadId } = addThread([], 'email-1', ana('  Looks good  '));
    expect(threadId).toBe('c1');
    expect(comments).toEqual([
      { id: 'c1', target: 'email-1', resolved: false, messages: [{ id: 'c1-m1', author: 'Ana', at: T0, text: 'Looks good' }] },
    ]);
  });

  it('gives ids one above the highest in use, whatever the order', () => {
    const existing = sample().map((t, i) => (i === 0 ? { ...t, id: 'c7' } : t));
    expect(nextThreadId(existing)).toBe('c8');
    expect(addThread(existing, 'trigger', ana('x')).threadId).toBe('c8');
  });

  it('ignores ids that do not follow the numbering', () => {
    const odd: CommentThread[] = [{ id: 'c01x', target: 'a', resolved: false, messages: [{ id: 'z', author: 'A', at: T0, text: 't' }] }];
    expect(nextThreadId(odd)).toBe('c1');
  });

  it('never changes the array it was given', () => {
    const before = sample();
    const frozen = structuredClone(before);
    addThread(before, 'email-1', ana('again'));
    expect(before).toEqual(frozen);
  });

  it.each([
    ['an empty text', { author: 'Ana', at: T0, text: '   ' }, 'empty-text'],
    ['no profile name', { author: ' ', at: T0, text: 'hi' }, 'no-author'],
    ['a profile name over 200 characters', { author: 'A'.repeat(201), at: T0, text: 'hi' }, 'author-too-long'],
    ['a time that is not ISO', { author: 'Ana', at: 'yesterday', text: 'hi' }, 'bad-time'],
    ['a text over 10,000 characters', { author: 'Ana', at: T0, text: 'x'.repeat(10001) }, 'text-too-long'],
  ])('refuses %s', (_label, draft, code) => {
    expect(codeOf(() => addThread([], 'email-1', draft))).toBe(code);
  });

  it('refuses a target that cannot be an action id', () => {
    expect(codeOf(() => addThread([], '', ana('hi')))).toBe('bad-target');
    expect(codeOf(() => addThread([], '../x', ana('hi')))).toBe('bad-target');
  });

  it('names the place in its error message', () => {
    expect(() => addThread([], 'email-1', { author: 'Ana', at: T0, text: '' })).toThrow(/email-1/);
  });
});

describe('replyToThread', () => {
  it('appends the reply with the next message id', () => {
    const { comments, messageId } = replyToThread(sample(), 'c1', ana('Thanks', T2));
    expect(messageId).toBe('c1-m3');
    expect(comments[0]!.messages.map((m) => m.text)).toEqual(['Use the closed template here?', 'Yes, done.', 'Thanks']);
  });

  it('reopens a resolved thread', () => {
    const resolved = resolveThread(sample(), 'c1');
    expect(replyToThread(resolved, 'c1', ana('Not quite', T2)).comments[0]!.resolved).toBe(false);
  });

  it('refuses an unknown thread', () => {
    expect(codeOf(() => replyToThread(sample(), 'c9', ana('hi')))).toBe('thread-not-found');
  });
});

describe('editMessage', () => {
  it("changes one's own comment and stamps the edit time", () => {
    const edited = editMessage(sample(), 'c1', 'c1-m1', ana('Use the Ticket closed template', T2));
    expect(edited[0]!.messages[0]).toEqual({ id: 'c1-m1', author: 'Ana', at: T0, text: 'Use the Ticket closed template', editedAt: T2 });
    expect(edited[0]!.messages[1]!.editedAt).toBeUndefined();
  });

  it("refuses to edit someone else's comment", () => {
    expect(codeOf(() => editMessage(sample(), 'c1', 'c1-m2', ana('mine now')))).toBe('not-author');
  });

  it('refuses an unknown comment', () => {
    expect(codeOf(() => editMessage(sample(), 'c1', 'c1-m9', ana('x')))).toBe('message-not-found');
  });

  it('refuses to empty a comment', () => {
    expect(codeOf(() => editMessage(sample(), 'c1', 'c1-m1', ana('')))).toBe('empty-text');
  });
});

describe('resolveThread and reopenThread', () => {
  it('toggle the resolved flag of that thread only', () => {
    const resolved = resolveThread(sample(), 'c1');
    expect(resolved.map((t) => t.resolved)).toEqual([true, false]);
    expect(reopenThread(resolved, 'c1').map((t) => t.resolved)).toEqual([false, false]);
  });

  it('refuse an unknown thread', () => {
    expect(codeOf(() => resolveThread(sample(), 'nope'))).toBe('thread-not-found');
    expect(codeOf(() => reopenThread(sample(), 'nope'))).toBe('thread-not-found');
  });
});

describe('deleteMessage', () => {
  it("removes one's own reply and keeps the thread", () => {
    const after = deleteMessage(sample(), 'c1', 'c1-m2', 'Marco');
    expect(after[0]!.messages.map((m) => m.id)).toEqual(['c1-m1']);
  });

  it('removes the thread with its only comment', () => {
    expect(deleteMessage(sample(), 'c2', 'c2-m1', 'Marco').map((t) => t.id)).toEqual(['c1']);
  });

  it("refuses someone else's comment", () => {
    expect(codeOf(() => deleteMessage(sample(), 'c1', 'c1-m2', 'Ana'))).toBe('not-author');
  });

  it('keeps the opening comment while others have replied to it', () => {
    expect(codeOf(() => deleteMessage(sample(), 'c1', 'c1-m1', 'Ana'))).toBe('thread-has-replies');
  });

  it('numbers a new reply after the highest remaining one', () => {
    const after = deleteMessage(sample(), 'c1', 'c1-m2', 'Marco');
    const { comments, messageId } = replyToThread(after, 'c1', marco('again'));
    expect(messageId).toBe('c1-m2');
    expect(new Set(comments[0]!.messages.map((m) => m.id)).size).toBe(2);
  });
});

describe('deleteThread', () => {
  it('removes a thread whose comments are all by its starter', () => {
    const own = replyToThread(sample(), 'c2', marco('and Messenger?')).comments;
    expect(deleteThread(own, 'c2', 'Marco').map((t) => t.id)).toEqual(['c1']);
  });

  it('refuses a thread started by someone else', () => {
    expect(codeOf(() => deleteThread(sample(), 'c2', 'Ana'))).toBe('not-author');
  });

  it('refuses a thread others replied to, naming them', () => {
    expect(() => deleteThread(sample(), 'c1', 'Ana')).toThrow(/Marco/);
  });
});

describe('threadsOf', () => {
  it('lists the open threads of a bubble before the resolved ones', () => {
    let comments = sample();
    comments = addThread(comments, 'email-1', marco('second')).comments;
    comments = resolveThread(comments, 'c1');
    expect(threadsOf(comments, 'email-1').map((t) => t.id)).toEqual(['c3', 'c1']);
    expect(threadsOf(comments, 'other')).toEqual([]);
  });
});

describe('openCommentCount', () => {
  it('counts the unresolved threads of one bubble', () => {
    let comments = addThread(sample(), 'email-1', marco('another')).comments;
    expect(openCommentCount(comments, 'email-1')).toBe(2);
    comments = resolveThread(comments, 'c1');
    expect(openCommentCount(comments, 'email-1')).toBe(1);
    expect(openCommentCount(comments, 'trigger')).toBe(1);
    expect(openCommentCount(comments, 'nothing')).toBe(0);
  });

  it('is zero for a document without comments', () => {
    expect(openCommentCount(undefined, 'trigger')).toBe(0);
  });

  it('agrees with openCommentCounts for every bubble', () => {
    const comments = resolveThread(addThread(sample(), 'email-1', marco('x')).comments, 'c2');
    const counts = openCommentCounts(comments);
    for (const target of ['email-1', 'trigger', 'x']) expect(counts.get(target) ?? 0).toBe(openCommentCount(comments, target));
  });
});

describe('pruneComments', () => {
  it('drops the threads of actions that no longer exist and keeps the trigger', () => {
    const comments = addThread(sample(), 'notify-2', ana('who?')).comments;
    expect(pruneComments(comments, ['notify-2']).map((t) => t.id)).toEqual(['c2', 'c3']);
  });

  it('returns the same array when nothing is dropped', () => {
    const comments = sample();
    expect(pruneComments(comments, new Set(['email-1']))).toBe(comments);
  });
});
