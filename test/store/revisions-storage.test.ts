import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { startPersistence, type StorageControl } from '../../src/store/persistence';
import { liveDocument } from '../../src/store/revisions';
import { upgradeStoredDocument } from '../../src/store/revisions-storage';
import { createAppStore, type AppStore } from '../../src/store/store';
import { example } from './fixtures';

const URGENT = 'wf-urgent-escalation';
const RECEIVED = 'wf-ticket-received-email';
const CLOSED = 'wf-ticket-closed-email';
const running: StorageControl[] = [];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function tab(): Promise<{ store: AppStore; control: StorageControl }> {
  const store = createAppStore();
  const control = await startPersistence(store, { channel: null, saveDelayMs: 5, journal: null });
  running.push(control);
  return { store, control };
}

/** A document as the app stored it before versions: schemaVersion 2, with "enabled". */
function version2(doc: WorkflowDocument, enabled: boolean): Record<string, unknown> {
  const { revision: _mark, ...rest } = doc;
  return { ...rest, schemaVersion: 2, workflow: { ...rest.workflow, enabled } };
}

/** The record a workflow had in the database version 1. */
function record1(doc: Record<string, unknown>, past: number[] = []) {
  const id = (doc.workflow as { id: string }).id;
  return { v: 1, id, revision: 4, savedAt: 1, tab: 'old', doc, history: { past, future: [], nextSeq: past.length + 1 } };
}

describe('the local revision store', () => {
  it('seeds the examples as revision 1, live as their files say', async () => {
    const { store } = await tab();
    const s = store.getState();
    expect(s.versions[URGENT]).toMatchObject({ head: 1, published: 1 });
    expect(s.documents[URGENT]!.revision).toBeUndefined();
    expect(s.versions[URGENT]!.revisions[0]!.document.revision).toBeUndefined();
  });

  it('keeps revisions and the live revision across a reload', async () => {
    const first = await tab();
    first.store.getState().insertAt({ type: 'start' }, 'delay');
    first.store.getState().saveRevision(first.store.getState().openId!, 'Wait first');
    first.store.getState().unpublish(URGENT);
    await first.control.flush();
    first.control.stop();
    const second = await tab();
    const s = second.store.getState();
    const open = s.openId!;
    expect(s.versions[open]!.revisions.map((r) => [r.number, r.kind, r.message])).toEqual([
      [1, 'create', null],
      [2, 'save', 'Wait first'],
    ]);
    expect(s.versions[open]!.published).toBe(1);
    expect(s.versions[URGENT]!.published).toBeNull();
    expect(s.versions[URGENT]!.everPublished).toEqual([1]);
  });

  it('deletes a workflow with its revisions', async () => {
    const first = await tab();
    first.store.getState().deleteWorkflow(URGENT);
    await first.control.flush();
    first.control.stop();
    const db = await openDB('ticketflow');
    const keys = (await db.getAllKeys('revisions')).map((k) => (k as [string, number])[0]);
    db.close();
    expect(keys).not.toContain(URGENT);
    expect(keys).toContain(RECEIVED);
  });
});

