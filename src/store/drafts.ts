import { z } from 'zod';
import { IdSchema } from '../model';
import type { JsonDraft, PanelDraft } from './draft-slice';
import { hasId } from './id-record';
import { browserJournalStorage, readJournal, removeJournal, writeJournal, type JournalStorage } from './journal';
import type { AppStore } from './store';

/** Where the drafts are kept between visits (one entry: a reload shows the last tab's drafts). */
export const DRAFTS_KEY = 'ticketflow-drafts';

// A text longer than the importer reads is not worth keeping: it can only be refused (TF102).
const MAX_TEXT = 10 * 1024 * 1024;

const KeptSchema = z.object({
  v: z.literal(1),
  panel: z.object({ workflowId: IdSchema, key: z.string().max(400), value: z.unknown() }).nullable(),
  json: z.object({ workflowId: IdSchema, text: z.string().max(MAX_TEXT) }).nullable(),
});

/** The selection a side-panel draft belongs to, read from its session key ("<workflow>/action/<id>"). */
function selectionOf(draft: PanelDraft): { kind: 'trigger' } | { kind: 'action'; id: string } | null {
  const rest = draft.key.slice(draft.workflowId.length + 1);
  if (rest === 'trigger') return { kind: 'trigger' };
  if (rest.startsWith('action/')) return { kind: 'action', id: rest.slice('action/'.length) };
  return null;
}

/**
 * Keeps the side panel's unsaved draft and the JSON view's invalid text in localStorage as they
 * change, and brings them back after a reload: the workflow they belong to opens, the draft's bubble
 * is selected with its panel on the right tab, and a notice says what came back. Drafts of a workflow
 * that no longer exists are dropped. Returns the function that stops keeping them.
 */
export function startDraftKeeping(store: AppStore, storage: JournalStorage | null = browserJournalStorage()): () => void {
  let restored = false;
  const restore = () => {
    if (restored || !store.getState().loaded) return;
    restored = true;
    const found = readJournal(storage, DRAFTS_KEY);
    const parsed = KeptSchema.safeParse(found);
    if (!parsed.success) {
      // Nothing kept, or something this version cannot read (removing a missing entry is harmless).
      removeJournal(storage, DRAFTS_KEY);
      return;
    }
    const s = store.getState();
    const exists = (d: { workflowId: string } | null) => d !== null && hasId(s.documents, d.workflowId);
    const panel = exists(parsed.data.panel) ? (parsed.data.panel as PanelDraft) : null;
    const json = exists(parsed.data.json) ? (parsed.data.json as JsonDraft) : null;
    if (!panel && !json) return;
    const openId = (panel ?? json)!.workflowId;
    if (s.openId !== openId) s.openWorkflow(openId);
    store.setState({ panelDraft: panel, jsonDraft: json });
    if (panel) {
      store.setState({ selection: selectionOf(panel), inspectorDirty: true });
      store.getState().setPanels({ right: true, rightTab: 'inspector' });
    } else if (json) store.getState().setPanels({ right: true, rightTab: 'json' });
  };
  restore();
  const stopLoad = store.subscribe((s) => s.loaded, restore);
  const stopKeep = store.subscribe(
    (s) => [s.panelDraft, s.jsonDraft] as const,
    ([panel, json]) => {
      if (!restored) return;
      if (!panel && !json) removeJournal(storage, DRAFTS_KEY);
      else writeJournal(storage, DRAFTS_KEY, { v: 1, panel, json });
    },
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  return () => {
    stopLoad();
    stopKeep();
  };
}
