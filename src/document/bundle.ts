import type { Scenario } from '../model/scenario';
import type { WorkflowDocument } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { capProblems, hasErrors, problem, type Problem } from './codes';
import { stableStringify } from './export';
import { importParsed, type ImportOptions, type ImportResult } from './import';
import { isRecord } from './json-pointer';
import { parseJsonSafely } from './safe-json';
import { describeJson, jsonFound } from './words';
import { documentProblems } from './semantic';
import { scenarioProblems, workspaceProblems } from './workspace-rules';

export const BUNDLE_FORMAT = 'ticketflow.bundle';
export const BUNDLE_SCHEMA_VERSION = 1;

/** A whole workspace in one file: the help desk, every workflow and the saved scenarios. */
export interface Bundle {
  workspace: Workspace;
  workflows: WorkflowDocument[];
  scenarios: Scenario[];
}

/** Writes a bundle deterministically; each part is the same document its own export writes. */
export function exportBundle(bundle: Bundle): string {
  return stableStringify({
    format: BUNDLE_FORMAT,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    workspace: bundle.workspace,
    workflows: bundle.workflows,
    scenarios: bundle.scenarios,
  });
}

/** Appends the problems of a part with their paths pointing into the bundle (a loop: the list may be long). */
function addPrefixed(out: Problem[], prefix: string, problems: readonly Problem[]): void {
  for (const p of problems) out.push({ ...p, path: prefix + p.path });
}

/**
 * Reads a bundle: every part goes through its own import (migrations included), with problem paths
 * pointing into the bundle. `document` is there when every part has its schema's shape; `ok` is
 * true when no part has an error, nor do workflow ids repeat.
 */
export function importBundle(text: string, options: ImportOptions = {}): ImportResult<Bundle> {
  const refuse = (problems: Problem[]): ImportResult<Bundle> => ({ ok: false, problems, notes: [], migratedFrom: null, changes: [] });
  const parsed = parseJsonSafely(text, options.limits);
  if (!parsed.ok) return refuse([parsed.problem]);
  const value = parsed.value;
  if (!isRecord(value)) return refuse([problem('TF104', '', { found: describeJson(value), expected: 'bundle', kind: 'bundle', ...jsonFound(value) })]);
  if (value.format !== BUNDLE_FORMAT) {
    return refuse([problem('TF105', '/format', { detail: `The "format" is not "${BUNDLE_FORMAT}": this is not a Ticketflow workspace bundle.`, reason: 'notBundle', format: BUNDLE_FORMAT })]);
  }
  if (value.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    const newer = typeof value.schemaVersion === 'number' && value.schemaVersion > BUNDLE_SCHEMA_VERSION;
    const detail = newer
      ? `The bundle has schemaVersion ${value.schemaVersion}, which is newer than this version of Ticketflow.`
      : `The bundle has schemaVersion ${describeJson(value.schemaVersion)}, which Ticketflow never wrote.`;
    const reason: Record<string, string | number> = newer ? { reason: 'bundleNewer', version: value.schemaVersion as number } : { reason: 'bundleNever', ...jsonFound(value.schemaVersion) };
    return refuse([problem('TF106', '/schemaVersion', { detail, format: BUNDLE_FORMAT, supported: BUNDLE_SCHEMA_VERSION, versions: [String(BUNDLE_SCHEMA_VERSION)], ...reason })]);
  }
  const problems: Problem[] = [];
  const notes: string[] = [];
  let shaped = true;
  const ws = importParsed<Workspace>(value.workspace, 'workspace', workspaceProblems, options);
  addPrefixed(problems, '/workspace', ws.problems);
  for (const n of ws.notes) notes.push(`workspace: ${n}`);
  if (!ws.document) return { ...refuse(capProblems(problems, options.report)), notes };
  const workspace = ws.document;

  const part = <T>(key: 'workflows' | 'scenarios', kind: 'workflow' | 'scenario', rules: (v: T) => Problem[]): T[] => {
    const list = value[key] ?? [];
    if (!Array.isArray(list)) {
      problems.push(problem('TF203', `/${key}`, { where: `"${key}"`, expected: 'an array', found: describeJson(list), key, types: ['array'], ...jsonFound(list) }));
      shaped = false;
      return [];
    }
    const out: T[] = [];
    list.forEach((item, i) => {
      const r = importParsed<T>(item, kind, rules, options);
      addPrefixed(problems, `/${key}/${i}`, r.problems);
      for (const n of r.notes) notes.push(`${key}[${i}]: ${n}`);
      if (r.document) out.push(r.document);
      else shaped = false;
    });
    return out;
  };
  const workflows = part<WorkflowDocument>('workflows', 'workflow', (d) => documentProblems(d, workspace));
  const scenarios = part<Scenario>('scenarios', 'scenario', (s) => scenarioProblems(s, workspace));
  const ids = new Set<string>();
  workflows.forEach((d, i) => {
    if (ids.has(d.workflow.id)) problems.push(problem('TF401', `/workflows/${i}/workflow/id`, { what: 'workflow', id: d.workflow.id }));
    ids.add(d.workflow.id);
  });
  const result: ImportResult<Bundle> = { ok: !hasErrors(problems), problems: capProblems(problems, options.report), notes, migratedFrom: null, changes: [] };
  if (shaped) result.document = { workspace, workflows, scenarios };
  return result;
}
