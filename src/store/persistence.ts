import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { z } from 'zod';
import { exportBundle } from '../document';
import { EXAMPLE_WORKFLOWS } from '../examples';
import {
  TRASH_LIMIT,
  defaultWorkspace,
  IdSchema,
  RevisionSchema,
  WorkflowDocumentSchema,
  WorkflowVersionsSchema,
  WorkspaceSchema,
  type Revision,
  type Scenario,
  type WorkflowDocument,
  type Workspace,
} from '../model';
import { LANGUAGES } from '../ui/i18n/core';
import type { LoadedState, TrashedWorkflow } from './document-slice';
import { emptyHistory, HISTORY_LIMIT, recordStep, type HistoryEntry, type WorkflowHistory } from './history';
import { browserJournalStorage, journalKey, readJournals, removeJournal, writeJournal, type JournalStorage } from './journal';
import { hasId, idRecord, withId, withoutId } from './id-record';
import { withoutMark, type VersionState } from './revisions';
import { seedVersions, storedWorkspace, upgradeStoredDocument, upgradeWorkflowRecord, versionStateOf } from './revisions-storage';
import type { AppStore } from './store';

/** Version of the records this code writes; records of another version are not trusted. */
export const STORAGE_VERSION = 1;
const DB_NAME = 'ticketflow';
// 2: revisions (SPEC §10) — a store of revisions, and each workflow record says which one is live.
const DB_VERSION = 2;
const CHANNEL = 'ticketflow-storage';
const SAVE_DELAY_MS = 400;
export const RETRY_DELAYS_MS = [2000, 5000, 15000, 30000, 60000];
/** How long opening the database may take before the app opens without saving (some browsers never answer). */
export const OPEN_TIMEOUT_MS = 4000;

const JOURNAL_PREFIX = 'ticketflow-unsaved:';
/** Meta keys under which unreadable records are copied before anything is written over them. */
const QUARANTINE_PREFIX = 'unreadable:';

const SessionRecordSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  openId: IdSchema.nullable(),
  order: z.array(IdSchema).max(100000),
  language: z.enum(LANGUAGES),
  theme: z.enum(['light', 'dark']).nullable(),
  reviewMode: z.boolean(),
  authorName: z.string().max(200),
  panels: z.object({
    left: z.boolean(),
    right: z.boolean(),
    bottom: z.boolean(),
    rightTab: z.string().max(100),
    bottomTab: z.string().max(100),
  }),
});
type SessionRecord = z.infer<typeof SessionRecordSchema>;

const WorkspaceRecordSchema = z.object({ v: z.literal(STORAGE_VERSION), revision: z.number().int().min(1), workspace: WorkspaceSchema });

/**
 * A stored workflow document, read through the format's migrations: a journal written before versions
 * (schemaVersion 2, with "enabled") still replays. The database upgrade rewrites the stored records.
 */
const StoredDocSchema = z.preprocess(upgradeStoredDocument, WorkflowDocumentSchema);

const WorkflowRecordSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  id: IdSchema,
  revision: z.number().int().min(1),
  savedAt: z.number(),
  tab: z.string().max(100),
  doc: StoredDocSchema,
  /** Which revisions the workflow has and which is live; absent before its first revision. */
  versions: WorkflowVersionsSchema.optional(),
  history: z.object({
    past: z.array(z.number().int()).max(HISTORY_LIMIT),
    future: z.array(z.number().int()).max(HISTORY_LIMIT * 2),
    nextSeq: z.number().int().min(1),
  }),
});
type WorkflowRecord = z.infer<typeof WorkflowRecordSchema>;

const HistoryRecordSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  workflowId: IdSchema,
  seq: z.number().int(),
  label: z.string().max(200),
  doc: StoredDocSchema,
});
type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

/** What a tab had not yet saved when its page was hidden: each piece with the revision it was based on. */
export const JournalSchema = z.object({
  v: z.literal(STORAGE_VERSION),
  at: z.number(),
  workflows: z.array(z.object({ id: IdSchema, base: z.number().int().min(0), doc: StoredDocSchema })).max(100000),
  workspace: z.object({ base: z.number().int().min(0), workspace: WorkspaceSchema }).nullable(),
  /** The open workflow, order, language and panels, when they changed since the last save. */
  session: SessionRecordSchema.optional(),
});
export type Journal = z.infer<typeof JournalSchema>;

/** One stored revision (immutable: written once, deleted only with its workflow). */
const RevisionRecordSchema = z.object({ v: z.literal(STORAGE_VERSION), revision: RevisionSchema });

interface TicketflowDB extends DBSchema {
  meta: { key: string; value: unknown };
  workflows: { key: string; value: unknown };
  history: { key: [string, number]; value: unknown };
  revisions: { key: [string, number]; value: unknown };
}

/** Meta key of the workflows the versions upgrade found on but with errors, told to the user at the next load. */
const UPGRADE_NOTICES = 'versions-upgrade';
/** Meta key of the trash: deleted workflows with their revisions, which can be restored. */
const TRASH_KEY = 'trash';

