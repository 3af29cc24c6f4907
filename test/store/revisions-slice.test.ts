import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src/model';
import { CHECKPOINT_MS, draftSummary, liveDocument } from '../../src/store/revisions';
import { generateWorkflowDocument } from '../bench/generate';
import { selectViewDiff } from '../../src/store/history-view';
import { selectOpenDoc } from '../../src/store/selectors';
import type { AppStore } from '../../src/store/store';
import { example, openWorkflow, steps, storeWith } from './fixtures';

const URGENT = 'wf-urgent-escalation';
const RECEIVED = 'wf-ticket-received-email';

const live = (store: AppStore, id = URGENT) => store.getState().versions[id]?.published ?? null;
const head = (store: AppStore, id = URGENT) => store.getState().versions[id]?.head ?? 0;

/** A store with the urgent workflow published as revision 1. */
function published(): AppStore {
  const store = storeWith(example(URGENT), example(RECEIVED));
  expect(store.getState().publish(URGENT)).toEqual({ ok: true, revision: 1 });
  return store;
}

/** Gives the open draft an error: a webhook placeholder at the start. */
function breakDraft(store: AppStore) {
  expect(store.getState().insertAt({ type: 'start' }, 'webhook').ok).toBe(true);
}

/** A clipboard text holding a workflow whose only action is an incomplete webhook. */
function brokenClipboard(): string {
  const doc: WorkflowDocument = {
    format: 'ticketflow.workflow',
    schemaVersion: 3,
    workflow: {
      id: 'clip',
      name: 'Clip',
      enrollment: { triggers: [], filters: [], reenroll: false, unenroll: [] },
      actions: [{ id: 'hook', kind: 'webhook', method: 'POST', url: '', body: '', next: null }],
      startActionId: 'hook',
    },
  };
  return JSON.stringify(doc);
}

describe('publish', () => {
  it('turns a workflow on by publishing its draft as a revision', () => {
    const store = published();
    const s = store.getState();
    expect(s.versions[URGENT]).toMatchObject({ head: 1, published: 1, everPublished: [1] });
    expect(s.versions[URGENT]!.revisions[0]).toMatchObject({ number: 1, base: null, kind: 'publish', author: null });
    expect(liveDocument(s.versions[URGENT])!.workflow).toEqual(openWorkflow(store));
  });

  it('publishes an unchanged draft as the head revision, without a new one', () => {
    const store = published();
    store.getState().unpublish(URGENT);
    expect(store.getState().publish(URGENT)).toEqual({ ok: true, revision: 1 });
    expect(head(store)).toBe(1);
  });

  it('refuses a draft with errors, with the reasons, and leaves the live revision as it was', () => {
    const store = published();
    breakDraft(store);
    const outcome = store.getState().publish(URGENT);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.review?.errors.length).toBeGreaterThan(0);
    expect(store.getState().notices.at(-1)).toMatchObject({ key: 'versions.publish.refused' });
    expect(live(store)).toBe(1);
    expect(head(store)).toBe(1);
  });

  it('unpublishes: nothing of the workflow is live', () => {
    const store = published();
    expect(store.getState().unpublish(URGENT).ok).toBe(true);
    expect(live(store)).toBeNull();
    expect(store.getState().versions[URGENT]!.everPublished).toEqual([1]);
  });

  it('shows the diff against the live revision before publishing', () => {
    const store = published();
    store.getState().insertAt({ type: 'start' }, 'delay');
    const review = store.getState().reviewPublish(URGENT)!;
    expect(review.errors).toEqual([]);
    expect(review.diff?.added.map((a) => a.kind)).toEqual(['delay']);
    expect(review.unchanged).toBe(false);
  });

  it('[S-reenroll] warns when the enrollment changed and the live revision has enrolled tickets', () => {
    const store = published();
    const wf = openWorkflow(store);
    store.getState().updateWorkflow({ ...wf, enrollment: { ...wf.enrollment, reenroll: true } });
    expect(store.getState().reviewPublish(URGENT)!.reenrollWarning).toBe(false);
    store.getState().setLastEnrolled({ [URGENT]: 3 });
    expect(store.getState().reviewPublish(URGENT)!.reenrollWarning).toBe(true);
  });

  it('[S-reenroll] publishes as a clone and deletes the old workflow, with its live revision', () => {
    const store = published();
    const wf = openWorkflow(store);
    store.getState().updateWorkflow({ ...wf, enrollment: { ...wf.enrollment, reenroll: true } });
    const outcome = store.getState().publishAsClone(URGENT);
    expect(outcome.ok).toBe(true);
    const s = store.getState();
    expect(s.documents[URGENT]).toBeUndefined();
    expect(s.versions[URGENT]).toBeUndefined();
    expect(s.openId).not.toBe(URGENT);
    expect(s.versions[s.openId!]).toMatchObject({ published: 1 });
    expect(liveDocument(s.versions[s.openId!])!.workflow.enrollment.reenroll).toBe(true);
  });
});

