import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWorkflowDiff, diffFields, diffWorkflows } from '../../src/graph/diff';
import type { Workflow } from '../../src/model/workflow';
import { act, find, jump, path, step, threePaths, workflow } from './helpers';
import { runSession, sessionArb } from './sessions';

const sortedIds = (list: { id: string }[]) => list.map((a) => a.id).sort();
const byId = (wf: Workflow) => [...wf.actions].sort((x, y) => (x.id < y.id ? -1 : 1));

describe('diffWorkflows', () => {
  it('finds nothing between a workflow and itself, or an equal copy', () => {
    const wf = threePaths();
    expect(diffWorkflows(wf, wf).count).toBe(0);
    expect(diffWorkflows(wf, structuredClone(wf)).count).toBe(0);
  });

  it('does not count a different order of the actions array as a change', () => {
    const wf = threePaths();
    expect(diffWorkflows(wf, { ...wf, actions: [...wf.actions].reverse() }).count).toBe(0);
  });

  it('names added and removed actions', () => {
    const a = path('s', 'x');
    const b = workflow('s', [step('s', 'y'), step('y')]);
    const d = diffWorkflows(a, b);
    expect(sortedIds(d.added)).toEqual(['y']);
    expect(sortedIds(d.removed)).toEqual(['x']);
    expect(d.changed.map((c) => [c.id, c.fields.map((f) => f.path)])).toEqual([['s', ['/next']]]);
  });

  it('gives the field paths of a changed setting, down to the leaf', () => {
    const a = workflow('d', [act('delay', 'd')]);
    const delay = find(a, 'd');
    if (delay.kind !== 'delay' || delay.wait.type !== 'duration') throw new Error('expected a duration delay');
    const b = workflow('d', [{ ...delay, wait: { ...delay.wait, duration: { ...delay.wait.duration, amount: 3 } } }]);
    expect(diffWorkflows(a, b).changed[0]!.fields).toEqual([{ path: '/wait/duration/amount', before: 1, after: 3 }]);
  });

  it('reports a field that appears or disappears with undefined on the missing side', () => {
    expect(diffFields({ a: 1 }, { b: 2 })).toEqual([
      { path: '/a', before: 1, after: undefined },
      { path: '/b', before: undefined, after: 2 },
    ]);
    expect(diffFields({ list: [1, 2, 3] }, { list: [1] })).toEqual([
      { path: '/list/1', before: 2, after: undefined },
      { path: '/list/2', before: 3, after: undefined },
    ]);
  });

  it('escapes "/" and "~" in keys of the paths it gives', () => {
    expect(diffFields({ 'a/b~c': 1 }, { 'a/b~c': 2 })[0]!.path).toBe('/a~1b~0c');
  });

  it('reports changes to the enrollment and to the workflow fields apart from the actions', () => {
    const a = path('s');
    const b: Workflow = { ...a, name: 'Renamed', enrollment: { ...a.enrollment, reenroll: true } };
    const d = diffWorkflows(a, b);
    expect(d.workflow).toEqual([{ path: '/name', before: a.name, after: 'Renamed' }]);
    expect(d.enrollment).toEqual([{ path: '/reenroll', before: false, after: true }]);
    expect(d.count).toBe(2);
  });

  it('lists moved nodes only when both layouts are given', () => {
    const wf = path('s', 'x');
    const la = { positions: { s: { x: 0, y: 0 }, x: { x: 0, y: 100 }, trigger: { x: 0, y: -100 } } };
    const lb = { positions: { s: { x: 0, y: 0 }, x: { x: 50, y: 100 }, trigger: { x: 0, y: -100 } } };
    expect(diffWorkflows(wf, wf, { a: la, b: lb }).moved).toEqual(['x']);
    expect(diffWorkflows(wf, wf).moved).toEqual([]);
  });

  it('describes a change of kind under one id as a change of that action', () => {
    const a = workflow('s', [step('s')]);
    const b = workflow('s', [jump('s', null)]);
    const d = diffWorkflows(a, b);
    expect(d.changed.map((c) => c.id)).toEqual(['s']);
    expect(d.changed[0]!.fields.some((f) => f.path === '/kind')).toBe(true);
  });

  it('describes exactly what any sequence of graph operations did', () => {
    fc.assert(
      fc.property(sessionArb, (ops) => {
        runSession(ops, (before, result) => {
          const after = result.workflow;
          const d = diffWorkflows(before, after);
          expect(sortedIds(d.added)).toEqual([...result.added].sort());
          expect(sortedIds(d.removed)).toEqual([...result.removed].sort());
          // Changed: exactly the kept actions whose JSON differs.
          const old = new Map(before.actions.map((a) => [a.id, JSON.stringify(a)]));
          const differing = after.actions.filter((a) => old.has(a.id) && old.get(a.id) !== JSON.stringify(a)).map((a) => a.id);
          expect(d.changed.map((c) => c.id).sort()).toEqual(differing.sort());
          // Applying the diff to the first version gives the second.
          const rebuilt = applyWorkflowDiff(before, d);
          expect({ ...rebuilt, actions: byId(rebuilt) }).toEqual({ ...after, actions: byId(after) });
          expect(d.count === 0).toBe(JSON.stringify({ ...before, actions: byId(before) }) === JSON.stringify({ ...after, actions: byId(after) }));
        });
      }),
      { seed: 20261201, numRuns: 120 },
    );
  });
});
