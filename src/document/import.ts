import type { Scenario } from '../model/scenario';
import type { WorkflowDocument } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { capProblems, hasErrors, problem, type Problem, type ReportLimits } from './codes';
import { decodeDocumentBytes } from './encoding';
import { envelopeProblem } from './envelope';
import { FORMATS, migrateDocument, type DocumentKind, type JsonObject } from './migrations';
import { restoreDocument, type FixChange } from './restore';
import { parseJsonSafely, type ParseLimits } from './safe-json';
import { schemaProblems } from './schema-validation';
import { documentProblems } from './semantic';
import { scenarioProblems, workspaceProblems } from './workspace-rules';

/**
 * The outcome of an import: one verdict. `ok` is true exactly when no problem is an error, that is
 * when the document passes the published JSON Schema and the rules of its kind. `document` is there
 * whenever the value has the model's shape (it passes the schema), even with rule errors such as a
 * placeholder or a dangling link, so that a half-built workflow can still be opened and fixed; a
 * caller that needs a valid document checks `ok`.
 */
export interface ImportResult<T> {
  /** No problem has severity "error". */
  ok: boolean;
  /** The document, once it passes the schema (migrated to the current version). */
  document?: T;
  /** Every problem, errors and warnings, capped with a TF001 marker (see capProblems). */
  problems: Problem[];
  /** What the migration (and, with `fix`, the repair) changed, one sentence each. */
  notes: string[];
  /** The schemaVersion of the file when it was older than the current one, else null. */
  migratedFrom: number | null;
  /** With `fix`: each repair, with its path (also in notes). Empty otherwise. */
  changes: FixChange[];
}

/** Options of the import functions. */
export interface ImportOptions {
  /** Limits on size and nesting (defaults: DEFAULT_LIMITS). */
  limits?: Partial<ParseLimits>;
  /** Limits on the report (defaults: REPORT_LIMITS). */
  report?: Partial<ReportLimits>;
  /**
   * Repair before validating ("Fix and import"): drop nulls written for absent optional properties
   * and fill missing settings that have a safe default (fixDocument). Off by default: validation
   * never repairs silently.
   */
  fix?: boolean;
}

/** Options of importWorkflow and importScenario, which check references against a workspace. */
export interface ImportAgainstWorkspaceOptions extends ImportOptions {
  workspace?: Workspace;
}

/** The text of a file: a string as it is, bytes decoded as UTF-8 (anything else refused, TF107). */
export type DocumentInput = string | Uint8Array;

const STAGES = {
  parse: 'reading the JSON',
  migrate: 'migrating the document to the current version',
  restore: 'completing the document',
  validate: 'validating the document',
} as const;

function refused<T>(problems: Problem[], migratedFrom: number | null = null, notes: string[] = []): ImportResult<T> {
  return { ok: false, problems, notes, migratedFrom, changes: [] };
}

/** decode → parse, then importParsed. */
function importDocument<T>(input: DocumentInput, kind: DocumentKind, options: ImportOptions, rules: (value: T) => Problem[]): ImportResult<T> {
  try {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const decoded = decodeDocumentBytes(input);
      if (!decoded.ok) return refused([decoded.problem]);
      text = decoded.text;
    }
    const parsed = parseJsonSafely(text, options.limits);
    if (!parsed.ok) return refused([parsed.problem]);
    return importParsed(parsed.value, kind, rules, options);
  } catch (e) {
    return internalFailure('parse', e);
  }
}

// Only a bug gets here: bad input is always reported with its own code.
function internalFailure<T>(stage: keyof typeof STAGES, e: unknown): ImportResult<T> {
  return refused([problem('TF901', '', { during: STAGES[stage], stage, detail: e instanceof Error ? e.message : String(e) })]);
}

/**
 * envelope → migrate → (fix) → schema → rules, on a value already read safely (for example one
 * part of a bundle). The value is never mutated. A document of an older version is completed after
 * its migration with the defaults of what that version lacked (reported in notes); a document of the
 * current version is validated exactly as it is, unless `fix` asks for the repair.
 */
