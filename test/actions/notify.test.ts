import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { action, at, incoming, run, text, workflow } from '../engine/helpers';

const notifyOnCreate = (recipients: { userIds: string[]; teamIds: string[]; owner: boolean }) =>
  workflow('wf-notify', { triggers: [{ type: 'ticketCreated' }], actions: [action('notify', 'tell', { recipients, subject: 'New: {{ticket.subject}}', body: 'From {{contact.name}}' })] });

describe('notify.run', () => {
  it('sends one notification per distinct user, team members expanded', () => {
    const r = run({ workflows: [notifyOnCreate({ userIds: ['u-claire', 'u-ana'], teamIds: ['t-tier1', 't-leads'], owner: false })], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications.map((n) => n.recipient)).toEqual(['u-claire', 'u-ana', 'u-marco']);
    expect(r.notifications[0]).toMatchObject({ at: at(0), ticket: 'ticket-1', workflow: 'wf-notify', action: 'tell', subject: 'New: Subject of conv-1', body: 'From Jo Customer' });
  });

  it('records the owner notification as skipped when the ticket has no owner, without an error', () => {
    const r = run({ workflows: [notifyOnCreate({ userIds: ['u-ana'], teamIds: [], owner: true })], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.errors).toEqual([]);
    expect(r.notifications.map((n) => [n.recipient, n.skipped])).toEqual([
      ['u-ana', undefined],
      [null, 'the ticket has no owner'],
    ]);
  });

  it('notifies the owner when there is one, once even if also listed', () => {
    const wf = workflow('wf-owner', {
      triggers: [{ type: 'propertyChanged', property: 'owner' }],
      actions: [action('notify', 'tell', { recipients: { userIds: ['u-marco'], teamIds: [], owner: true } })],
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setOwner', at: at(1), ticketId: 'ticket-1', ownerId: 'u-marco' }] });
    expect(r.notifications.map((n) => n.recipient)).toEqual(['u-marco']);
  });

  it('fails without sending anything when a team lists a user who does not exist', () => {
    const ws = defaultWorkspace();
    ws.teams[0]!.memberIds.push('u-gone');
    const r = run({ workspace: ws, workflows: [notifyOnCreate({ userIds: ['u-ana'], teamIds: ['t-tier1'], owner: false })], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications).toEqual([]);
    expect(r.errors[0]!.message).toContain('team "Tier 1" lists user "u-gone", who does not exist in the workspace');
  });

  it('names the owner last in its outcome when the owner is notified besides the named users', () => {
    const wf = workflow('wf-owner', {
      triggers: [{ type: 'propertyChanged', property: 'owner' }],
      actions: [action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: true } })],
    });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setOwner', at: at(1), ticketId: 'ticket-1', ownerId: 'u-marco' }] });
    expect(r.notifications.map((n) => n.recipient)).toEqual(['u-ana', 'u-marco']);
    expect(r.history['ticket-1']!.actions[0]!.params).toEqual({ users: 'u-ana', owner: 'u-marco', ownerSkipped: false });
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('Notified Ana García and Marco Rossi.');
  });

  it('resolves the same action again against another workspace', () => {
    const wf = notifyOnCreate({ userIds: ['u-ana'], teamIds: [], owner: false });
    const first = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(first.notifications.map((n) => n.recipient)).toEqual(['u-ana']);
    const ws = defaultWorkspace();
    ws.users = ws.users.filter((u) => u.id !== 'u-ana');
    const second = run({ workspace: ws, workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(second.notifications).toEqual([]);
    expect(second.errors[0]!.message).toContain('user "u-ana" does not exist in the workspace');
  });
});
