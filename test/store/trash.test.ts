import { describe, expect, it } from 'vitest';
import type { TrashedWorkflow } from '../../src/store/document-slice';
import { mergeTrash } from '../../src/store/persistence';
import { createAppStore } from '../../src/store/store';
import { example } from './fixtures';

const URGENT = 'wf-urgent-escalation';

describe('deleting a workflow into the trash', () => {
  it('keeps the document, its revisions and place, says "deleted" with Undo, and Undo brings it all back', () => {
    const store = createAppStore();
    store.getState().load({ workspace: store.getState().workspace, documents: {}, order: [], openId: null, histories: {} });
    store.getState().addDocument(example('wf-ticket-received-email'));
    store.getState().addDocument(example(URGENT));
    store.getState().addDocument(example('wf-ticket-closed-email'));
    store.getState().recordRevision(URGENT, 'create');
    store.getState().publish(URGENT);
    const before = store.getState();
    const doc = before.documents[URGENT]!;
    const versions = before.versions[URGENT]!;
    expect(versions.published).toBe(1);

    store.getState().deleteWorkflow(URGENT);
    const s = store.getState();
    expect(s.documents[URGENT]).toBeUndefined();
    expect(s.versions[URGENT]).toBeUndefined();
    expect(s.trash).toHaveLength(1);
    expect(s.trash[0]).toMatchObject({ doc, versions, position: 1 });
    const notice = s.notices.at(-1)!;
    expect(notice).toMatchObject({ key: 'workflows.deleted', params: { name: doc.workflow.name }, restore: URGENT });

    store.getState().restoreWorkflow(notice.restore!);
    const back = store.getState();
    expect(back.documents[URGENT]).toBe(doc);
    expect(back.versions[URGENT]).toBe(versions);
    expect(back.order.indexOf(URGENT)).toBe(1);
    expect(back.openId).toBe(URGENT);
    expect(back.trash).toEqual([]);
  });

  it('refuses to restore while another workflow has the id, and purges an entry for good', () => {
    const store = createAppStore();
    store.getState().load({ workspace: store.getState().workspace, documents: {}, order: [], openId: null, histories: {} });
    store.getState().addDocument(example(URGENT));
    store.getState().deleteWorkflow(URGENT);
    store.getState().addDocument(example(URGENT));
    store.getState().restoreWorkflow(URGENT);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', key: 'workflows.restore.taken' });
    expect(store.getState().trash).toHaveLength(1);
    const { deletedAt } = store.getState().trash[0]!;
    store.getState().purgeTrashed(URGENT, deletedAt);
    expect(store.getState().trash).toEqual([]);
  });
});

describe('mergeTrash', () => {
  const named = (id: string, deletedAt: string): TrashedWorkflow => {
    const doc = example(URGENT);
    return { doc: { ...doc, workflow: { ...doc.workflow, id } }, versions: null, position: 0, deletedAt };
  };

  it("keeps another tab's entries, drops those this tab restored or purged, the latest first", () => {
    const a = named('wf-a', '2026-01-01T00:00:00.000Z');
    const b = named('wf-b', '2026-01-02T00:00:00.000Z');
    const c = named('wf-c', '2026-01-03T00:00:00.000Z');
    // This tab had read [a]; it restored a and deleted c; another tab stored b since.
    expect(mergeTrash([c], [a], [a, b]).map((e) => e.doc.workflow.id)).toEqual(['wf-c', 'wf-b']);
  });
});
