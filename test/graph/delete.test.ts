import { describe, expect, it } from 'vitest';
import { deleteAction, deleteFollowing, planDeleteBranch, planDeleteFollowing } from '../../src/graph/delete';
import { act, deepFreeze, ids, invariantProblems, jump, path, refused, spine, step, target, threePaths, workflow } from './helpers';


describe('deleteAction', () => {
  it('removes one action; its predecessor then leads to its successor', () => {
    const r = deleteAction(path('a', 'b', 'c'), 'b');
    expect(spine(r.workflow)).toEqual(['a', 'c']);
    expect(r.removed).toEqual(['b']);
  });

  it('makes the successor of a deleted start action the start', () => {
    expect(deleteAction(path('a', 'b'), 'a').workflow.startActionId).toBe('b');
  });

  it('leaves an empty workflow when the only action goes', () => {
    const r = deleteAction(path('a'), 'a');
    expect(r.workflow).toMatchObject({ startActionId: null, actions: [] });
  });

  it('sends go-tos that pointed at the deleted action to its successor', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'c'), step('c', 'g'), jump('g', 'b')]);
    const r = deleteAction(wf, 'b');
    expect(target(r.workflow, 'g', 'target')).toBe('c');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('leaves go-tos without a target when the deleted action ended its path', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'g', default: 'e' }), jump('g', 'e'), step('e')]);
    expect(target(deleteAction(wf, 'e').workflow, 'g', 'target')).toBeNull();
  });

  it('keeps the branch path the caller chooses and deletes the others', () => {
    const r = deleteAction(threePaths(), 'x', 'branch:p1');
    expect(spine(r.workflow)).toEqual(['s', 'b1', 'b2']);
    expect(r.removed).toEqual(['x', 'c1', 'd1']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('can keep the default path of a branch', () => {
    const r = deleteAction(threePaths(), 'x', 'default');
    expect(spine(r.workflow)).toEqual(['s', 'd1']);
    expect(ids(r.workflow)).toEqual(['d1', 's']);
  });

  it('keeps an action on a deleted path that a go-to still reaches', () => {
    const wf = threePaths();
    const reaching = { ...wf, actions: [...wf.actions.filter((a) => a.id !== 'd1'), step('d1', 'g'), jump('g', 'b2')] };
    const r = deleteAction(reaching, 'x', 'default');
    expect(r.removed).toEqual(['x', 'b1', 'c1']);
    expect(target(r.workflow, 'g', 'target')).toBe('b2');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('needs the path to keep when more than one path has actions', () => {
    const e = refused(() => deleteAction(threePaths(), 'x'), 'KEEP_PATH_REQUIRED');
    expect(e.message).toContain('branch:p1, branch:p2, default');
  });

  it('keeps the only path with actions when none is named', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': null, default: 'd1' }), step('d1')]);
    expect(spine(deleteAction(wf, 'x').workflow)).toEqual(['d1']);
  });

  it('refuses a path the branch does not have', () => {
    refused(() => deleteAction(threePaths(), 'x', 'branch:nope'), 'UNKNOWN_SLOT');
  });

  it('refuses a path to keep for an action that is not a branch', () => {
    refused(() => deleteAction(path('a', 'b'), 'a', 'next'), 'KEEP_PATH_NOT_BRANCH');
  });

  it('deletes a go-to, ending its path there', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', 'a')]);
    const r = deleteAction(wf, 'g');
    expect(target(r.workflow, 'b', 'next')).toBeNull();
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('puts the path a deleted go-to was the only way into in its place', () => {
    const wf = workflow('a', [step('a', 'g'), jump('g', 'r'), step('r', 'r2'), step('r2')]);
    const r = deleteAction(wf, 'g');
    expect(spine(r.workflow)).toEqual(['a', 'r', 'r2']);
    expect(r.removed).toEqual(['g']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('sends go-tos aimed at a deleted go-to on to its target', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'h', default: 'a' }), jump('h', 'g'), step('a', 'g'), jump('g', 'a')]);
    const r = deleteAction(wf, 'g');
    expect(target(r.workflow, 'h', 'target')).toBe('a');
  });

  it('refuses an unknown action', () => {
    refused(() => deleteAction(path('a'), 'zz'), 'UNKNOWN_ACTION');
  });

  it('deletes an unreachable action whose path leads back into itself', () => {
    const wf = workflow('a', [step('a'), step('loop', 'loop')]);
    expect(deleteAction(wf, 'loop').workflow.actions.map((x) => x.id)).toEqual(['a']);
  });

  it('drops the positions of removed actions from the layout it is given', () => {
    const layout = { positions: { trigger: { x: 0, y: 0 }, a: { x: 0, y: 100 }, b: { x: 0, y: 200 } } };
    expect(deleteAction(path('a', 'b'), 'b', undefined, { layout }).layout).toEqual({
      positions: { trigger: { x: 0, y: 0 }, a: { x: 0, y: 100 } },
    });
  });

  it('never changes the workflow it is given', () => {
    const wf = deepFreeze(threePaths());
    const before = JSON.stringify(wf);
    deleteAction(wf, 'x', 'branch:p2');
    expect(JSON.stringify(wf)).toBe(before);
  });
});

describe('deleteFollowing', () => {
  it('removes the action and every action below it', () => {
    const r = deleteFollowing(threePaths(), 'x');
    expect(r.removed).toEqual(['x', 'b1', 'b2', 'c1', 'd1']);
    expect(ids(r.workflow)).toEqual(['s']);
    expect(target(r.workflow, 's', 'next')).toBeNull();
  });

  it('keeps an action still reachable through a go-to', () => {
    const wf = workflow('s', [
      step('s', 'x'),
      act('branch', 'x', { 'branch:p1': 'a1', default: 'g' }),
      step('a1', 'a2'),
      step('a2', 'a3'),
      step('a3'),
      jump('g', 'a2'),
    ]);
    const r = deleteFollowing(wf, 'a1');
    expect(r.removed).toEqual(['a1']);
    expect(spine(r.workflow, 'a2')).toEqual(['a2', 'a3']);
    expect(target(r.workflow, 'x', 'branch:p1')).toBeNull();
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('removes an action whose only go-to is itself being removed', () => {
    const wf = workflow('s', [step('s', 'a'), step('a', 'g'), jump('g', 'r'), step('r')]);
    expect(deleteFollowing(wf, 'a').removed).toEqual(['a', 'g', 'r']);
  });

  it('leaves go-tos that pointed at removed actions without a target', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'a', default: 'g' }), step('a', 'b'), step('b'), jump('g', 'b')]);
    const withLoop = { ...wf, actions: wf.actions.map((a) => (a.id === 'g' ? jump('g', 'a') : a)) };
    const r = deleteFollowing(withLoop, 'a');
    expect(r.removed).toEqual(['a', 'b']);
    expect(target(r.workflow, 'g', 'target')).toBeNull();
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('empties the workflow from its start', () => {
    const r = deleteFollowing(path('a', 'b', 'c'), 'a');
    expect(r.workflow).toMatchObject({ startActionId: null, actions: [] });
    expect(r.removed).toEqual(['a', 'b', 'c']);
  });

  it('stops at loops made with go-tos', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', 'b')]);
    expect(deleteFollowing(wf, 'b').removed).toEqual(['b', 'g']);
  });

  it('refuses an unknown action', () => {
    refused(() => deleteFollowing(path('a'), 'zz'), 'UNKNOWN_ACTION');
  });
});

describe('planDeleteFollowing', () => {
  it('names the actions deleteFollowing would remove, the action first, without changing anything', () => {
    const wf = deepFreeze(threePaths());
    const plan = planDeleteFollowing(wf, 'x');
    expect(plan).toEqual(deleteFollowing(wf, 'x').removed);
    expect(plan[0]).toBe('x');
    expect(wf.actions).toHaveLength(6);
  });
});

describe('planDeleteBranch', () => {
  it('names the branch and the actions only its other paths reach, for the path kept, without changing anything', () => {
    const wf = deepFreeze(threePaths());
    expect([...planDeleteBranch(wf, 'x', 'default')].sort()).toEqual(['b1', 'b2', 'c1', 'x']);
    expect([...planDeleteBranch(wf, 'x', 'branch:p1')].sort()).toEqual(['c1', 'd1', 'x']);
    expect(planDeleteBranch(wf, 'x', 'branch:p2')).toEqual(deleteAction(wf, 'x', 'branch:p2').removed);
    expect(wf.actions).toHaveLength(6);
  });
});
