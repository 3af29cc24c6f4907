import { definitionOf, type Action, type ActionLink } from '../actions';
import type { Workflow } from '../model/workflow';

/** Actions of a workflow by id. */
export function actionMap(workflow: Workflow): Map<string, Action> {
  return new Map(workflow.actions.map((a) => [a.id, a]));
}

/** The outgoing links of an action (next, branch paths, go-to target). */
export function linksOf(action: Action): ActionLink[] {
  return definitionOf(action).links(action);
}

/** Ids the action leads to, in link order; with `jumps: false` go-to targets are left out. */
export function successors(action: Action, opts: { jumps?: boolean } = {}): string[] {
  const jumps = opts.jumps ?? true;
  const out: string[] = [];
  for (const l of linksOf(action)) if (l.target !== null && (jumps || !l.jump)) out.push(l.target);
  return out;
}

/**
 * Ids reachable from `from` (inclusive) following every link, in depth-first pre-order.
 * `blocked` ids are neither entered nor passed through.
 */
export function reachableFrom(
  workflow: Workflow,
  from: string | null,
  opts: { jumps?: boolean; blocked?: ReadonlySet<string>; byId?: Map<string, Action> } = {},
): string[] {
  const byId = opts.byId ?? actionMap(workflow);
  const seen = new Set<string>();
  const order: string[] = [];
  if (from === null) return order;
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || opts.blocked?.has(id)) continue;
    const action = byId.get(id);
    if (!action) continue;
    seen.add(id);
    order.push(id);
    const next = successors(action, { jumps: opts.jumps });
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return order;
}

/** Ids reachable from the workflow's start action. */
export function reachableFromStart(workflow: Workflow, byId?: Map<string, Action>): Set<string> {
  return new Set(reachableFrom(workflow, workflow.startActionId, { byId }));
}

/** For each action id, the (id, slot) pairs that link to it; the start is recorded with id null. */
export function predecessors(workflow: Workflow): Map<string, { from: string | null; slot: string; jump: boolean }[]> {
  const preds = new Map<string, { from: string | null; slot: string; jump: boolean }[]>();
  const add = (to: string, entry: { from: string | null; slot: string; jump: boolean }) => {
    const list = preds.get(to);
    if (list) list.push(entry);
    else preds.set(to, [entry]);
  };
  if (workflow.startActionId) add(workflow.startActionId, { from: null, slot: 'start', jump: false });
  for (const a of workflow.actions) for (const l of linksOf(a)) if (l.target) add(l.target, { from: a.id, slot: l.slot, jump: l.jump });
  return preds;
}

/**
 * The links that continue a path (every link but go-to jumps), in display order. A branch path whose id
 * repeats an earlier one's (TF310) has no slot of its own, so only the first path of each slot counts:
 * the canvas then never draws two end markers under one id.
 */
export function pathLinks(action: Action): ActionLink[] {
  const slots = new Set<string>();
  return linksOf(action).filter((l) => !l.jump && !slots.has(l.slot) && slots.add(l.slot));
}

/**
 * The slot on which the path goes on after the action: the only path link of a linear action, the last
 * (default) path of a branch; null for an action that ends its path (a go-to).
 */
export function continuationSlot(action: Action): string | null {
  const links = pathLinks(action);
  return links.length ? links[links.length - 1]!.slot : null;
}

/** Whether the action fans out into several paths (a branch), so everything below it belongs to it. */
export function fansOut(action: Action): boolean {
  return pathLinks(action).length > 1;
}
