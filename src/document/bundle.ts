import type { Scenario } from '../model/scenario';
import type { WorkflowDocument } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { problem, type Problem } from './codes';
import { stableStringify } from './export';
import { importParsed, type ImportOptions, type ImportResult } from './import';
import { parseJsonSafely } from './safe-json';
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

function prefixed(prefix: string, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: prefix + p.path }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a bundle: every part goes through its own import (migrations included), with problem paths
 * pointing into the bundle. It fails when any part cannot be read; rule problems come back as warnings.
 */
export function importBundle(text: string, options: ImportOptions = {}): ImportResult<Bundle> {
  const parsed = parseJsonSafely(text, options.limits);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const value = parsed.value;
  if (!isRecord(value)) return { ok: false, problems: [problem('TF104', '', { found: Array.isArray(value) ? 'an array' : typeof value, expected: 'bundle' })] };
  if (value.format !== BUNDLE_FORMAT) {
    return { ok: false, problems: [problem('TF105', '/format', { detail: `The "format" is not "${BUNDLE_FORMAT}": this is not a Ticketflow workspace bundle.` })] };
  }
  if (value.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    const detail =
      typeof value.schemaVersion === 'number' && value.schemaVersion > BUNDLE_SCHEMA_VERSION
        ? `The bundle has schemaVersion ${value.schemaVersion}, which is newer than this version of Ticketflow.`
        : `The bundle has schemaVersion ${JSON.stringify(value.schemaVersion) ?? 'none'}, which Ticketflow never wrote.`;
    return { ok: false, problems: [problem('TF106', '/schemaVersion', { detail, format: BUNDLE_FORMAT, supported: BUNDLE_SCHEMA_VERSION })] };
  }
  const failures: Problem[] = [];
  const warnings: Problem[] = [];
  const notes: string[] = [];
  const ws = importParsed<Workspace>(value.workspace, 'workspace', workspaceProblems);
  if (!ws.ok) return { ok: false, problems: prefixed('/workspace', ws.problems) };
  warnings.push(...prefixed('/workspace', ws.warnings));
  notes.push(...ws.notes.map((n) => `workspace: ${n}`));
  const workspace = ws.value;

  const part = <T>(key: 'workflows' | 'scenarios', kind: 'workflow' | 'scenario', rules: (v: T) => Problem[]): T[] => {
    const list = value[key] ?? [];
    if (!Array.isArray(list)) {
      failures.push(problem('TF203', `/${key}`, { where: `"${key}"`, expected: 'an array', found: typeof list }));
      return [];
    }
    const out: T[] = [];
    list.forEach((item, i) => {
      const r = importParsed<T>(item, kind, rules);
      if (!r.ok) failures.push(...prefixed(`/${key}/${i}`, r.problems));
      else {
        out.push(r.value);
        warnings.push(...prefixed(`/${key}/${i}`, r.warnings));
        notes.push(...r.notes.map((n) => `${key}[${i}]: ${n}`));
      }
    });
    return out;
  };
  const workflows = part<WorkflowDocument>('workflows', 'workflow', (d) => documentProblems(d, workspace));
  const scenarios = part<Scenario>('scenarios', 'scenario', (s) => scenarioProblems(s, workspace));
  const ids = new Set<string>();
  workflows.forEach((d, i) => {
    if (ids.has(d.workflow.id)) failures.push(problem('TF401', `/workflows/${i}/workflow/id`, { what: 'workflow', id: d.workflow.id }));
    ids.add(d.workflow.id);
  });
  if (failures.length) return { ok: false, problems: failures };
  return { ok: true, value: { workspace, workflows, scenarios }, warnings, notes };
}