export function importParsed<T>(value: unknown, kind: DocumentKind, rules: (value: T) => Problem[], options: ImportOptions = {}): ImportResult<T> {
  let stage: keyof typeof STAGES = 'migrate';
  try {
    const envelope = envelopeProblem(value, kind);
    if (envelope) return refused([envelope]);
    const migrated = migrateDocument(value as JsonObject, FORMATS[kind]);
    const migratedFrom = migrated.from === FORMATS[kind].current ? null : migrated.from;
    const notes = migrated.notes.slice();
    let doc = migrated.doc;
    let changes: FixChange[] = [];
    stage = 'restore';
    if (options.fix || migratedFrom !== null) {
      const restored = restoreDocument(doc, kind, { dropNulls: options.fix === true });
      doc = restored.doc;
      for (const c of restored.changes) notes.push(c.change);
      if (options.fix) changes = restored.changes;
    }
    stage = 'validate';
    const schema = schemaProblems(kind, doc, options.report ?? {});
    if (schema.length) return { ...refused(schema, migratedFrom, notes), changes };
    // The schema holds, so the value has the model's shape.
    const document = doc as unknown as T;
    const problems = rules(document);
    return { ok: !hasErrors(problems), document, problems: capProblems(problems, options.report), notes, migratedFrom, changes };
  } catch (e) {
    return internalFailure(stage, e);
  }
}

/** Reads a workflow document file (any supported schemaVersion). A failed import changes nothing. */
export function importWorkflow(input: DocumentInput, options: ImportAgainstWorkspaceOptions = {}): ImportResult<WorkflowDocument> {
  return importDocument<WorkflowDocument>(input, 'workflow', options, workflowRules(options));
}

/** Reads a workflow document from a value already read safely (parseJsonSafely), as importWorkflow does from its text. */
export function importWorkflowValue(value: unknown, options: ImportAgainstWorkspaceOptions = {}): ImportResult<WorkflowDocument> {
  return importParsed<WorkflowDocument>(value, 'workflow', workflowRules(options), options);
}

function workflowRules(options: ImportAgainstWorkspaceOptions): (doc: WorkflowDocument) => Problem[] {
  return (doc) => documentProblems(doc, options.workspace);
}

/** Reads a workspace file. */
export function importWorkspace(input: DocumentInput, options: ImportOptions = {}): ImportResult<Workspace> {
  return importDocument<Workspace>(input, 'workspace', options, workspaceProblems);
}

/** Reads a scenario file; with a workspace, its channels, users and statuses are checked too. */
export function importScenario(input: DocumentInput, options: ImportAgainstWorkspaceOptions = {}): ImportResult<Scenario> {
  return importDocument<Scenario>(input, 'scenario', options, (s) => scenarioProblems(s, options.workspace));
}

/**
 * Every problem of a value already in memory: the JSON Schema first, then (when the schema holds)
 * the rules. The verdict (any error) is the import's on the same document; the list is not capped
 * unless `report` limits are given, since the app shows each action's own problems.
 */
function validateValue<T>(kind: DocumentKind, value: unknown, rules: (value: T) => Problem[], report?: Partial<ReportLimits>): Problem[] {
  try {
    const schema = schemaProblems(kind, value, report);
    if (schema.length) return schema;
    const problems = rules(value as T);
    return report ? capProblems(problems, report) : problems;
  } catch (e) {
    return [problem('TF901', '', { during: STAGES.validate, stage: 'validate', detail: e instanceof Error ? e.message : String(e) })];
  }
}

/** Every problem of a workflow document in memory: schema, then the workflow rules (against the workspace when given). */
export function validateWorkflowDocument(doc: unknown, workspace?: Workspace, report?: Partial<ReportLimits>): Problem[] {
  return validateValue<WorkflowDocument>('workflow', doc, (d) => documentProblems(d, workspace), report);
}

/** Every problem of a workspace in memory: schema, then workspace rules. */
export function validateWorkspace(workspace: unknown, report?: Partial<ReportLimits>): Problem[] {
  return validateValue<Workspace>('workspace', workspace, workspaceProblems, report);
}

/** Every problem of a scenario in memory: schema, then scenario rules (against the workspace when given). */
export function validateScenario(scenario: unknown, workspace?: Workspace, report?: Partial<ReportLimits>): Problem[] {
  return validateValue<Scenario>('scenario', scenario, (s) => scenarioProblems(s, workspace), report);
}
