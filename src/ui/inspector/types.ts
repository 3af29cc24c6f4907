import type { Action } from '../../actions';
import type { Workflow, Workspace } from '../../model';
import type { FieldProblem } from '../common/problems';

/** What every action form receives: the draft of its kind, its problems, and where it lives. */
export interface ActionFormProps<A extends Action> {
  draft: A;
  onChange: (next: A) => void;
  problems: readonly FieldProblem[];
  workspace: Workspace;
  workflow: Workflow;
}
