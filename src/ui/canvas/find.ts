import { definitionOf, type Translate } from '../../actions';
import { inPathOrder } from '../../graph';
import type { Workspace, Workflow } from '../../model';

/** One bubble as find sees it: its id and the words it can be found by. */
export interface Findable {
  id: string;
  text: string;
}

/** What each action of a workflow can be found by: its summary, its kind (in the UI language and as named in the file) and its id. */
export function findables(workflow: Workflow, workspace: Workspace, t: Translate): Findable[] {
  const order = inPathOrder(
    workflow,
    workflow.actions.map((a) => a.id),
  );
  const byId = new Map(workflow.actions.map((a) => [a.id, a]));
  return order.map((id) => {
    const a = byId.get(id)!;
    const summary = definitionOf(a).summary(a, workspace, t);
    return { id, text: `${summary}\n${t(`kind.${a.kind}`)}\n${a.kind}\n${a.id}`.toLowerCase() };
  });
}

/** The ids of the bubbles matching a query (every word of it, in any order, case ignored), in path order. */
export function findMatches(items: readonly Findable[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return items.filter((item) => words.every((w) => item.text.includes(w))).map((item) => item.id);
}
