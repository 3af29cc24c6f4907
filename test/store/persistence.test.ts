import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { startPersistence, type PersistenceOptions, type StorageControl } from '../../src/store/persistence';
import { createAppStore, type AppStore } from '../../src/store/store';
import { memoryStorage, openWorkflow, steps, writesNeverLand } from './fixtures';

const running: StorageControl[] = [];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  for (const c of running.splice(0)) c.stop();
  vi.restoreAllMocks();
});

/** A tab: a store whose persistence has started. */
async function tab(options: PersistenceOptions = {}): Promise<{ store: AppStore; control: StorageControl }> {
  const store = createAppStore();
  const control = await startPersistence(store, { channel: null, saveDelayMs: 5, journal: null, ...options });
  store.setState({ storageControl: control });
  running.push(control);
  return { store, control };
}

/** Delivers each message to the other channels of the hub, later, as BroadcastChannel does. */
function hub() {
  const listeners = new Set<(e: MessageEvent) => void>();
  return () => {
    let mine: ((e: MessageEvent) => void) | null = null;
    return {
      postMessage(data: unknown) {
        for (const l of listeners) if (l !== mine) setTimeout(() => l({ data } as MessageEvent), 0);
      },
      addEventListener(_type: 'message', l: (e: MessageEvent) => void) {
        mine = l;
        listeners.add(l);
      },
      close() {
        if (mine) listeners.delete(mine);
      },
    };
  };
}

/** Two tabs on the same workflow: A saves a delay first, then B saves a webhook over the same base. */
async function conflictingTabs() {
  const a = await tab();
  await a.control.flush();
  const b = await tab();
  const id = a.store.getState().openId!;
  a.store.getState().insertAt({ type: 'start' }, 'delay');
  await a.control.flush();
  b.store.getState().insertAt({ type: 'start' }, 'webhook');
  await b.control.flush();
  return { a, b, id };
}

/** The page is hidden and its save never lands: only the journal keeps what was not yet saved. */
async function hideBeforeSaveLands(control: StorageControl): Promise<void> {
  const put = writesNeverLand();
  await control.flush({ pageHidden: true });
  put.mockRestore();
  control.stop();
}

const settle = () => new Promise((r) => setTimeout(r, 30));


