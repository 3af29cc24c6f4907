import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportWorkflow } from '../../src/document';
import { copyIdRecord, hasId, idRecord, ownEntry, withId, withoutId } from '../../src/store/id-record';
import { newWorkflowDocument } from '../../src/store/document-slice';
import { startPersistence } from '../../src/store/persistence';
import { selectCanUndo, selectOpenDoc, selectOpenProblems } from '../../src/store/selectors';
import { createAppStore, type AppStore } from '../../src/store/store';
import { importText, resolveConflict } from '../../src/ui/files/file-actions';
import { useImportState } from '../../src/ui/files/import-state';

/** Ids spelled like members of Object.prototype (IdSchema refuses "__proto__", so it cannot be a workflow id). */
const MEMBER_IDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

function nullPrototypes(store: AppStore): void {
  const s = store.getState();
  for (const record of [s.documents, s.histories, s.validation]) expect(Object.getPrototypeOf(record)).toBeNull();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  useImportState.getState().set(null);
});

describe('id records', () => {
  it('answer undefined for an absent id named like an Object member, and keep "__proto__" as an own entry', () => {
    const r = idRecord<number>();
    for (const id of MEMBER_IDS) expect(r[id]).toBeUndefined();
    const withProto = withId(r, '__proto__', 1);
    expect(Object.getPrototypeOf(withProto)).toBeNull();
    expect(Object.keys(withProto)).toEqual(['__proto__']);
    expect(ownEntry(withProto, '__proto__')).toBe(1);
    expect(Object.keys(withoutId(withProto, '__proto__'))).toEqual([]);
  });

  it('read only own entries of an ordinary object, and copy it without its prototype', () => {
    const plain: Record<string, number> = { a: 1 };
    expect(ownEntry(plain, 'constructor')).toBeUndefined();
    expect(hasId(plain, 'toString')).toBe(false);
    expect(Object.getPrototypeOf(copyIdRecord(plain))).toBeNull();
  });
});

describe('workflows with ids named like Object members', () => {
  it.each(MEMBER_IDS)('"%s" is created, opened, imported again as a conflict, replaced and deleted', async (id) => {
    const store = createAppStore();
    store.getState().load({ workspace: store.getState().workspace, documents: {}, order: [], openId: null, histories: {} });
    nullPrototypes(store);
    // No phantom "id exists": the store has no such workflow yet.
    await importText(store, exportWorkflow(newWorkflowDocument(id, `Named ${id}`)), 'file.json');
    expect(useImportState.getState().pending).toBeNull();
    expect(store.getState().openId).toBe(id);
    expect(selectOpenDoc(store.getState())?.workflow.name).toBe(`Named ${id}`);
    expect(selectOpenProblems(store.getState())).toEqual([]);
    nullPrototypes(store);

    await importText(store, exportWorkflow(newWorkflowDocument(id, 'Replacement')), 'again.json');
    expect(useImportState.getState().pending?.kind).toBe('conflict');
    resolveConflict(store, 'replace');
    expect(selectOpenDoc(store.getState())?.workflow.name).toBe('Replacement');
    expect(selectCanUndo(store.getState())).toBe(true);
    nullPrototypes(store);

    store.getState().undo();
    expect(selectOpenDoc(store.getState())?.workflow.name).toBe(`Named ${id}`);
    store.getState().deleteWorkflow(id);
    expect(store.getState().order).toEqual([]);
    expect(hasId(store.getState().documents, id)).toBe(false);
    nullPrototypes(store);
  });

  it('never opens a workflow that does not exist when asked for "constructor"', () => {
    const store = createAppStore();
    store.getState().openWorkflow('constructor');
    expect(store.getState().openId).toBeNull();
    expect(selectOpenDoc({ ...store.getState(), openId: 'constructor' })).toBeNull();
  });

  it('gives a new workflow named "constructor" a fresh id even when the store is an ordinary object', () => {
    const store = createAppStore();
    const id = store.getState().createWorkflow('Constructor');
    expect(id).toBe('wf-constructor');
    nullPrototypes(store);
  });

  it('are stored and read back by persistence with null-prototype records', async () => {
    const seed = () => ({ workspace: createAppStore().getState().workspace, documents: MEMBER_IDS.map((id) => newWorkflowDocument(id, id)) });
    const first = createAppStore();
    const control = await startPersistence(first, { channel: null, saveDelayMs: 5, journal: null, seed });
    await control.flush();
    control.stop();
    const second = createAppStore();
    const again = await startPersistence(second, { channel: null, saveDelayMs: 5, journal: null, seed: () => ({ workspace: second.getState().workspace, documents: [] }) });
    expect([...second.getState().order].sort()).toEqual([...MEMBER_IDS].sort());
    nullPrototypes(second);
    again.stop();
  });
});

describe('the simulation panel’s paths by workflow id', () => {
  it('answer nothing for a workflow named "constructor" before any run', async () => {
    const { createSimulationStore } = await import('../../src/ui/simulation/simulation-store');
    const sim = createSimulationStore();
    expect(sim.getState().paths['constructor']).toBeUndefined();
    expect(Object.getPrototypeOf(sim.getState().paths)).toBeNull();
  });
});
