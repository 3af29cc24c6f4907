import type { Revision, RevisionKind, WorkflowDocument } from '../model';
import {
  addRevision,
  checkpointDue,
  draftDiffers,
  revisionOf,
  reviewPublish,
  withoutPublished,
  withPublished,
  withRemovedThreads,
  type PublishReview,
  type RevisionAuthor,
  type VersionState,
} from './revisions';
import { validatorsReady } from '../document/schema-validation';
import type { Problem } from '../document/codes';
import { revisionThreads } from './history-view';
import { idRecord, withId } from './id-record';
import type { AppState, Outcome, SliceCreator } from './types';

/** A revision shown read-only on the canvas, and what it is compared with ("draft" or another revision). */
export interface HistoryView {
  workflowId: string;
  number: number;
  against: 'draft' | number;
}

/** The save (with its message) or publish dialog, for one workflow. */
export interface VersionDialog {
  type: 'save' | 'publish';
  workflowId: string;
}

/** The outcome of a publish: refused with the errors, or done with the revision that is live now. */
export type PublishOutcome = { ok: true; revision: number; pending?: boolean } | { ok: false; message: string; review?: PublishReview };

/**
 * Where revisions live when a team server keeps them: saves with a message, restores, publish and
 * unpublish go to its routes, and the versions in the store follow what it answers (the outcome,
 * a refusal with its problems, is notified by the team side when the server has answered).
 */
export interface RemoteVersions {
  save(workflowId: string, kind: 'save' | 'restore', message: string | null): void;
  publish(workflowId: string, message: string | null): void;
  unpublish(workflowId: string): void;
}

/**
 * Revisions and the live revision of each workflow (SPEC §10). A workflow is on iff it has a
 * published revision; only publish sets one, and it refuses a draft with errors. Undo, redo, imports,
 * pastes and JSON edits change drafts only, so none of them can make anything live.
 */
export interface RevisionsSlice {
  versions: Record<string, VersionState>;
  historyView: HistoryView | null;
  versionDialog: VersionDialog | null;
  /** Set in team mode: the server keeps the revisions (null: this browser does). */
  remoteVersions: RemoteVersions | null;
  openVersionDialog(dialog: VersionDialog | null): void;
  /** Tickets each workflow enrolled in the last simulation run, for the [S-reenroll] warning. */
  lastEnrolled: Record<string, number>;
  /** Saves the draft as a revision (Ctrl/Cmd+S or the button), with an optional message; refused when nothing changed. */
  saveRevision(workflowId: string, message?: string | null): Outcome;
  /** Adds a revision of the draft of one kind (a created or imported workflow); nothing when it equals the head. */
  recordRevision(workflowId: string, kind: RevisionKind): void;
  /** What publishing the draft would do: its errors, the diff against the live revision, the warning. Null while it cannot be checked. */
  reviewPublish(workflowId: string): PublishReview | null;
  /** Publishes the draft (as a new revision when it differs from the head); refused while it has errors. */
  publish(workflowId: string, message?: string | null): PublishOutcome;
  /** [S-reenroll] Publishes the draft as a new workflow and deletes this one, so enrolled tickets are not enrolled again. */
  publishAsClone(workflowId: string): PublishOutcome;
  /** Turns the workflow off: nothing of it is live. Notifies once it is off (in team mode, once the server answered). */
  unpublish(workflowId: string): Outcome;
  /** Makes the draft equal to a revision (one undo step; comments stay) and records a restore revision. */
  restoreRevision(workflowId: string, number: number): Outcome;
  /** Adds a checkpoint revision to each draft that is due one (the autosave rule). */
  checkpointNow(now?: number): void;
  /** Shows a revision read-only with a diff, or goes back to the draft (null). */
  viewRevision(view: HistoryView | null): void;
  setLastEnrolled(counts: Record<string, number>): void;
}

function author(s: AppState): RevisionAuthor {
  return { id: null, name: s.authorName || 'Local user' };
}

function refuse(get: () => AppState, key: string, params?: Record<string, string | number>, problem?: Problem): { ok: false; message: string } {
  get().notify({ tone: 'error', key, params, ...(problem ? { problem } : {}) });
  return { ok: false, message: key };
}