describe('no path but publish makes a revision with errors live', () => {
  it('undo after unpublishing does not turn the workflow back on', () => {
    const store = published();
    store.getState().insertAt({ type: 'start' }, 'delay');
    store.getState().unpublish(URGENT);
    store.getState().undo();
    expect(live(store)).toBeNull();
    store.getState().redo();
    expect(live(store)).toBeNull();
  });

  it('undo and redo change the draft only: the live revision stays the published one', () => {
    const store = published();
    breakDraft(store);
    store.getState().undo();
    store.getState().redo();
    expect(live(store)).toBe(1);
    expect(liveDocument(store.getState().versions[URGENT])!.workflow.actions.some((a) => a.kind === 'webhook')).toBe(false);
  });

  it('a paste with errors changes the draft, not the live revision', () => {
    const store = published();
    store.getState().select(null);
    expect(store.getState().pasteText(brokenClipboard(), { type: 'start' }).ok).toBe(true);
    expect(openWorkflow(store).actions.some((a) => a.kind === 'webhook')).toBe(true);
    expect(liveDocument(store.getState().versions[URGENT])!.workflow.actions.some((a) => a.kind === 'webhook')).toBe(false);
  });

  it('a JSON edit (a committed document) with errors changes the draft only', () => {
    const store = published();
    const doc = store.getState().documents[URGENT]!;
    store.getState().commit(URGENT, { ...doc, workflow: { ...doc.workflow, startActionId: 'nowhere' } }, { label: 'history.json' });
    expect(liveDocument(store.getState().versions[URGENT])!.workflow.startActionId).toBe('branch-priority');
    expect(store.getState().publish(URGENT).ok).toBe(false);
  });

  it('an import of a file that was on or live adds a draft that is not live', () => {
    const store = storeWith(example(RECEIVED));
    const file: WorkflowDocument = { ...example(URGENT), revision: { number: 12, published: true } };
    store.getState().addDocument(file);
    store.getState().recordRevision(URGENT, 'import');
    expect(live(store)).toBeNull();
    expect(store.getState().versions[URGENT]!.revisions.map((r) => r.kind)).toEqual(['import']);
  });

  it('a settings change that breaks the draft leaves the live revision as it was, and publish refuses the draft', () => {
    const store = published();
    const ws = store.getState().workspace;
    store.getState().setWorkspace({ ...ws, teams: ws.teams.filter((t) => t.id !== 't-leads') });
    expect(live(store)).toBe(1);
    expect(store.getState().reviewPublish(URGENT)!.errors.map((p) => p.actionId)).toContain('notify-leads');
    expect(store.getState().publish(URGENT).ok).toBe(false);
    expect(live(store)).toBe(1);
  });
});

describe('the draft line: how many changes a draft holds', () => {
  const changes = (store: AppStore, id: string) => {
    const s = store.getState();
    return draftSummary(s.versions[id], s.documents[id]!, []).changes;
  };

  it('counts an imported workflow as one change, however many actions it has, and each edit after it on top', () => {
    const store = storeWith(example(RECEIVED));
    const file = generateWorkflowDocument(2000);
    store.getState().addDocument(file);
    store.getState().recordRevision(file.workflow.id, 'import');
    expect(changes(store, file.workflow.id)).toBe(1);
    store.getState().openWorkflow(file.workflow.id);
    const first = openWorkflow(store).actions[0]!;
    expect(store.getState().deleteActions([first.id]).ok).toBe(true);
    expect(changes(store, file.workflow.id)).toBeGreaterThanOrEqual(2);
  });

  it('counts a new empty workflow as no change, and what is added to it one by one', () => {
    const store = storeWith(example(RECEIVED));
    const doc: WorkflowDocument = {
      ...example(RECEIVED),
      workflow: { ...example(RECEIVED).workflow, id: 'fresh', actions: [], startActionId: null },
    };
    store.getState().addDocument(doc);
    store.getState().recordRevision('fresh', 'create');
    expect(changes(store, 'fresh')).toBe(0);
    store.getState().openWorkflow('fresh');
    expect(store.getState().insertAt({ type: 'start' }, 'delay').ok).toBe(true);
    // The new action, and the start that now points at it.
    expect(changes(store, 'fresh')).toBe(2);
  });

  it('counts against the live revision once there is one: no changes right after a publish', () => {
    const store = published();
    expect(changes(store, URGENT)).toBe(0);
    breakDraft(store);
    // The webhook added at the start, and the start that now points at it.
    expect(changes(store, URGENT)).toBe(2);
  });
});

