import type { Action } from '../actions';
import { definitionOf } from '../actions';
import type { Workflow } from '../model/workflow';
import { deleteAction } from './delete';
import type { InsertionPoint, OpResult } from './draft';
import { setGotoTarget } from './edit';
import { GraphError } from './errors';
import { insertAction, newAction } from './insert';
import { actionMap, continuationSlot, fansOut, linksOf, reachableFrom } from './links';
import { moveAction } from './move';

/**
 * Operations on several actions at once (a multiple selection on the canvas), each built from the
 * single-action operations, so every rule of those holds, and each giving one result: one undo step.
 */

/** The ids in path order: as reached from the start (depth first, path by path), then any others in array order. */
export function inPathOrder(workflow: Workflow, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  const byId = actionMap(workflow);
  const order = reachableFrom(workflow, workflow.startActionId, { jumps: false, byId });
  const seen = new Set(order);
  for (const a of workflow.actions) if (!seen.has(a.id)) order.push(a.id);
  for (const id of wanted) if (!byId.has(id)) throw new GraphError('UNKNOWN_ACTION', { id });
  return order.filter((id) => wanted.has(id));
}

function merge(results: OpResult[], workflow: Workflow): OpResult {
  const removed = new Set<string>();
  const added = new Set<string>();
  for (const r of results) {
    for (const id of r.added) added.add(id);
    for (const id of r.removed) {
      if (added.has(id)) added.delete(id);
      else removed.add(id);
    }
  }
  return { workflow, added: [...added], removed: [...removed] };
}

/**
 * Deletes each of the actions as deleteAction does, the deepest first. A branch with more than one path
 * in use is refused (KEEP_PATH_REQUIRED): which path stays is a question for deleting it on its own.
 * Actions already removed with an earlier one (below a deleted branch) are skipped.
 */
export function deleteActions(workflow: Workflow, ids: Iterable<string>): OpResult {
  const order = inPathOrder(workflow, ids).reverse();
  let current = workflow;
  const results: OpResult[] = [];
  for (const id of order) {
    if (!current.actions.some((a) => a.id === id)) continue;
    const r = deleteAction(current, id);
    results.push(r);
    current = r.workflow;
  }
  return merge(results, current);
}

/**
 * Moves the actions to a point as one: they land there one after another, in their path order, each
 * with what moveAction moves along (a branch brings its paths). Refused as a whole when one of them
 * cannot go (into its own subtree, a go-to before other actions, onto itself).
 */
export function moveActions(workflow: Workflow, ids: Iterable<string>, point: InsertionPoint): OpResult {
  const order = inPathOrder(workflow, ids);
  // A selected action inside a selected branch's subtree travels with the branch.
  const byId = actionMap(workflow);
  const carried = new Set<string>();
  for (const id of order) {
    if (fansOut(byId.get(id)!)) for (const below of reachableFrom(workflow, id, { jumps: false, byId }).slice(1)) carried.add(below);
  }
  const movers = order.filter((id) => !carried.has(id));
  if (movers.length === 0) return { workflow, added: [], removed: [] };
  let current = workflow;
  let at = point;
  for (const id of movers) {
    // Moving onto the point it already occupies is no move: the rest follows it.
    const here = at.type === 'start' ? current.startActionId : linkTarget(current, at);
    if (here !== id) current = moveAction(current, id, at).workflow;
    const moved = actionMap(current).get(id)!;
    const slot = fansOut(moved) ? null : continuationSlot(moved);
    if (slot === null && id !== movers[movers.length - 1]) {
      // A go-to or a branch ends the run: nothing can follow it on its path.
      throw new GraphError('GOTO_MID_PATH', { id, next: movers[movers.indexOf(id) + 1]! });
    }
    if (slot !== null) at = { type: 'link', from: id, slot };
  }
  return { workflow: current, added: [], removed: [] };
}

function linkTarget(workflow: Workflow, point: Extract<InsertionPoint, { type: 'link' }>): string | null {
  const from = actionMap(workflow).get(point.from);
  return from ? (linksOf(from).find((l) => l.slot === point.slot)?.target ?? null) : null;
}

/**
 * The actions as a fragment to copy: a workflow whose start is the first of them in path order and in
 * which each leads to the next on its continuation path, links to anything else cut (go-to targets kept
 * by id). A branch can only be copied on its own (it comes with its paths), and only the last of a run
 * may be a go-to (nothing follows one): otherwise the copy is refused with the reason.
 */
export function chainFragment(workflow: Workflow, ids: Iterable<string>): { actions: Action[]; startActionId: string } {
  const order = inPathOrder(workflow, ids);
  if (order.length === 0) throw new GraphError('UNKNOWN_ACTION', { id: '' });
  const byId = actionMap(workflow);
  const actions: Action[] = [];
  order.forEach((id, i) => {
    let action = byId.get(id)!;
    if (fansOut(action)) throw new GraphError('CLONE_BRANCH', { id });
    const next = order[i + 1] ?? null;
    const slot = continuationSlot(action);
    if (slot === null && next !== null) throw new GraphError('GOTO_MID_PATH', { id, next });
    for (const link of linksOf(action)) {
      if (link.jump) continue;
      action = definitionOf(action).withLink(action, link.slot, link.slot === slot ? next : null);
    }
    actions.push(action);
  });
  return { actions, startActionId: order[0]! };
}

/**
 * Connects one action's output to another action with a go-to: a go-to itself is pointed there; any
 * other action gets a new go-to at the end of its path (its continuation) aiming at the target. Refused
 * with the reason where the rules forbid it: the path goes on after it (a go-to ends its path), a go-to to
 * itself, an unknown target.
 */
export function connectWithGoto(workflow: Workflow, from: string, to: string): OpResult {
  const byId = actionMap(workflow);
  const source = byId.get(from);
  if (!source) throw new GraphError('UNKNOWN_ACTION', { id: from });
  if (!byId.has(to)) throw new GraphError('GOTO_TARGET_UNKNOWN', { id: from, target: to });
  if (source.kind === 'goto') return setGotoTarget(workflow, from, to);
  const slot = continuationSlot(source)!;
  const jump = { ...newAction(workflow, 'goto'), target: to } as Action;
  if (jump.id === to) throw new GraphError('GOTO_SELF', { id: jump.id });
  return insertAction(workflow, { type: 'link', from, slot }, jump);
}
