import {
  defaultWorkspace,
  TRASH_LIMIT,
  WORKFLOW_FORMAT,
  WORKFLOW_SCHEMA_VERSION,
  type Enrollment,
  type Workflow,
  type WorkflowDocument,
  type Workspace,
} from '../model';
import { copyIdRecord, hasId, idRecord, withId, withoutId } from './id-record';
import { emptyHistory, recordStep, redoStep, undoStep, type HistoryEntry, type WorkflowHistory } from './history';
import type { VersionState } from './revisions';
import type { Selection } from './selection-slice';
import type { AppState, SliceCreator } from './types';

/** Options of a committed change. */
export interface CommitOptions {
  /** Message key naming the change for the undo button's tooltip. */
  label: string;
  /**
   * Changes with the same key, made in a quick run on the same workflow, merge into one undo step
   * (typing into one field is one edit, not one step per key).
   */
  coalesce?: string;
  /** Selection to apply together with the change. */
  select?: Selection;
}

/** How long a run of coalescing changes may pause and still be the same step. */
export const COALESCE_WINDOW_MS = 1500;

/**
 * A deleted workflow kept in the trash, from which it can be restored as it was: its document, its
 * revisions and live mark, and where it stood in the list.
 */
export interface TrashedWorkflow {
  doc: WorkflowDocument;
  versions: VersionState | null;
  /** Its place in the workflow list when it was deleted. */
  position: number;
  /** When it was deleted (ISO 8601). */
  deletedAt: string;
}

/** The trash with the workflow `id` of `s` added first, as it is now (document, revisions, place in the list). */
function intoTrash(s: { documents: Record<string, WorkflowDocument>; versions: Record<string, VersionState>; order: string[]; trash: TrashedWorkflow[] }, id: string): TrashedWorkflow[] {
  const entry: TrashedWorkflow = { doc: s.documents[id]!, versions: s.versions[id] ?? null, position: s.order.indexOf(id), deletedAt: new Date().toISOString() };
  return [entry, ...s.trash].slice(0, TRASH_LIMIT);
}

/** Everything loaded from storage (or seeded) at start. */
export interface LoadedState {
  workspace: Workspace;
  documents: Record<string, WorkflowDocument>;
  order: string[];
  openId: string | null;
  histories: Record<string, WorkflowHistory>;
  /** Revisions and the live revision per workflow (none: nothing saved or live yet). */
  versions?: Record<string, VersionState>;
  /** Deleted workflows that can be restored, the latest first. */
  trash?: TrashedWorkflow[];
}

