import { summaryOf, type Translate } from '../../actions';
import type { Workflow, Workspace } from '../../model';

/**
 * A problem's text (in the reader's language) with the actions it quotes by id ("Action \"a3\" can
 * never run") named by their summary first and the id after ("Action \"Send email: Welcome\" (a3) can never run").
 */
export function namedMessage(text: string, t: Translate, workflow?: Workflow, workspace?: Workspace): string {
  if (!workflow || !workspace) return text;
  const find = (id: string) => workflow.actions.find((a) => a.id === id);
  return text.replace(/"([^"\n]{1,200})"/g, (quoted, id: string) => {
    const action = find(id);
    return action ? `"${summaryOf(action, workspace, t, find)}" (${id})` : quoted;
  });
}
