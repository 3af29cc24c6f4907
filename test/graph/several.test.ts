import { describe, expect, it } from 'vitest';
import type { InsertionPoint } from '../../src/graph/draft';
import { chainFragment, connectWithGoto, deleteActions, inPathOrder, moveActions } from '../../src/graph/several';
import { act, deepFreeze, find, invariantProblems, jump, path, refused, spine, step, target, workflow } from './helpers';

/** s → x(branch: p1 → b1 → b2, default → d1) */
const branchy = () =>
  workflow('s', [step('s', 'x'), act('branch', 'x', { 'branch:p1': 'b1', default: 'd1' }), step('b1', 'b2'), step('b2'), step('d1')]);

const after = (from: string, slot = 'next'): InsertionPoint => ({ type: 'link', from, slot });

describe('operations on several actions', () => {
  it('put ids in path order: as reached from the start, path by path', () => {
    expect(inPathOrder(branchy(), ['d1', 'b2', 's'])).toEqual(['s', 'b2', 'd1']);
    refused(() => inPathOrder(branchy(), ['nope']), 'UNKNOWN_ACTION');
  });

  it('delete several actions in one result, each as deleting it alone would', () => {
    const wf = deepFreeze(path('a', 'b', 'c', 'd', 'e'));
    const r = deleteActions(wf, ['b', 'd']);
    expect(spine(r.workflow)).toEqual(['a', 'c', 'e']);
    expect(r.removed.sort()).toEqual(['b', 'd']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('refuse to delete a branch with several paths in use among others, naming the choice it needs', () => {
    refused(() => deleteActions(branchy(), ['s', 'x']), 'KEEP_PATH_REQUIRED');
  });

  it('move several actions to a point as one run, in their path order', () => {
    const r = moveActions(deepFreeze(path('a', 'b', 'c', 'd', 'e')), ['d', 'b'], after('e'));
    expect(spine(r.workflow)).toEqual(['a', 'c', 'e', 'b', 'd']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('move a run to the start', () => {
    expect(spine(moveActions(path('a', 'b', 'c', 'd'), ['c', 'd'], { type: 'start' }).workflow)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('move a branch with an action of its own subtree as the branch alone: the action travels with it', () => {
    const wf = workflow('s', [...branchy().actions, step('t')].map((a) => (a.id === 'd1' ? step('d1', 't') : a)));
    const r = moveActions(wf, ['x', 'b1'], { type: 'start' });
    expect(r.workflow.startActionId).toBe('x');
    expect(target(r.workflow, 'x', 'branch:p1')).toBe('b1');
  });

  it('refuse to move a go-to before other actions of the run, since a go-to ends its path', () => {
    // s → x(branch: p1 → g (go to d1), default → d1): g comes before d1 in path order.
    const wf = workflow('s', [step('s', 'x'), act('branch', 'x', { 'branch:p1': 'g', default: 'd1' }), jump('g', 'd1'), step('d1')]);
    refused(() => moveActions(wf, ['g', 'd1'], after('s')), 'GOTO_MID_PATH');
  });

  it('copy several actions as one chain whose start is the first in path order', () => {
    const frag = chainFragment(path('a', 'b', 'c', 'd'), ['d', 'b']);
    expect(frag.startActionId).toBe('b');
    expect(frag.actions.map((a) => [a.id, target({ ...path('x'), actions: frag.actions, startActionId: 'b' }, a.id, 'next')])).toEqual([
      ['b', 'd'],
      ['d', null],
    ]);
  });

  it('refuse to copy a branch among others: a branch is copied on its own, with its paths', () => {
    refused(() => chainFragment(branchy(), ['s', 'x']), 'CLONE_BRANCH');
  });

  it('connect an action at the end of its path to another with a new go-to', () => {
    const r = connectWithGoto(deepFreeze(path('a', 'b', 'c')), 'c', 'a');
    const added = find(r.workflow, r.added[0]!);
    expect(added.kind).toBe('goto');
    expect(target(r.workflow, 'c', 'next')).toBe(added.id);
    expect(target(r.workflow, added.id, 'target')).toBe('a');
  });

  it('point an existing go-to at the action it is connected to', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', null)]);
    expect(target(connectWithGoto(wf, 'g', 'b').workflow, 'g', 'target')).toBe('b');
  });

  it('refuse to connect an action whose path goes on, naming what the go-to would cut off', () => {
    const error = refused(() => connectWithGoto(path('a', 'b', 'c'), 'a', 'c'), 'GOTO_MID_PATH');
    expect(error.message).toContain('"b"');
  });
});
