import { describe, expect, it } from 'vitest';
import type { InsertionPoint } from '../../src/graph/draft';
import { canMoveTo, moveAction } from '../../src/graph/move';
import { act, deepFreeze, invariantProblems, jump, path, refused, spine, step, target, workflow } from './helpers';

/** s → x(branch: p1 → b1 → b2, default → d1) */
const branchy = () =>
  workflow('s', [
    step('s', 'x'),
    act('branch', 'x', { 'branch:p1': 'b1', default: 'd1' }),
    step('b1', 'b2'),
    step('b2'),
    step('d1'),
  ]);

const after = (from: string, slot = 'next'): InsertionPoint => ({ type: 'link', from, slot });

describe('moveAction', () => {
  it('takes an action out (its predecessor then leads to its successor) and puts it at the point', () => {
    const r = moveAction(path('a', 'b', 'c', 'd'), 'b', after('c'));
    expect(spine(r.workflow)).toEqual(['a', 'c', 'b', 'd']);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('moves an action further up its path', () => {
    expect(spine(moveAction(path('a', 'b', 'c', 'd'), 'd', after('a')).workflow)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('moves the start action, and its successor becomes the start', () => {
    expect(spine(moveAction(path('a', 'b', 'c'), 'a', after('c')).workflow)).toEqual(['b', 'c', 'a']);
  });

  it('moves an action before the start', () => {
    expect(spine(moveAction(path('a', 'b', 'c'), 'c', { type: 'start' }).workflow)).toEqual(['c', 'a', 'b']);
  });

  it('moves an action onto a branch path', () => {
    const r = moveAction(branchy(), 's', after('x', 'default'));
    expect(r.workflow.startActionId).toBe('x');
    expect(spine(r.workflow)).toEqual(['x', 's', 'd1']);
  });

  it('moves a branch together with every action below it', () => {
    const wf = workflow('a', [step('a', 'x'), act('branch', 'x', { 'branch:p1': 'b1', default: null }), step('b1', 'b2'), step('b2')]);
    const r = moveAction(wf, 'x', { type: 'start' });
    expect(r.workflow.startActionId).toBe('x');
    expect(spine(r.workflow, 'b1')).toEqual(['b1', 'b2']);
    expect(target(r.workflow, 'x', 'branch:p1')).toBe('b1');
    expect(target(r.workflow, 'x', 'default')).toBe('a');
    expect(target(r.workflow, 'a', 'next')).toBeNull();
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('hangs the rest of the path at the end of a moved branch’s default path', () => {
    const wf = workflow('a', [
      step('a', 'b'),
      step('b'),
      step('z', 'x'),
      act('branch', 'x', { 'branch:p1': null, default: 'd1' }),
      step('d1'),
    ]);
    const rooted = { ...wf, actions: wf.actions.map((a) => (a.id === 'b' ? step('b', 'z') : a)) };
    const r = moveAction(rooted, 'x', after('a'));
    expect(spine(r.workflow)).toEqual(['a', 'x', 'd1', 'b', 'z']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('keeps go-tos pointing at the action they name', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'c'), step('c', 'g'), jump('g', 'b')]);
    const r = moveAction(wf, 'b', { type: 'start' });
    expect(spine(r.workflow)).toEqual(['b', 'a', 'c', 'g']);
    expect(target(r.workflow, 'g', 'target')).toBe('b');
  });

  it('hands the go-tos of an action only they reached to its successor, so its path stays reachable', () => {
    const wf = workflow('a', [step('a', 'g'), jump('g', 'r'), step('r', 'r2'), step('r2')]);
    const r = moveAction(wf, 'r', { type: 'start' });
    expect(spine(r.workflow)).toEqual(['r', 'a', 'g']);
    expect(target(r.workflow, 'g', 'target')).toBe('r2');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('moves a go-to to another path end', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'g', default: 'd1' }), jump('g', 'd1'), step('d1')]);
    const r = moveAction(wf, 'g', after('d1'));
    expect(target(r.workflow, 'x', 'branch:p1')).toBeNull();
    expect(target(r.workflow, 'd1', 'next')).toBe('g');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  const refusals: [string, string, InsertionPoint, string][] = [
    ['onto the point right after itself', 'b1', after('b1'), 'MOVE_ONTO_ITSELF'],
    ['onto the point right before itself', 'b1', after('x', 'branch:p1'), 'MOVE_ONTO_ITSELF'],
    ['the start onto the start', 's', { type: 'start' }, 'MOVE_ONTO_ITSELF'],
    ['a branch onto one of its own paths', 'x', after('x', 'default'), 'MOVE_ONTO_ITSELF'],
    ['a branch into its own subtree', 'x', after('b2'), 'MOVE_INTO_SUBTREE'],
    ['a go-to into the middle of a path', 'g', after('s'), 'GOTO_MID_PATH'],
    ['an action that does not exist', 'zz', after('s'), 'UNKNOWN_ACTION'],
    ['to a go-to jump', 'b1', after('g', 'target'), 'JUMP_SLOT'],
  ];
  it.each(refusals)('refuses to move %s', (_what, id, point, code) => {
    const wf = branchy();
    const withGoto = { ...wf, actions: [...wf.actions.filter((a) => a.id !== 'd1'), step('d1', 'g'), jump('g', 's')] };
    refused(() => moveAction(withGoto, id, point), code as never);
  });

  it('refuses to drop a branch mid-path when its default path ends in a go-to', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'x'), act('branch', 'x', { 'branch:p1': null, default: 'g' }), jump('g', 'a')]);
    refused(() => moveAction(wf, 'x', after('a')), 'BLOCK_ENDS_IN_GOTO');
  });

  it('refuses a move that would strand actions only a go-to inside the moved branch reached', () => {
    const wf = workflow('s', [
      step('s', 'x'),
      act('branch', 'x', { 'branch:p1': 'g', default: null }),
      jump('g', 'r'),
      step('r'),
    ]);
    refused(() => moveAction(wf, 'x', after('r')), 'WOULD_ORPHAN');
  });

  it('never changes the workflow it is given', () => {
    const wf = deepFreeze(branchy());
    const before = JSON.stringify(wf);
    moveAction(wf, 'x', { type: 'start' });
    expect(JSON.stringify(wf)).toBe(before);
  });
});

describe('canMoveTo', () => {
  it('says yes to a legal drop and no to a refused one', () => {
    expect(canMoveTo(branchy(), 'd1', after('b2'))).toBe(true);
    expect(canMoveTo(branchy(), 'x', after('b1'))).toBe(false);
  });
});
