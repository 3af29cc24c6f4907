import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/actions';
import { canInsertAt, insertAction, insertionPoints, newAction } from '../../src/graph/insert';
import type { InsertionPoint } from '../../src/graph/draft';
import { act, deepFreeze, find, invariantProblems, jump, path, refused, spine, step, target, workflow } from './helpers';

describe('insertionPoints', () => {
  it('lists the start, every edge and every path end, in path order', () => {
    const wf = workflow('a', [act('branch', 'a', { 'branch:p1': 'b', default: null }), step('b')]);
    expect(insertionPoints(wf)).toEqual([
      { type: 'start' },
      { type: 'link', from: 'a', slot: 'branch:p1' },
      { type: 'link', from: 'a', slot: 'default' },
      { type: 'link', from: 'b', slot: 'next' },
    ]);
  });

  it('offers no point on a go-to jump', () => {
    const wf = workflow('a', [step('a', 'g'), jump('g', 'a')]);
    expect(insertionPoints(wf)).toEqual([{ type: 'start' }, { type: 'link', from: 'a', slot: 'next' }]);
  });

  it('offers only the start in an empty workflow', () => {
    expect(insertionPoints(workflow(null, []))).toEqual([{ type: 'start' }]);
  });

  it('lists the paths of actions nothing reaches last, so a half-built import can still be edited', () => {
    const wf = workflow('a', [step('lost'), step('a')]);
    expect(insertionPoints(wf)).toEqual([
      { type: 'start' },
      { type: 'link', from: 'a', slot: 'next' },
      { type: 'link', from: 'lost', slot: 'next' },
    ]);
  });

  it('offers a repeated branch path id once, since both paths share its slot', () => {
    const base = act('branch', 'x', { 'branch:p1': null, default: null });
    if (base.kind !== 'branch') throw new Error('test: not a branch');
    const twice = workflow('x', [{ ...base, paths: [base.paths[0]!, { ...base.paths[0]!, label: 'Again' }] }]);
    expect(insertionPoints(twice)).toEqual([
      { type: 'start' },
      { type: 'link', from: 'x', slot: 'branch:p1' },
      { type: 'link', from: 'x', slot: 'default' },
    ]);
  });
});