/** Workspace, workflow documents and their undo histories. */
export interface DocumentSlice {
  workspace: Workspace;
  documents: Record<string, WorkflowDocument>;
  /** Workflow ids in list order. */
  order: string[];
  openId: string | null;
  histories: Record<string, WorkflowHistory>;
  /** False until storage has been read (or seeded). */
  loaded: boolean;
  /** The last commit, to merge a quick run of edits of one field into one step. */
  lastCommit: { workflowId: string; key: string; at: number; doc: WorkflowDocument } | null;
  load(state: LoadedState): void;
  openWorkflow(id: string): void;
  /** Replaces a workflow document as one undo step. */
  commit(workflowId: string, next: WorkflowDocument, options: CommitOptions): void;
  undo(): void;
  redo(): void;
  /** Adds a new, empty workflow and opens it; returns its id. */
  createWorkflow(name: string): string;
  /** Adds a disabled copy of a document under a new id and returns the id (comments dropped unless kept). */
  addCopy(doc: WorkflowDocument, name: string, history?: WorkflowHistory, options?: { keepComments?: boolean }): string;
  /** Deletes a workflow into the trash (with its revisions), from which restoreWorkflow brings it back. */
  deleteWorkflow(id: string): void;
  /** Deleted workflows that can be restored, the latest first. */
  trash: TrashedWorkflow[];
  /**
   * Brings the latest deleted workflow with this id back from the trash, with its revisions, live
   * mark and place in the list, and opens it. Refused (with a notice) while another workflow has the id.
   */
  restoreWorkflow(id: string): void;
  /** Removes a workflow from the trash for good. */
  purgeTrashed(id: string, deletedAt: string): void;
  /**
   * [S-reenroll] Replaces the open workflow by a copy with a new enrollment (the old one is deleted),
   * so tickets already enrolled in the old workflow are not enrolled again unexpectedly.
   */
  cloneWithEnrollment(enrollment: Enrollment): void;
  /**
   * Puts a document (and its history) in place as storage holds it, without an undo step. A workflow
   * storage holds again leaves the trash; one storage no longer holds goes into it with `trash`
   * (deleted elsewhere, and still restorable here).
   */
  replaceFromStorage(id: string, doc: WorkflowDocument | null, history: WorkflowHistory | null, options?: { trash?: boolean }): void;
  setWorkspace(workspace: Workspace): void;
  /**
   * A document shown read-only in the builder without being one of the workspace's workflows
   * (a pipeline's built-in automation): it never runs, is never saved, and nothing edits it.
   */
  preview: WorkflowDocument | null;
  openPreview(doc: WorkflowDocument): void;
  closePreview(): void;
  /** Adds a document as it is (its id must be free) and opens it; one step, not undoable across workflows. */
  addDocument(doc: WorkflowDocument): void;
  /** Replaces the workspace and every workflow (a bundle import); histories start anew. */
  replaceAll(workspace: Workspace, docs: WorkflowDocument[]): void;
}

/** The workflow document currently open, if any. */
export function openDocument(s: {
  documents: Record<string, WorkflowDocument>;
  openId: string | null;
  preview?: WorkflowDocument | null;
}): WorkflowDocument | null {
  return s.preview ?? (s.openId ? (s.documents[s.openId] ?? null) : null);
}

/** A new, empty workflow document. */
export function newWorkflowDocument(id: string, name: string): WorkflowDocument {
  const workflow: Workflow = {
    id,
    name,
    enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [], reenroll: false, unenroll: [] },
    actions: [],
    startActionId: null,
  };
  return { format: WORKFLOW_FORMAT, schemaVersion: WORKFLOW_SCHEMA_VERSION, workflow };
}

