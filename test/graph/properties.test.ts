import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  pathLinks,
  setGotoTarget,
  toCanvas,
  updateAction,
  type OpResult,
} from '../../src/graph';
import type { Layout, Workflow } from '../../src/model/workflow';
import { deepFreeze, invariantProblems, workflow } from './helpers';

/** One step of a random editing session; numbers pick among whatever exists at that moment. */
type Op =
  | { t: 'insert'; kind: ActionKind; at: number; aim: number }
  | { t: 'clone'; pick: number }
  | { t: 'move'; pick: number; at: number }
  | { t: 'delete'; pick: number; keep: number }
  | { t: 'deleteFollowing'; pick: number }
  | { t: 'goto'; pick: number; aim: number }
  | { t: 'path'; pick: number; add: boolean; which: number };

const n = fc.nat({ max: 1000 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('insert' as const), kind: fc.constantFrom(...ACTION_KINDS), at: n, aim: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clone' as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), pick: n, at: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), pick: n, keep: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteFollowing' as const), pick: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('goto' as const), pick: n, aim: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('path' as const), pick: n, add: fc.boolean(), which: n }) },
);
const sessionArb = fc.array(opArb, { minLength: 1, maxLength: 30 });

const pickFrom = <T,>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

/** Applies one step; undefined when there was nothing to apply it to. Refusals throw GraphError. */
function apply(wf: Workflow, op: Op, layout: Layout): OpResult | undefined {
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
      const keep = a.kind === 'branch' ? pickFrom([undefined, ...pathLinks(a).map((l) => l.slot)], op.keep) : undefined;
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
function mayBeRefused(wf: Workflow, op: Op): boolean {
  switch (op.t) {
    case 'insert':
      return op.kind === 'goto';
    case 'clone': {
      const a = pickFrom(wf.actions, op.pick)!;
      return a.kind === 'branch' || a.kind === 'goto';
    }
    case 'delete': {
      const a = pickFrom(wf.actions, op.pick)!;
      return a.kind === 'branch' || a.kind === 'goto';
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
function runSession(ops: Op[]): { wf: Workflow; applied: number } {
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

    wf = deepFreeze(result.workflow);
    layout = deepFreeze(layoutWorkflow(wf));
  }
  return { wf, applied };
}

describe('graph operations under random editing sessions', () => {
  it('keep ids unique, links whole, every action reachable, and never mutate their input', () => {
    let applied = 0;
    let steps = 0;
    fc.assert(
      fc.property(sessionArb, (ops) => {
        applied += runSession(ops).applied;
        steps += ops.length;
      }),
      { seed: 20261121, numRuns: 150 },
    );
    // The session must mostly do things, or the property says little.
    expect(applied / steps).toBeGreaterThan(0.5);
  });

  it('give layouts where every action has a place and no two nodes overlap', () => {
    fc.assert(
      fc.property(sessionArb, (ops) => {
        const { wf } = runSession(ops);
        const { nodes } = toCanvas(wf, layoutWorkflow(wf));
        expect(nodes.filter((x) => x.type === 'action')).toHaveLength(wf.actions.length);
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            const a = nodes[i]!;
            const b = nodes[j]!;
            const apart =
              a.position.x + a.width <= b.position.x ||
              b.position.x + b.width <= a.position.x ||
              a.position.y + a.height <= b.position.y ||
              b.position.y + b.height <= a.position.y;
            if (!apart) expect.fail(`${a.id} overlaps ${b.id}`);
          }
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('give canvases whose "+" points are exactly the insertion points', () => {
    fc.assert(
      fc.property(sessionArb, (ops) => {
        const { wf } = runSession(ops);
        const { nodes, edges } = toCanvas(wf);
        const nodeIds = new Set(nodes.map((x) => x.id));
        for (const e of edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
        const key = (p: unknown) => JSON.stringify(p);
        const onEdges = edges.flatMap((e) => (e.point ? [key(e.point)] : [])).sort();
        expect(onEdges).toEqual(insertionPoints(wf).map(key).sort());
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});
