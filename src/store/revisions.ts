import { stableStringify, validateWorkflowDocument, type Problem } from '../document';
import { diffWorkflows, type WorkflowDiff } from '../graph';
import type { CommentThread, Enrollment, Revision, RevisionKind, WorkflowDocument, WorkflowVersions, Workspace } from '../model';

/**
 * The draft → revision rule (DESIGN.md, README "Versions"): a revision is made by each explicit save
 * (with an optional message), each publish whose draft differs from the head, each restore, each
 * import, and — while editing — an autosave checkpoint at most every CHECKPOINT_MS, only when the draft
 * differs from the head. Nothing else makes one, so typing never floods the history.
 */
export const CHECKPOINT_MS = 300_000;

/** A workflow's versions before its first revision. */
export const NO_VERSIONS: WorkflowVersions = { head: 0, published: null, publishedAt: null, publishedBy: null, everPublished: [] };

/** Everything a workflow has of versions in the app: the row and its revisions, oldest first. */
export interface VersionState extends WorkflowVersions {
  revisions: Revision[];
}

/** The document a revision keeps of a draft: no comments (they belong to the workflow) and no revision mark. */
export function revisionDocument(doc: WorkflowDocument): WorkflowDocument {
  const { comments: _comments, revision: _mark, ...rest } = doc;
  return rest;
}

const keys = new WeakMap<WorkflowDocument, string>();

/** The bytes that say whether two documents are the same revision content (cached per document object). */
function contentKey(doc: WorkflowDocument): string {
  let key = keys.get(doc);
  if (key === undefined) {
    key = stableStringify(revisionDocument(doc));
    keys.set(doc, key);
  }
  return key;
}

/** Whether two documents hold the same workflow and layout (comments aside). */
export function sameContent(a: WorkflowDocument, b: WorkflowDocument): boolean {
  return a === b || contentKey(a) === contentKey(b);
}

/** One revision of a state by number. */
export function revisionOf(state: VersionState | undefined, number: number | null): Revision | undefined {
  if (!state || number === null) return undefined;
  return state.revisions.find((r) => r.number === number);
}

/** Whether the draft holds something the head revision does not (true before the first revision). */
export function draftDiffers(state: VersionState | undefined, draft: WorkflowDocument): boolean {
  const head = revisionOf(state, state?.head ?? null);
  return !head || !sameContent(head.document, draft);
}

/** Who makes a revision: an account in team mode, a profile name in local mode. */
export interface RevisionAuthor {
  id: string | null;
  name: string;
}

/** The state after adding a revision of `draft` as the next number. Pure; `state` is not touched. */
export function addRevision(
  state: VersionState | undefined,
  workflowId: string,
  draft: WorkflowDocument,
  kind: RevisionKind,
  author: RevisionAuthor,
  at: Date,
  message: string | null = null,
): { state: VersionState; revision: Revision } {
  const current = state ?? { ...NO_VERSIONS, revisions: [] };
  const revision: Revision = {
    workflowId,
    number: current.head + 1,
    base: current.head > 0 ? current.head : null,
    kind,
    author: author.id,
    authorName: author.name.slice(0, 200),
    createdAt: at.toISOString(),
    message: message?.trim() ? message.trim().slice(0, 2000) : null,
    document: revisionDocument(draft),
  };
  if (draft.comments?.length) revision.comments = draft.comments;
  return { state: { ...current, head: revision.number, revisions: [...current.revisions, revision] }, revision };
}

/** Whether autosave should add a checkpoint now: the draft differs from the head, made CHECKPOINT_MS ago or more. */
export function checkpointDue(state: VersionState | undefined, draft: WorkflowDocument, now: number): boolean {
  // The clock first: comparing the contents serializes the draft (a quarter of a second at 20,000 actions).
  const head = revisionOf(state, state?.head ?? null);
  if (head && now - Date.parse(head.createdAt) < CHECKPOINT_MS) return false;
  return draftDiffers(state, draft);
}

/** The live revision's document, or null while the workflow is off. */
export function liveDocument(state: VersionState | undefined): WorkflowDocument | null {
  return revisionOf(state, state?.published ?? null)?.document ?? null;
}

/** What the header says of a draft: how many things differ from the live revision (or from nothing), and its errors. */
export interface DraftSummary {
  live: number | null;
  changes: number;
  errors: number;
}

/** Revision kinds that bring a whole workflow in at once: what it holds then is one change, not one per action. */
const WHOLE_KINDS: ReadonlySet<RevisionKind> = new Set<RevisionKind>(['create', 'import', 'restore']);

/**
 * The header's summary of a draft against its live revision. While nothing is live, the draft counts
 * from the newest revision that brought the workflow in whole (an import, a restore, a creation or a
 * copy): that revision is one change if it held anything, and every change made since counts on top.
 * A 20,000-action file imported is one change, not 20,000. With no such revision at hand, every thing
 * in the draft is a change.
 */
