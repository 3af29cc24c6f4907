import { describe, expect, it } from 'vitest';
import type { Action, BranchAction } from '../../src/actions';
import { cloneAction, setGotoTarget, updateAction } from '../../src/graph/edit';
import { act, deepFreeze, find, ids, invariantProblems, jump, path, refused, spine, step, target, threePaths, workflow } from './helpers';


describe('updateAction', () => {
  it('replaces the settings of an action and keeps its links', () => {
    const wf = path('a', 'b');
    const edited = { ...find(wf, 'a'), statusId: 'closed' } as Action;
    const r = updateAction(wf, edited);
    expect(find(r.workflow, 'a')).toEqual(edited);
    expect(spine(r.workflow)).toEqual(['a', 'b']);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
  });

  it('refuses to turn an action into another kind', () => {
    refused(() => updateAction(path('a'), act('delay', 'a')), 'KIND_CHANGED');
  });

  it('refuses to re-link a path, which is what move and delete are for', () => {
    const e = refused(() => updateAction(path('a', 'b', 'c'), step('a', 'c')), 'LINK_CHANGED');
    expect(e.message).toContain('"b"');
  });

  it('adds a branch path that starts empty', () => {
    const wf = threePaths();
    const x = find(wf, 'x') as BranchAction;
    const more = { ...x, paths: [...x.paths, { id: 'p3', label: 'New', filters: [{ conditions: [] }], next: null }] };
    expect(target(updateAction(wf, more).workflow, 'x', 'branch:p3')).toBeNull();
  });

  it('refuses a new branch path that already leads somewhere', () => {
    const wf = threePaths();
    const x = find(wf, 'x') as BranchAction;
    const more = { ...x, paths: [...x.paths, { id: 'p3', label: 'New', filters: [{ conditions: [] }], next: 'b2' }] };
    refused(() => updateAction(wf, more), 'LINK_CHANGED');
  });

  it('removes the actions only reachable through a branch path the edit removes', () => {
    const wf = threePaths();
    const x = find(wf, 'x') as BranchAction;
    const r = updateAction(wf, { ...x, paths: x.paths.filter((p) => p.id !== 'p1') });
    expect(r.removed).toEqual(['b1', 'b2']);
    expect(ids(r.workflow)).toEqual(['c1', 'd1', 's', 'x']);
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('keeps an action on a removed path that a go-to still reaches', () => {
    const wf = threePaths();
    const withJump = { ...wf, actions: [...wf.actions.filter((a) => a.id !== 'c1'), step('c1', 'g'), jump('g', 'b2')] };
    const x = find(withJump, 'x') as BranchAction;
    const r = updateAction(withJump, { ...x, paths: x.paths.filter((p) => p.id !== 'p1') });
    expect(r.removed).toEqual(['b1']);
    expect(target(r.workflow, 'g', 'target')).toBe('b2');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('lets a go-to change its target, checked like setGotoTarget', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', 'a')]);
    expect(target(updateAction(wf, jump('g', 'b')).workflow, 'g', 'target')).toBe('b');
    refused(() => updateAction(wf, jump('g', 'nowhere')), 'GOTO_TARGET_UNKNOWN');
  });

  it('refuses an action that is not in the workflow', () => {
    refused(() => updateAction(path('a'), step('zz')), 'UNKNOWN_ACTION');
  });

  it('never changes the workflow it is given', () => {
    const wf = deepFreeze(threePaths());
    const before = JSON.stringify(wf);
    const x = find(wf, 'x') as BranchAction;
    updateAction(wf, { ...x, paths: x.paths.slice(1) });
    expect(JSON.stringify(wf)).toBe(before);
  });

  it('drops the positions of removed actions from the layout it is given', () => {
    const wf = threePaths();
    const x = find(wf, 'x') as BranchAction;
    const layout = { positions: { s: { x: 0, y: 0 }, b1: { x: 1, y: 1 }, b2: { x: 2, y: 2 } } };
    const r = updateAction(wf, { ...x, paths: x.paths.slice(1) }, { layout });
    expect(r.layout).toEqual({ positions: { s: { x: 0, y: 0 } } });
  });
});

describe('cloneAction', () => {
  it('inserts a copy of the settings directly after the original, with a new id', () => {
    const wf = workflow('a', [{ ...step('a', 'b'), statusId: 'open' } as Action, step('b')]);
    const r = cloneAction(wf, 'a');
    expect(r.added).toEqual(['setStatus-1']);
    expect(spine(r.workflow)).toEqual(['a', 'setStatus-1', 'b']);
    expect(find(r.workflow, 'setStatus-1')).toEqual({ ...find(wf, 'a'), id: 'setStatus-1' });
    expect(r.workflow.actions.map((a) => a.id)).toEqual(['a', 'setStatus-1', 'b']);
  });

  it('keeps the copy on the same branch path', () => {
    const r = cloneAction(threePaths(), 'b2');
    expect(spine(r.workflow, 'b1')).toEqual(['b1', 'b2', 'setStatus-1']);
    expect(target(r.workflow, 'x', 'default')).toBe('d1');
  });

  it('gives each further copy the next free id', () => {
    const once = cloneAction(path('a'), 'a').workflow;
    expect(cloneAction(once, 'a').added).toEqual(['setStatus-2']);
  });

  it('copies nested settings rather than sharing them with the original', () => {
    const r = cloneAction(workflow('n', [act('notify', 'n')]), 'n');
    const [orig, copy] = r.workflow.actions as [Action & { recipients: object }, Action & { recipients: object }];
    expect(copy.recipients).toEqual(orig.recipients);
    expect(copy.recipients).not.toBe(orig.recipients);
  });

  it('refuses to clone a branch', () => {
    refused(() => cloneAction(threePaths(), 'x'), 'CLONE_BRANCH');
  });

  it('refuses to clone a go-to, which ends its path', () => {
    refused(() => cloneAction(workflow('a', [step('a', 'g'), jump('g', 'a')]), 'g'), 'CLONE_GOTO');
  });

  it('refuses an unknown action', () => {
    refused(() => cloneAction(path('a'), 'zz'), 'UNKNOWN_ACTION');
  });
});

describe('setGotoTarget', () => {
  const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', null)]);

  it('points a go-to at an action', () => {
    const r = setGotoTarget(wf, 'g', 'a');
    expect(target(r.workflow, 'g', 'target')).toBe('a');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('clears the target of a go-to', () => {
    const set = setGotoTarget(wf, 'g', 'a').workflow;
    expect(target(setGotoTarget(set, 'g', null).workflow, 'g', 'target')).toBeNull();
  });

  const refusals: [string, string, string | null, string][] = [
    ['a go-to aimed at itself', 'g', 'g', 'GOTO_SELF'],
    ['a target that does not exist', 'g', 'zz', 'GOTO_TARGET_UNKNOWN'],
    ['an action that is not a go-to', 'a', 'b', 'NOT_A_GOTO'],
    ['a go-to that does not exist', 'zz', 'a', 'UNKNOWN_ACTION'],
  ];
  it.each(refusals)('refuses %s', (_what, id, to, code) => {
    refused(() => setGotoTarget(wf, id, to), code as never);
  });

  it('refuses to strand the actions only this go-to reached', () => {
    const only = workflow('a', [step('a', 'g'), jump('g', 'r'), step('r', 'r2'), step('r2')]);
    const e = refused(() => setGotoTarget(only, 'g', 'a'), 'WOULD_ORPHAN');
    expect(e.message).toContain('"r"');
    expect(e.params.count).toBe(2);
  });
});
