import { describe, expect, it } from 'vitest';
import { deleteAction, deleteFollowing } from '../../src/graph/delete';
import { diffWorkflows } from '../../src/graph/diff';
import { cloneAction } from '../../src/graph/edit';
import { insertAction, newAction } from '../../src/graph/insert';
import { moveAction } from '../../src/graph/move';
import { act, find, ids, invariantProblems, jump, refused, spine, step, target, workflow } from './helpers';

/** s → x (a fanning action with two paths a → a2 and b) → ... */
const fans = {
  valueBranch: () => act('valueBranch', 'x', { 'value:low': 'a', 'value:high': 'b', default: 'd' }),
  delayUntilEvent: () => act('delayUntilEvent', 'x', { happened: 'a', timeout: 'b' }),
} as const;

function tree(kind: keyof typeof fans) {
  const x = fans[kind]();
  const extra = kind === 'valueBranch' ? [step('d')] : [];
  return workflow('s', [step('s', 'x'), x, step('a', 'a2'), step('a2'), step('b'), ...extra]);
}

describe.each(['valueBranch', 'delayUntilEvent'] as const)('graph operations on a %s', (kind) => {
  const keep = kind === 'valueBranch' ? 'value:low' : 'happened';

  it('refuses to clone it, as for a branch', () => {
    refused(() => cloneAction(tree(kind), 'x'), 'CLONE_BRANCH');
  });

  it('deletes it alone keeping the chosen path; the others go', () => {
    const r = deleteAction(tree(kind), 'x', keep);
    expect(spine(r.workflow)).toEqual(['s', 'a', 'a2']);
    expect(r.removed).toContain('b');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('deletes it with all that follows: every path under it goes', () => {
    const r = deleteFollowing(tree(kind), 'x');
    expect(ids(r.workflow)).toEqual(['s']);
    expect(target(r.workflow, 's', 'next')).toBeNull();
  });

  it('moves together with everything below it', () => {
    const wf = { ...tree(kind), actions: [step('top', 's'), ...tree(kind).actions.map((a) => (a.id === 's' ? step('s') : a))], startActionId: 'top' };
    const linked = { ...wf, actions: wf.actions.map((a) => (a.id === 's' ? step('s', 'x') : a)) };
    const r = moveAction(linked, 'x', { type: 'start' });
    expect(r.workflow.startActionId).toBe('x');
    expect(target(r.workflow, 'x', keep)).toBe('a');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('inserted in the middle of a path hangs the rest of the path on its last path', () => {
    const wf = workflow('s', [step('s', 't'), step('t')]);
    const added = newAction(wf, kind);
    const r = insertAction(wf, { type: 'link', from: 's', slot: 'next' }, added);
    const last = kind === 'valueBranch' ? 'default' : 'timeout';
    expect(target(r.workflow, added.id, last)).toBe('t');
    expect(invariantProblems(r.workflow)).toEqual([]);
  });

  it('can be a go-to target', () => {
    const wf = workflow('s', [step('s', 'x'), fans[kind](), jump('a', 'x'), step('a2'), step('b'), step('d')]);
    expect(target(wf, 'a', 'target')).toBe('x');
    expect(find(wf, 'x').kind).toBe(kind);
  });
});

describe('diffWorkflows on the new kinds', () => {
  it('names the changed value, path and timeout fields', () => {
    const a = workflow('x', [act('valueBranch', 'x', { 'value:low': null, default: null }), act('delayUntilEvent', 'e')]);
    const vb = find(a, 'x');
    const de = find(a, 'e');
    if (vb.kind !== 'valueBranch' || de.kind !== 'delayUntilEvent') throw new Error('test: kinds');
    const b = {
      ...a,
      actions: [
        { ...vb, paths: vb.paths.map((p) => ({ ...p, value: 'urgent' })) },
        { ...de, timeout: { amount: 5, unit: 'hours' as const }, event: { type: 'statusChanged' as const, toStatusId: 'closed' } },
      ],
    };
    const d = diffWorkflows(a, b);
    expect(d.changed.map((c) => c.id)).toEqual(['x', 'e']);
    const paths = d.changed.flatMap((c) => c.fields.map((f) => `${c.id}${f.path}`));
    expect(paths).toEqual(expect.arrayContaining(['x/paths/0/value', 'e/timeout/amount', 'e/timeout/unit', 'e/event/type']));
  });
});
