/**
 * The team adapter of persistence: the same `StorageControl` the local adapter gives, over the
 * team server's HTTP API. The server is the authority and the page is optimistic: edits apply at
 * once, each save names the revision it was based on (`If-Match`), and a refusal is shown, never
 * swallowed: a stale base becomes the conflict choice of the storage banner (take theirs, keep
 * mine as a copy), a role or validation refusal a notice. What has not reached the server is
 * copied to the journal, survives a reload or a lost connection, and is sent when the server
 * answers again, under the same rule.
 */
import { z } from 'zod';
import { exportBundle, exportWorkflow } from '../document';
import { IdSchema, WorkflowDocumentSchema, WorkspaceSchema, type CommentThread, type Scenario, type WorkflowDocument, type Workspace } from '../model';
import { LANGUAGES } from '../ui/i18n/core';
import type { LoadedState, TrashedWorkflow } from './document-slice';
import { emptyHistory, recordStep } from './history';
import { browserJournalStorage, journalKey, readJournals, removeJournal, writeJournal, type JournalStorage } from './journal';
import { idRecord } from './id-record';
import { errorKey, JournalSchema, RETRY_DELAYS_MS, STORAGE_VERSION, type Journal, type StorageControl } from './persistence';
import type { AppStore } from './store';
import { ApiError, revisionFromEtag, revisionNumber, workflowEtag, workspaceEtag, type Me, type TeamApi, type WorkflowSummary } from './team-api';
import { commentOps, rebaseComments, threadFromApi, threadsFromApi } from './team-comments';
import { openEventStream, type EventSourceFactory, type EventStream, type TeamEvent } from './team-events';
import { teamSession, withPresence } from './team-session';
import { withoutMark } from './revisions';
import { teamVersions } from './team-versions';

const SAVE_DELAY_MS = 800;
/** A save with no answer after this long counts as the server not answering: kept, and tried again. */
const SAVE_TIMEOUT_MS = 20_000;
const PRESENCE_EVERY_MS = 20_000;
export const TEAM_JOURNAL_PREFIX = 'ticketflow-team-unsaved:';

export interface TeamPersistenceOptions {
  api: TeamApi;
  me: Me;
  saveDelayMs?: number;
  /** Where unsent work is copied (default localStorage; null for none). */
  journal?: JournalStorage | null;
  /** Opens the live stream (default the browser's EventSource; null for no stream). */
  events?: EventSourceFactory | null;
  tabId?: string;
  /** The scenario library, for the backup bundle. */
  scenarios?: () => Scenario[];
  /** How long a save waits for an answer before it counts as offline (default 20 s). */
  saveTimeoutMs?: number;
}

const PREFS_KEY = 'ticketflow-team-prefs';
const PrefsSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(['light', 'dark']).nullable(),
  panels: z.object({ left: z.boolean(), right: z.boolean(), bottom: z.boolean(), rightTab: z.string().max(100), bottomTab: z.string().max(100) }),
  /** The workflow this browser had open, which a reload opens again while it exists. */
  openId: IdSchema.nullable().optional(),
});

function prefsOf(s: ReturnType<AppStore['getState']>): z.infer<typeof PrefsSchema> {
  return { language: s.language, theme: s.theme, panels: s.panels, openId: s.openId };
}

/** A workflow document read from the server: its exact bytes parsed, checked against the format. */
function parseDocument(text: string, where: string): WorkflowDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: the server sent a document that is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return documentFrom(value, where);
}