const TrashEntrySchema = z.object({
  doc: StoredDocSchema,
  versions: WorkflowVersionsSchema.extend({ revisions: z.array(RevisionSchema).max(100000) }).nullable(),
  position: z.number().int().min(0),
  deletedAt: z.string().max(40),
});
const TrashRecordSchema = z.object({ v: z.literal(STORAGE_VERSION), entries: z.array(TrashEntrySchema).max(TRASH_LIMIT * 2) });

/** What names one trash entry: a workflow deleted at a time. */
const trashKey = (e: TrashedWorkflow) => `${e.doc.workflow.id}@${e.deletedAt}`;

/**
 * The trash to store: this tab's, with the entries another tab stored since (kept, not overwritten),
 * minus those this tab restored or purged. The latest first, at most TRASH_LIMIT.
 */
export function mergeTrash(ours: readonly TrashedWorkflow[], saved: readonly TrashedWorkflow[], stored: readonly TrashedWorkflow[]): TrashedWorkflow[] {
  const gone = new Set(saved.map(trashKey));
  for (const e of ours) gone.delete(trashKey(e));
  const mine = new Set(ours.map(trashKey));
  const theirs = stored.filter((e) => !mine.has(trashKey(e)) && !gone.has(trashKey(e)));
  return [...ours, ...theirs].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).slice(0, TRASH_LIMIT);
}

/** What the user can do about storage, offered by the storage banner. */
export interface StorageControl {
  /** Saves now instead of waiting for the next retry. */
  retry(): void;
  /** Throws away this tab's version of a conflicting workflow and loads the one storage holds. */
  reloadWorkflow(id: string): Promise<void>;
  /** Keeps this tab's version as a new workflow named `name`, then loads the stored one under the original id. */
  forkWorkflow(id: string, name: string): Promise<void>;
  /** Team mode: shows their revision read-only with its diff against this page's draft (the versions view). */
  compareConflict?(id: string, theirRevision: number): Promise<void>;
  /** Throws away this tab's help-desk settings and loads the ones another tab saved. */
  reloadWorkspace(): Promise<void>;
  /** Saves this tab's help-desk settings over the ones another tab saved (the user chose to). */
  keepWorkspace(): Promise<void>;
  /** Everything in memory as one JSON file, for a user who cannot save. */
  exportAll(): string;
  /** Whether this start found nothing stored and seeded the example workspace. */
  seeded: boolean;
  /** Writes pending changes now; `pageHidden` first copies them synchronously to the journal (page hide). */
  flush(options?: { pageHidden?: boolean }): Promise<void>;
  stop(): void;
}

/**
 * Persistence is one interface with two adapters: this file's local one (IndexedDB, below) and the
 * team one over the HTTP API (./team-persistence.ts). Each loads the store, keeps saving it, and
 * answers the storage banner through the same `StorageControl`.
 */
export type PersistenceAdapter = (store: AppStore) => Promise<StorageControl>;

/** Options for tests: another broadcast channel (null for none), a fixed tab id, a shorter delay. */
export interface PersistenceOptions {
  channel?: { postMessage(m: unknown): void; addEventListener(t: 'message', l: (e: MessageEvent) => void): void; close(): void } | null;
  tabId?: string;
  saveDelayMs?: number;
  /** The workspace and examples a first start is seeded with. */
  seed?: () => { workspace: Workspace; documents: WorkflowDocument[] };
  /** The scenario library, for the backup bundle (kept by the simulation panel). */
  scenarios?: () => Scenario[];
  /** Where unsaved work is copied on page hide (default localStorage; null for none). */
  journal?: JournalStorage | null;
  /** Opens the database (default: IndexedDB through idb); for tests of a browser that never answers. */
  open?: () => Promise<IDBPDatabase<TicketflowDB>>;
  /** How long the open may take (default OPEN_TIMEOUT_MS). */
  openTimeoutMs?: number;
}

type SavedMessage = { type: 'saved'; tab: string; workflows: { id: string; revision: number }[]; deleted: string[]; workspace?: number };

function defaultSeed() {
  return { workspace: defaultWorkspace(), documents: EXAMPLE_WORKFLOWS.map((e) => e.document) };
}

export function errorKey(error: unknown): { key: string; detail: string } {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  return { key: name === 'QuotaExceededError' ? 'storage.quota' : 'storage.failed', detail };
}

/**
 * Loads the store from IndexedDB (seeding a first start with the example workspace), then keeps
 * saving it: every workflow record carries a revision, and a save that finds a revision it did
 * not write stops and reports a conflict instead of overwriting another tab's work.
 */
