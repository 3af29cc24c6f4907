import type { Action } from '../actions';
import type { Problem } from '../document';
import type { CommentThread, Workflow, WorkflowDocument } from '../model';
import { openCommentCounts } from '../review/threads';
import { revisionView, selectViewedRevision } from './history-view';
import { ownEntry } from './id-record';
import type { AppState } from './types';

// Derived indexes are cached per immutable input object, so a thousand bubbles each selecting
// "their" entry cost one index build per change, not a thousand scans.
const actionIndexes = new WeakMap<Workflow, Map<string, Action>>();
const problemIndexes = new WeakMap<Problem[], Map<string, ProblemCount>>();
const commentIndexes = new WeakMap<CommentThread[], Map<string, number>>();
const NO_COMMENTS: CommentThread[] = [];

/** Errors and warnings found on one action. */
export interface ProblemCount {
  errors: number;
  warnings: number;
  /** The first problem, whose text is the badge's title. */
  first: Problem;
}

/** The open workflow document, or null; while the history shows a revision, that revision (read-only). */
export const selectOpenDoc = (s: AppState): WorkflowDocument | null => {
  if (s.preview) return s.preview;
  const draft = s.openId ? (ownEntry(s.documents, s.openId) ?? null) : null;
  const revision = s.historyView ? selectViewedRevision(s) : null;
  return revision ? revisionView(revision, draft ?? undefined, ownEntry(s.versions, revision.workflowId)?.removedThreads) : draft;
};

/** Actions of a workflow by id (cached per workflow object). */
export function actionIndex(workflow: Workflow): Map<string, Action> {
  let index = actionIndexes.get(workflow);
  if (!index) {
    index = new Map(workflow.actions.map((a) => [a.id, a]));
    actionIndexes.set(workflow, index);
  }
  return index;
}

/** One action of the open workflow; the same object until that action changes. */
export const selectAction = (id: string) => (s: AppState): Action | undefined => {
  const doc = selectOpenDoc(s);
  return doc ? actionIndex(doc.workflow).get(id) : undefined;
};

/** Problems of the open workflow from the last validation run (empty before the first run). */
export const selectOpenProblems = (s: AppState): Problem[] =>
  (s.openId ? ownEntry(s.validation, s.openId)?.problems : undefined) ?? NO_PROBLEMS;
const NO_PROBLEMS: Problem[] = [];

/** Whether the open workflow is yet to be checked: no validation run has judged it (false with none open). */
export const selectOpenUnchecked = (s: AppState): boolean => s.openId !== null && ownEntry(s.validation, s.openId) === undefined;

/** Problem counts per action id (cached per problem list); "trigger" collects enrollment problems. */
export function problemIndex(problems: Problem[]): Map<string, ProblemCount> {
  let index = problemIndexes.get(problems);
  if (!index) {
    index = new Map();
    for (const p of problems) {
      const key = p.actionId ?? (p.path.startsWith('/workflow/enrollment') ? 'trigger' : '');
      if (!key) continue;
      const entry = index.get(key) ?? { errors: 0, warnings: 0, first: p };
      if (p.severity === 'error') entry.errors++;
      else entry.warnings++;
      index.set(key, entry);
    }
    problemIndexes.set(problems, index);
  }
  return index;
}

/** The problem count of one node of the open workflow. */
export const selectProblemCount = (id: string) => (s: AppState): ProblemCount | undefined =>
  problemIndex(selectOpenProblems(s)).get(id);

/** Open (unresolved) comment threads per target (cached per comment list). */
export function openCommentIndex(comments: CommentThread[]): Map<string, number> {
  let index = commentIndexes.get(comments);
  if (!index) {
    index = openCommentCounts(comments);
    commentIndexes.set(comments, index);
  }
  return index;
}

/** How many open comment threads a node of the open workflow has. */
export const selectOpenCommentCount = (id: string) => (s: AppState): number =>
  openCommentIndex(selectOpenDoc(s)?.comments ?? NO_COMMENTS).get(id) ?? 0;

/** Whether the open workflow has something to undo / redo. */
export const selectCanUndo = (s: AppState): boolean => (s.openId ? (ownEntry(s.histories, s.openId)?.past.length ?? 0) > 0 : false);
export const selectCanRedo = (s: AppState): boolean => (s.openId ? (ownEntry(s.histories, s.openId)?.future.length ?? 0) > 0 : false);
