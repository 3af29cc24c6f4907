import type { Scenario } from '../model/scenario';
import type { WorkflowDocument } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { problem, type Problem } from './codes';
import { envelopeProblem } from './envelope';
import { FORMATS, migrateDocument, type DocumentKind, type JsonObject } from './migrations';
import { restoreDocument } from './restore';
import { parseJsonSafely, type ParseLimits } from './safe-json';
import { schemaProblems } from './schema-validation';
import { documentProblems } from './semantic';
import { scenarioProblems, workspaceProblems } from './workspace-rules';

/**
 * The outcome of an import. It fails only when the file cannot be read as a document of its kind
 * (unparseable, too large, unknown format or version, schema-invalid); rule problems such as
 * dangling links or placeholders come back in `warnings` (with severity "error" or "warning") so a
 * half-built document can still be opened and fixed.
 */
export type ImportResult<T> =
  | { ok: true; value: T; warnings: Problem[]; migratedFrom?: number; notes: string[] }
  | { ok: false; problems: Problem[] };

/** Options of the import functions. */
export interface ImportOptions {
  /** Limits on size and nesting (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ParseLimits>;
}

/** Options of importWorkflow and importScenario, which check references against a workspace. */
export interface ImportAgainstWorkspaceOptions extends ImportOptions {
  workspace?: Workspace;
}

const STAGES = {
  parse: 'reading the JSON',
  migrate: 'migrating the document to the current version',
  restore: 'restoring defaults',
  validate: 'validating the document',
} as const;

/** parse → envelope → migrate → restore → schema; then the kind's rules on a schema-valid value. */
function importDocument<T>(
  text: string,
  kind: DocumentKind,
  options: ImportOptions,
  rules: (value: T) => Problem[],
): ImportResult<T> {
  try {
    const parsed = parseJsonSafely(text, options.limits);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
    return importParsed(parsed.value, kind, rules);
  } catch (e) {
    return internalFailure('parse', e);
  }
}

// Only a bug gets here: bad input is always reported with its own code.
function internalFailure(stage: keyof typeof STAGES, e: unknown): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [problem('TF901', '', { during: STAGES[stage], detail: e instanceof Error ? e.message : String(e) })] };
}

/**
 * envelope → migrate → restore → schema → rules, on a value already read safely (for example one
 * part of a bundle). The value is never mutated.
 */
export function importParsed<T>(value: unknown, kind: DocumentKind, rules: (value: T) => Problem[]): ImportResult<T> {
  let stage: keyof typeof STAGES = 'migrate';
  try {
    const refused = envelopeProblem(value, kind);
    if (refused) return { ok: false, problems: [refused] };
    const migrated = migrateDocument(value as JsonObject, FORMATS[kind]);
    stage = 'restore';
    const restored = restoreDocument(migrated.doc, kind);
    stage = 'validate';
    const problems = schemaProblems(kind, restored.doc);
    if (problems.length) return { ok: false, problems };
    // The schema holds, so the value has the model's shape.
    const doc = restored.doc as unknown as T;
    const notes = [...migrated.notes, ...restored.notes];
    const warnings = rules(doc);
    return migrated.from === FORMATS[kind].current
      ? { ok: true, value: doc, warnings, notes }
      : { ok: true, value: doc, warnings, notes, migratedFrom: migrated.from };
  } catch (e) {
    return internalFailure(stage, e);
  }
}

/** Reads a workflow document file (any supported schemaVersion). A failed import changes nothing. */
export function importWorkflow(text: string, options: ImportAgainstWorkspaceOptions = {}): ImportResult<WorkflowDocument> {
  return importDocument<WorkflowDocument>(text, 'workflow', options, (doc) => documentProblems(doc, options.workspace));
}

/** Reads a workspace file. */
export function importWorkspace(text: string, options: ImportOptions = {}): ImportResult<Workspace> {
  return importDocument<Workspace>(text, 'workspace', options, workspaceProblems);
}

/** Reads a scenario file; with a workspace, its channels, users and statuses are checked too. */
export function importScenario(text: string, options: ImportAgainstWorkspaceOptions = {}): ImportResult<Scenario> {
  return importDocument<Scenario>(text, 'scenario', options, (s) => scenarioProblems(s, options.workspace));
}

/**
 * Every problem of a workflow document already in memory: the JSON Schema first, then (when the
 * schema holds) the workflow rules, against the workspace when one is given.
 */
export function validateWorkflowDocument(doc: unknown, workspace?: Workspace): Problem[] {
  const problems = schemaProblems('workflow', doc);
  return problems.length ? problems : documentProblems(doc as WorkflowDocument, workspace);
}

/** Every problem of a workspace in memory: schema, then workspace rules. */
export function validateWorkspace(workspace: unknown): Problem[] {
  const problems = schemaProblems('workspace', workspace);
  return problems.length ? problems : workspaceProblems(workspace as Workspace);
}

/** Every problem of a scenario in memory: schema, then scenario rules (against the workspace when given). */
export function validateScenario(scenario: unknown, workspace?: Workspace): Problem[] {
  const problems = schemaProblems('scenario', scenario);
  return problems.length ? problems : scenarioProblems(scenario as Scenario, workspace);
}
