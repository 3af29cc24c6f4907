import { describe, expect, it } from 'vitest';
import { action, at, incoming, run, statusPath, text, ticket, workflow } from '../engine/helpers';

describe('setStatus.run', () => {
  it('moves the ticket, sets the closed time and records who did it', () => {
    const wf = workflow('wf-close', { triggers: [{ type: 'ticketCreated' }], actions: [action('setStatus', 'close', { statusId: 'closed' })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1')).toMatchObject({ status: 'closed', closedAt: at(0) });
    expect(r.history['ticket-1']!.statuses.at(-1)).toEqual({ at: at(0), from: 'new', to: 'closed', by: 'wf-close' });
    expect(r.history['ticket-1']!.actions[0]).toMatchObject({ workflow: 'wf-close', action: 'close', kind: 'action', code: 'action.setStatus.set', params: { status: 'closed' } });
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('Set the status to Closed.');
  });

  it('clears the closed time and marks the ticket reopened when it sets an open status', () => {
    const wf = workflow('wf-reopen', { triggers: [{ type: 'statusChanged', toStatusId: 'closed' }], actions: [action('setStatus', 'reopen', { statusId: 'waiting-us' })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'closeTicket', at: at(5), ticketId: 'ticket-1' }] });
    expect(ticket(r, 'ticket-1')).toMatchObject({ status: 'waiting-us', closedAt: null, reopened: true });
  });

  it('changes nothing and triggers nothing when the ticket is already in the status', () => {
    const wf = workflow('wf-same', { triggers: [{ type: 'ticketCreated' }], actions: [action('setStatus', 'same', { statusId: 'new' })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new']);
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('The ticket is already New; nothing changes.');
  });

  it('fails on a status outside the ticket pipeline', () => {
    const wf = workflow('wf-bad', { triggers: [{ type: 'ticketCreated' }], actions: [action('setStatus', 'bad', { statusId: 'archived' })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.errors[0]!.message).toBe('Action bad (setStatus) of "Workflow wf-bad" failed on ticket ticket-1: status "archived" is not in the ticket\'s pipeline "Support pipeline".');
  });
});
