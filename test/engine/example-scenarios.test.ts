import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importScenario } from '../../src/document';
import { simulate } from '../../src/engine';
import { EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Scenario, type Workflow } from '../../src/model';
import { action, enrollments, outcomes, statusPath, ticket, workflow } from './helpers';

const DIR = new URL('../../src/examples/scenarios/', import.meta.url);

function load(file: string): Scenario {
  const result = importScenario(readFileSync(new URL(file, DIR), 'utf8'), { workspace: defaultWorkspace() });
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.document!;
}

function play(file: string, workflows: Workflow[] = []) {
  return simulate({ workspace: defaultWorkspace(), workflows, scenario: load(file) });
}

describe('example scenarios', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('%s imports against the default workspace without problems', (file) => {
    const result = importScenario(readFileSync(new URL(file, DIR), 'utf8'), { workspace: defaultWorkspace() });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.problems).toEqual([]);
  });

  it('priorities-deadlines-replies.json: a value branch, a delay until a date and a delay until an event, on their example workflows', () => {
    const files = ['route-by-priority.json', 'first-response-warning.json', 'await-contact-reply.json'];
    const wfs = EXAMPLE_WORKFLOWS.filter((w) => files.includes(w.file)).map((w) => w.document.workflow);
    expect(wfs).toHaveLength(3);
    const r = play('priorities-deadlines-replies.json', wfs);
    expect(r.errors).toEqual([]);
    const codes = (t: string, wf: string) => r.trace.filter((e) => e.ticket === t && e.workflow === wf).map((e) => e.code);
    // Value branch: medium at creation takes the default path; urgent a minute later takes its own.
    expect(codes('ticket-1', 'wf-route-by-priority').filter((c) => c.startsWith('action.valueBranch'))).toEqual(['action.valueBranch.default', 'action.valueBranch.path']);
    // Delay until a date: Jo's wait is cancelled when she is answered; Lu's owner is warned at 16:05.
    expect(codes('ticket-1', 'wf-first-response-warning')).toContain('unenrollment.unenrolled');
    expect(r.notifications.map((n) => [n.at, n.ticket, n.recipient])).toEqual([
      ['2026-01-05T09:01:00.000Z', 'ticket-1', 'u-ana'],
      ['2026-01-05T16:05:00.000Z', 'ticket-2', 'u-marco'],
    ]);
    // Delay until an event: Jo replies (happened), Lu does not (timeout: emailed and closed).
    expect(codes('ticket-1', 'wf-await-contact-reply')).toContain('delay.happened');
    expect(codes('ticket-2', 'wf-await-contact-reply')).toContain('delay.timedOut');
    expect(r.outbox.map((m) => [m.at, m.ticket])).toEqual([['2026-01-08T17:00:00.000Z', 'ticket-2']]);
    expect(statusPath(r, 'ticket-2').at(-1)).toBe('closed');
    expect(statusPath(r, 'ticket-1').at(-1)).toBe('waiting-us');
  });

  it("email-ticket-life.json: an email ticket's life through creation, replies, close and reopen", () => {
    const r = play('email-ticket-life.json');
    expect(r.errors).toEqual([]);
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact', 'waiting-us', 'waiting-contact', 'closed', 'waiting-contact', 'waiting-us', 'closed']);
    expect(r.history['ticket-1']!.statuses.map((s) => s.by)).toEqual([
      'creation',
      'builtin:support:onEmailSent',
      'builtin:support:onCustomerReply',
      'builtin:support:onEmailSent',
      'scenario',
      'scenario',
      'builtin:support:onCustomerReply',
      'scenario',
    ]);
    expect(ticket(r, 'ticket-1')).toMatchObject({ reopened: true, owner: 'u-marco', sla: { firstResponse: 'met', close: 'met', breaches: [] } });
  });

  it('chat-and-messenger.json: chat and Messenger tickets skip workflows that do not name their source', () => {
    const received = workflow('wf-received', { triggers: [{ type: 'ticketCreated' }], actions: [action('sendEmail', 'ack', { templateId: 'tpl-received' })] });
    const closed = workflow('wf-closed', { triggers: [{ type: 'statusChanged', toStatusId: 'closed' }], actions: [action('sendEmail', 'bye', { templateId: 'tpl-closed' })] });
    const chat = workflow('wf-chat', { triggers: [{ type: 'conversationStarted', channelKinds: ['chat'] }], actions: [action('notify', 'tell', { recipients: { userIds: [], teamIds: ['t-tier1'], owner: false } })] });
    const r = play('chat-and-messenger.json', [received, closed, chat]);
    expect(r.tickets.map((t) => [t.id, t.source, t.status])).toEqual([
      ['ticket-1', 'chat', 'closed'],
      ['ticket-2', 'messenger', 'closed'],
      ['ticket-3', 'email', 'closed'],
    ]);
    expect(r.outbox.map((e) => [e.ticket, e.template])).toEqual([
      ['ticket-3', 'tpl-received'],
      ['ticket-3', 'tpl-closed'],
    ]);
    expect(r.notifications.map((n) => n.ticket)).toEqual(['ticket-1', 'ticket-1']);
    for (const id of ['ticket-1', 'ticket-2']) {
      expect(outcomes(r, id, 'wf-received')[0]).toBe('excluded');
      expect(outcomes(r, id, 'wf-closed')[0]).toBe('excluded');
    }
  });

  it('move-sales-inbox.json: refusals, historical conversations, a mid-move arrival, no second move', () => {
    const r = play('move-sales-inbox.json');
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([
      ['move.notSuperAdmin', 0],
      ['move.kindNotMovable', 1],
      ['move.inProgress', 3],
      ['move.alreadyMoved', 7],
    ]);
    const byConversation = Object.fromEntries(r.tickets.map((t) => [t.conversation, t]));
    expect(byConversation['conv-with-ticket']).toMatchObject({ id: 'T-sales-1', status: 'waiting-us', owner: 'u-sam', location: 'helpDesk' });
    expect(byConversation['conv-open-claire']).toMatchObject({ status: 'waiting-us', owner: 'u-claire', createdAt: '2026-01-02T10:00:00.000Z' });
    expect(byConversation['conv-closed-sam']).toMatchObject({ status: 'closed', owner: null, createdAt: '2025-12-15T09:00:00.000Z' });
    expect(byConversation['conv-open-sam']).toMatchObject({ status: 'waiting-us', owner: null });
    expect(byConversation['conv-from-chat']).toMatchObject({ status: 'waiting-us' });
    expect(byConversation['conv-mid-move']).toMatchObject({ status: 'new', createdAt: '2026-01-05T09:30:00.000Z' });
    expect(byConversation['conv-after-move']).toMatchObject({ status: 'new', location: 'helpDesk' });
    expect(byConversation['conv-went-on']).toBeUndefined();
    expect(r.conversations.find((c) => c.id === 'conv-went-on')!.location).toBe('helpDesk');
    expect(r.channels.find((c) => c.id === 'ch-sales')).toMatchObject({ location: 'helpDesk', createTickets: false, movedAt: '2026-01-05T10:00:00.000Z' });
  });
});
