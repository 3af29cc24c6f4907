import { describe, expect, it } from 'vitest';
import { valueBranch } from '../../src/actions/value-branch';
import { semanticProblems } from '../../src/document/semantic';
import { defaultWorkspace } from '../../src/model/default-workspace';
import { WorkflowSchema } from '../../src/model/workflow';
import { action, incoming, run, traceLines, workflow } from '../engine/helpers';

const tell = (id: string) => action('notify', id, { recipients: { userIds: ['u-ana'], teamIds: [], owner: false }, subject: id });

function byPriority(values: (string | null)[]) {
  return workflow('wf-values', {
    triggers: [{ type: 'ticketCreated' }],
    actions: [
      action('valueBranch', 'by', {
        property: 'priority',
        paths: values.map((value, i) => ({ id: `v${i + 1}`, label: `Path ${value}`, value, next: i === 0 ? 'first' : null })),
        defaultLabel: 'Other',
        defaultNext: 'other',
      }),
      tell('first'),
      tell('other'),
    ],
  });
}

describe('valueBranch.run', () => {
  it('takes the path of the ticket value', () => {
    const r = run({ workflows: [byPriority(['medium', 'high'])], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.subject)).toEqual(['first']);
    expect(r.trace.find((t) => t.code === 'action.valueBranch.path')?.params).toEqual({ property: 'priority', value: 'medium', label: 'Path medium' });
    expect(traceLines(r).filter((l) => l.includes('took the path'))).toEqual(['The priority is medium: took the path "Path medium".']);
  });

  it('takes the default path when the value has no path of its own', () => {
    const r = run({ workflows: [byPriority(['low', 'high'])], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.subject)).toEqual(['other']);
    expect(r.trace.find((t) => t.code === 'action.valueBranch.default')?.params).toEqual({ property: 'priority', value: 'medium', label: 'Other' });
  });

  it('takes the default path when the ticket has no value (no owner)', () => {
    const wf = workflow('wf-owner', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [action('valueBranch', 'by', { property: 'owner', paths: [{ id: 'v1', label: 'Ana', value: 'u-ana', next: 'first' }], defaultLabel: 'Nobody', defaultNext: 'other' }), tell('first'), tell('other')],
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.subject)).toEqual(['other']);
  });
});

describe('value branch rules', () => {
  const problemsOf = (values: (string | null)[]) => semanticProblems(byPriority(values), defaultWorkspace());

  it('[TF324] refuses a value listed twice, naming both paths', () => {
    const found = problemsOf(['low', 'high', 'low']).filter((p) => p.code === 'TF324');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: '/workflow/actions/0/paths/2/value', actionId: 'by' });
    expect(found[0]!.message).toBe('Value branch "by" lists the value "low" on path 3 and already on path 1; each value may have one path only.');
  });

  it('[TF324] does not fire when every value is different', () => {
    expect(problemsOf(['low', 'high', 'urgent']).filter((p) => p.code === 'TF324')).toEqual([]);
  });

  it('[TF325] refuses a value the property cannot take', () => {
    const found = problemsOf(['low', 'soon']).filter((p) => p.code === 'TF325');
    expect(found.map((p) => p.message)).toEqual(['Value branch "by" has a path for "soon", which the priority cannot be (it is one of low, medium, high, urgent).']);
    expect(problemsOf(['low', 'urgent']).filter((p) => p.code === 'TF325')).toEqual([]);
  });

  it('reports an unknown status or user as a missing workspace reference, and a value not chosen as incomplete', () => {
    const wf = workflow('wf-s', {
      triggers: [{ type: 'ticketCreated' }],
      actions: [action('valueBranch', 'by', { property: 'status', paths: [{ id: 'v1', label: 'X', value: 'nope', next: null }, { id: 'v2', label: 'Y', value: null, next: null }] })],
    });
    const codes = semanticProblems(wf, defaultWorkspace()).map((p) => p.code);
    expect(codes).toContain('TF312');
    expect(codes).toContain('TF309');
  });

  it('accepts 250 values and refuses 251, in words', () => {
    const wf = (n: number) => ({
      ...workflow('wf-many', { triggers: [{ type: 'ticketCreated' }] }),
      actions: [{ ...valueBranch.create('by'), paths: Array.from({ length: n }, (_, i) => ({ id: `v${i}`, label: `V${i}`, value: `s${i}`, next: null })) }],
      startActionId: 'by',
    });
    expect(WorkflowSchema.safeParse(wf(250)).success).toBe(true);
    const refused = WorkflowSchema.safeParse(wf(251));
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ code: 'too_big', maximum: 250, path: ['actions', 0, 'paths'] });
  });
});
