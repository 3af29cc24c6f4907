import type { WorkflowDocument } from '../model';

/** How many undo steps each workflow keeps. */
export const HISTORY_LIMIT = 100;

/** One undo step: the document as it was before (past) or after (future) a committed change. */
export interface HistoryEntry {
  /** Stable number of the entry within its workflow, used as its storage key. */
  seq: number;
  doc: WorkflowDocument;
  /** What the change was, e.g. "Insert action" (a message key). */
  label: string;
}

/** Undo and redo stacks of one workflow; the last element is the nearest step. */
export interface WorkflowHistory {
  past: HistoryEntry[];
  future: HistoryEntry[];
  nextSeq: number;
}

/** A history with nothing to undo or redo. */
export function emptyHistory(): WorkflowHistory {
  return { past: [], future: [], nextSeq: 1 };
}

/** Records a committed change: `before` goes on the undo stack and the redo stack is dropped. */
export function recordStep(history: WorkflowHistory, before: WorkflowDocument, label: string): WorkflowHistory {
  const past = [...history.past, { seq: history.nextSeq, doc: before, label }];
  return {
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    future: [],
    nextSeq: history.nextSeq + 1,
  };
}

/** Steps back: returns the document to show and the new stacks, or null when there is nothing to undo. */
export function undoStep(
  history: WorkflowHistory,
  current: WorkflowDocument,
): { doc: WorkflowDocument; history: WorkflowHistory; label: string } | null {
  const top = history.past[history.past.length - 1];
  if (!top) return null;
  return {
    doc: top.doc,
    label: top.label,
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { seq: history.nextSeq, doc: current, label: top.label }],
      nextSeq: history.nextSeq + 1,
    },
  };
}

/** Steps forward again after an undo, or null when there is nothing to redo. */
export function redoStep(
  history: WorkflowHistory,
  current: WorkflowDocument,
): { doc: WorkflowDocument; history: WorkflowHistory; label: string } | null {
  const top = history.future[history.future.length - 1];
  if (!top) return null;
  return {
    doc: top.doc,
    label: top.label,
    history: {
      past: [...history.past, { seq: history.nextSeq, doc: current, label: top.label }],
      future: history.future.slice(0, -1),
      nextSeq: history.nextSeq + 1,
    },
  };
}
