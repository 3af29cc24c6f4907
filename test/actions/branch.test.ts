import { describe, expect, it } from 'vitest';
import type { BranchAction } from '../../src/actions';
import { action, at, incoming, run, text, workflow } from '../engine/helpers';

function triage(): BranchAction {
  return action('branch', 'triage', {
    paths: [
      { id: 'urgent', label: 'Urgent', filters: [{ conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] }], next: 'to-leads' },
      { id: 'high', label: 'High or urgent', filters: [{ conditions: [{ property: 'priority', operator: 'greaterThan', value: 'medium' }] }], next: 'to-tier1' },
    ],
    defaultLabel: 'Otherwise',
    defaultNext: null,
  });
}

const wf = workflow('wf-triage', {
  triggers: [{ type: 'propertyChanged', property: 'priority' }],
  reenroll: true,
  actions: [
    triage(),
    action('notify', 'to-leads', { recipients: { userIds: [], teamIds: ['t-leads'], owner: false } }),
    action('notify', 'to-tier1', { recipients: { userIds: [], teamIds: ['t-tier1'], owner: false } }),
  ],
});

describe('branch.run', () => {
  it('takes the first path whose filters hold, in order', () => {
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(1), ticketId: 'ticket-1', priority: 'urgent' }] });
    expect(r.notifications.map((n) => n.recipient)).toEqual(['u-ana']);
    expect(r.history['ticket-1']!.actions[0]).toMatchObject({ code: 'action.branch.path', params: { path: 'urgent', label: 'Urgent', group: 1 } });
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('Took the path "Urgent" (group 1 held).');
  });

  it('takes a later path when an earlier one fails', () => {
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(1), ticketId: 'ticket-1', priority: 'high' }] });
    expect(r.notifications.map((n) => n.recipient)).toEqual(['u-marco', 'u-claire']);
  });

  it('takes the default path when no path holds, saying how many paths it tried', () => {
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(1), ticketId: 'ticket-1', priority: 'low' }] });
    expect(r.notifications).toEqual([]);
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('Took the default path "Otherwise": none of the 2 paths matched.');
    expect(r.history['ticket-1']!.enrollments.at(-1)).toMatchObject({ code: 'unenrollment.completed' });
  });
});