describe('persistence', () => {
  it('seeds a first start with the example workspace and opens the first example', async () => {
    const { store, control } = await tab();
    const s = store.getState();
    expect(s.order).toEqual(EXAMPLE_WORKFLOWS.map((e) => e.document.workflow.id));
    expect(s.openId).toBe(EXAMPLE_WORKFLOWS[0]!.document.workflow.id);
    expect(control.seeded).toBe(true);
    await control.flush();
    const again = await tab();
    expect(again.control.seeded).toBe(false);
    expect(again.store.getState().order).toEqual(s.order);
    expect(again.store.getState().workspace).toEqual(s.workspace);
  });

  it('restores documents, the open workflow, preferences and its undo history after a reload', async () => {
    const first = await tab();
    const id = EXAMPLE_WORKFLOWS[6]!.document.workflow.id;
    first.store.getState().openWorkflow(id);
    first.store.getState().insertAt({ type: 'start' }, 'delay');
    first.store.getState().placeNode('trigger', { x: 10, y: 20 });
    first.store.getState().setLanguage('fr');
    await first.control.flush();
    const before = first.store.getState().documents[id];
    first.control.stop();

    const second = await tab();
    const s = second.store.getState();
    expect(s.openId).toBe(id);
    expect(s.language).toBe('fr');
    expect(s.documents[id]).toEqual(before);
    expect(steps(second.store)).toBe(2);
    s.undo();
    s.undo();
    expect(openWorkflow(second.store)).toEqual(EXAMPLE_WORKFLOWS[6]!.document.workflow);
  });

  it('reports an unreadable record and leaves it untouched in storage', async () => {
    const first = await tab();
    await first.control.flush();
    first.control.stop();
    const db = await openDB('ticketflow');
    await db.put('workflows', { v: 1, id: 'wf-broken', revision: 1, doc: { format: 'nonsense' } }, 'wf-broken');
    db.close();

    const second = await tab();
    expect(second.store.getState().documents['wf-broken']).toBeUndefined();
    expect(second.store.getState().notices.map((n) => n.key)).toContain('storage.unreadable');
    second.store.getState().insertAt({ type: 'start' }, 'delay');
    await second.control.flush();
    const check = await openDB('ticketflow');
    expect(await check.get('workflows', 'wf-broken')).toMatchObject({ doc: { format: 'nonsense' } });
    check.close();
  });

  it('keeps working in memory when storage is full, says so, and saves on retry', async () => {
    const { store, control } = await tab();
    await control.flush();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    store.getState().insertAt({ type: 'start' }, 'delay');
    await control.flush();
    expect(store.getState().storage).toMatchObject({ state: 'error', errorKey: 'storage.quota' });
    const edited = store.getState().documents[store.getState().openId!];
    expect(edited!.workflow.actions.some((a) => a.kind === 'delay')).toBe(true);
    put.mockRestore();
    control.retry();
    await control.flush();
    expect(store.getState().storage.state).toBe('saved');
    const reloaded = await tab();
    expect(reloaded.store.getState().documents[store.getState().openId!]).toEqual(edited);
  });

  it('does not let a second tab overwrite a workflow another tab saved; it reports a conflict', async () => {
    const { a, b, id } = await conflictingTabs();
    expect(b.store.getState().conflicts).toEqual([{ workflowId: id, theirRevision: expect.any(Number) }]);
    const c = await tab();
    const stored = c.store.getState().documents[id]!.workflow;
    expect(stored.actions.some((x) => x.kind === 'delay')).toBe(true);
    expect(stored.actions.some((x) => x.kind === 'webhook')).toBe(false);
  });

  it('lets the later writer keep its version as a copy and load the other one', async () => {
    const { a, b, id } = await conflictingTabs();
    await b.control.forkWorkflow(id, 'Mine');
    const s = b.store.getState();
    expect(s.conflicts).toEqual([]);
    expect(s.documents[id]!.workflow.actions.some((x) => x.kind === 'delay')).toBe(true);
    const copy = openWorkflow(b.store);
    expect(copy.id).not.toBe(id);
    expect(copy.name).toBe('Mine');
    expect(copy.actions.some((x) => x.kind === 'webhook')).toBe(true);
    await b.control.flush();
    expect(b.store.getState().conflicts).toEqual([]);
  });

  it('follows another tab’s saves when it has no unsaved changes, and flags a conflict when it has', async () => {
    const channel = hub();
    const a = await tab({ channel: channel() });
    await a.control.flush();
    const b = await tab({ channel: channel() });
    const id = a.store.getState().openId!;
    a.store.getState().insertAt({ type: 'start' }, 'delay');
    await a.control.flush();
    await settle();
    expect(b.store.getState().documents[id]).toEqual(a.store.getState().documents[id]);
    expect(steps(b.store)).toBe(1);

    b.store.getState().setLanguage('es');
    b.store.getState().insertAt({ type: 'start' }, 'webhook');
    a.store.getState().insertAt({ type: 'start' }, 'notify');
    await a.control.flush();
    await settle();
    expect(b.store.getState().conflicts.map((c) => c.workflowId)).toEqual([id]);
    expect(b.store.getState().documents[id]!.workflow.actions.some((x) => x.kind === 'webhook')).toBe(true);
  });

  it('recovers an edit whose save had not landed when the page was hidden, with the stored version one undo away', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal, saveDelayMs: 60_000 });
    await first.control.flush();
    const id = first.store.getState().openId!;
    const stored = first.store.getState().documents[id];
    first.store.getState().insertAt({ type: 'start' }, 'delay');
    const edited = first.store.getState().documents[id];
    await hideBeforeSaveLands(first.control);
    expect(journal.map.size).toBe(1);

    const second = await tab({ journal });
    const s = second.store.getState();
    expect(s.documents[id]).toEqual(edited);
    expect(s.notices.map((n) => n.key)).toContain('storage.recovered');
    await second.control.flush();
    expect(journal.map.size).toBe(0);
    const third = await tab({ journal });
    expect(third.store.getState().documents[id]).toEqual(edited);
    third.store.getState().undo();
    expect(third.store.getState().documents[id]).toEqual(stored);
  });

  it('recovers a workflow created just before the page was hidden, and an unsaved workspace change', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal, saveDelayMs: 60_000 });
    await first.control.flush();
    const id = first.store.getState().createWorkflow('Made just before closing');
    const workspace = { ...first.store.getState().workspace, name: 'Renamed just before closing' };
    first.store.getState().setWorkspace(workspace);
    await hideBeforeSaveLands(first.control);

    const second = await tab({ journal });
    expect(second.store.getState().documents[id]!.workflow.name).toBe('Made just before closing');
    expect(second.store.getState().order).toContain(id);
    expect(second.store.getState().workspace.name).toBe('Renamed just before closing');
  });

  it('reopens the workflow, language and panels chosen just before the page was hidden, when that save had not landed', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal, saveDelayMs: 60_000 });
    await first.control.flush();
    const [, other] = first.store.getState().order;
    first.store.getState().openWorkflow(other!);
    first.store.setState({ language: 'fr' });
    await hideBeforeSaveLands(first.control);
    expect(journal.map.size).toBe(1);

    const second = await tab({ journal });
    expect(second.store.getState().openId).toBe(other);
    expect(second.store.getState().language).toBe('fr');
    expect(second.store.getState().notices.map((n) => n.key)).not.toContain('storage.recovered');
    await second.control.flush();
    expect(journal.map.size).toBe(0);
    const third = await tab({ journal });
    expect(third.store.getState().openId).toBe(other);
  });

  it('journals nothing on page hide when the open workflow and preferences are saved', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal, saveDelayMs: 60_000 });
    await first.control.flush();
    first.store.getState().openWorkflow(first.store.getState().order[1]!);
    await first.control.flush();
    await first.control.flush({ pageHidden: true });
    expect(journal.map.size).toBe(0);
  });

  it('ignores a journal whose save did land, and removes the journal once the save is done', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal, saveDelayMs: 60_000 });
    await first.control.flush();
    const id = first.store.getState().openId!;
    first.store.getState().insertAt({ type: 'start' }, 'delay');
    await first.control.flush({ pageHidden: true });
    expect(journal.map.size).toBe(0);
    // A journal left by a page whose save landed afterwards names a revision storage has moved past.
    first.store.getState().insertAt({ type: 'start' }, 'webhook');
    const put = writesNeverLand();
    await first.control.flush({ pageHidden: true });
    put.mockRestore();
    const stale = [...journal.map.values()][0]!;
    await first.control.flush();
    journal.map.set('ticketflow-unsaved:000000000000001:old', stale);
    first.store.getState().insertAt({ type: 'start' }, 'notify');
    await first.control.flush();
    const kept = first.store.getState().documents[id];
    first.control.stop();

    const second = await tab({ journal });
    expect(second.store.getState().documents[id]).toEqual(kept);
    expect(second.store.getState().notices.map((n) => n.key)).not.toContain('storage.recovered');
  });

  it('reports a damaged journal and drops it without touching the stored work', async () => {
    const journal = memoryStorage();
    const first = await tab({ journal });
    await first.control.flush();
    const docs = first.store.getState().documents;
    first.control.stop();
    journal.map.set('ticketflow-unsaved:000000000000001:x', '{"v":1,"workflows":[{"id":"__proto__"}');
    const second = await tab({ journal });
    expect(second.store.getState().documents).toEqual(docs);
    expect(second.store.getState().notices.map((n) => n.key)).toContain('storage.journalDamaged');
    expect(journal.map.size).toBe(0);
  });

  it('keeps an unreadable workspace record aside before the first save writes over it', async () => {
    const first = await tab();
    await first.control.flush();
    first.control.stop();
    const db = await openDB('ticketflow');
    const garbage = { v: 1, revision: 3, workspace: { name: 42 } };
    await db.put('meta', garbage, 'workspace');
    db.close();

    const second = await tab();
    expect(second.store.getState().notices.map((n) => n.params?.what)).toContain('workspace');
    second.store.getState().setWorkspace({ ...second.store.getState().workspace, name: 'Started again' });
    await second.control.flush();
    const check = await openDB('ticketflow');
    const keys = (await check.getAllKeys('meta')).map(String);
    const aside = keys.filter((k) => k.startsWith('unreadable:workspace:'));
    expect(aside).toHaveLength(1);
    expect(await check.get('meta', aside[0]!)).toMatchObject({ what: 'workspace', value: garbage });
    check.close();
  });

  it('keeps an unreadable workflow record aside when a workflow with its id is saved', async () => {
    const first = await tab();
    await first.control.flush();
    const id = first.store.getState().openId!;
    first.control.stop();
    const db = await openDB('ticketflow');
    await db.put('workflows', 'not a record', id);
    db.close();

    const second = await tab();
    expect(second.store.getState().documents[id]).toBeUndefined();
    second.store.getState().addDocument(EXAMPLE_WORKFLOWS[0]!.document);
    await second.control.flush();
    const check = await openDB('ticketflow');
    const keys = (await check.getAllKeys('meta')).map(String);
    const aside = keys.filter((k) => k.startsWith(`unreadable:workflow:${id}:`));
    expect(aside).toHaveLength(1);
    expect(await check.get('meta', aside[0]!)).toMatchObject({ value: 'not a record' });
    check.close();
  });
});