export const createRevisionsSlice: SliceCreator<RevisionsSlice> = (set, get, api) => {
  const put = (workflowId: string, state: VersionState) => set({ versions: withId(get().versions, workflowId, state) });
  // Threads a draft loses (with a removed bubble) stay readable from the revisions that have the bubble.
  api.subscribe((s, prev) => {
    if (s.documents === prev.documents) return;
    for (const id of Object.keys(prev.documents)) {
      const before = prev.documents[id]?.comments;
      const after = s.documents[id];
      if (!before?.length || !after || after.comments === before) continue;
      const kept = new Set((after.comments ?? []).map((c) => c.id));
      const lost = before.filter((c) => !kept.has(c.id));
      if (lost.length) put(id, withRemovedThreads(get().versions[id], lost));
    }
  });
  const revise = (workflowId: string, draft: WorkflowDocument, kind: RevisionKind, message: string | null = null): Revision => {
    const s = get();
    const { state, revision } = addRevision(s.versions[workflowId], workflowId, draft, kind, author(s), new Date(), message);
    put(workflowId, state);
    return revision;
  };

  const publishDraft = (workflowId: string, message: string | null): PublishOutcome => {
    const s = get();
    const draft = s.documents[workflowId];
    if (!draft) return refuse(get, 'notice.noWorkflow');
    if (s.reviewMode) return refuse(get, 'notice.readOnly');
    if (!validatorsReady()) return refuse(get, 'notice.enableChecking');
    const review = reviewPublish(s.versions[workflowId], draft, s.workspace, 0);
    if (review.errors.length) {
      get().notify({ tone: 'error', key: 'versions.publish.refused', params: { count: review.errors.length, first: review.errors[0]!.message }, problem: review.errors[0]! });
      return { ok: false, message: 'versions.publish.refused', review };
    }
    if (s.remoteVersions) {
      s.remoteVersions.publish(workflowId, message);
      return { ok: true, revision: s.versions[workflowId]?.head ?? 0, pending: true };
    }
    const number = draftDiffers(s.versions[workflowId], draft) ? revise(workflowId, draft, 'publish', message).number : s.versions[workflowId]!.head;
    const state = get().versions[workflowId]!;
    put(workflowId, withPublished(state, number, author(get()).name, new Date()));
    return { ok: true, revision: number };
  };

  return {
    versions: idRecord(),
    historyView: null,
    versionDialog: null,
    remoteVersions: null,
    openVersionDialog(dialog) {
      set({ versionDialog: dialog });
    },
    lastEnrolled: {},
    saveRevision(workflowId, message = null) {
      const s = get();
      const draft = s.documents[workflowId];
      if (!draft) return refuse(get, 'notice.noWorkflow');
      if (s.reviewMode) return refuse(get, 'notice.readOnly');
      if (s.remoteVersions) {
        s.remoteVersions.save(workflowId, 'save', message);
        return { ok: true };
      }
      if (!draftDiffers(s.versions[workflowId], draft)) return refuse(get, 'versions.save.nothing');
      const revision = revise(workflowId, draft, 'save', message);
      get().notify({ tone: 'info', key: 'versions.saved', params: { number: revision.number } });
      return { ok: true };
    },
    recordRevision(workflowId, kind) {
      if (get().remoteVersions) return;
      const draft = get().documents[workflowId];
      if (draft && draftDiffers(get().versions[workflowId], draft)) revise(workflowId, draft, kind);
    },
    reviewPublish(workflowId) {
      const s = get();
      const draft = s.documents[workflowId];
      if (!draft || !validatorsReady()) return null;
      const live = s.versions[workflowId]?.published ?? null;
      return reviewPublish(s.versions[workflowId], draft, s.workspace, live === null ? 0 : (s.lastEnrolled[workflowId] ?? 0));
    },
    publish(workflowId, message = null) {
      return publishDraft(workflowId, message);
    },
    publishAsClone(workflowId) {
      const s = get();
      const draft = s.documents[workflowId];
      if (!draft) return refuse(get, 'notice.noWorkflow');
      if (s.reviewMode) return refuse(get, 'notice.readOnly');
      if (!validatorsReady()) return refuse(get, 'notice.enableChecking');
      const review = reviewPublish(undefined, draft, s.workspace, 0);
      if (review.errors.length) return refuse(get, 'versions.publish.refused', { count: review.errors.length, first: review.errors[0]!.message }, review.errors[0]!);
      const copyId = s.addCopy(draft, draft.workflow.name, undefined, { keepComments: true });
      get().deleteWorkflow(workflowId);
      get().openWorkflow(copyId);
      return publishDraft(copyId, null);
    },
    unpublish(workflowId) {
      const s = get();
      const state = s.versions[workflowId];
      if (!state || state.published === null) return { ok: true };
      if (s.reviewMode) return refuse(get, 'notice.readOnly');
      // In team mode the notice comes once the server has answered (RemoteVersions.unpublish).
      if (s.remoteVersions) {
        s.remoteVersions.unpublish(workflowId);
        return { ok: true };
      }
      put(workflowId, withoutPublished(state));
      get().notify({ tone: 'info', key: 'versions.unpublished' });
      return { ok: true };
    },
    restoreRevision(workflowId, number) {
      const s = get();
      const draft = s.documents[workflowId];
      const revision = revisionOf(s.versions[workflowId], number);
      if (!draft || !revision) return refuse(get, 'notice.noWorkflow');
      if (s.preview) return refuse(get, 'notice.builtInReadOnly');
      if (s.reviewMode) return refuse(get, 'notice.readOnly');
      // Threads stay on their bubbles: the draft's, and those lost with a bubble the revision brings back.
      const next: WorkflowDocument = { ...revision.document };
      const threads = revisionThreads(revision, draft.comments, s.versions[workflowId]?.removedThreads);
      if (threads.length) next.comments = threads;
      set({ historyView: null });
      get().commit(workflowId, next, { label: 'history.restore' });
      const remote = get().remoteVersions;
      if (remote) remote.save(workflowId, 'restore', null);
      else revise(workflowId, get().documents[workflowId]!, 'restore', null);
      get().notify({ tone: 'info', key: 'versions.restored', params: { number } });
      return { ok: true };
    },
    checkpointNow(now = Date.now()) {
      const s = get();
      if (s.remoteVersions) return;
      for (const id of s.order) {
        const draft = s.documents[id];
        if (draft && checkpointDue(s.versions[id], draft, now)) revise(id, draft, 'checkpoint');
      }
    },
    viewRevision(view) {
      set({ historyView: view, selection: null });
    },
    setLastEnrolled(counts) {
      set({ lastEnrolled: counts });
    },
  };
};

/**
 * The autosave checkpoint rule running: every `everyMs` each draft that differs from its head, made
 * CHECKPOINT_MS ago or more, gets a checkpoint revision. Returns the function that stops it.
 */
export function startCheckpoints(store: { getState(): Pick<AppState, 'loaded' | 'checkpointNow'> }, everyMs = 30_000): () => void {
  const timer = setInterval(() => {
    if (store.getState().loaded) store.getState().checkpointNow();
  }, everyMs);
  return () => clearInterval(timer);
}
