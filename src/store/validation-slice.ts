import { validateWorkflowDocument, type Problem } from '../document';
import { loadValidators, validatorsReady } from '../document/schema-validation';
import type { WorkflowDocument, Workspace } from '../model';
import { idRecord } from './id-record';
import type { SliceCreator } from './types';

/** Problems found in one document, with the document and workspace they were computed for. */
export interface ValidationResult {
  doc: WorkflowDocument;
  workspace: Workspace;
  problems: Problem[];
}

/**
 * Validation results by workflow id; computed after edits settle, never while typing. A workflow has
 * none until its first check, which in the app waits for the validators to load after first paint.
 */
export interface ValidationSlice {
  validation: Record<string, ValidationResult>;
  /** Validates every document whose result is out of date, the open one first (nothing while the validators load). */
  validateNow(): void;
}

/**
 * Problems of a document, freshly computed (used when a decision cannot wait, e.g. enabling); null
 * while the validators are still loading, when the document cannot be judged yet.
 */
export function problemsOf(doc: WorkflowDocument, workspace: Workspace): Problem[] | null {
  return validatorsReady() ? validateWorkflowDocument(doc, workspace) : null;
}

/** Whether a stored result still describes the document. */
export function isCurrent(result: ValidationResult | undefined, doc: WorkflowDocument, workspace: Workspace): boolean {
  return result !== undefined && result.doc === doc && result.workspace === workspace;
}

export const createValidationSlice: SliceCreator<ValidationSlice> = (set, get) => ({
  validation: idRecord(),
  validateNow() {
    if (!validatorsReady()) return;
    const s = get();
    const ids = s.openId ? [s.openId, ...s.order.filter((id) => id !== s.openId)] : s.order;
    const next = idRecord<ValidationResult>();
    let changed = false;
    for (const id of ids) {
      const doc = s.documents[id];
      if (!doc) continue;
      const old = s.validation[id];
      if (old && isCurrent(old, doc, s.workspace)) {
        next[id] = old;
        continue;
      }
      next[id] = { doc, workspace: s.workspace, problems: validateWorkflowDocument(doc, s.workspace) };
      changed = true;
    }
    if (changed || Object.keys(s.validation).length !== Object.keys(next).length) set({ validation: next });
  },
});

/**
 * Runs validation a moment after documents stop changing, so typing in a form never waits for it,
 * and at once when the validators have loaded (which it starts). Returns the function that stops it.
 */
export function startValidation(
  store: { getState(): { documents: unknown; workspace: unknown; validateNow(): void }; subscribe(l: (s: { documents: unknown; workspace: unknown }, p: { documents: unknown; workspace: unknown }) => void): () => void },
  delayMs = 250,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (validatorsReady()) store.getState().validateNow();
    // A failed load (the server went away) is tried again by the next change.
    else loadValidators().then(run, (error: unknown) => console.error('The schema validators could not be loaded:', error));
  };
  // After the pause, wait for the browser to be idle too, so a long validation never lands mid-keystroke.
  const whenIdle = () => {
    timer = null;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
    else run();
  };
  const unsubscribe = store.subscribe((s, p) => {
    if (s.documents === p.documents && s.workspace === p.workspace) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(whenIdle, delayMs);
  });
  run();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
