import {
  exportWorkflow,
  importBundle,
  importScenario,
  importWorkflow,
  importWorkspace,
  stableStringify,
  validateWorkflowDocument,
  type Bundle,
  type Problem,
} from '../document';
import type { Scenario, WorkflowDocument, Workspace } from '../model';
import { ApiProblem } from './problems';

// The server's one door to the headless core: every document is read, migrated and validated here,
// by src/document, before anything is stored or run. Routes never judge a document themselves.

/** The core's verdict on a document text: the document when it could be read, and every problem. */
export interface Verdict<T> {
  ok: boolean;
  value: T | null;
  problems: Problem[];
  notes: string[];
  migratedFrom?: number;
}

function verdict<T>(result: ReturnType<typeof importWorkflow> | ReturnType<typeof importScenario> | ReturnType<typeof importWorkspace> | ReturnType<typeof importBundle>): Verdict<T> {
  const out: Verdict<T> = { ok: result.ok, value: (result.document ?? null) as T | null, problems: result.problems, notes: result.notes };
  if (result.migratedFrom !== null) out.migratedFrom = result.migratedFrom;
  return out;
}

export function readWorkflow(text: string, workspace: Workspace): Verdict<WorkflowDocument> {
  return verdict(importWorkflow(text, { workspace }));
}

export function readScenario(text: string, workspace: Workspace): Verdict<Scenario> {
  return verdict(importScenario(text, { workspace }));
}

export function readWorkspace(text: string): Verdict<Workspace> {
  return verdict(importWorkspace(text));
}

export function readBundle(text: string, limits?: { maxBytes: number }): Verdict<Bundle> {
  return verdict(importBundle(text, limits ? { limits } : {}));
}

/** The problems of a stored document against the workspace as it is now (publishing re-checks). */
export function workflowProblems(document: WorkflowDocument, workspace: Workspace): Problem[] {
  return validateWorkflowDocument(document, workspace);
}

/** A document the core could not read is refused with its problems (422); one it read is returned. */
export function requireDocument<T>(v: Verdict<T>, what: string): T {
  if (v.value === null) throw new ApiProblem('invalid-document', `The ${what} could not be read; nothing was stored.`, { problems: v.problems });
  return v.value;
}

/**
 * The stored bytes of a revision: the deterministic export without comments (comments live in
 * their own table) and without any revision mark the file brought from elsewhere (the server's
 * numbers and what is live are its own). The same document always gives the same bytes, so ETags
 * are stable.
 */
export function revisionBytes(document: WorkflowDocument): string {
  const { revision: _mark, ...rest } = document as WorkflowDocument & { revision?: unknown };
  return exportWorkflow(rest as WorkflowDocument, { comments: false });
}

export function scenarioBytes(scenario: Scenario): string {
  return stableStringify(scenario);
}

/**
 * Notes about what a file says that never publishes: a file marked as a live revision. (An older
 * file's "enabled": true is dropped by the core's migration, whose note says to publish.)
 */
export function importNotes(document: WorkflowDocument, revision: number): string[] {
  return document.revision?.published === true
    ? [`"${document.workflow.id}": the file was the live revision where it came from, which does not publish it here; publish revision ${revision} to make it live.`]
    : [];
}