/** A workflow document the server sent as a value, checked against the format. */
function documentFrom(value: unknown, where: string): WorkflowDocument {
  const parsed = WorkflowDocumentSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: the server sent a document this app cannot read: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** The help-desk settings and their version from `GET /workspace` (`{ id, name, version, settings }`). */
function parseWorkspace(body: unknown, etag: string | null): { workspace: Workspace; revision: number } {
  const b = (body ?? {}) as Record<string, unknown>;
  const parsed = WorkspaceSchema.safeParse(b.settings);
  if (!parsed.success) throw new Error(`GET /workspace: the server sent settings this app cannot read: ${parsed.error.issues[0]?.message ?? 'none were sent'}`);
  return { workspace: parsed.data, revision: revisionNumber(b.version) ?? revisionFromEtag(etag) ?? 0 };
}

/** The document without its comments: what a save sends and what decides whether a save is due. */
function sameContent(a: WorkflowDocument, b: WorkflowDocument | undefined): boolean {
  if (!b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('comments');
  for (const k of keys) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
}

function withComments(doc: WorkflowDocument, comments: CommentThread[]): WorkflowDocument {
  const next = { ...doc };
  if (comments.length) next.comments = comments;
  else delete next.comments;
  return next;
}

const NO_THREADS: CommentThread[] = [];

/**
 * Loads the team workspace into the store, then keeps saving the page's edits to the server and
 * following the live stream. Reviewers and viewers get review mode; only admins' edits are sent.
 */
export async function startTeamPersistence(store: AppStore, options: TeamPersistenceOptions): Promise<StorageControl> {
  const { api, me } = options;
  const tab = options.tabId ?? Math.random().toString(36).slice(2);
  const saveDelay = options.saveDelayMs ?? SAVE_DELAY_MS;
  const saveTimeout = options.saveTimeoutMs ?? SAVE_TIMEOUT_MS;
  const journal = options.journal === undefined ? browserJournalStorage() : options.journal;
  const prefix = `${TEAM_JOURNAL_PREFIX}${me.workspace.id}:`;
  const ownJournal = journalKey(prefix, tab);
  const admin = me.role === 'admin';
  const commenter = me.role === 'admin' || me.role === 'reviewer';

  // What this page knows the server holds.
  const heads = new Map<string, number>();
  const savedDocs = new Map<string, WorkflowDocument>();
  const savedComments = new Map<string, CommentThread[]>();
  // Documents the server refused (role, validation): not sent again until they change.
  const refused = new Map<string, WorkflowDocument>();
  let workspaceRevision = 0;
  let savedWorkspace: Workspace | null = null;
  let workspaceRefused: Workspace | null = null;
  let replayed: string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let saving: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let stream: EventStream | null = null;
  let presenceTimer: ReturnType<typeof setInterval> | null = null;
  let lastPresence: { workflowId: string | null; state: string; at: number } = { workflowId: null, state: '', at: 0 };
  const pendingComments = new Set<string>();
  // Saves under way, and the newest revision an event announced meanwhile: the event of a page's
  // own save may arrive before the answer to it, and must not read as someone else's.
  const inFlight = new Set<string>();
  const deferred = new Map<string, number>();

  const versions = teamVersions({
    api,
    store,
    heads,
    saved(id, doc, revision) {
      heads.set(id, revision);
      savedDocs.set(id, doc);
    },
    flush: async () => {
      if (saving) await saving;
      await save();
    },
    conflict: (id, theirRevision) => addConflicts([{ workflowId: id, theirRevision }]),
  });
  const refreshVersions = (id: string) => {
    versions.refresh(id).catch(() => undefined);
  };
  /** The workflow the kept preferences name as open (load opens it if the server still has it). */
  let keptOpenId: string | null = null;
  const prefsFound = loadPrefs();
  teamSession.setState({ mode: 'team', api, me, presence: idRecord() });
  store.setState({ storage: { state: 'loading' } });
  await load();
  const unsubscribe = store.subscribe(
    (s) => [s.documents, s.workspace] as const,
    // A comment is one deliberate act: it goes at once; edits wait for a pause in the typing.
    () => schedule(onlyComments() ? 0 : saveDelay),
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  const unsubscribePrefs = store.subscribe(
    (s) => JSON.stringify(prefsOf(s)),
    (text) => {
      try {
        journal?.setItem(PREFS_KEY, text);
      } catch {
        // Preferences are a convenience; a refused write leaves the defaults next time.
      }
    },
  );
  const unsubscribeOpen = store.subscribe(
    (s) => s.openId,
    () => announcePresence(),
  );
  if (options.events !== null) {
    stream = openEventStream(
      api.url('/events'),
      {
        onEvent: (e) => void onEvent(e),
        onOpen: ({ reconnect }) => {
          teamSession.setState({ live: true });
          announcePresence(true);
          if (reconnect) void resync();
          // The server answers again: what waited for it goes now.
          if (failures) {
            failures = 0;
            void save();
          }
        },
        onGap: () => void resync(),
        onDown: () => teamSession.setState({ live: false }),
      },
      options.events,
    );
  }
  presenceTimer = setInterval(() => announcePresence(true), PRESENCE_EVERY_MS);
  announcePresence(true);

  return {
    retry: () => {
      failures = 0;
      void save();
    },
    reloadWorkflow: (id) => reloadWorkflow(id),
    reloadWorkspace: async () => {
      const w = await api.get<unknown>('/workspace');
      const next = parseWorkspace(w.body, w.headers.get('etag'));
      workspaceRevision = next.revision;
      savedWorkspace = next.workspace;
      workspaceRefused = null;
      store.getState().setWorkspace(next.workspace);
      store.setState({ workspaceConflict: null });
    },
    keepWorkspace: async () => {
      const w = await api.get<unknown>('/workspace');
      workspaceRevision = parseWorkspace(w.body, w.headers.get('etag')).revision;
      workspaceRefused = null;
      store.setState({ workspaceConflict: null });
      await save();
    },
    forkWorkflow: (id, name) => forkWorkflow(id, name),
    compareConflict: async (id, theirRevision) => {
      await versions.refresh(id);
      const s = store.getState();
      s.openWorkflow(id);
      s.setPanels({ right: true, rightTab: 'history' });
      s.viewRevision({ workflowId: id, number: theirRevision, against: 'draft' });
    },
    exportAll: () => {
      const s = store.getState();
      return exportBundle({
        workspace: s.workspace,
        workflows: s.order.flatMap((id) => (s.documents[id] ? [s.documents[id]] : [])),
        scenarios: options.scenarios?.() ?? [],
      });
    },
    // Nothing is seeded by a page in team mode (the server seeds a new workspace), but a first visit
    // in this browser has no language chosen yet, which is what the app asks this for.
    seeded: !prefsFound,
    flush: async (flushOptions) => {
      if (flushOptions?.pageHidden) journalUnsent();
      // A save under way sends what the page held when it began; the one after it sends the rest.
      if (saving) await saving;
      await save();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (presenceTimer) clearInterval(presenceTimer);
      unsubscribe();
      unsubscribePrefs();
      unsubscribeOpen();
      stream?.close();
      if (store.getState().remoteVersions === versions.remote) store.setState({ remoteVersions: null });
      teamSession.setState({ live: false });
    },
  };

  /** This browser's language, theme and panels for team mode; false when none were kept. */
  function loadPrefs(): boolean {
    let raw: unknown;
    try {
      raw = JSON.parse(journal?.getItem(PREFS_KEY) ?? 'null');
    } catch {
      return false;
    }
    const parsed = PrefsSchema.safeParse(raw);
    if (!parsed.success) return false;
    const { openId, ...prefs } = parsed.data;
    keptOpenId = openId ?? null;
    store.setState(prefs);
    return true;
  }

  /** Who is already on which workflow (`GET /presence`); the stream brings the changes after. */
  async function loadPresence() {
    try {
      const r = await api.get<{ presence?: { workflowId?: unknown; account?: unknown; name?: unknown; state?: unknown }[] }>('/presence');
      let presence = {};
      for (const p of r.body?.presence ?? []) {
        const accountId = String(p.account ?? '');
        if (!accountId || accountId === me.account.id || typeof p.workflowId !== 'string') continue;
        const state = p.state === 'editing' ? 'editing' : 'viewing';
        presence = withPresence(presence, p.workflowId, { accountId, name: String(p.name ?? accountId), state }, Date.now());
      }
      teamSession.setState({ presence });
    } catch {
      // Presence is a courtesy: without it the page works, and events fill it in.
    }
  }

  async function fetchWorkflow(id: string, head?: number): Promise<{ doc: WorkflowDocument; revision: number; comments: CommentThread[] }> {
    const [r, c] = await Promise.all([api.get<unknown>(`/workflows/${encodeURIComponent(id)}`), api.get<unknown>(`/workflows/${encodeURIComponent(id)}/comments`)]);
    const doc = parseDocument(r.text, `GET /workflows/${id}`);
    const revision = revisionFromEtag(r.headers.get('etag')) ?? head ?? 0;
    return { doc, revision, comments: threadsFromApi(c.body) };
  }

  async function fetchList(): Promise<WorkflowSummary[]> {
    const r = await api.get<{ workflows?: WorkflowSummary[] }>('/workflows');
    return Array.isArray(r.body?.workflows) ? r.body.workflows : [];
  }

  /**
   * The server's trash, for an admin: the deleted workflows (their revisions are kept), which Restore
   * creates again with their history. One the app cannot read is left out; the rest are listed.
   */
  async function fetchTrash(): Promise<TrashedWorkflow[]> {
    if (!admin) return [];
    const r = await api.get<{ workflows?: unknown[] }>('/trash');
    const out: TrashedWorkflow[] = [];
    for (const raw of Array.isArray(r.body?.workflows) ? r.body.workflows : []) {
      const w = (raw ?? {}) as Record<string, unknown>;
      try {
        out.push({ doc: documentFrom(w.document, `GET /trash (${String(w.id)})`), versions: null, position: Number.MAX_SAFE_INTEGER, deletedAt: String(w.deletedAt) });
      } catch {
        // Not readable by this app: it stays in the server's trash, out of this list.
      }
    }
    return out;
  }

  async function load() {
    const w = await api.get<unknown>('/workspace');
    const loadedWorkspace = parseWorkspace(w.body, w.headers.get('etag'));
    const list = await fetchList();
    workspaceRevision = loadedWorkspace.revision;
    savedWorkspace = loadedWorkspace.workspace;
    const documents: Record<string, WorkflowDocument> = {};
    const order: string[] = [];
    const unreadable: string[] = [];
    const fetched = await Promise.all(
      list.map((summary) =>
        fetchWorkflow(summary.id, summary.head).then(
          (f) => ({ summary, f }),
          (error: unknown) => ({ summary, error }),
        ),
      ),
    );
    for (const item of fetched) {
      if ('error' in item) {
        unreadable.push(`${item.summary.id}: ${item.error instanceof Error ? item.error.message : String(item.error)}`);
        continue;
      }
      const { doc, revision, comments } = item.f;
      const full = withComments(doc, comments);
      documents[item.summary.id] = full;
      order.push(item.summary.id);
      heads.set(item.summary.id, revision);
      savedDocs.set(item.summary.id, full);
      savedComments.set(item.summary.id, comments);
    }
    await loadPresence();
    // An older server without the trash route, or one that fails it, leaves the trash empty: the workflows still open.
    const trash = await fetchTrash().catch(() => [] as TrashedWorkflow[]);
    const openId = keptOpenId !== null && order.includes(keptOpenId) ? keptOpenId : (order[0] ?? null);
    const state: LoadedState = { workspace: loadedWorkspace.workspace, documents, order, openId, histories: {}, trash };
    const recovered = replayJournals(state);
    store.getState().load(state);
    // Review mode is the role now: reviewers and viewers read, and only admins edit.
    store.setState({ reviewMode: !admin, authorName: me.account.name, storage: { state: 'saved' }, conflicts: recovered.conflicts, remoteVersions: versions.remote });
    // The open workflow's versions first, so its header line is right as soon as possible.
    const open = store.getState().openId;
    if (open) await versions.refresh(open).catch(() => undefined);
    await Promise.all(order.filter((id) => id !== open).map((id) => versions.refresh(id).catch(() => undefined)));
    for (const what of unreadable) store.getState().notify({ tone: 'error', key: 'storage.unreadable', params: { what } });
    if (recovered.count) {
      store.getState().notify({ tone: 'info', key: 'storage.recovered', params: { count: recovered.count } });
      schedule(0);
    }
  }

  /**
   * Applies unsent work earlier pages left for this workspace. A piece whose base is still the
   * server's head becomes the current version and is sent; one whose base is stale is put in
   * place too but as a conflict, so the user chooses between it and the server's.
   */
  function replayJournals(state: LoadedState): { count: number; conflicts: { workflowId: string; theirRevision: number }[] } {
    const found = readJournals(journal, prefix).filter((e) => e.key !== ownJournal);
    const journals: Journal[] = [];
    for (const entry of found) {
      const parsed = JournalSchema.safeParse(entry.value);
      if (parsed.success) journals.push(parsed.data);
      else removeJournal(journal, entry.key);
    }
    replayed = found.map((e) => e.key);
    journals.sort((a, b) => b.at - a.at);
    let count = 0;
    const conflicts: { workflowId: string; theirRevision: number }[] = [];
    const done = new Set<string>();
    let workspaceDone = false;
    for (const j of journals) {
      for (const w of j.workflows) {
        if (done.has(w.id)) continue;
        done.add(w.id);
        const head = heads.get(w.id) ?? 0;
        const stored = state.documents[w.id];
        if (stored && sameContent(w.doc, stored)) continue;
        // The server's comments stand; the journal holds the document.
        const doc = withComments(w.doc, savedComments.get(w.id) ?? []);
        state.documents[w.id] = doc;
        if (stored) state.histories[w.id] = recordStep(state.histories[w.id] ?? emptyHistory(), stored, 'history.recovered');
        else state.order.push(w.id);
        if (w.base !== head) conflicts.push({ workflowId: w.id, theirRevision: head });
        count++;
      }
      if (j.workspace && !workspaceDone) {
        workspaceDone = true;
        if (j.workspace.base === workspaceRevision) {
          state.workspace = j.workspace.workspace;
          count++;
        }
      }
    }
    if (state.openId === null) state.openId = state.order[0] ?? null;
    return { count, conflicts };
  }

  function changedIds(): string[] {
    const s = store.getState();
    return Object.keys(s.documents).filter((id) => !sameContent(s.documents[id]!, savedDocs.get(id)));
  }

  /**
   * After a 409: whether the server's head is this very document, stored by an earlier send whose
   * answer never came back (the page unloaded, the connection dropped after the request went out).
   * Then the edit is acknowledged, not a conflict: the page takes that revision as its base.
   */
  async function ownSaveLanded(id: string, doc: WorkflowDocument): Promise<boolean> {
    const head = await api.get<unknown>(`/workflows/${encodeURIComponent(id)}?state=head`);
    const revision = revisionFromEtag(head.headers.get('etag'));
    if (revision === null) return false;
    const bytes = (d: WorkflowDocument) => exportWorkflow(withoutMark(d), { comments: false });
    if (bytes(parseDocument(head.text, `GET /workflows/${id}`)) !== bytes(doc)) return false;
    heads.set(id, revision);
    savedDocs.set(id, doc);
    refreshVersions(id);
    return true;
  }

  /** Copies what has not reached the server to the journal, synchronously. */
  function journalUnsent() {
    if (stopped) return;
    const s = store.getState();
    const workflows = admin ? changedIds().map((id) => ({ id, base: heads.get(id) ?? 0, doc: s.documents[id]! })) : [];
    const workspaceUnsent = admin && s.workspace !== savedWorkspace;
    if (!workflows.length && !workspaceUnsent) {
      removeJournal(journal, ownJournal);
      return;
    }
    const entry: Journal = { v: STORAGE_VERSION, at: Date.now(), workflows, workspace: workspaceUnsent ? { base: workspaceRevision, workspace: s.workspace } : null };
    writeJournal(journal, ownJournal, entry);
  }

  function schedule(delay = saveDelay) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void save();
    }, delay);
  }

  async function save(): Promise<void> {
    if (stopped) return;
    if (saving) {
      again = true;
      return saving;
    }
    saving = write().finally(() => {
      saving = null;
      if (again) {
        again = false;
        schedule(0);
      }
    });
    return saving;
  }

  function refuse(id: string, doc: WorkflowDocument, error: ApiError) {
    refused.set(id, doc);
    const name = doc.workflow.name;
    if (error.status === 403) store.getState().notify({ tone: 'error', key: 'team.refused.role', params: { name } });
    else {
      const first = error.problem.problems?.[0]?.message ?? error.message;
      store.getState().notify({ tone: 'error', key: 'team.refused.invalid', params: { name, detail: first } });
    }
  }

  async function write() {
    const s = store.getState();
    const conflicted = new Set(s.conflicts.map((c) => c.workflowId));
    const changed = admin ? changedIds().filter((id) => !conflicted.has(id) && refused.get(id) !== s.documents[id]) : [];
    const deleted = admin ? [...savedDocs.keys()].filter((id) => !(id in s.documents) && !conflicted.has(id)) : [];
    const commented = commenter ? Object.keys(s.documents).filter((id) => heads.has(id) && commentsChanged(id)) : [];
    const workspaceChanged = admin && s.workspace !== savedWorkspace && s.workspace !== workspaceRefused;
    if (!admin && (changedIds().length || [...savedDocs.keys()].some((id) => !(id in s.documents)) || s.workspace !== savedWorkspace)) revertForeignEdits();
    if (!commenter) revertComments();
    if (!changed.length && !deleted.length && !commented.length && !workspaceChanged) {
      if (store.getState().storage.state !== 'error') store.setState({ storage: { state: 'saved' } });
      return;
    }
    store.setState({ storage: { state: 'saving' } });
    // Written ahead: what is about to be sent stays in the journal until the server has acknowledged
    // it, so a page closed, killed or cut off while a save is under way sends it on its next load.
    journalUnsent();
    const conflicts: { workflowId: string; theirRevision: number }[] = [];
    try {
      for (const id of changed) {
        const doc = s.documents[id]!;
        const body = exportWorkflow(doc, { comments: false });
        const base = heads.get(id);
        inFlight.add(id);
        try {
          const r =
            base === undefined
              ? await api.post<unknown>('/workflows', body, { timeoutMs: saveTimeout })
              : await api.put<unknown>(`/workflows/${encodeURIComponent(id)}?kind=checkpoint`, body, { ifMatch: workflowEtag(id, base), timeoutMs: saveTimeout });
          const revision = revisionNumber(r.body) ?? revisionFromEtag(r.headers.get('etag')) ?? (base ?? 0) + 1;
          heads.set(id, revision);
          savedDocs.set(id, doc);
          refreshVersions(id);
          if (!savedComments.has(id)) savedComments.set(id, []);
          announcePresence(false, 'editing');
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
          if (error.status === 409 && (await ownSaveLanded(id, doc))) continue;
          if (error.status === 409) conflicts.push({ workflowId: id, theirRevision: revisionNumber(error.body) ?? 0 });
          else refuse(id, doc, error);
        } finally {
          inFlight.delete(id);
          const announced = deferred.get(id);
          deferred.delete(id);
          if (announced !== undefined && announced > (heads.get(id) ?? 0) && !conflicts.some((c) => c.workflowId === id)) await followSave(id, announced);
        }
      }
      for (const id of deleted) {
        try {
          await api.delete(`/workflows/${encodeURIComponent(id)}`, { ifMatch: workflowEtag(id, heads.get(id) ?? 0) });
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
          if (error.status === 409) {
            conflicts.push({ workflowId: id, theirRevision: revisionNumber(error.body) ?? 0 });
            continue;
          }
          if (error.status !== 404) {
            store.getState().notify({ tone: 'error', key: 'team.refused.role', params: { name: savedDocs.get(id)?.workflow.name ?? id } });
            await reloadWorkflow(id);
            continue;
          }
        }
        heads.delete(id);
        savedDocs.delete(id);
        savedComments.delete(id);
      }
      for (const id of commented) await sendComments(id);
      if (workspaceChanged) {
        const next = s.workspace;
        try {
          const r = await api.put<unknown>('/workspace', { settings: next }, { ifMatch: workspaceEtag(workspaceRevision) });
          workspaceRevision = revisionNumber(r.body) ?? revisionFromEtag(r.headers.get('etag')) ?? workspaceRevision + 1;
          savedWorkspace = next;
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
          workspaceRefused = next;
          // A stale base is the same choice as two tabs in local mode: load theirs or keep mine.
          if (error.status === 409) store.setState({ workspaceConflict: workspaceRevision + 1 });
          store.getState().notify({ tone: 'error', key: error.status === 409 ? 'team.workspace.conflict' : 'team.refused.settings', params: { detail: error.message } });
        }
      }
    } catch (error) {
      failures++;
      journalUnsent();
      const { detail } = errorKey(error);
      const delay = RETRY_DELAYS_MS[Math.min(failures - 1, RETRY_DELAYS_MS.length - 1)]!;
      const offline = error instanceof ApiError && error.offline;
      store.setState({ storage: { state: 'error', errorKey: offline ? 'team.offline' : 'storage.failed', errorDetail: detail, retryAt: Date.now() + delay } });
      schedule(delay);
      if (conflicts.length) addConflicts(conflicts);
      return;
    }
    failures = 0;
    for (const key of replayed) removeJournal(journal, key);
    replayed = [];
    if (conflicts.length) addConflicts(conflicts);
    if (changedIds().length === 0 && store.getState().workspace === savedWorkspace) removeJournal(journal, ownJournal);
    else journalUnsent();
    store.setState({ storage: { state: 'saved' } });
  }

  /** A page that may not edit puts back what changed anyway (nothing it shows may differ from what the server holds). */
  function revertForeignEdits() {
    const s = store.getState();
    for (const id of changedIds()) {
      const saved = savedDocs.get(id);
      s.replaceFromStorage(id, saved ? withComments(saved, s.documents[id]?.comments ?? []) : null, saved ? (s.histories[id] ?? null) : null);
    }
    for (const [id, saved] of savedDocs) if (!(id in store.getState().documents)) store.getState().replaceFromStorage(id, saved, null);
    if (store.getState().workspace !== savedWorkspace && savedWorkspace) store.getState().setWorkspace(savedWorkspace);
  }

  /** A viewer reads comments: any the page added or changed are put back as the server holds them. */
  function revertComments() {
    const s = store.getState();
    const ids = Object.keys(s.documents).filter((id) => heads.has(id) && commentsChanged(id));
    if (!ids.length) return;
    const documents = { ...s.documents };
    for (const id of ids) documents[id] = withComments(documents[id]!, savedComments.get(id) ?? []);
    store.setState({ documents });
    store.getState().notify({ tone: 'error', key: 'team.refused.viewer' });
  }

  /** Sends one workflow's comment changes, then reads its threads back (keeping what was added meanwhile). */
  async function sendComments(id: string) {
    const sent = store.getState().documents[id]?.comments ?? NO_THREADS;
    const { ops, unsupported } = commentOps(savedComments.get(id) ?? [], sent);
    const idMap = new Map<string, string>();
    pendingComments.add(id);
    try {
      for (const op of ops) {
        try {
          // The page's ids go as keys: a thread or reply sent twice (a retry, the same bundle imported again) is stored once.
          if (op.type === 'create') {
            const r = await api.post<unknown>(`/workflows/${encodeURIComponent(id)}/comments`, {
              target: op.target,
              text: op.text,
              key: op.localId,
              messageKey: op.messageId,
              revision: heads.get(id) ?? null,
            });
            const body = r.body as Record<string, unknown> | null;
            const created = threadFromApi(body?.comment ?? body?.thread ?? body);
            if (created) idMap.set(op.localId, created.id);
          } else if (op.type === 'reply') {
            await api.post(`/comments/${encodeURIComponent(idMap.get(op.threadId) ?? op.threadId)}/replies`, { text: op.text, key: op.messageId });
          } else {
            await api.patch(`/comments/${encodeURIComponent(idMap.get(op.threadId) ?? op.threadId)}`, { resolved: op.resolved });
          }
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
          store.getState().notify({ tone: 'error', key: 'team.refused.comment', params: { detail: error.message } });
        }
      }
      if (unsupported) store.getState().notify({ tone: 'info', key: 'team.comments.unsupported', params: { count: unsupported } });
      await refreshComments(id, sent, idMap);
    } finally {
      pendingComments.delete(id);
    }
  }

  /** Reads a workflow's threads from the server into the page, keeping comments added since `sent`. */
  async function refreshComments(id: string, sent?: readonly CommentThread[], idMap: ReadonlyMap<string, string> = new Map()) {
    const r = await api.get<unknown>(`/workflows/${encodeURIComponent(id)}/comments`);
    showServerComments(id, threadsFromApi(r.body), sent, idMap);
  }

  /** Puts the server's threads `server` in the page, keeping comments the page added since `sent`. */
  function showServerComments(id: string, server: CommentThread[], sent?: readonly CommentThread[], idMap: ReadonlyMap<string, string> = new Map()) {
    const s = store.getState();
    const doc = s.documents[id];
    if (!doc) return;
    const now = doc.comments ?? NO_THREADS;
    const merged = rebaseComments(server, sent ?? savedComments.get(id) ?? [], now, idMap);
    savedComments.set(id, server);
    // Comments come with no undo step: they are other people's words as much as this page's.
    const next = withComments(doc, merged);
    const saved = savedDocs.get(id);
    store.setState({ documents: { ...s.documents, [id]: next } });
    // The document's content did not change, so what was saved still is.
    if (saved && sameContent(doc, saved)) savedDocs.set(id, next);
  }

  /** Whether what the page has not sent is comments only (no document content, no settings). */
  function onlyComments(): boolean {
    return store.getState().workspace === savedWorkspace && changedIds().length === 0;
  }

  /** Whether the page shows comments the server does not hold (or lacks some it holds). */
  function commentsChanged(id: string): boolean {
    const diff = commentOps(savedComments.get(id) ?? [], store.getState().documents[id]?.comments ?? NO_THREADS);
    return diff.ops.length > 0 || diff.unsupported > 0;
  }

  function addConflicts(list: { workflowId: string; theirRevision: number }[]) {
    const current = store.getState().conflicts.filter((c) => !list.some((n) => n.workflowId === c.workflowId));
    store.setState({ conflicts: [...current, ...list] });
  }

  function isClean(id: string): boolean {
    const doc = store.getState().documents[id];
    return doc !== undefined && sameContent(doc, savedDocs.get(id));
  }

  async function onEvent(e: TeamEvent) {
    if (stopped) return;
    const id = typeof e.workflowId === 'string' ? e.workflowId : null;
    try {
      switch (e.type) {
        case 'workflow.saved':
        case 'workflow.published': {
          if (!id) return;
          // The live revision moved (or a revision was added): the history and the header follow.
          if (heads.has(id)) refreshVersions(id);
          const revision = revisionNumber(e.revision) ?? revisionNumber(e.head);
          if (revision !== null && revision <= (heads.get(id) ?? 0)) return;
          if (inFlight.has(id)) {
            deferred.set(id, Math.max(deferred.get(id) ?? 0, revision ?? Number.MAX_SAFE_INTEGER));
            return;
          }
          await followSave(id, revision ?? 0);
          return;
        }
        case 'workflow.deleted': {
          if (!id || !heads.has(id)) return;
          // Deleted here too (this page's own delete, its answer still on the way): both sides agree.
          const gone = !(id in store.getState().documents);
          if (gone || isClean(id)) {
            heads.delete(id);
            savedDocs.delete(id);
            savedComments.delete(id);
            // Another admin's delete goes into this page's trash too, so it can be restored without a reload.
            store.getState().replaceFromStorage(id, null, null, { trash: !gone && admin });
          } else addConflicts([{ workflowId: id, theirRevision: 0 }]);
          return;
        }
        case 'comment.created':
        case 'comment.updated': {
          if (!id || !heads.has(id) || pendingComments.has(id)) return;
          // The event carries the thread as it now is: shown at once, without asking for the list.
          const thread = threadFromApi(e.thread);
          if (!thread) return refreshComments(id);
          const known = savedComments.get(id) ?? [];
          const server = known.some((t) => t.id === thread.id) ? known.map((t) => (t.id === thread.id ? thread : t)) : [...known, thread];
          showServerComments(id, server);
          return;
        }
        case 'workspace.saved': {
          const revision = revisionNumber(e.version ?? e.revision);
          if (revision !== null && revision <= workspaceRevision) return;
          if (store.getState().workspace !== savedWorkspace) return;
          const w = await api.get<unknown>('/workspace');
          const next = parseWorkspace(w.body, w.headers.get('etag'));
          workspaceRevision = next.revision;
          savedWorkspace = next.workspace;
          store.getState().setWorkspace(next.workspace);
          return;
        }
        case 'presence': {
          // The account comes as its id (the server's shape) or as { id, name }.
          const account = typeof e.account === 'object' && e.account !== null ? (e.account as Record<string, unknown>) : { id: e.account };
          const accountId = String(account.id ?? '');
          if (!accountId || accountId === me.account.id) return;
          const name = String(e.name ?? account.name ?? accountId);
          const state = e.state === 'editing' || e.state === 'viewing' ? e.state : null;
          teamSession.setState((t) => ({ presence: withPresence(t.presence, id, { accountId, name, state }, Date.now()) }));
          return;
        }
      }
    } catch (error) {
      if (error instanceof ApiError && error.offline) return;
      store.getState().notify({ tone: 'error', key: 'team.liveFailed', params: { detail: error instanceof Error ? error.message : String(error) } });
    }
  }

  /** Another save of `id` reached the server: follow it when this page has nothing unsent, else a conflict. */
  async function followSave(id: string, revision: number) {
    const known = heads.has(id) || id in store.getState().documents;
    if (!known || isClean(id)) await reloadWorkflow(id, true);
    else addConflicts([{ workflowId: id, theirRevision: revision }]);
  }

  /** Catches up after missed events: every workflow whose head moved is followed or marked. */
  async function resync() {
    let list: WorkflowSummary[];
    try {
      list = await fetchList();
    } catch {
      return;
    }
    const ids = new Set(list.map((w) => w.id));
    for (const w of list) if (w.head > (heads.get(w.id) ?? 0)) await followSave(w.id, w.head);
    for (const id of [...heads.keys()]) {
      if (ids.has(id)) {
        await refreshComments(id).catch(() => undefined);
        continue;
      }
      await onEvent({ type: 'workflow.deleted', workflowId: id });
    }
  }

  async function reloadWorkflow(id: string, keepHistory = false) {
    let found: Awaited<ReturnType<typeof fetchWorkflow>> | null;
    try {
      found = await fetchWorkflow(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) found = null;
      else throw error;
    }
    const s = store.getState();
    if (found) {
      const full = withComments(found.doc, found.comments);
      heads.set(id, found.revision);
      savedDocs.set(id, full);
      savedComments.set(id, found.comments);
      refused.delete(id);
      refreshVersions(id);
      // Followed saves keep the undo steps, so a user can still step back to what was there before.
      const history = keepHistory && s.documents[id] ? recordStep(s.histories[id] ?? emptyHistory(), s.documents[id], 'history.recovered') : null;
      store.getState().replaceFromStorage(id, full, history);
    } else {
      heads.delete(id);
      savedDocs.delete(id);
      savedComments.delete(id);
      store.getState().replaceFromStorage(id, null, null);
    }
    store.setState((st) => ({ conflicts: st.conflicts.filter((c) => c.workflowId !== id) }));
  }

  async function forkWorkflow(id: string, name: string) {
    const s = store.getState();
    const mine = s.documents[id];
    if (mine) {
      const copyId = s.addCopy(mine, name, s.histories[id], { keepComments: false });
      await reloadWorkflow(id);
      store.getState().openWorkflow(copyId);
    } else await reloadWorkflow(id);
  }

  function announcePresence(force = false, state?: 'viewing' | 'editing') {
    if (stopped) return;
    const workflowId = store.getState().openId;
    const now = Date.now();
    const next = state ?? (lastPresence.workflowId === workflowId && lastPresence.state === 'editing' && now - lastPresence.at < PRESENCE_EVERY_MS * 2 ? 'editing' : 'viewing');
    if (!force && lastPresence.workflowId === workflowId && lastPresence.state === next && now - lastPresence.at < PRESENCE_EVERY_MS) return;
    lastPresence = { workflowId, state: next, at: now };
    if (!workflowId) return;
    api.post('/presence', { workflowId, state: next }).catch(() => undefined);
  }
}
