import { describe, expect, it } from 'vitest';
import { action, incoming, run, ticket, workflow } from '../engine/helpers';

const onCreate = (change: ReturnType<typeof action<'setProperty'>>['change'], extra: ReturnType<typeof workflow>[] = []) => [
  workflow('wf-prop', { triggers: [{ type: 'ticketCreated' }], actions: [action('setProperty', 'prop', { change })] }),
  ...extra,
];

describe('setProperty.run', () => {
  it('sets the priority, which moves the SLA due times and fires "priority changed"', () => {
    const watcher = workflow('wf-watch', { triggers: [{ type: 'propertyChanged', property: 'priority' }] });
    const r = run({ workflows: onCreate({ property: 'priority', priority: 'urgent' }, [watcher]), events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1')).toMatchObject({ priority: 'urgent' });
    expect(ticket(r, 'ticket-1').sla!.firstResponseDue).toBe('2026-01-05T09:30:00.000Z');
    expect(r.history['ticket-1']!.enrollments.find((e) => e.workflow === 'wf-watch')).toMatchObject({ code: 'enrollment.enrolled', params: { trigger: 'propertyChanged', property: 'priority' } });
  });

  it('sets the owner to a user with help-desk access, and unassigns', () => {
    expect(ticket(run({ workflows: onCreate({ property: 'owner', ownerId: 'u-claire' }), events: [incoming(0, 'conv-1', 'th-1')] }), 'ticket-1').owner).toBe('u-claire');
    expect(ticket(run({ workflows: onCreate({ property: 'owner', ownerId: null }), events: [incoming(0, 'conv-1', 'th-1')] }), 'ticket-1').owner).toBeNull();
  });

  it('refuses an owner without help-desk access', () => {
    const r = run({ workflows: onCreate({ property: 'owner', ownerId: 'u-sam' }), events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1').owner).toBeNull();
    expect(r.errors[0]!.message).toContain('Sam Lee (u-sam) has no help-desk access and cannot own help-desk tickets');
  });

  it('sets the subject with its tokens filled', () => {
    const r = run({ workflows: onCreate({ property: 'subject', subject: '[{{ticket.priority}}] {{ticket.subject}}' }), events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1').subject).toBe('[medium] Subject of conv-1');
  });
});