export async function startPersistence(store: AppStore, options: PersistenceOptions = {}): Promise<StorageControl> {
  const tab = options.tabId ?? Math.random().toString(36).slice(2);
  const seed = options.seed ?? defaultSeed;
  const saveDelay = options.saveDelayMs ?? SAVE_DELAY_MS;
  const journal = options.journal === undefined ? browserJournalStorage() : options.journal;
  const ownJournal = journalKey(JOURNAL_PREFIX, tab);
  // Journals of earlier pages replayed at this start; removed once what they held is saved.
  let replayed: string[] = [];

  // What this tab knows storage holds: revision and the in-memory objects last written or read.
  const revisions = new Map<string, number>();
  const savedDocs = new Map<string, WorkflowDocument>();
  // Undefined for a workflow the store holds no history object for (a seeded example never edited).
  const savedHistories = new Map<string, WorkflowHistory | undefined>();
  const storedSeqs = new Map<string, Set<number>>();
  // Versions as last written or read, and the revision numbers storage holds, per workflow.
  const savedVersions = new Map<string, VersionState | undefined>();
  const storedRevisions = new Map<string, Set<number>>();
  let workspaceRevision = 0;
  let savedWorkspace: Workspace | null = null;
  let savedSession = '';
  /** The trash as this tab last wrote or read it. */
  let savedTrash: TrashedWorkflow[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let saving: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let channel: PersistenceOptions['channel'] = null;
  let seeded = false;

  let db: IDBPDatabase<TicketflowDB> | null = null;
  try {
    if (!options.open && typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser.');
    db = await openWithin(options.open ?? openDatabase, options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
  } catch (error) {
    const { detail } = errorKey(error);
    const s = seed();
    store.getState().load(seededState(s));
    seeded = true;
    store.setState({ storage: { state: 'unavailable', errorKey: 'storage.unavailable', errorDetail: detail } });
    return control();
  }

  await load(db);
  channel = options.channel === undefined ? openChannel() : options.channel;
  channel?.addEventListener('message', (e) => void onMessage(e.data as SavedMessage));
  unsubscribe = store.subscribe(
    (s) => [s.documents, s.histories, s.workspace, sessionOf(s), s.versions] as const,
    () => schedule(),
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[4] === b[4] && JSON.stringify(a[3]) === JSON.stringify(b[3]) },
  );
  return control();

  function control(): StorageControl {
    return {
      retry: () => {
        failures = 0;
        void save();
      },
      reloadWorkflow: (id) => reloadWorkflow(id),
      forkWorkflow: (id, name) => forkWorkflow(id, name),
      reloadWorkspace: () => reloadWorkspace(),
      keepWorkspace: () => keepWorkspace(),
      exportAll,
      seeded,
      flush: (flushOptions) => {
        if (flushOptions?.pageHidden) journalUnsaved();
        return save();
      },
      stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        unsubscribe?.();
        channel?.close();
        db?.close();
      },
    };
  }

  function openChannel() {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  }

  function seededState(s: { workspace: Workspace; documents: WorkflowDocument[] }): LoadedState {
    const documents = idRecord(s.documents.map((d) => [d.workflow.id, withoutMark(d)] as const));
    const order = s.documents.map((d) => d.workflow.id);
    return { workspace: s.workspace, documents, order, openId: order[0] ?? null, histories: idRecord(), versions: seedVersions(s.documents) };
  }

  async function load(database: IDBPDatabase<TicketflowDB>) {
    const tx = database.transaction(['meta', 'workflows', 'history', 'revisions'], 'readonly');
    const [sessionRaw, workspaceRaw, workflowRaws, historyRaws, revisionRaws, upgradeNotices, trashRaw] = await Promise.all([
      tx.objectStore('meta').get('session'),
      tx.objectStore('meta').get('workspace'),
      tx.objectStore('workflows').getAll(),
      tx.objectStore('history').getAll(),
      tx.objectStore('revisions').getAll(),
      tx.objectStore('meta').get(UPGRADE_NOTICES),
      tx.objectStore('meta').get(TRASH_KEY),
    ]);
    await tx.done;
    const revisionsById = revisionsByWorkflow(revisionRaws);
    const s = store.getState();
    if (sessionRaw === undefined && workspaceRaw === undefined && workflowRaws.length === 0) {
      const state = seededState(seed());
      const recovered = replayJournals(state);
      s.load(state);
      announceRecovery(recovered);
      seeded = true;
      store.setState({ storage: { state: 'saving' } });
      schedule(0);
      return;
    }
    const session = SessionRecordSchema.safeParse(sessionRaw);
    const workspaceRecord = WorkspaceRecordSchema.safeParse(workspaceRaw);
    const unreadable: string[] = [];
    let workspace: Workspace;
    if (workspaceRecord.success) {
      workspace = workspaceRecord.data.workspace;
      workspaceRevision = workspaceRecord.data.revision;
      savedWorkspace = workspace;
    } else {
      workspace = defaultWorkspace();
      if (workspaceRaw !== undefined) unreadable.push('workspace');
    }
    const entries = new Map<string, Map<number, HistoryRecord>>();
    for (const raw of historyRaws) {
      const parsed = HistoryRecordSchema.safeParse(raw);
      if (!parsed.success) continue;
      const byWf = entries.get(parsed.data.workflowId) ?? new Map<number, HistoryRecord>();
      byWf.set(parsed.data.seq, parsed.data);
      entries.set(parsed.data.workflowId, byWf);
    }
    const documents = idRecord<WorkflowDocument>();
    const histories = idRecord<WorkflowHistory>();
    const versions = idRecord<VersionState>();
    for (const raw of workflowRaws) {
      const parsed = WorkflowRecordSchema.safeParse(raw);
      if (!parsed.success) {
        // Left in storage untouched: a later version of the app may read it, and nothing here overwrites it.
        const id = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : '?';
        unreadable.push(id);
        continue;
      }
      const rec = parsed.data;
      documents[rec.id] = rec.doc;
      const history = historyFrom(rec, entries.get(rec.id));
      histories[rec.id] = history;
      remember(rec.id, rec.revision, rec.doc, history, new Set(entries.get(rec.id)?.keys() ?? []));
      const revs = revisionsById.get(rec.id) ?? [];
      const state = versionStateOf(rec.versions, revs);
      if (state) versions[rec.id] = state;
      rememberVersions(rec.id, state, revs);
    }
    const known = session.success ? session.data.order.filter((id) => hasId(documents, id)) : [];
    const order = [...known, ...Object.keys(documents).filter((id) => !known.includes(id)).sort()];
    const openId = session.success && session.data.openId && hasId(documents, session.data.openId) ? session.data.openId : (order[0] ?? null);
    const trashRecord = TrashRecordSchema.safeParse(trashRaw);
    if (trashRaw !== undefined && !trashRecord.success) unreadable.push(TRASH_KEY);
    // An entry whose workflow is back (restored by a tab that had not saved its trash yet) is done with.
    const trash = trashRecord.success ? (trashRecord.data.entries as TrashedWorkflow[]).filter((e) => !hasId(documents, e.doc.workflow.id)) : [];
    savedTrash = trash;
    const state: LoadedState = { workspace, documents, order, openId, histories, versions, trash };
    const recovered = replayJournals(state);
    // The kept layout goes in before the documents: loading them is what lets a restored draft open
    // its own tab, and that choice must not be overwritten by the older layout afterwards.
    // A session a page could not save is newer than the stored one, which the next save then replaces.
    const kept = recovered.session ?? (session.success ? session.data : null);
    if (kept) {
      const { language, theme, reviewMode, authorName, panels } = kept;
      store.setState({ language, theme, reviewMode, authorName, panels });
      savedSession = recovered.session ? '' : JSON.stringify(sessionOf({ ...store.getState(), openId: state.openId, order: state.order }));
    }
    s.load(state);
    store.setState({ storage: { state: 'saved' } });
    for (const what of unreadable) {
      store.getState().notify({ tone: 'error', key: 'storage.unreadable', params: { what } });
    }
    await announceUpgrade(database, upgradeNotices);
    announceRecovery(recovered);
  }

  /**
   * Applies the journals earlier pages left: a piece whose base revision is still the stored one
   * never reached storage, so it becomes the current version (the stored one stays an undo step).
   * A second journal for a piece already recovered is kept as a copy rather than dropped.
   */
  function replayJournals(state: LoadedState): { count: number; copies: WorkflowDocument[]; damaged: number; session: SessionRecord | undefined } {
    const found = readJournals(journal, JOURNAL_PREFIX).filter((e) => e.key !== ownJournal);
    const journals: Journal[] = [];
    let damaged = 0;
    for (const entry of found) {
      const parsed = JournalSchema.safeParse(entry.value);
      if (parsed.success) journals.push(parsed.data);
      else {
        damaged++;
        removeJournal(journal, entry.key);
      }
    }
    replayed = found.map((e) => e.key);
    journals.sort((a, b) => b.at - a.at);
    let count = 0;
    const copies: WorkflowDocument[] = [];
    const recoveredIds = new Set<string>();
    let workspaceRecovered = false;
    for (const j of journals) {
      for (const w of j.workflows) {
        if (w.base !== (revisions.get(w.id) ?? 0)) continue;
        if (recoveredIds.has(w.id)) {
          copies.push(w.doc);
          continue;
        }
        recoveredIds.add(w.id);
        const stored = state.documents[w.id];
        state.documents[w.id] = w.doc;
        if (stored) state.histories[w.id] = recordStep(state.histories[w.id] ?? emptyHistory(), stored, 'history.recovered');
        else if (!state.order.includes(w.id)) state.order.push(w.id);
        count++;
      }
      if (j.workspace && !workspaceRecovered && j.workspace.base === workspaceRevision) {
        workspaceRecovered = true;
        state.workspace = j.workspace.workspace;
        count++;
      }
    }
    // The newest session a page could not save (the workflow it had open, its order and panels) wins
    // over the stored one: it is what the user last saw.
    const session = journals.find((j) => j.session)?.session;
    if (session) {
      const known = session.order.filter((id) => hasId(state.documents, id));
      state.order = [...known, ...state.order.filter((id) => !known.includes(id))];
      if (session.openId && hasId(state.documents, session.openId)) state.openId = session.openId;
    }
    if (state.openId === null) state.openId = state.order[0] ?? null;
    return { count, copies, damaged, session };
  }

  function announceRecovery(recovered: { count: number; copies: WorkflowDocument[]; damaged: number; session?: SessionRecord }) {
    const s = store.getState();
    for (const doc of recovered.copies) s.addCopy(doc, doc.workflow.name, undefined, { keepComments: true });
    const count = recovered.count + recovered.copies.length;
    if (count) s.notify({ tone: 'info', key: 'storage.recovered', params: { count } });
    if (recovered.damaged) s.notify({ tone: 'error', key: 'storage.journalDamaged', params: { count: recovered.damaged } });
    if (count || recovered.session) schedule(0);
  }

  /** Copies what is not yet saved to the journal, synchronously; removes the journal when nothing is. */
  function journalUnsaved() {
    if (!db || stopped) return;
    const s = store.getState();
    const workflows = unsavedIds(s).map((id) => ({ id, base: revisions.get(id) ?? 0, doc: s.documents[id]! }));
    const workspaceUnsaved = s.workspace !== savedWorkspace;
    const session = sessionOf(s);
    const sessionUnsaved = JSON.stringify(session) !== savedSession;
    if (!workflows.length && !workspaceUnsaved && !sessionUnsaved) {
      removeJournal(journal, ownJournal);
      return;
    }
    const entry: Journal = {
      v: STORAGE_VERSION,
      at: Date.now(),
      workflows,
      workspace: workspaceUnsaved ? { base: workspaceRevision, workspace: s.workspace } : null,
      ...(sessionUnsaved ? { session } : {}),
    };
    writeJournal(journal, ownJournal, entry);
  }

  /** Keeps a copy of an unreadable stored value under its own key before a save writes over it. */
  async function quarantine(meta: { put(value: unknown, key: string): Promise<unknown> }, what: string, raw: unknown) {
    await meta.put({ what, keptAt: new Date().toISOString(), value: raw }, `${QUARANTINE_PREFIX}${what}:${Date.now()}`);
  }

  function historyFrom(rec: WorkflowRecord, entries: Map<number, HistoryRecord> | undefined): WorkflowHistory {
    const pick = (seqs: number[]): HistoryEntry[] | null => {
      const out: HistoryEntry[] = [];
      for (const seq of seqs) {
        const e = entries?.get(seq);
        if (!e) return null;
        out.push({ seq, doc: e.doc, label: e.label });
      }
      return out;
    };
    const past = pick(rec.history.past);
    const future = pick(rec.history.future);
    // A history with a missing step cannot be replayed faithfully; the document itself is still good.
    if (!past || !future) return { past: [], future: [], nextSeq: rec.history.nextSeq };
    return { past, future, nextSeq: rec.history.nextSeq };
  }

  function remember(id: string, revision: number, doc: WorkflowDocument, history: WorkflowHistory | undefined, seqs: Set<number>) {
    revisions.set(id, revision);
    savedDocs.set(id, doc);
    savedHistories.set(id, history);
    storedSeqs.set(id, seqs);
  }

  function rememberVersions(id: string, state: VersionState | undefined, stored: readonly Revision[] | Set<number>) {
    savedVersions.set(id, state);
    storedRevisions.set(id, stored instanceof Set ? stored : new Set(stored.map((r) => r.number)));
  }

  /** Tells once about the workflows the versions upgrade left off because they have errors. */
  async function announceUpgrade(database: IDBPDatabase<TicketflowDB>, raw: unknown) {
    const names = z.array(z.string()).safeParse(raw);
    if (!names.success) return;
    for (const name of names.data) store.getState().notify({ tone: 'info', key: 'versions.migrated', params: { name } });
    await database.delete('meta', UPGRADE_NOTICES);
  }

  function forget(id: string) {
    savedVersions.delete(id);
    storedRevisions.delete(id);
    revisions.delete(id);
    savedDocs.delete(id);
    savedHistories.delete(id);
    storedSeqs.delete(id);
  }

  /** The workflows whose document or history differs from what this tab last wrote or read. */
  function unsavedIds(s: ReturnType<AppStore['getState']>): string[] {
    return Object.keys(s.documents).filter((id) => !isClean(id));
  }

  function isClean(id: string): boolean {
    const s = store.getState();
    return s.documents[id] === savedDocs.get(id) && s.histories[id] === savedHistories.get(id) && s.versions[id] === savedVersions.get(id);
  }

  function schedule(delay = saveDelay) {
    if (stopped || !db) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void save();
    }, delay);
  }

  async function save(): Promise<void> {
    if (!db || stopped) return;
    // This save (or the one it waits for) writes everything changed so far, so a save still pending on the
    // timer would only write the same again, and would show "saving" after a flush already answered.
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (saving) {
      // A flush during a write waits for the write of what changed since, not only the one under way.
      again = true;
      return saving.then(() => save());
    }
    saving = write(db).finally(() => {
      saving = null;
      if (again) {
        again = false;
        schedule(0);
      }
    });
    return saving;
  }

  async function write(database: IDBPDatabase<TicketflowDB>) {
    const s = store.getState();
    const conflicted = new Set(s.conflicts.map((c) => c.workflowId));
    const changed = unsavedIds(s).filter((id) => !conflicted.has(id));
    const deleted = [...savedDocs.keys()].filter((id) => !hasId(s.documents, id) && !conflicted.has(id));
    const session = JSON.stringify(sessionOf(s));
    const workspaceChanged = s.workspace !== savedWorkspace;
    const trashChanged = s.trash !== savedTrash;
    if (!changed.length && !deleted.length && session === savedSession && !workspaceChanged && !trashChanged) {
      if (store.getState().storage.state !== 'error') store.setState({ storage: { state: 'saved' } });
      return;
    }
    store.setState({ storage: { state: 'saving' } });
    const written: {
      id: string;
      revision: number;
      doc: WorkflowDocument;
      history: WorkflowHistory | undefined;
      seqs: Set<number>;
      versions: VersionState | undefined;
      numbers: Set<number>;
    }[] = [];
    const removed: string[] = [];
    const conflicts: { workflowId: string; theirRevision: number }[] = [];
    let workspaceConflict: number | null = null;
    try {
      const tx = database.transaction(['meta', 'workflows', 'history', 'revisions'], 'readwrite');
      const workflows = tx.objectStore('workflows');
      const history = tx.objectStore('history');
      const revisionStore = tx.objectStore('revisions');
      const meta = tx.objectStore('meta');
      for (const id of changed) {
        const doc = s.documents[id]!;
        const hist = s.histories[id] ?? { past: [], future: [], nextSeq: 1 };
        const raw = await workflows.get(id);
        const stored = WorkflowRecordSchema.safeParse(raw);
        if (raw !== undefined && !stored.success) await quarantine(meta, `workflow:${id}`, raw);
        const base = revisions.get(id) ?? 0;
        const theirs = stored.success ? stored.data.revision : 0;
        if (theirs !== base) {
          conflicts.push({ workflowId: id, theirRevision: theirs });
          continue;
        }
        const had = storedSeqs.get(id) ?? new Set<number>();
        const keep = new Set<number>();
        for (const e of [...hist.past, ...hist.future]) {
          keep.add(e.seq);
          if (!had.has(e.seq)) await history.put({ v: STORAGE_VERSION, workflowId: id, seq: e.seq, label: e.label, doc: e.doc }, [id, e.seq]);
        }
        for (const seq of had) if (!keep.has(seq)) await history.delete([id, seq]);
        // Revisions are immutable: only the ones storage does not hold yet are written.
        const state = s.versions[id];
        const numbers = new Set(storedRevisions.get(id) ?? []);
        for (const r of state?.revisions ?? []) {
          if (numbers.has(r.number)) continue;
          await revisionStore.put({ v: STORAGE_VERSION, revision: r }, [id, r.number]);
          numbers.add(r.number);
        }
        const { revisions: _list, ...row } = state ?? { revisions: [] };
        const record: WorkflowRecord = {
          v: STORAGE_VERSION,
          id,
          revision: base + 1,
          savedAt: Date.now(),
          tab,
          doc,
          history: { past: hist.past.map((e) => e.seq), future: hist.future.map((e) => e.seq), nextSeq: hist.nextSeq },
          ...(state && { versions: row as WorkflowRecord['versions'] }),
        };
        await workflows.put(record, id);
        written.push({ id, revision: base + 1, doc, history: s.histories[id], seqs: keep, versions: state, numbers });
      }
      for (const id of deleted) {
        const stored = WorkflowRecordSchema.safeParse(await workflows.get(id));
        const theirs = stored.success ? stored.data.revision : 0;
        if (theirs !== (revisions.get(id) ?? 0) && theirs !== 0) {
          conflicts.push({ workflowId: id, theirRevision: theirs });
          continue;
        }
        await workflows.delete(id);
        for (const seq of storedSeqs.get(id) ?? []) await history.delete([id, seq]);
        for (const n of storedRevisions.get(id) ?? []) await revisionStore.delete([id, n]);
        removed.push(id);
      }
      let workspaceWritten = false;
      if (workspaceChanged && s.workspaceConflict === null) {
        const raw = await meta.get('workspace');
        const stored = WorkspaceRecordSchema.safeParse(raw);
        // The first write over a stored workspace this tab could not read keeps that record aside.
        if (raw !== undefined && !stored.success) await quarantine(meta, 'workspace', raw);
        const theirs = stored.success ? stored.data.revision : 0;
        // The same check as a workflow's: another tab saved settings since this tab read them.
        if (theirs !== workspaceRevision && stored.success) workspaceConflict = theirs;
        else {
          await meta.put({ v: STORAGE_VERSION, revision: workspaceRevision + 1, workspace: s.workspace }, 'workspace');
          workspaceWritten = true;
        }
      }
      if (session !== savedSession) await meta.put(sessionOf(s), 'session');
      // In the same transaction as the deletes: a workflow leaves its records only to be in the trash.
      if (trashChanged) {
        const raw = await meta.get(TRASH_KEY);
        const stored = TrashRecordSchema.safeParse(raw);
        // A trash this tab cannot read is kept aside, never written over.
        if (raw !== undefined && !stored.success) await quarantine(meta, TRASH_KEY, raw);
        const entries = mergeTrash(s.trash, savedTrash, stored.success ? (stored.data.entries as TrashedWorkflow[]) : []);
        await meta.put({ v: STORAGE_VERSION, entries }, TRASH_KEY);
      }
      await tx.done;
      if (trashChanged) savedTrash = s.trash;
      if (workspaceWritten) {
        workspaceRevision++;
        savedWorkspace = s.workspace;
      }
    } catch (error) {
      failures++;
      const { key, detail } = errorKey(error);
      const delay = RETRY_DELAYS_MS[Math.min(failures - 1, RETRY_DELAYS_MS.length - 1)]!;
      store.setState({ storage: { state: 'error', errorKey: key, errorDetail: detail, retryAt: Date.now() + delay } });
      schedule(delay);
      return;
    }
    failures = 0;
    for (const w of written) {
      remember(w.id, w.revision, w.doc, w.history, w.seqs);
      rememberVersions(w.id, w.versions, w.numbers);
    }
    for (const id of removed) forget(id);
    savedSession = session;
    for (const key of replayed) removeJournal(journal, key);
    replayed = [];
    const after = store.getState();
    if (after.workspace === savedWorkspace && unsavedIds(after).length === 0 && JSON.stringify(sessionOf(after)) === savedSession) {
      removeJournal(journal, ownJournal);
    }
    if (conflicts.length) addConflicts(conflicts);
    if (workspaceConflict !== null) store.setState({ workspaceConflict });
    store.setState({ storage: { state: 'saved' } });
    const workspaceSaved = s.workspace === savedWorkspace && workspaceChanged;
    if (written.length || removed.length || workspaceSaved) {
      const message: SavedMessage = {
        type: 'saved',
        tab,
        workflows: written.map((w) => ({ id: w.id, revision: w.revision })),
        deleted: removed,
        ...(workspaceSaved ? { workspace: workspaceRevision } : {}),
      };
      channel?.postMessage(message);
    }
  }

  function addConflicts(list: { workflowId: string; theirRevision: number }[]) {
    const current = store.getState().conflicts.filter((c) => !list.some((n) => n.workflowId === c.workflowId));
    store.setState({ conflicts: [...current, ...list] });
  }

  async function onMessage(message: SavedMessage) {
    if (!db || stopped || message?.type !== 'saved' || message.tab === tab) return;
    for (const { id, revision } of message.workflows) {
      if (revisions.get(id) === revision) continue;
      if (!hasId(store.getState().documents, id) && !savedDocs.has(id)) await reloadWorkflow(id);
      else if (isClean(id)) await reloadWorkflow(id);
      else addConflicts([{ workflowId: id, theirRevision: revision }]);
    }
    if (message.workspace !== undefined && message.workspace !== workspaceRevision) {
      if (store.getState().workspace === savedWorkspace) await reloadWorkspace();
      else store.setState({ workspaceConflict: message.workspace });
    }
    for (const id of message.deleted) {
      if (!savedDocs.has(id)) continue;
      if (isClean(id)) {
        forget(id);
        store.getState().replaceFromStorage(id, null, null);
        store.setState((s) => ({ versions: withoutId(s.versions, id) }));
      } else addConflicts([{ workflowId: id, theirRevision: 0 }]);
    }
  }

  async function readWorkflow(
    id: string,
  ): Promise<{ rec: WorkflowRecord; history: WorkflowHistory; seqs: Set<number>; revisions: Revision[] } | null> {
    if (!db) return null;
    const tx = db.transaction(['workflows', 'history', 'revisions'], 'readonly');
    const raw = await tx.objectStore('workflows').get(id);
    const parsed = WorkflowRecordSchema.safeParse(raw);
    if (!parsed.success) {
      await tx.done;
      return null;
    }
    const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
    const raws = await tx.objectStore('history').getAll(range);
    const revisionRaws = await tx.objectStore('revisions').getAll(range);
    await tx.done;
    const entries = new Map<number, HistoryRecord>();
    for (const r of raws) {
      const h = HistoryRecordSchema.safeParse(r);
      if (h.success) entries.set(h.data.seq, h.data);
    }
    const revisions = revisionsByWorkflow(revisionRaws).get(id) ?? [];
    return { rec: parsed.data, history: historyFrom(parsed.data, entries), seqs: new Set(entries.keys()), revisions };
  }

  async function reloadWorkflow(id: string) {
    const found = await readWorkflow(id);
    if (found) {
      remember(id, found.rec.revision, found.rec.doc, found.history, found.seqs);
      const state = versionStateOf(found.rec.versions, found.revisions);
      rememberVersions(id, state, found.revisions);
      store.getState().replaceFromStorage(id, found.rec.doc, found.history);
      store.setState((s) => ({ versions: state ? withId(s.versions, id, state) : withoutId(s.versions, id) }));
    } else {
      forget(id);
      store.getState().replaceFromStorage(id, null, null);
      store.setState((s) => ({ versions: withoutId(s.versions, id) }));
    }
    store.setState((s) => ({ conflicts: s.conflicts.filter((c) => c.workflowId !== id) }));
  }

  async function reloadWorkspace() {
    if (!db) return;
    const parsed = WorkspaceRecordSchema.safeParse(await db.get('meta', 'workspace'));
    if (parsed.success) {
      workspaceRevision = parsed.data.revision;
      savedWorkspace = parsed.data.workspace;
      store.getState().setWorkspace(parsed.data.workspace);
    }
    store.setState({ workspaceConflict: null });
  }

  /** The user chose this tab's settings: they are saved over the other tab's, as the next revision. */
  async function keepWorkspace() {
    if (!db) return;
    const parsed = WorkspaceRecordSchema.safeParse(await db.get('meta', 'workspace'));
    if (parsed.success) workspaceRevision = parsed.data.revision;
    store.setState({ workspaceConflict: null });
    await save();
  }

  async function forkWorkflow(id: string, name: string) {
    const s = store.getState();
    const mine = s.documents[id];
    if (mine) {
      const copyId = s.addCopy(mine, name, s.histories[id], { keepComments: true });
      await reloadWorkflow(id);
      store.getState().openWorkflow(copyId);
    } else await reloadWorkflow(id);
  }

  function exportAll(): string {
    const s = store.getState();
    // The same bundle the header's workspace export writes, so a backup imports back.
    return exportBundle({
      workspace: s.workspace,
      workflows: s.order.flatMap((id) => (s.documents[id] ? [s.documents[id]] : [])),
      scenarios: options.scenarios?.() ?? [],
    });
  }
}

