import { ACTIONS, type Action, type ActionKind } from '../actions';
import type { Workflow } from '../model/workflow';
import { Draft, type InsertionPoint, type OpOptions, type OpResult } from './draft';
import { GraphError, isAllowed } from './errors';
import { newActionId } from './ids';
import { actionMap, linksOf, pathLinks, reachableFrom } from './links';
import { checkAction, checkJumpTarget } from './validate';

/**
 * Every place an action can be put: before the start, then each path link (edges and path ends) of every
 * action, those reachable from the start first in path order, then any others in the order of the array.
 */
export function insertionPoints(workflow: Workflow): InsertionPoint[] {
  const byId = actionMap(workflow);
  const points: InsertionPoint[] = [{ type: 'start' }];
  const order = reachableFrom(workflow, workflow.startActionId, { byId });
  const seen = new Set(order);
  for (const a of workflow.actions) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    order.push(a.id);
  }
  for (const id of order) for (const l of pathLinks(byId.get(id)!)) points.push({ type: 'link', from: id, slot: l.slot });
  return points;
}

/**
 * Adds a new action at a point. What the point led to continues after it (for a branch, on its default
 * path); a go-to ends its path, so it is refused anywhere but at a path end. The action must be new and
 * lead nowhere on its paths (a go-to may already have its target).
 */
export function insertAction(workflow: Workflow, point: InsertionPoint, action: Action, opts?: OpOptions): OpResult {
  checkAction(action);
  const d = new Draft(workflow);
  for (const l of linksOf(action)) {
    if (l.jump) checkJumpTarget(d, action.id, l.target);
    else if (l.target !== null) throw new GraphError('ACTION_LINKED', { id: action.id, slot: l.slot, target: l.target });
  }
  d.targetAt(point);
  d.add(action, point.type === 'link' ? point.from : null);
  d.place(point, action.id);
  return d.finish(opts);
}

/** Whether an action (or a new action of a kind) can be inserted at a point. */
export function canInsertAt(workflow: Workflow, point: InsertionPoint, what: Action | ActionKind): boolean {
  return isAllowed(() => {
    const action = typeof what === 'string' ? newAction(workflow, what) : what;
    insertAction(workflow, point, action);
  });
}

/** A new action of a kind with default settings and a fresh id (see newActionId). */
export function newAction(workflow: Workflow, kind: ActionKind): Action {
  const id = newActionId(workflow, kind);
  return ACTIONS[kind].create(id);
}
