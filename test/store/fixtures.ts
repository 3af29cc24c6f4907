import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type WorkflowDocument } from '../../src/model';
import { vi } from 'vitest';
import type { JournalStorage } from '../../src/store/journal';
import { createAppStore, type AppStore } from '../../src/store/store';

/** An example workflow document by id. */
export function example(id: string): WorkflowDocument {
  const found = EXAMPLE_WORKFLOWS.find((e) => e.document.workflow.id === id);
  if (!found) throw new Error(`No example workflow ${id}`);
  return found.document;
}

/** A store loaded with the default workspace and the given documents, the first one open. */
export function storeWith(...docs: WorkflowDocument[]): AppStore {
  const store = createAppStore();
  const documents: Record<string, WorkflowDocument> = {};
  for (const d of docs) documents[d.workflow.id] = d;
  store.getState().load({
    workspace: defaultWorkspace(),
    documents,
    order: docs.map((d) => d.workflow.id),
    openId: docs[0]?.workflow.id ?? null,
    histories: {},
  });
  return store;
}

/** The open workflow of a store. */
export function openWorkflow(store: AppStore) {
  const s = store.getState();
  return s.documents[s.openId!]!.workflow;
}

/** How many undo steps the open workflow has. */
export function steps(store: AppStore): number {
  const s = store.getState();
  return s.histories[s.openId!]?.past.length ?? 0;
}

/** localStorage as a Map, shared by the tabs of one test. */
export function memoryStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** Makes every IndexedDB write fail, as when the page is gone before the write finishes. */
export function writesNeverLand() {
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The page was closed before the write finished.', 'AbortError');
  });
}