function sessionOf(s: ReturnType<AppStore['getState']>): SessionRecord {
  return {
    v: STORAGE_VERSION,
    openId: s.openId,
    order: s.order,
    language: s.language,
    theme: s.theme,
    reviewMode: s.reviewMode,
    authorName: s.authorName,
    panels: s.panels,
  };
}

/** Stored revisions grouped by workflow; a record that does not parse is left out (and left in storage). */
function revisionsByWorkflow(raws: readonly unknown[]): Map<string, Revision[]> {
  const out = new Map<string, Revision[]>();
  for (const raw of raws) {
    const parsed = RevisionRecordSchema.safeParse(raw);
    if (!parsed.success) continue;
    const r = parsed.data.revision;
    const list = out.get(r.workflowId) ?? [];
    list.push(r);
    out.set(r.workflowId, list);
  }
  return out;
}

type UpgradeTransaction = IDBPTransaction<TicketflowDB, StoreNames<TicketflowDB>[], 'versionchange'>;

/**
 * Version 1 → 2 (versions, SPEC §10): each stored workflow becomes revision 1 of itself, live if it
 * was enabled and is valid; one that was enabled with errors is kept as a draft, and the next load
 * says so. Runs inside the upgrade transaction, so it happens once and entirely, or not at all.
 */
