import fc from 'fast-check';
import { expect } from 'vitest';
import { ACTION_KINDS, type Action, type ActionKind, type BranchAction } from '../../src/actions';
import {
  cloneAction,
  deleteAction,
  deleteFollowing,
  GraphError,
  insertAction,
  insertionPoints,
  layoutWorkflow,
  moveAction,
  newAction,
  fansOut,
  pathLinks,
  setGotoTarget,
  updateAction,
  type OpResult,
} from '../../src/graph';
import type { Layout, Workflow } from '../../src/model/workflow';
import { deepFreeze, invariantProblems, workflow } from './helpers';

// Random editing sessions: every graph operation, applied to whatever exists at each step.
/** One step of a random editing session; numbers pick among whatever exists at that moment. */
export type Op =
  | { t: 'insert'; kind: ActionKind; at: number; aim: number }
  | { t: 'clone'; pick: number }
  | { t: 'move'; pick: number; at: number }
  | { t: 'delete'; pick: number; keep: number }
  | { t: 'deleteFollowing'; pick: number }
  | { t: 'goto'; pick: number; aim: number }
  | { t: 'path'; pick: number; add: boolean; which: number };

const n = fc.nat({ max: 1000 });
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('insert' as const), kind: fc.constantFrom(...ACTION_KINDS), at: n, aim: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clone' as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), pick: n, at: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), pick: n, keep: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteFollowing' as const), pick: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('goto' as const), pick: n, aim: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('path' as const), pick: n, add: fc.boolean(), which: n }) },
);
export const sessionArb = fc.array(opArb, { minLength: 1, maxLength: 30 });

export const pickFrom = <T,>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Applies one step; undefined when there was nothing to apply it to. Refusals throw GraphError. */
export function apply(wf: Workflow, op: Op, layout: Layout): OpResult | undefined {
  const actionIds = wf.actions.map((a) => a.id);
  const opts = { layout };
  switch (op.t) {
    case 'insert': {
      let action: Action = newAction(wf, op.kind);
      if (action.kind === 'goto') action = { ...action, target: pickFrom([null, ...actionIds], op.aim) ?? null };
      return insertAction(wf, pickFrom(insertionPoints(wf), op.at)!, action, opts);
    }
    case 'clone': {
      const id = pickFrom(actionIds, op.pick);
      return id === undefined ? undefined : cloneAction(wf, id, opts);
    }
    case 'move': {
      const id = pickFrom(actionIds, op.pick);
      return id === undefined ? undefined : moveAction(wf, id, pickFrom(insertionPoints(wf), op.at)!, opts);
    }
    case 'delete': {
      const a = pickFrom(wf.actions, op.pick);
      if (!a) return undefined;
      const keep = fansOut(a) ? pickFrom([undefined, ...pathLinks(a).map((l) => l.slot)], op.keep) : undefined;
      return deleteAction(wf, a.id, keep, opts);
    }
    case 'deleteFollowing': {
      const id = pickFrom(actionIds, op.pick);
      return id === undefined ? undefined : deleteFollowing(wf, id, opts);
    }
    case 'goto': {
      const g = pickFrom(wf.actions.filter((a) => a.kind === 'goto'), op.pick);
      return g ? setGotoTarget(wf, g.id, pickFrom([null, ...actionIds], op.aim) ?? null, opts) : undefined;
    }
    case 'path': {
      const b = pickFrom(wf.actions.filter((a): a is BranchAction => a.kind === 'branch'), op.pick);
      if (!b) return undefined;
      const paths = op.add
        ? [...b.paths, { id: `q${b.paths.length}-${op.which}`, label: 'Added', filters: [{ conditions: [] }], next: null }]
        : b.paths.filter((_, i) => b.paths.length === 1 || i !== op.which % b.paths.length);
      return updateAction(wf, { ...b, paths }, opts);
    }
  }
}

/**
 * Whether the step may be refused at all: go-tos may strand actions, moves may go nowhere legal, a branch
 * deleted without a path to keep may need one; everything else on a sound workflow must go through.
 */
export function mayBeRefused(wf: Workflow, op: Op): boolean {
  switch (op.t) {
    case 'insert':
      return op.kind === 'goto';
    case 'clone': {
      const a = pickFrom(wf.actions, op.pick)!;
      return fansOut(a) || a.kind === 'goto';
    }
    case 'delete': {
      const a = pickFrom(wf.actions, op.pick)!;
      return fansOut(a) || a.kind === 'goto';
    }
    case 'deleteFollowing':
      return false;
    case 'path':
      return false;
    case 'move':
    case 'goto':
      return true;
  }
}

/** Runs a session from an empty workflow, checking every step; returns the final workflow and how many steps went through. */
export function runSession(ops: Op[], onStep?: (before: Workflow, result: OpResult) => void): { wf: Workflow; applied: number } {
  let wf = deepFreeze(workflow(null, []));
  let layout: Layout = deepFreeze(layoutWorkflow(wf));
  let applied = 0;
  for (const op of ops) {
    const before = JSON.stringify(wf);
    let result: OpResult | undefined;
    try {
      result = apply(wf, op, layout);
    } catch (e) {
      if (!(e instanceof GraphError) || !mayBeRefused(wf, op)) throw e;
    }
    expect(JSON.stringify(wf)).toBe(before);
    if (!result) continue;
    applied++;

    expect(invariantProblems(result.workflow)).toEqual([]);
    const oldIds = new Set(wf.actions.map((a) => a.id));
    const newIds = new Set(result.workflow.actions.map((a) => a.id));
    expect([...newIds].filter((id) => !oldIds.has(id)).sort()).toEqual([...result.added].sort());
    expect([...oldIds].filter((id) => !newIds.has(id)).sort()).toEqual([...result.removed].sort());
    for (const id of Object.keys(result.layout!.positions)) expect(id === 'trigger' || newIds.has(id)).toBe(true);
    onStep?.(wf, result);

    wf = deepFreeze(result.workflow);
    layout = deepFreeze(layoutWorkflow(wf));
  }
  return { wf, applied };
}