describe('the database upgrade to versions', () => {
  /** A version-1 database as the app left it: the workspace and three workflows. */
  async function oldDatabase() {
    const db = await openDB('ticketflow', 1, {
      upgrade(d) {
        d.createObjectStore('meta');
        d.createObjectStore('workflows');
        d.createObjectStore('history');
      },
    });
    const broken = version2(example(CLOSED), true);
    const wf = broken.workflow as { actions: unknown[]; startActionId: string };
    wf.actions = [...wf.actions, { id: 'jump', kind: 'goto', target: 'nowhere' }];
    await db.put('meta', { v: 1, revision: 1, workspace: defaultWorkspace() }, 'workspace');
    await db.put('workflows', record1(version2(example(URGENT), true), [1]), URGENT);
    await db.put('workflows', record1(version2(example(RECEIVED), false)), RECEIVED);
    await db.put('workflows', record1(broken), CLOSED);
    await db.put('history', { v: 1, workflowId: URGENT, seq: 1, label: 'history.insert', doc: version2(example(URGENT), true) }, [URGENT, 1]);
    db.close();
  }

  it('makes each stored workflow revision 1, live only if it was enabled and is valid, and says which stayed off', async () => {
    await oldDatabase();
    const { store } = await tab();
    const s = store.getState();
    expect(Object.keys(s.documents).sort()).toEqual([URGENT, CLOSED, RECEIVED].sort());
    expect(s.versions[URGENT]).toMatchObject({ head: 1, published: 1 });
    expect(s.versions[RECEIVED]).toMatchObject({ head: 1, published: null });
    expect(s.versions[CLOSED]).toMatchObject({ head: 1, published: null });
    for (const id of [URGENT, RECEIVED, CLOSED]) {
      expect(s.documents[id]!.schemaVersion).toBe(3);
      expect(s.documents[id]!.workflow).not.toHaveProperty('enabled');
    }
    expect(liveDocument(s.versions[URGENT])!.workflow).toEqual(s.documents[URGENT]!.workflow);
    expect(s.notices.filter((n) => n.key === 'versions.migrated').map((n) => n.params?.name)).toEqual([example(CLOSED).workflow.name]);
  });

  it('tells about a workflow it left off once, not at every start', async () => {
    await oldDatabase();
    const first = await tab();
    first.control.stop();
    const second = await tab();
    expect(second.store.getState().notices.some((n) => n.key === 'versions.migrated')).toBe(false);
    expect(second.store.getState().versions[URGENT]!.published).toBe(1);
  });

  it('reads undo steps stored before versions, in the current format', async () => {
    await oldDatabase();
    const { store } = await tab();
    const past = store.getState().histories[URGENT]!.past;
    expect(past).toHaveLength(1);
    expect(past[0]!.doc.schemaVersion).toBe(3);
    expect(past[0]!.doc.workflow).not.toHaveProperty('enabled');
  });
});

describe('upgradeStoredDocument', () => {
  it('brings a stored schemaVersion 2 document to the current version and leaves others as they are', () => {
    const old = version2(EXAMPLE_WORKFLOWS[0]!.document, true);
    const up = upgradeStoredDocument(old) as { schemaVersion: number; workflow: Record<string, unknown> };
    expect(up.schemaVersion).toBe(3);
    expect(up.workflow).not.toHaveProperty('enabled');
    expect(upgradeStoredDocument('text')).toBe('text');
    const current = { schemaVersion: 3 };
    expect(upgradeStoredDocument(current)).toBe(current);
  });
});

describe('the trash in local storage', () => {
  it('survives a reload; restoring brings the workflow back with its revisions, and nothing else is lost', async () => {
    const first = await tab();
    const s = first.store.getState();
    const others = s.order.filter((id) => id !== URGENT);
    s.saveRevision(URGENT, 'Before the delete');
    const revisions = first.store.getState().versions[URGENT]!.revisions.map((r) => [r.number, r.kind, r.message]);
    const doc = first.store.getState().documents[URGENT]!;
    first.store.getState().deleteWorkflow(URGENT);
    await first.control.flush();
    first.control.stop();

    const second = await tab();
    expect(second.store.getState().documents[URGENT]).toBeUndefined();
    expect(second.store.getState().trash.map((e) => e.doc.workflow.id)).toEqual([URGENT]);
    second.store.getState().restoreWorkflow(URGENT);
    await second.control.flush();
    second.control.stop();

    const third = await tab();
    const t = third.store.getState();
    expect(t.documents[URGENT]).toEqual(doc);
    expect(t.versions[URGENT]!.revisions.map((r) => [r.number, r.kind, r.message])).toEqual(revisions);
    expect(t.order.filter((id) => id !== URGENT)).toEqual(others);
    expect(t.trash).toEqual([]);
    const db = await openDB('ticketflow');
    const keys = (await db.getAllKeys('revisions')).map((k) => (k as [string, number])[0]);
    db.close();
    expect(keys.filter((k) => k === URGENT)).toHaveLength(revisions.length);
  });
});
