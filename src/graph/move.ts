import type { Workflow } from '../model/workflow';
import { Draft, type InsertionPoint, type OpOptions, type OpResult } from './draft';
import { GraphError, isAllowed } from './errors';
import { continuationSlot, fansOut, reachableFrom } from './links';

/**
 * Takes an action out of its place (its predecessor then leads to its successor) and puts it at another
 * point. A branch moves together with every action below it, and cannot go below itself. Go-tos keep
 * pointing at the moved action, except when they were the only way to reach it: then they stay in place,
 * leading to its successor, so the rest of its path stays reachable.
 */
export function moveAction(workflow: Workflow, id: string, point: InsertionPoint, opts?: OpOptions): OpResult {
  const d = new Draft(workflow);
  const action = d.get(id);
  const rest = d.targetAt(point);
  if (rest === id || (point.type === 'link' && point.from === id)) throw new GraphError('MOVE_ONTO_ITSELF', { id });
  const block = fansOut(action);
  if (block && point.type === 'link' && reachableFrom(workflow, id, { jumps: false, byId: d.byId }).includes(point.from)) {
    throw new GraphError('MOVE_INTO_SUBTREE', { id, at: point.from });
  }

  const before = d.pointBefore(id);
  const slot = block ? null : continuationSlot(action);
  const successor = slot === null ? null : d.link(id, slot).target;
  if (slot !== null) d.setLink(id, slot, null);
  if (before) d.setTargetAt(before, successor);
  else if (successor !== null) d.retargetJumps(id, successor);

  d.place(point, id);
  return d.finish(opts);
}

/** Whether an action can be moved to a point. */
export function canMoveTo(workflow: Workflow, id: string, point: InsertionPoint): boolean {
  return isAllowed(() => moveAction(workflow, id, point));
}
