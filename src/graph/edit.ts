import type { Action } from '../actions';
import type { Workflow } from '../model/workflow';
import { Draft, type OpOptions, type OpResult } from './draft';
import { GraphError } from './errors';
import { newActionId } from './ids';
import { continuationSlot, fansOut, linksOf } from './links';
import { checkAction, checkJumpTarget } from './validate';

/**
 * Replaces an action's settings. Its path links must be the ones it has (new branch paths start empty);
 * a go-to may change its target. Actions reached only through branch paths the edit removes are removed.
 */
export function updateAction(workflow: Workflow, action: Action, opts?: OpOptions): OpResult {
  checkAction(action);
  const d = new Draft(workflow);
  const before = d.get(action.id);
  if (before.kind !== action.kind) throw new GraphError('KIND_CHANGED', { id: action.id, before: before.kind, after: action.kind });
  const old = new Map(linksOf(before).map((l) => [l.slot, l]));
  for (const l of linksOf(action)) {
    if (l.jump) {
      checkJumpTarget(d, action.id, l.target);
      continue;
    }
    const was = old.get(l.slot)?.target ?? null;
    if (l.target !== was) {
      throw new GraphError('LINK_CHANGED', { id: action.id, slot: l.slot, before: was ?? 'nothing', after: l.target ?? 'nothing' });
    }
  }
  const kept = new Set(linksOf(action).map((l) => l.slot));
  const dropped = [...old.values()].filter((l) => !kept.has(l.slot) && l.target !== null).map((l) => l.target!);
  d.put(action);
  d.prune(dropped.flatMap((head) => d.followingInBase(head)));
  return d.finish(opts);
}

/** Inserts a copy of an action's settings (not its links, comments or id) directly after it on its path. */
export function cloneAction(workflow: Workflow, id: string, opts?: OpOptions): OpResult {
  const d = new Draft(workflow);
  const original = d.get(id);
  if (fansOut(original)) throw new GraphError('CLONE_BRANCH', { id });
  const slot = continuationSlot(original);
  if (slot === null) throw new GraphError('CLONE_GOTO', { id });
  const copy: Action = { ...structuredClone(original), id: newActionId(workflow, original.kind) };
  d.add(copy, id);
  d.setLink(copy.id, slot, null);
  d.place({ type: 'link', from: id, slot }, copy.id);
  return d.finish(opts);
}

/** Points a go-to at another action (or at nothing); refused when that would strand actions only it reached. */
export function setGotoTarget(workflow: Workflow, gotoId: string, target: string | null, opts?: OpOptions): OpResult {
  const d = new Draft(workflow);
  const jump = linksOf(d.get(gotoId)).find((l) => l.jump);
  if (!jump) throw new GraphError('NOT_A_GOTO', { id: gotoId });
  checkJumpTarget(d, gotoId, target);
  d.setLink(gotoId, jump.slot, target);
  return d.finish(opts);
}
