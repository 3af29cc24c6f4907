import { diffWorkflows, type WorkflowDiff } from '../graph';
import { TRIGGER_NODE_ID, type CommentThread, type Revision, type WorkflowDocument } from '../model';
import { revisionOf } from './revisions';
import type { AppState } from './types';

// Derived views are cached per immutable input, so every bubble selecting its mark costs one diff per change.
const viewed = new WeakMap<Revision, { comments: CommentThread[] | undefined; removed: readonly CommentThread[] | undefined; doc: WorkflowDocument }>();
const diffs = new WeakMap<WorkflowDocument, { other: WorkflowDocument; diff: WorkflowDiff }>();

/**
 * The threads a revision shows, on the bubbles it has: the workflow's current threads (with the replies
 * and resolutions made since), then the threads the draft lost with a removed bubble, then those the
 * revision kept when it was made.
 */
export function revisionThreads(revision: Revision, current: readonly CommentThread[] | undefined, removed: readonly CommentThread[] = []): CommentThread[] {
  const targets = new Set([TRIGGER_NODE_ID, ...revision.document.workflow.actions.map((a) => a.id)]);
  const seen = new Set<string>();
  const out: CommentThread[] = [];
  for (const thread of [...(current ?? []), ...removed, ...(revision.comments ?? [])]) {
    if (seen.has(thread.id) || !targets.has(thread.target)) continue;
    seen.add(thread.id);
    out.push(thread);
  }
  return out;
}

/** A revision as the canvas shows it: its document with the threads it can show. The same object until either changes. */
export function revisionView(revision: Revision, draft: WorkflowDocument | undefined, removed: readonly CommentThread[] | undefined): WorkflowDocument {
  const comments = draft?.comments;
  const cached = viewed.get(revision);
  if (cached && cached.comments === comments && cached.removed === removed) return cached.doc;
  const threads = revisionThreads(revision, comments, removed);
  const doc: WorkflowDocument = threads.length ? { ...revision.document, comments: threads } : revision.document;
  viewed.set(revision, { comments, removed, doc });
  return doc;
}

/** The revision shown read-only (with the history open), or null while the draft is shown. */
export function selectViewedRevision(s: AppState): Revision | null {
  const view = s.historyView;
  if (!view || view.workflowId !== s.openId) return null;
  return revisionOf(s.versions[view.workflowId], view.number) ?? null;
}

/** The document the viewed revision is compared with: the draft or another revision. */
export function selectAgainstDocument(s: AppState): WorkflowDocument | null {
  const view = s.historyView;
  if (!view || view.workflowId !== s.openId) return null;
  if (view.against === 'draft') return s.documents[view.workflowId] ?? null;
  return revisionOf(s.versions[view.workflowId], view.against)?.document ?? null;
}

/**
 * What changed from the compared document to the viewed revision: added actions are in the viewed
 * revision only, removed ones only in the other (drawn as ghosts), changed ones differ in fields.
 */
export function selectViewDiff(s: AppState): WorkflowDiff | null {
  const revision = selectViewedRevision(s);
  const against = selectAgainstDocument(s);
  if (!revision || !against) return null;
  const doc = revision.document;
  const cached = diffs.get(doc);
  if (cached && cached.other === against) return cached.diff;
  const diff = diffWorkflows(against.workflow, doc.workflow, { a: against.layout, b: doc.layout });
  diffs.set(doc, { other: against, diff });
  return diff;
}

/** How a bubble differs in the diff on the canvas. */
export type DiffMark = 'added' | 'changed' | 'removed';

const markIndexes = new WeakMap<WorkflowDiff, Map<string, DiffMark>>();

/** The mark of each node id of a diff ("trigger" when the enrollment changed), cached per diff. */
export function diffMarks(diff: WorkflowDiff): Map<string, DiffMark> {
  let marks = markIndexes.get(diff);
  if (!marks) {
    marks = new Map();
    for (const a of diff.added) marks.set(a.id, 'added');
    for (const c of diff.changed) marks.set(c.id, 'changed');
    for (const a of diff.removed) marks.set(a.id, 'removed');
    if (diff.enrollment.length) marks.set('trigger', 'changed');
    markIndexes.set(diff, marks);
  }
  return marks;
}
