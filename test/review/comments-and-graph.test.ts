import { describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { cloneAction, deleteAction, deleteFollowing, moveAction } from '../../src/graph';
import type { CommentThread, Workflow } from '../../src/model';
import { addThread, openCommentCount, pruneComments } from '../../src/review/threads';

const T0 = '2026-01-05T09:00:00Z';
const escalation = (): Workflow => EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === 'wf-urgent-escalation')!.document.workflow;
const notifyWaiting = (): Workflow => EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === 'wf-notify-waiting-on-us')!.document.workflow;

function commentOn(...targets: string[]): CommentThread[] {
  return targets.reduce<CommentThread[]>((c, target) => addThread(c, target, { author: 'Rita', at: T0, text: `About ${target}` }).comments, []);
}

describe('comments and graph operations', () => {
  it('follow their action when it moves: threads name actions by id, and a move keeps the id', () => {
    const wf = notifyWaiting();
    const comments = commentOn('notify-owner');
    const moved = moveAction(wf, 'notify-owner', { type: 'start' });
    expect(moved.workflow.startActionId).toBe('notify-owner');
    expect(moved.removed).toEqual([]);
    expect(pruneComments(comments, moved.workflow.actions.map((a) => a.id))).toBe(comments);
    expect(openCommentCount(comments, 'notify-owner')).toBe(1);
  });

  it('are not copied by a clone: the copy gets a new id no thread names', () => {
    const wf = notifyWaiting();
    const comments = commentOn('notify-tier1');
    const cloned = cloneAction(wf, 'notify-tier1');
    const copyId = cloned.added[0]!;
    expect(copyId).not.toBe('notify-tier1');
    expect(openCommentCount(comments, copyId)).toBe(0);
    expect(openCommentCount(comments, 'notify-tier1')).toBe(1);
  });

  it('go with a deleted action, and the old array (the undo state) still holds them', () => {
    const wf = notifyWaiting();
    const comments = commentOn('notify-tier1', 'trigger', 'notify-owner');
    const deleted = deleteAction(wf, 'notify-tier1');
    expect(deleted.removed).toEqual(['notify-tier1']);
    const pruned = pruneComments(comments, deleted.workflow.actions.map((a) => a.id));
    expect(pruned.map((t) => t.target)).toEqual(['trigger', 'notify-owner']);
    expect(comments.map((t) => t.target)).toEqual(['notify-tier1', 'trigger', 'notify-owner']);
  });

  it('go with every action removed by "this action and all following"', () => {
    const wf = escalation();
    const comments = commentOn('wait-one-day', 'notify-owner-follow-up', 'notify-leads');
    const deleted = deleteFollowing(wf, 'wait-one-day');
    const pruned = pruneComments(comments, deleted.workflow.actions.map((a) => a.id));
    expect(pruned.map((t) => t.target)).toEqual(['notify-leads']);
  });
});
