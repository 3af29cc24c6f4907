import { importWorkflow, type Problem } from '../document';
import type { WorkflowDocument, Workspace } from '../model';

/** A workflow file read for review: the document to add and open read-only, or why it cannot be. */
export type ReviewFile =
  | {
      ok: true;
      document: WorkflowDocument;
      /** Problems the workflow has (a reviewer may well be shown a half-built one). */
      warnings: Problem[];
      /** The id in the file, when another workflow of the workspace already had it and the copy got a new one. */
      renamedFrom?: string;
    }
  | { ok: false; problems: Problem[] };

const ID_MAX = 128;

/** `${id}-review`, then -review-2, -3…: the first not taken, within the id length limit. */
function reviewId(id: string, taken: ReadonlySet<string>): string {
  const base = `${id.slice(0, ID_MAX - 12).replace(/[-_.:]+$/, '')}-review`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * Reads a workflow file a reviewer opens straight in review mode. It goes through the same import
 * as any file (migration, validation against the workspace); comments in it are kept. When a
 * workflow of the workspace already has its id, the reviewed copy gets a new one, so opening a
 * file never replaces the workflow being built. A file that cannot be read changes nothing.
 */
export function readForReview(text: string, workspace: Workspace, existingIds: Iterable<string>): ReviewFile {
  const result = importWorkflow(text, { workspace });
  if (!result.document) return { ok: false, problems: result.problems };
  const taken = new Set(existingIds);
  const doc = result.document;
  if (!taken.has(doc.workflow.id)) return { ok: true, document: doc, warnings: result.problems };
  const id = reviewId(doc.workflow.id, taken);
  return { ok: true, document: { ...doc, workflow: { ...doc.workflow, id } }, warnings: result.problems, renamedFrom: doc.workflow.id };
}