describe('save, checkpoint and restore', () => {
  it('saves the draft as a revision with a message, and refuses when nothing changed', () => {
    const store = published();
    expect(store.getState().saveRevision(URGENT, 'nothing').ok).toBe(false);
    store.getState().insertAt({ type: 'start' }, 'delay');
    expect(store.getState().saveRevision(URGENT, '  Wait first  ').ok).toBe(true);
    expect(store.getState().versions[URGENT]!.revisions[1]).toMatchObject({ number: 2, base: 1, kind: 'save', message: 'Wait first' });
    expect(live(store)).toBe(1);
  });

  it('adds a checkpoint only when the draft differs from the head and the head is five minutes old', () => {
    const store = published();
    const made = Date.parse(store.getState().versions[URGENT]!.revisions[0]!.createdAt);
    store.getState().checkpointNow(made + CHECKPOINT_MS);
    expect(head(store)).toBe(1);
    store.getState().insertAt({ type: 'start' }, 'delay');
    store.getState().checkpointNow(made + CHECKPOINT_MS - 1);
    expect(head(store)).toBe(1);
    store.getState().checkpointNow(made + CHECKPOINT_MS);
    expect(head(store)).toBe(2);
    expect(store.getState().versions[URGENT]!.revisions[1]!.kind).toBe('checkpoint');
  });

  it('reads no draft content for a checkpoint while the head is younger than five minutes (at 20,000 actions that is a quarter of a second each time)', () => {
    const store = published();
    const made = Date.parse(store.getState().versions[URGENT]!.revisions[0]!.createdAt);
    const draft = store.getState().documents[URGENT]!;
    // A draft whose content cannot be read without notice: reading it throws.
    const untouchable = new Proxy(draft, {
      get(target, key, receiver) {
        if (key === 'workflow') throw new Error('the draft was read');
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    store.setState({ documents: { ...store.getState().documents, [URGENT]: untouchable } });
    expect(() => store.getState().checkpointNow(made + CHECKPOINT_MS - 1)).not.toThrow();
    expect(() => store.getState().checkpointNow(made + CHECKPOINT_MS)).toThrow('the draft was read');
  });

  it('restores a revision as one undo step, keeping the comments, and records a restore revision', () => {
    const store = published();
    const original = openWorkflow(store);
    store.getState().insertAt({ type: 'start' }, 'delay');
    store.getState().saveRevision(URGENT);
    const before = steps(store);
    expect(store.getState().restoreRevision(URGENT, 1).ok).toBe(true);
    expect(openWorkflow(store)).toEqual(original);
    expect(steps(store)).toBe(before + 1);
    expect(store.getState().versions[URGENT]!.revisions.at(-1)).toMatchObject({ number: 3, kind: 'restore', base: 2 });
    store.getState().undo();
    expect(openWorkflow(store).actions.some((a) => a.kind === 'delay' && a.id !== 'wait-one-day')).toBe(true);
    expect(live(store)).toBe(1);
  });
});

describe('the history view', () => {
  it('shows a revision read-only on the canvas and diffs it against the draft', () => {
    const store = published();
    store.getState().insertAt({ type: 'start' }, 'delay');
    store.getState().saveRevision(URGENT);
    store.getState().viewRevision({ workflowId: URGENT, number: 1, against: 'draft' });
    expect(selectOpenDoc(store.getState())!.workflow.actions.some((a) => a.kind === 'delay' && a.id !== 'wait-one-day')).toBe(false);
    const diff = selectViewDiff(store.getState())!;
    expect(diff.removed.map((a) => a.kind)).toEqual(['delay']);
    expect(diff.changed).toEqual([]);
    expect(store.getState().insertAt({ type: 'start' }, 'webhook').ok).toBe(false);
    store.getState().viewRevision({ workflowId: URGENT, number: 2, against: 1 });
    expect(selectViewDiff(store.getState())!.added.map((a) => a.kind)).toEqual(['delay']);
    store.getState().viewRevision(null);
    expect(store.getState().insertAt({ type: 'start' }, 'webhook').ok).toBe(true);
  });

  it('keeps a thread on a bubble a later revision removed readable from the revision that had it', () => {
    const store = published();
    const thread = { id: 'c1', target: 'notify-leads', resolved: false, messages: [{ id: 'm1', author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Check the leads' }] };
    store.getState().setComments([thread]);
    store.getState().deleteAction('notify-leads');
    store.getState().saveRevision(URGENT);
    expect(store.getState().documents[URGENT]!.comments ?? []).toEqual([]);
    store.getState().viewRevision({ workflowId: URGENT, number: 2, against: 'draft' });
    expect(selectOpenDoc(store.getState())!.comments ?? []).toEqual([]);
    store.getState().viewRevision({ workflowId: URGENT, number: 1, against: 'draft' });
    expect(selectOpenDoc(store.getState())!.comments).toEqual([thread]);
  });

  it('brings a thread back to its bubble when a restore brings the bubble back', () => {
    const store = published();
    const thread = { id: 'c1', target: 'notify-leads', resolved: false, messages: [{ id: 'm1', author: 'Ana', at: '2026-01-05T09:00:00Z', text: 'Check the leads' }] };
    store.getState().setComments([thread]);
    store.getState().deleteAction('notify-leads');
    store.getState().restoreRevision(URGENT, 1);
    expect(store.getState().documents[URGENT]!.comments).toEqual([thread]);
  });
});
