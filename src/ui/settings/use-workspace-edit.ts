import { useCallback, useMemo, useState } from 'react';
import type { Workspace } from '../../model';
import { SettingsError } from '../../settings/workspace-edits';
import type { FieldProblem } from '../common/problems';
import { refusalProblem, workspaceFieldProblems } from './workspace-problems';

/**
 * Applies one edit: builds the new workspace, validates it, and emits it through `onChange` only
 * when the edit brings no problem of its own. Returns those problems (empty when the workspace went
 * out), so the control that made the edit can show them beside itself and keep what the user typed.
 */
export type ApplyEdit = (build: (ws: Workspace) => Workspace, pointer?: string) => FieldProblem[];

/**
 * The apply function of a settings page, bound to its workspace and onChange. Problems the
 * workspace already had (an imported one, say) do not block edits elsewhere: only new ones do.
 */
export function useWorkspaceEdit(workspace: Workspace, onChange: (ws: Workspace) => void): ApplyEdit {
  const existing = useMemo(() => new Set(workspaceFieldProblems(workspace).map(problemKey)), [workspace]);
  return useCallback(
    (build, pointer) => {
      let next: Workspace;
      try {
        next = build(workspace);
      } catch (e) {
        if (e instanceof SettingsError) return [refusalProblem(e, pointer)];
        throw e;
      }
      const problems = workspaceFieldProblems(next).filter((p) => !existing.has(problemKey(p)));
      if (problems.length === 0) onChange(next);
      return problems;
    },
    [workspace, onChange, existing],
  );
}

/** What makes two problems the same one: where, what, and with which values. */
function problemKey(p: FieldProblem): string {
  return JSON.stringify([p.pointer, p.key, p.params ?? {}]);
}

/**
 * A page's editing state: `apply` for controls that show their own problems (typed fields), and
 * `run` for the others (checkboxes, selects, buttons), whose problems the page keeps in `problems`
 * until the next such edit.
 */
export function useEditor(workspace: Workspace, onChange: (ws: Workspace) => void) {
  const apply = useWorkspaceEdit(workspace, onChange);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const run = useCallback((build: Parameters<ApplyEdit>[0], pointer?: string) => setProblems(apply(build, pointer)), [apply]);
  return { apply, run, problems, setProblems };
}
