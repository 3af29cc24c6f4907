import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPersistence, type PersistenceOptions, type StorageControl } from '../../src/store/persistence';
import { createAppStore, type AppStore } from '../../src/store/store';

const running: StorageControl[] = [];
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  for (const c of running.splice(0)) c.stop();
});

async function tab(options: PersistenceOptions = {}): Promise<{ store: AppStore; control: StorageControl }> {
  const store = createAppStore();
  const control = await startPersistence(store, { channel: null, saveDelayMs: 5, journal: null, ...options });
  store.setState({ storageControl: control });
  running.push(control);
  return { store, control };
}

const rename = (store: AppStore, name: string) => store.getState().setWorkspace({ ...store.getState().workspace, name });

async function storedWorkspaceName(): Promise<string> {
  const db = await openDB('ticketflow');
  const rec = (await db.get('meta', 'workspace')) as { workspace: { name: string } };
  db.close();
  return rec.workspace.name;
}

describe('the workspace record (help-desk settings) is saved with a revision check', () => {
  async function twoTabsEditingSettings() {
    const a = await tab();
    await a.control.flush();
    const b = await tab();
    rename(a.store, 'Renamed in A');
    await a.control.flush();
    rename(b.store, 'Renamed in B');
    await b.control.flush();
    return { a, b };
  }

  it('does not let the later save overwrite the other tab’s settings: it asks instead', async () => {
    const { b } = await twoTabsEditingSettings();
    expect(await storedWorkspaceName()).toBe('Renamed in A');
    expect(b.store.getState().workspaceConflict).toBe(2);
    expect(b.store.getState().workspace.name).toBe('Renamed in B');
  });

  it('loads the other tab’s settings when asked, and saves normally afterwards', async () => {
    const { b } = await twoTabsEditingSettings();
    await b.control.reloadWorkspace();
    expect(b.store.getState().workspaceConflict).toBeNull();
    expect(b.store.getState().workspace.name).toBe('Renamed in A');
    rename(b.store, 'Then B');
    await b.control.flush();
    expect(await storedWorkspaceName()).toBe('Then B');
  });

  it('saves this tab’s settings over the other’s only when the user keeps them', async () => {
    const { b } = await twoTabsEditingSettings();
    await b.control.keepWorkspace();
    expect(b.store.getState().workspaceConflict).toBeNull();
    expect(await storedWorkspaceName()).toBe('Renamed in B');
  });

  it('follows another tab’s saved settings when it has no unsaved change of its own', async () => {
    const listeners = new Set<(e: MessageEvent) => void>();
    const channel = () => {
      let mine: ((e: MessageEvent) => void) | null = null;
      return {
        postMessage: (data: unknown) => {
          for (const l of listeners) if (l !== mine) setTimeout(() => l({ data } as MessageEvent), 0);
        },
        addEventListener: (_t: 'message', l: (e: MessageEvent) => void) => {
          mine = l;
          listeners.add(l);
        },
        close: () => mine && listeners.delete(mine),
      };
    };
    const a = await tab({ channel: channel() });
    await a.control.flush();
    const b = await tab({ channel: channel() });
    rename(a.store, 'From A');
    await a.control.flush();
    // The other tab hears of the save through the channel and reads the record back: wait for it, however busy the machine.
    await vi.waitFor(() => expect(b.store.getState().workspace.name).toBe('From A'), { timeout: 5000 });
    expect(b.store.getState().workspaceConflict).toBeNull();
  });
});

describe('opening storage that never answers', () => {
  it('opens in the "not saving" state after the deadline, with the failed-open banner’s message', async () => {
    const started = Date.now();
    const { store, control } = await tab({ open: () => new Promise(() => undefined), openTimeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().order.length).toBeGreaterThan(0);
    expect(store.getState().storage).toMatchObject({ state: 'unavailable', errorKey: 'storage.unavailable' });
    expect(store.getState().storage.errorDetail).toContain('did not answer within');
    expect(control.exportAll()).toContain('ticketflow.bundle');
  });

  it('closes a database that opens after the deadline', async () => {
    let closed = false;
    let open: (db: { close(): void }) => void = () => undefined;
    const late = new Promise<{ close(): void }>((resolve) => (open = resolve));
    await tab({ open: () => late as never, openTimeoutMs: 20 });
    open({ close: () => (closed = true) });
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(true);
  });
});