/** A workflow id not used yet, derived from a name. */
export function freshWorkflowId(name: string, taken: Record<string, unknown>): string {
  const base =
    'wf-' +
    (name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'workflow');
  if (!hasId(taken, base)) return base;
  for (let n = 2; ; n++) if (!hasId(taken, `${base}-${n}`)) return `${base}-${n}`;
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => ({
  workspace: defaultWorkspace(),
  documents: idRecord(),
  order: [],
  openId: null,
  histories: idRecord(),
  trash: [],
  loaded: false,
  lastCommit: null,
  load(state) {
    // Stored and seeded records come as ordinary objects; the store keeps null-prototype ones (id-record.ts).
    set({
      ...state,
      documents: copyIdRecord(state.documents),
      histories: copyIdRecord(state.histories),
      versions: copyIdRecord(state.versions ?? {}),
      trash: state.trash ?? [],
      historyView: null,
      openId: state.openId !== null && hasId(state.documents, state.openId) ? state.openId : null,
      loaded: true,
      lastCommit: null,
      selection: null,
    });
  },
  openWorkflow(id) {
    if (!hasId(get().documents, id)) return;
    if (get().inspectorDirty && id !== get().openId) {
      get().notify({ tone: 'error', key: 'notice.unsavedEdits' });
      return;
    }
    const historyView = get().historyView?.workflowId === id ? get().historyView : null;
    set({ openId: id, preview: null, historyView, selection: null, interaction: { type: 'idle' }, commentTarget: null, lastCommit: null });
  },
  commit(workflowId, next, options) {
    const s = get();
    const before = s.documents[workflowId];
    if (!before || before === next) return;
    const now = Date.now();
    const last = s.lastCommit;
    const merge =
      options.coalesce !== undefined &&
      last !== null &&
      last.workflowId === workflowId &&
      last.key === options.coalesce &&
      last.doc === before &&
      now - last.at < COALESCE_WINDOW_MS;
    const history = s.histories[workflowId] ?? emptyHistory();
    set({
      documents: withId(s.documents, workflowId, next),
      histories: merge ? s.histories : withId(s.histories, workflowId, recordStep(history, before, options.label)),
      lastCommit: options.coalesce !== undefined ? { workflowId, key: options.coalesce, at: now, doc: next } : null,
      ...selectionAfter(s, next, options.select),
    });
  },
  undo() {
    step(get, set, undoStep);
  },
  redo() {
    step(get, set, redoStep);
  },
  createWorkflow(name) {
    const s = get();
    const id = freshWorkflowId(name, s.documents);
    set({
      documents: withId(s.documents, id, newWorkflowDocument(id, name)),
      order: [...s.order, id],
      histories: withId(s.histories, id, emptyHistory()),
      openId: id,
      selection: null,
      lastCommit: null,
    });
    return id;
  },
  addCopy(doc, name, history, options) {
    const s = get();
    const id = freshWorkflowId(name, s.documents);
    const copy: WorkflowDocument = { ...doc, workflow: { ...doc.workflow, id, name } };
    if (!options?.keepComments) delete copy.comments;
    // Undo in the copy must bring back states of the copy, so its steps carry the new id too.
    const rename = (e: HistoryEntry): HistoryEntry => ({ ...e, doc: { ...e.doc, workflow: { ...e.doc.workflow, id } } });
    const copiedHistory = history ? { ...history, past: history.past.map(rename), future: history.future.map(rename) } : emptyHistory();
    set({
      documents: withId(s.documents, id, copy),
      order: [...s.order, id],
      histories: withId(s.histories, id, copiedHistory),
    });
    return id;
  },
  deleteWorkflow(id) {
    const s = get();
    if (!hasId(s.documents, id)) return;
    const documents = withoutId(s.documents, id);
    const histories = withoutId(s.histories, id);
    const order = s.order.filter((x) => x !== id);
    const openId = s.openId === id ? (order[0] ?? null) : s.openId;
    // A deleted workflow takes its revisions with it: nothing of it stays live.
    const versions = withoutId(s.versions, id);
    const historyView = s.historyView?.workflowId === id ? null : s.historyView;
    // Into the trash, with its revisions and live mark: Undo on the notice, or Restore later, brings it back.
    const trash = intoTrash(s, id);
    set({ documents, histories, versions, historyView, order, openId, trash, selection: s.openId === id ? null : s.selection, lastCommit: null });
    get().notify({ tone: 'info', key: 'workflows.deleted', params: { name: s.documents[id]!.workflow.name }, restore: id });
  },
  restoreWorkflow(id) {
    const s = get();
    const at = s.trash.findIndex((x) => x.doc.workflow.id === id);
    if (at < 0) return;
    const { doc, versions, position } = s.trash[at]!;
    if (hasId(s.documents, id)) {
      s.notify({ tone: 'error', key: 'workflows.restore.taken', params: { name: doc.workflow.name, id } });
      return;
    }
    const order = [...s.order];
    order.splice(Math.max(0, Math.min(position, order.length)), 0, id);
    set({
      documents: withId(s.documents, id, doc),
      histories: withId(s.histories, id, emptyHistory()),
      versions: versions ? withId(s.versions, id, versions) : s.versions,
      order,
      trash: s.trash.filter((_, i) => i !== at),
    });
    get().openWorkflow(id);
    get().notify({ tone: 'info', key: 'workflows.restored', params: { name: doc.workflow.name } });
  },
  purgeTrashed(id, deletedAt) {
    set((s) => ({ trash: s.trash.filter((x) => x.doc.workflow.id !== id || x.deletedAt !== deletedAt) }));
  },
  cloneWithEnrollment(enrollment) {
    const s = get();
    const old = s.openId ? s.documents[s.openId] : undefined;
    if (!old || s.reviewMode) return;
    const copyId = s.addCopy({ ...old, workflow: { ...old.workflow, enrollment } }, old.workflow.name, undefined, { keepComments: true });
    get().deleteWorkflow(old.workflow.id);
    get().openWorkflow(copyId);
  },
  replaceFromStorage(id, doc, history, options = {}) {
    const s = get();
    const documents = copyIdRecord(s.documents);
    const histories = copyIdRecord(s.histories);
    let order = s.order;
    let trash = s.trash;
    if (doc) {
      documents[id] = doc;
      histories[id] = history ?? emptyHistory();
      if (!order.includes(id)) order = [...order, id];
      // Back in storage (restored or created again elsewhere): nothing of it is deleted any more.
      if (trash.some((e) => e.doc.workflow.id === id)) trash = trash.filter((e) => e.doc.workflow.id !== id);
    } else {
      if (options.trash && hasId(s.documents, id)) trash = intoTrash(s, id);
      delete documents[id];
      delete histories[id];
      order = order.filter((x) => x !== id);
    }
    const openId = s.openId && hasId(documents, s.openId) ? s.openId : (order[0] ?? null);
    set({ documents, histories, order, openId, trash, lastCommit: s.lastCommit?.workflowId === id ? null : s.lastCommit });
  },
  setWorkspace(workspace) {
    set({ workspace });
  },
  preview: null,
  openPreview(doc) {
    set({ preview: doc, selection: null, interaction: { type: 'idle' }, commentTarget: null });
  },
  closePreview() {
    set({ preview: null, selection: null });
  },
  addDocument(doc) {
    const s = get();
    const id = doc.workflow.id;
    if (hasId(s.documents, id)) throw new Error(`A workflow with the id "${id}" exists already`);
    set({
      documents: withId(s.documents, id, doc),
      order: [...s.order, id],
      histories: withId(s.histories, id, emptyHistory()),
      openId: id,
      preview: null,
      selection: null,
      lastCommit: null,
    });
  },
  replaceAll(workspace, docs) {
    set({
      workspace,
      documents: idRecord(docs.map((d) => [d.workflow.id, d] as const)),
      order: docs.map((d) => d.workflow.id),
      histories: idRecord(docs.map((d) => [d.workflow.id, emptyHistory()] as const)),
      versions: idRecord(),
      historyView: null,
      openId: docs[0]?.workflow.id ?? null,
      preview: null,
      selection: null,
      lastCommit: null,
    });
  },
});

/**
 * The selection after a commit: the one the command asks for, except that unsaved inspector edits keep
 * their bubble selected, unless the change removed that bubble (then its edits have nothing to apply to).
 */
function selectionAfter(s: AppState, next: WorkflowDocument, wanted: Selection | undefined): Partial<AppState> {
  const sel = s.selection;
  const gone = sel?.kind === 'action' && !next.workflow.actions.some((a) => a.id === sel.id);
  if (gone) return { selection: wanted ?? null, inspectorDirty: false };
  if (wanted === undefined || s.inspectorDirty) return {};
  return { selection: wanted };
}

type Stepper = typeof undoStep;

function step(
  get: () => AppState,
  set: (partial: Partial<AppState>) => void,
  stepper: Stepper,
): void {
  const s = get();
  const id = s.openId;
  if (!id || s.reviewMode) return;
  const current = s.documents[id];
  const history = s.histories[id];
  if (!current || !history) return;
  const result = stepper(history, current);
  if (!result) return;
  const sel = s.selection;
  const keepSelection =
    sel === null || sel.kind === 'trigger' || result.doc.workflow.actions.some((a) => a.id === sel.id);
  set({
    documents: withId(s.documents, id, result.doc),
    histories: withId(s.histories, id, result.history),
    lastCommit: null,
    selection: keepSelection ? sel : null,
    interaction: { type: 'idle' },
  });
}
