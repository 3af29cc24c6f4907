import { definitionOf, type Translate } from '../actions';
import { reachableFrom } from '../graph/links';
import { TRIGGER_NODE_ID, type Workflow, type Workspace } from '../model';

/** Something a comment thread can sit on, with the label the comments panel shows for it. */
export interface ReviewTarget {
  id: string;
  label: string;
}

/**
 * The trigger card, then every action in the order a reader meets them from the start (actions
 * not reachable from it last), each labelled with its summary: the order of the comments panel.
 */
export function reviewTargets(workflow: Workflow, workspace: Workspace, t: Translate): ReviewTarget[] {
  const byId = new Map(workflow.actions.map((a) => [a.id, a]));
  const ordered = reachableFrom(workflow, workflow.startActionId, { byId });
  const seen = new Set(ordered);
  for (const a of workflow.actions) if (!seen.has(a.id)) ordered.push(a.id);
  return [
    { id: TRIGGER_NODE_ID, label: t('review.trigger') },
    ...ordered.map((id) => {
      const a = byId.get(id)!;
      return { id, label: definitionOf(a).summary(a, workspace, t) };
    }),
  ];
}