describe('insertAction', () => {
  it('sets the start when the workflow is empty', () => {
    const r = insertAction(workflow(null, []), { type: 'start' }, step('a'));
    expect(r.workflow.startActionId).toBe('a');
    expect(r.added).toEqual(['a']);
    expect(r.removed).toEqual([]);
  });

  it('puts an action between two actions', () => {
    const r = insertAction(path('a', 'b'), { type: 'link', from: 'a', slot: 'next' }, step('n'));
    expect(spine(r.workflow)).toEqual(['a', 'n', 'b']);
  });

  it('puts an action before the start, which it becomes', () => {
    const r = insertAction(path('a', 'b'), { type: 'start' }, step('n'));
    expect(spine(r.workflow)).toEqual(['n', 'a', 'b']);
  });

  it('adds an action at a path end', () => {
    const r = insertAction(path('a', 'b'), { type: 'link', from: 'b', slot: 'next' }, step('n'));
    expect(spine(r.workflow)).toEqual(['a', 'b', 'n']);
  });

  it('adds an action on an empty branch path', () => {
    const wf = workflow('b', [act('branch', 'b', { 'branch:p1': null, default: null })]);
    const r = insertAction(wf, { type: 'link', from: 'b', slot: 'branch:p1' }, step('n'));
    expect(target(r.workflow, 'b', 'branch:p1')).toBe('n');
    expect(target(r.workflow, 'b', 'default')).toBeNull();
  });

  it('hangs the rest of the path under the default path of an inserted branch', () => {
    const r = insertAction(path('a', 'b', 'c'), { type: 'link', from: 'a', slot: 'next' }, act('branch', 'x'));
    expect(target(r.workflow, 'a', 'next')).toBe('x');
    expect(target(r.workflow, 'x', 'default')).toBe('b');
    expect(target(r.workflow, 'x', 'branch:p1')).toBeNull();
    expect(spine(r.workflow)).toEqual(['a', 'x', 'b', 'c']);
  });

  it('adds a go-to at a path end, keeping the target it already has', () => {
    const r = insertAction(path('a', 'b'), { type: 'link', from: 'b', slot: 'next' }, jump('g', 'a'));
    expect(target(r.workflow, 'b', 'next')).toBe('g');
    expect(target(r.workflow, 'g', 'target')).toBe('a');
  });

  it('refuses a go-to in the middle of a path, which would cut off the rest', () => {
    const e = refused(() => insertAction(path('a', 'b'), { type: 'link', from: 'a', slot: 'next' }, jump('g', null)), 'GOTO_MID_PATH');
    expect(e.message).toContain('"b"');
  });

  it('lists the new action right after its predecessor in the actions array', () => {
    const r = insertAction(path('a', 'b', 'c'), { type: 'link', from: 'a', slot: 'next' }, step('n'));
    expect(r.workflow.actions.map((a) => a.id)).toEqual(['a', 'n', 'b', 'c']);
    const first = insertAction(path('a'), { type: 'start' }, step('n'));
    expect(first.workflow.actions.map((a) => a.id)).toEqual(['n', 'a']);
  });

  it('adds an action to a part of a half-built workflow that nothing reaches, which stays as it was', () => {
    const wf = workflow('a', [step('a'), step('lost')]);
    const r = insertAction(wf, { type: 'link', from: 'lost', slot: 'next' }, step('n'));
    expect(spine(r.workflow, 'lost')).toEqual(['lost', 'n']);
    expect(spine(r.workflow)).toEqual(['a']);
  });

  it('never changes the workflow it is given', () => {
    const wf = deepFreeze(path('a', 'b'));
    const before = JSON.stringify(wf);
    const r = insertAction(wf, { type: 'link', from: 'a', slot: 'next' }, act('branch', 'x'));
    expect(JSON.stringify(wf)).toBe(before);
    expect(r.workflow).not.toBe(wf);
  });

  it('returns the layout, untouched, when given one', () => {
    const layout = { positions: { a: { x: 1, y: 2 } } };
    expect(insertAction(path('a'), { type: 'start' }, step('n'), { layout }).layout).toEqual(layout);
  });

  const refusals: [string, InsertionPoint, Action, string][] = [
    ['an unknown action to insert after', { type: 'link', from: 'zz', slot: 'next' }, step('n'), 'UNKNOWN_ACTION'],
    ['a slot the action does not have', { type: 'link', from: 'a', slot: 'default' }, step('n'), 'UNKNOWN_SLOT'],
    ['the target of a go-to', { type: 'link', from: 'g', slot: 'target' }, step('n'), 'JUMP_SLOT'],
    ['an id already in use', { type: 'start' }, step('b'), 'ACTION_EXISTS'],
    ['an action that already leads somewhere', { type: 'start' }, step('n', 'b'), 'ACTION_LINKED'],
    ['a go-to whose target does not exist', { type: 'link', from: 'g', slot: 'target' }, jump('n', 'zz'), 'GOTO_TARGET_UNKNOWN'],
    ['a go-to aimed at itself', { type: 'link', from: 'b', slot: 'next' }, jump('n', 'n'), 'GOTO_SELF'],
    ['an action its schema rejects', { type: 'start' }, { ...step('n'), statusId: 42 } as unknown as Action, 'INVALID_ACTION'],
  ];
  it.each(refusals)('refuses %s', (_what, point, action, code) => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'g'), jump('g', 'a')]);
    refused(() => insertAction(wf, point, action), code as never);
  });

  it('names the offending field of an invalid action', () => {
    const bad = { ...act('branch', 'n'), paths: [] } as unknown as Action;
    const e = refused(() => insertAction(path('a'), { type: 'start' }, bad), 'INVALID_ACTION');
    expect(e.message).toContain('/paths');
  });

  it('refuses two branch paths with the same id', () => {
    const b = act('branch', 'n');
    const twice = { ...b, paths: [...(b as { paths: object[] }).paths, ...(b as { paths: object[] }).paths] } as Action;
    refused(() => insertAction(path('a'), { type: 'start' }, twice), 'DUPLICATE_SLOT');
  });

  it('refuses to edit a workflow whose ids repeat, naming the id', () => {
    const wf = workflow('a', [step('a'), step('a')]);
    expect(refused(() => insertAction(wf, { type: 'start' }, step('n')), 'DUPLICATE_ID').message).toContain('"a"');
  });

  it('keeps every invariant of the workflow', () => {
    const wf = workflow('a', [act('branch', 'a', { 'branch:p1': 'b', default: 'c' }), step('b'), step('c', 'g'), jump('g', 'b')]);
    for (const point of insertionPoints(wf)) {
      expect(invariantProblems(insertAction(wf, point, act('branch', 'x')).workflow)).toEqual([]);
    }
  });
});

describe('newAction', () => {
  it('makes an action of the kind with defaults and a fresh id', () => {
    const a = newAction(path('setStatus-1'), 'setStatus');
    expect(a.id).toBe('setStatus-2');
    expect(a.kind).toBe('setStatus');
    expect(find(insertAction(path('x'), { type: 'start' }, a).workflow, 'setStatus-2')).toEqual({ ...a, next: 'x' });
  });
});

describe('canInsertAt', () => {
  const wf = workflow('a', [step('a', 'b'), step('b'), jump('g', 'a')]);
  const cases: [string, InsertionPoint, Parameters<typeof canInsertAt>[2], boolean][] = [
    ['a kind between two actions', { type: 'link', from: 'a', slot: 'next' }, 'delay', true],
    ['a branch before the start', { type: 'start' }, 'branch', true],
    ['a go-to at a path end', { type: 'link', from: 'b', slot: 'next' }, 'goto', true],
    ['a go-to mid-path', { type: 'link', from: 'a', slot: 'next' }, 'goto', false],
    ['anything on a go-to jump', { type: 'link', from: 'g', slot: 'target' }, 'delay', false],
    ['an action whose id is taken', { type: 'start' }, step('b'), false],
    ['an action after a missing one', { type: 'link', from: 'zz', slot: 'next' }, 'notify', false],
  ];
  it.each(cases)('answers for %s', (_what, point, what, expected) => {
    expect(canInsertAt(wf, point, what)).toBe(expected);
  });
});