export function draftSummary(state: VersionState | undefined, draft: WorkflowDocument, problems: readonly Problem[]): DraftSummary {
  const live = liveDocument(state);
  const errors = problems.filter((p) => p.severity === 'error').length;
  let changes: number;
  if (live) changes = diffWorkflows(live.workflow, draft.workflow).count;
  else {
    const base = state?.revisions.findLast((r) => WHOLE_KINDS.has(r.kind))?.document.workflow;
    changes = base
      ? (base.actions.length > 0 ? 1 : 0) + diffWorkflows(base, draft.workflow).count
      : diffWorkflows(emptyLike(draft.workflow), draft.workflow).count;
  }
  return { live: state?.published ?? null, changes, errors };
}

function emptyLike(workflow: WorkflowDocument['workflow']): WorkflowDocument['workflow'] {
  return { ...workflow, actions: [] };
}

/**
 * [S-reenroll] Whether publishing a new enrollment risks enrolling tickets unexpectedly: the triggers or
 * filters changed, or re-enrollment is being turned on.
 */
export function enrollmentRisk(live: Enrollment, next: Enrollment): boolean {
  const changes = diffWorkflows(
    { id: 'a', name: 'a', enrollment: live, actions: [], startActionId: null },
    { id: 'a', name: 'a', enrollment: next, actions: [], startActionId: null },
  ).enrollment;
  return changes.some((c) => c.path.startsWith('/triggers') || c.path.startsWith('/filters')) || (next.reenroll && !live.reenroll);
}

/** What the publish dialog shows before a publish: the verdict, the diff against the live revision and the warning. */
export interface PublishReview {
  /** Errors that refuse the publish (empty when it may go ahead). */
  errors: Problem[];
  /** The draft against the live revision; null while nothing is live. */
  diff: WorkflowDiff | null;
  /** [S-reenroll] The enrollment changed while the live revision has had enrolled tickets. */
  reenrollWarning: boolean;
  /** The draft is the live revision already: nothing to publish. */
  unchanged: boolean;
}

/**
 * Judges a draft for publishing against the live revision. `enrolled` is how many tickets the live
 * revision enrolled in the last simulation (0 when none ran). Refuses while the draft has errors.
 */
export function reviewPublish(state: VersionState | undefined, draft: WorkflowDocument, workspace: Workspace, enrolled: number): PublishReview {
  const errors = validateWorkflowDocument(revisionDocument(draft), workspace).filter((p) => p.severity === 'error');
  const live = liveDocument(state);
  const diff = live ? diffWorkflows(live.workflow, draft.workflow, { a: live.layout, b: draft.layout }) : null;
  return {
    errors,
    diff,
    reenrollWarning: live !== null && enrolled > 0 && enrollmentRisk(live.workflow.enrollment, draft.workflow.enrollment),
    unchanged: live !== null && sameContent(live, draft),
  };
}

/** The state after publishing revision `number` (it must exist). */
export function withPublished(state: VersionState, number: number, by: string, at: Date): VersionState {
  const everPublished = state.everPublished.includes(number) ? state.everPublished : [...state.everPublished, number];
  return { ...state, published: number, publishedAt: at.toISOString(), publishedBy: by, everPublished };
}

/** The state after unpublishing: nothing is live. */
export function withoutPublished(state: VersionState): VersionState {
  return { ...state, published: null, publishedAt: null, publishedBy: null };
}

/** A document without the revision mark an exported file carries (drafts never hold one). */
export function withoutMark(doc: WorkflowDocument): WorkflowDocument {
  if (doc.revision === undefined) return doc;
  const { revision: _mark, ...rest } = doc;
  return rest;
}

/**
 * The document as exported (SPEC §10: the file says which revision it is and whether it was live): a
 * shown revision, or a draft equal to its head revision, is marked with that number; a draft with
 * unsaved changes is no revision yet and carries no mark.
 */
export function withRevisionMark(doc: WorkflowDocument, state: VersionState | undefined, shown: number | null = null): WorkflowDocument {
  const number = shown ?? (state && state.head > 0 && !draftDiffers(state, doc) ? state.head : null);
  if (number === null) return withoutMark(doc);
  return { ...doc, revision: { number, published: state?.published === number } };
}

/** The state with threads the draft lost added to those kept for the revisions (newest copy of each). */
export function withRemovedThreads(state: VersionState | undefined, lost: readonly CommentThread[]): VersionState {
  const current = state ?? { ...NO_VERSIONS, revisions: [] };
  const ids = new Set(lost.map((t) => t.id));
  return { ...current, removedThreads: [...(current.removedThreads ?? []).filter((t) => !ids.has(t.id)), ...lost].slice(-10000) };
}