async function upgradeToVersions(tx: UpgradeTransaction) {
  const meta = tx.objectStore('meta');
  const workspace = storedWorkspace(await meta.get('workspace'));
  const revisions = tx.objectStore('revisions');
  const at = new Date();
  const refused: string[] = [];
  for (let cursor = await tx.objectStore('workflows').openCursor(); cursor; cursor = await cursor.continue()) {
    const upgraded = upgradeWorkflowRecord(cursor.value, workspace, at);
    if (!upgraded) continue;
    await cursor.update(upgraded.record);
    await revisions.put({ v: STORAGE_VERSION, revision: upgraded.revision }, [upgraded.revision.workflowId, upgraded.revision.number]);
    if (upgraded.refused) refused.push(upgraded.revision.document.workflow.name);
  }
  if (refused.length) await meta.put(refused, UPGRADE_NOTICES);
}

function openDatabase(): Promise<IDBPDatabase<TicketflowDB>> {
  return openDB<TicketflowDB>(DB_NAME, DB_VERSION, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        database.createObjectStore('meta');
        database.createObjectStore('workflows');
        database.createObjectStore('history');
      }
      if (oldVersion < 2) {
        database.createObjectStore('revisions');
        if (oldVersion >= 1) await upgradeToVersions(transaction);
      }
    },
  });
}

/**
 * Opens the database, or fails after `ms`: a browser whose IndexedDB never answers (a blocked
 * upgrade, a private mode that hangs) must not leave the app loading for ever. A database that
 * opens after the deadline is closed again, so it blocks nothing.
 */
function openWithin<T extends { close(): void }>(open: () => Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`The browser's storage did not answer within ${Math.round(ms / 1000)} seconds.`));
    }, ms);
    open().then(
      (db) => {
        clearTimeout(timer);
        if (late) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
