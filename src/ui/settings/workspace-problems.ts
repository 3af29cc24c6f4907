import { workspaceProblems } from '../../document';
import { WorkspaceSchema, type Workspace } from '../../model';
import { SettingsError } from '../../settings/workspace-edits';
import { workspaceIssues } from '../../settings/workspace-check';
import { schemaProblems, type FieldProblem } from '../common/problems';

/**
 * Everything that keeps a workspace from being emitted, as field problems: WorkspaceSchema first;
 * once it holds, the document layer's workspace rules (their English message, as the problems
 * panel shows them) and the settings rules.
 */
export function workspaceFieldProblems(ws: Workspace): FieldProblem[] {
  const schema = schemaProblems(WorkspaceSchema, ws);
  if (schema.length) return schema;
  return [
    ...workspaceProblems(ws)
      .filter((p) => p.severity === 'error')
      .map((p): FieldProblem => ({ pointer: p.path, key: 'settings.issue.document', params: { message: p.message }, level: 'error', problem: p })),
    ...workspaceIssues(ws).map((i): FieldProblem => ({ pointer: i.pointer, key: `settings.issue.${i.code}`, params: i.params, level: 'error' })),
  ];
}

/** A refused edit as a problem at the place it concerns ("" when it concerns the whole page). */
export function refusalProblem(e: SettingsError, pointer = ''): FieldProblem {
  return { pointer, key: `settings.refused.${e.code}`, params: e.params, level: 'error' };
}
