import { describe, expect, it, vi } from 'vitest';
import { addThread } from '../../src/review/threads';
import { selectCanRedo, selectCanUndo, selectOpenCommentCount, selectProblemCount } from '../../src/store/selectors';
import { example, openWorkflow, steps, storeWith } from './fixtures';

const URGENT = 'wf-urgent-escalation';

describe('document slice', () => {
  it('records one undo step per committed change and undoes it', () => {
    const store = storeWith(example(URGENT));
    expect(store.getState().insertAt({ type: 'start' }, 'delay').ok).toBe(true);
    expect(steps(store)).toBe(1);
    const inserted = openWorkflow(store).startActionId!;
    expect(openWorkflow(store).actions.find((a) => a.id === inserted)?.kind).toBe('delay');
    expect(store.getState().selection).toEqual({ kind: 'action', id: inserted });
    store.getState().undo();
    expect(openWorkflow(store).startActionId).toBe('branch-priority');
    expect(selectCanRedo(store.getState())).toBe(true);
    store.getState().redo();
    expect(openWorkflow(store).startActionId).toBe(inserted);
  });

  it('keeps a separate history per workflow', () => {
    const store = storeWith(example(URGENT), example('wf-ticket-received-email'));
    store.getState().insertAt({ type: 'start' }, 'delay');
    store.getState().openWorkflow('wf-ticket-received-email');
    expect(selectCanUndo(store.getState())).toBe(false);
    store.getState().insertAt({ type: 'start' }, 'webhook');
    store.getState().undo();
    store.getState().openWorkflow(URGENT);
    expect(steps(store)).toBe(1);
    expect(openWorkflow(store).actions.some((a) => a.kind === 'delay' && a.id !== 'wait-one-day')).toBe(true);
  });

  it('refuses an edit of a built-in automation preview by saying where it is edited, not with review mode', () => {
    const store = storeWith(example(URGENT));
    store.getState().openPreview(example('wf-ticket-received-email'));
    expect(store.getState().insertAt({ type: 'start' }, 'delay').ok).toBe(false);
    expect(store.getState().notices.at(-1)?.key).toBe('notice.builtInReadOnly');
    store.getState().closePreview();
    expect(store.getState().insertAt({ type: 'start' }, 'delay').ok).toBe(true);
  });

  it('makes a drag one step: only the drop commits a position', () => {
    const store = storeWith(example(URGENT));
    store.getState().placeNode('wait-one-day', { x: 400, y: 300 });
    expect(steps(store)).toBe(1);
    expect(store.getState().documents[URGENT]!.layout?.positions['wait-one-day']).toEqual({ x: 400, y: 300 });
    store.getState().tidyUp();
    expect(store.getState().documents[URGENT]!.layout).toBeUndefined();
    expect(steps(store)).toBe(2);
  });

  it('merges a quick run of edits to one action into one step', () => {
    vi.useFakeTimers();
    try {
      const store = storeWith(example(URGENT));
      const notify = () => openWorkflow(store).actions.find((a) => a.id === 'notify-leads')!;
      for (const subject of ['U', 'Ur', 'Urg']) {
        const action = notify();
        if (action.kind !== 'notify') throw new Error('not a notify action');
        store.getState().updateAction({ ...action, subject });
        vi.advanceTimersByTime(200);
      }
      expect(steps(store)).toBe(1);
      vi.advanceTimersByTime(5000);
      const action = notify();
      if (action.kind !== 'notify') throw new Error('not a notify action');
      store.getState().updateAction({ ...action, subject: 'Later edit' });
      expect(steps(store)).toBe(2);
      store.getState().undo();
      expect((notify() as { subject: string }).subject).toBe('Urg');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a graph operation with a message and records nothing', () => {
    const store = storeWith(example(URGENT));
    const outcome = store.getState().cloneAction('branch-priority');
    expect(outcome.ok).toBe(false);
    expect(steps(store)).toBe(0);
    expect(store.getState().notices.at(-1)?.key).toBe('graph.CLONE_BRANCH');
  });

  it('removes the comments of deleted actions together with them, undoably', () => {
    const doc = example(URGENT);
    const comments = addThread([], 'notify-owner-follow-up', { author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Check wording' }).comments;
    const store = storeWith({ ...doc, comments });
    expect(selectOpenCommentCount('notify-owner-follow-up')(store.getState())).toBe(1);
    store.getState().deleteFollowing('wait-one-day');
    expect(store.getState().documents[URGENT]!.comments ?? []).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().documents[URGENT]!.comments).toHaveLength(1);
  });

  it('moves a branch with everything below it and keeps its comments', () => {
    const doc = example(URGENT);
    const comments = addThread([], 'branch-still-open', { author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Why?' }).comments;
    const store = storeWith({ ...doc, comments });
    expect(store.getState().moveAction('branch-still-open', { type: 'link', from: 'notify-leads', slot: 'next' }).ok).toBe(true);
    const wf = openWorkflow(store);
    expect(wf.actions.find((a) => a.id === 'notify-leads')).toMatchObject({ next: 'branch-still-open' });
    expect(store.getState().documents[URGENT]!.comments).toHaveLength(1);
    expect(steps(store)).toBe(1);
  });

  it('deletes a branch keeping the chosen path', () => {
    const store = storeWith(example(URGENT));
    store.getState().deleteAction('branch-priority', 'branch:urgent');
    const wf = openWorkflow(store);
    expect(wf.startActionId).toBe('notify-leads');
    expect(wf.actions.some((a) => a.id === 'wait-one-day')).toBe(false);
  });

  it('refuses to publish a workflow with errors, naming the first', () => {
    const store = storeWith(example(URGENT));
    store.getState().insertAt({ type: 'start' }, 'webhook');
    const outcome = store.getState().publish(URGENT);
    expect(outcome.ok).toBe(false);
    expect(store.getState().notices.at(-1)).toMatchObject({ key: 'versions.publish.refused' });
    expect(store.getState().versions[URGENT]?.published ?? null).toBeNull();
  });

  it('keeps a workflow read-only in review mode but lets comments through', () => {
    const store = storeWith(example(URGENT));
    store.getState().setReviewMode(true);
    expect(store.getState().insertAt({ type: 'start' }, 'delay').ok).toBe(false);
    const comments = addThread([], 'trigger', { author: 'Rev', at: '2026-01-05T09:00:00Z', text: 'Looks right' }).comments;
    expect(store.getState().setComments(comments).ok).toBe(true);
    expect(selectOpenCommentCount('trigger')(store.getState())).toBe(1);
  });

  it('shows validation problems on the bubble they concern once validation has run', () => {
    const store = storeWith(example(URGENT));
    store.getState().insertAt({ type: 'start' }, 'webhook');
    const id = openWorkflow(store).startActionId!;
    expect(selectProblemCount(id)(store.getState())).toBeUndefined();
    store.getState().validateNow();
    expect(selectProblemCount(id)(store.getState())?.errors).toBeGreaterThan(0);
  });

  it('[S-reenroll] replaces the workflow by a clone with the new enrollment', () => {
    const store = storeWith(example(URGENT));
    const enrollment = { ...openWorkflow(store).enrollment, reenroll: true };
    store.getState().cloneWithEnrollment(enrollment);
    const s = store.getState();
    expect(s.documents[URGENT]).toBeUndefined();
    expect(s.openId).not.toBe(URGENT);
    expect(openWorkflow(store).enrollment.reenroll).toBe(true);
    expect(s.versions[s.openId!]?.published ?? null).toBeNull();
  });
});

describe('clipboard', () => {
  it('pastes a copied branch with its subtree into another workflow under fresh ids', () => {
    const store = storeWith(example(URGENT), example('wf-ticket-received-email'));
    const text = store.getState().copyAction('branch-still-open')!;
    store.getState().openWorkflow('wf-ticket-received-email');
    const before = openWorkflow(store).actions.length;
    store.getState().select(null);
    expect(store.getState().pasteText(text).ok).toBe(true);
    const wf = openWorkflow(store);
    expect(wf.actions.length).toBe(before + 2);
    const pasted = wf.actions.find((a) => a.id === wf.startActionId)!;
    expect(pasted.kind).toBe('branch');
    expect(steps(store)).toBe(1);
  });

  it('refuses clipboard text that is not a workflow, saying why', () => {
    const store = storeWith(example(URGENT));
    expect(store.getState().pasteText('{ not json').ok).toBe(false);
    expect(store.getState().notices.at(-1)?.key).toBe('notice.pasteRefused');
    expect(String(store.getState().notices.at(-1)?.params?.reason)).not.toBe('');
    expect(steps(store)).toBe(0);
  });

  it('pastes after the selected action', () => {
    const store = storeWith(example(URGENT));
    const text = store.getState().copyAction('notify-leads')!;
    store.getState().select({ kind: 'action', id: 'wait-one-day' });
    store.getState().pasteText(text);
    const wf = openWorkflow(store);
    const delay = wf.actions.find((a) => a.id === 'wait-one-day')!;
    const next = wf.actions.find((a) => a.id === (delay as { next: string }).next)!;
    expect(next.kind).toBe('notify');
    expect(next.id).not.toBe('notify-leads');
  });
});

describe('selection', () => {
  it('stays on a bubble whose settings have unsaved edits, and says so', () => {
    const store = storeWith(example(URGENT));
    store.getState().select({ kind: 'action', id: 'wait-one-day' });
    store.getState().setInspectorDirty(true);
    expect(store.getState().select({ kind: 'action', id: 'notify-leads' })).toBe(false);
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'wait-one-day' });
    expect(store.getState().notices.at(-1)?.key).toBe('notice.unsavedEdits');
    store.getState().insertAt({ type: 'start' }, 'delay');
    expect(store.getState().selection).toEqual({ kind: 'action', id: 'wait-one-day' });
    store.getState().setInspectorDirty(false);
    expect(store.getState().select({ kind: 'action', id: 'notify-leads' })).toBe(true);
  });

  it('lets go of unsaved edits when their bubble is deleted', () => {
    const store = storeWith(example(URGENT));
    store.getState().select({ kind: 'action', id: 'notify-leads' });
    store.getState().setInspectorDirty(true);
    store.getState().deleteAction('notify-leads');
    expect(store.getState().selection).toBeNull();
    expect(store.getState().inspectorDirty).toBe(false);
  });
});

describe('startValidation', () => {
  it('validates a moment after edits stop, not on every edit', async () => {
    const { startValidation } = await import('../../src/store/validation-slice');
    vi.useFakeTimers();
    try {
      const store = storeWith(example(URGENT));
      const stop = startValidation(store, 250);
      const first = store.getState().validation[URGENT];
      expect(first?.problems).toEqual([]);
      store.getState().insertAt({ type: 'start' }, 'webhook');
      vi.advanceTimersByTime(100);
      store.getState().insertAt({ type: 'start' }, 'webhook');
      vi.advanceTimersByTime(200);
      expect(store.getState().validation[URGENT]).toBe(first);
      vi.advanceTimersByTime(100);
      expect(store.getState().validation[URGENT]!.problems.filter((p) => p.severity === 'error')).toHaveLength(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
