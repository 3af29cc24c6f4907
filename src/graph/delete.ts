import type { Workflow } from '../model/workflow';
import { Draft, type OpOptions, type OpResult } from './draft';
import { GraphError } from './errors';
import { fansOut, linksOf, pathLinks, reachableFrom } from './links';

/**
 * Removes one action; its predecessor (and any go-to that pointed at it) then leads to its successor. For a
 * branch, `keepSlot` ('branch:<pathId>' or 'default') names the path that takes its place; the actions only
 * reachable through its other paths are removed too. It may be left out when at most one path has actions.
 * Deleting a go-to that was the only way into the path it jumped to puts that path in its place.
 */
export function deleteAction(workflow: Workflow, id: string, keepSlot?: string, opts?: OpOptions): OpResult {
  const d = new Draft(workflow);
  const action = d.get(id);
  const paths = pathLinks(action);
  let successor: string | null;
  let dropped: string[] = [];
  if (fansOut(action)) {
    let keep = keepSlot;
    if (keep === undefined) {
      const filled = paths.filter((l) => l.target !== null);
      if (filled.length > 1) throw new GraphError('KEEP_PATH_REQUIRED', { id, slots: paths.map((l) => l.slot).join(', ') });
      keep = filled[0]?.slot;
    }
    successor = keep === undefined ? null : d.link(id, keep).target;
    dropped = paths.filter((l) => l.slot !== keep && l.target !== null).map((l) => l.target!);
  } else {
    if (keepSlot !== undefined) throw new GraphError('KEEP_PATH_NOT_BRANCH', { id });
    successor = paths[0]?.target ?? null;
  }
  const jumpTarget = linksOf(action).find((l) => l.jump && l.target !== id)?.target ?? null;

  const before = d.pointBefore(id);
  d.remove(id);
  if (before) d.setTargetAt(before, successor);
  d.retargetJumps(id, successor ?? jumpTarget);
  if (before && jumpTarget !== null && d.byId.has(jumpTarget) && !d.pathParent(jumpTarget) && !d.reachable().has(jumpTarget)) {
    const below = reachableFrom(workflow, jumpTarget, { jumps: false, byId: d.byId });
    if (before.type === 'start' || !below.includes(before.from)) d.setTargetAt(before, jumpTarget);
  }
  d.prune(dropped.flatMap((head) => d.followingInBase(head)));
  return d.finish(opts);
}

/**
 * Removes an action and every action that can only be reached through it; an action still reachable from
 * elsewhere (through a go-to) survives, and go-tos that pointed at removed actions are left without a target.
 */
export function deleteFollowing(workflow: Workflow, id: string, opts?: OpOptions): OpResult {
  const d = new Draft(workflow);
  d.get(id);
  const before = d.pointBefore(id);
  if (before) d.setTargetAt(before, null);
  d.remove(id);
  d.prune(d.followingInBase(id));
  return d.finish(opts);
}

/** The ids deleteFollowing would remove (the action first), for the confirmation that says how many. */
export function planDeleteFollowing(workflow: Workflow, id: string): string[] {
  return deleteFollowing(workflow, id).removed;
}

/** The ids deleteAction would remove for a branch kept by `keepSlot` (the branch first), for the confirmation that says how many. */
export function planDeleteBranch(workflow: Workflow, id: string, keepSlot: string): string[] {
  return deleteAction(workflow, id, keepSlot).removed;
}
