import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type Workspace } from '../../src/model';
import { agentEmail, at, conversation, incoming, initialTicket, run, statusPath, ticket, traceLines } from './helpers';

function workspaceWith(change: (ws: Workspace) => void): Workspace {
  const ws = defaultWorkspace();
  change(ws);
  return ws;
}

describe('[S-create] create tickets for new conversations', () => {
  it('creates a ticket in the channel pipeline, first status, tied to the conversation and its thread', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.tickets).toHaveLength(1);
    expect(ticket(r, 'ticket-1')).toMatchObject({
      pipeline: 'support',
      status: 'new',
      conversation: 'conv-1',
      thread: 'th-1',
      contact: 'c-jo',
      source: 'email',
      channel: 'ch-email',
      owner: null,
      priority: 'medium',
      createdAt: at(0),
      subject: 'Subject of conv-1',
    });
    expect(r.conversations[0]).toMatchObject({ id: 'conv-1', ticket: 'ticket-1' });
  });

  it('uses the pipeline the channel names', () => {
    const ws = workspaceWith((w) => {
      w.pipelines.push({ ...w.pipelines[0]!, id: 'billing', name: 'Billing', statuses: [{ id: 'b-open', label: 'Open', category: 'open' }, { id: 'b-done', label: 'Done', category: 'closed' }] });
      w.channels.find((c) => c.id === 'ch-email')!.pipelineId = 'billing';
    });
    const r = run({ workspace: ws, events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1')).toMatchObject({ pipeline: 'billing', status: 'b-open' });
  });

  it('creates no ticket on a channel with ticket creation turned off', () => {
    const r = run({ events: [incoming(0, 'conv-call', 'th-1', 'ch-calling')] });
    expect(r.tickets).toEqual([]);
    expect(r.conversations[0]!.ticket).toBeNull();
    expect(traceLines(r).some((line) => line.includes('No ticket: ticket creation is off'))).toBe(true);
  });

  it('creates no ticket when the pipeline does not create tickets', () => {
    const ws = workspaceWith((w) => (w.pipelines[0]!.automation.createTickets = false));
    const r = run({ workspace: ws, events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.tickets).toEqual([]);
  });

  it('creates no ticket for a reply on an existing conversation', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), incoming(10, 'conv-1', 'th-2')] });
    expect(r.tickets).toHaveLength(1);
  });

  it('reports a channel whose pipeline does not exist, and a pipeline without statuses', () => {
    const ws = workspaceWith((w) => {
      w.channels.find((c) => c.id === 'ch-email')!.pipelineId = 'billing';
      w.pipelines.push({ ...w.pipelines[0]!, id: 'empty', name: 'Empty', statuses: [] });
    });
    const r = run({ workspace: ws, events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.tickets).toEqual([]);
    expect(r.errors.map((e) => [e.code, e.message])).toEqual([
      ['workspace.emptyPipeline', 'Pipeline "Empty" (empty) has no status; tickets cannot go to it.'],
      ['channel.unknownPipeline', 'Channel "support@acme.test" (ch-email) sends tickets to pipeline "billing", which does not exist.'],
    ]);
  });

  it('reports an unknown channel or contact with the event index', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1', 'ch-nope'), incoming(1, 'conv-2', 'th-1', 'ch-email', 'c-nobody')] });
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([
      ['event.unknownChannel', 0],
      ['event.unknownContact', 1],
    ]);
  });

  it('reports a reply on a known conversation from a contact that does not exist as unknown, and one from another contact as the wrong one', () => {
    const r = run({
      events: [incoming(0, 'conv-1', 'th-1'), incoming(1, 'conv-1', 'th-1', 'ch-email', 'c-nobody'), incoming(2, 'conv-1', 'th-1', 'ch-email', 'c-lu'), incoming(3, 'conv-1', 'th-1')],
    });
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([
      ['event.unknownContact', 1],
      ['event.wrongContact', 2],
    ]);
    expect(r.conversations[0]!.threads[0]!.messages).toHaveLength(2);
  });
});

describe('[S-out] update status when an email is sent to a customer', () => {
  it('moves the ticket to the target status when the agent emails from the ticket record', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact']);
    expect(r.history['ticket-1']!.statuses[1]!.by).toBe('builtin:support:onEmailSent');
  });

  it('never changes the status for an email sent from the contact record', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'contact')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new']);
    expect(traceLines(r).some((line) => line.startsWith('Built-in rule “status on an email from the ticket” not applied: the email was sent from the contact record'))).toBe(true);
  });

  it('changes nothing when the trigger is turned off, and uses the edited target status', () => {
    const off = workspaceWith((w) => (w.pipelines[0]!.automation.onEmailSent.enabled = false));
    expect(statusPath(run({ workspace: off, events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] }), 'ticket-1')).toEqual(['new']);
    const edited = workspaceWith((w) => (w.pipelines[0]!.automation.onEmailSent.statusId = 'waiting-us'));
    expect(statusPath(run({ workspace: edited, events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] }), 'ticket-1')).toEqual([
      'new',
      'waiting-us',
    ]);
  });

  it('reports an email from the ticket record on a conversation without a ticket', () => {
    const r = run({ events: [incoming(0, 'conv-call', 'th-1', 'ch-calling'), agentEmail(10, 'conv-call', 'th-1', 'ticket')] });
    expect(r.errors.map((e) => e.code)).toEqual(['event.noTicket']);
  });
});

describe('[S-in] update status when a customer replies', () => {
  it('moves the ticket when the contact replies on the thread the ticket was created on', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(20, 'conv-1', 'th-1')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact', 'waiting-us']);
  });

  it('changes nothing for a reply on another thread of the same conversation', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(20, 'conv-1', 'th-other')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact']);
    expect(traceLines(r).some((line) => line.startsWith('Built-in rule “status on a reply on the ticket’s thread” not applied: the reply is on thread th-other'))).toBe(true);
  });

  it('changes nothing when the trigger is turned off', () => {
    const ws = workspaceWith((w) => (w.pipelines[0]!.automation.onCustomerReply.enabled = false));
    const r = run({ workspace: ws, events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(20, 'conv-1', 'th-1')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact']);
  });

  it('a reply on the ticket thread of a closed ticket reopens it', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), { type: 'closeTicket', at: at(5), ticketId: 'ticket-1' }, incoming(20, 'conv-1', 'th-1')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'closed', 'waiting-us']);
    expect(ticket(r, 'ticket-1')).toMatchObject({ reopened: true, closedAt: null });
  });
});

describe('[S-reopen] after a reopen, a reply on any new thread updates the status', () => {
  const life = [
    incoming(0, 'conv-1', 'th-1'),
    incoming(5, 'conv-1', 'th-before'),
    agentEmail(10, 'conv-1', 'th-1', 'ticket'),
    { type: 'closeTicket' as const, at: at(20), ticketId: 'ticket-1' },
    { type: 'reopenTicket' as const, at: at(30), ticketId: 'ticket-1' },
  ];

  it('updates the status for a reply on a thread started after the reopen', () => {
    const r = run({ events: [...life, incoming(40, 'conv-1', 'th-new')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact', 'closed', 'waiting-contact', 'waiting-us']);
    expect(traceLines(r).some((line) => line.startsWith('Built-in rule “status on a reply after a reopen”'))).toBe(true);
  });

  it('changes nothing for a reply on a thread that started before the reopen', () => {
    const r = run({ events: [...life, incoming(40, 'conv-1', 'th-before')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact', 'closed', 'waiting-contact']);
  });

  it('changes nothing for a new thread of a ticket that was never reopened', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(40, 'conv-1', 'th-new')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact']);
  });

  it('returns a reopened ticket to the open status it had before it was closed', () => {
    const r = run({ events: life });
    expect(ticket(r, 'ticket-1')).toMatchObject({ status: 'waiting-contact', reopened: true, closedAt: null });
  });
});

describe('agent status, owner and priority changes', () => {
  it('sets and clears the closed time', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), { type: 'setStatus', at: at(10), ticketId: 'ticket-1', statusId: 'closed' }] });
    expect(ticket(r, 'ticket-1').closedAt).toBe(at(10));
  });

  it('refuses a status outside the pipeline, closing a closed ticket and reopening an open one', () => {
    const r = run({
      events: [
        incoming(0, 'conv-1', 'th-1'),
        { type: 'setStatus', at: at(1), ticketId: 'ticket-1', statusId: 'nope' },
        { type: 'reopenTicket', at: at(2), ticketId: 'ticket-1' },
        { type: 'closeTicket', at: at(3), ticketId: 'ticket-1' },
        { type: 'closeTicket', at: at(4), ticketId: 'ticket-1' },
        { type: 'setStatus', at: at(5), ticketId: 'ticket-404', statusId: 'new' },
      ],
    });
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([
      ['event.refused', 1],
      ['event.refused', 2],
      ['event.refused', 4],
      ['event.unknownTicket', 5],
    ]);
    expect(r.errors[0]!.message).toContain('status "nope" is not in the ticket\'s pipeline "Support pipeline"');
  });

  it('refuses an owner without help-desk access on a help-desk ticket', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), { type: 'setOwner', at: at(1), ticketId: 'ticket-1', ownerId: 'u-sam' }] });
    expect(ticket(r, 'ticket-1').owner).toBeNull();
    expect(r.errors[0]!.message).toContain('Sam Lee (u-sam) has no help-desk access');
  });
});

describe('SLA due times and breaches', () => {
  it('sets first-response and close due times from the priority', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1')] });
    expect(ticket(r, 'ticket-1').sla).toMatchObject({ firstResponseDue: at(480), closeDue: at(4320), firstResponse: 'breached', close: 'breached' });
    expect(ticket(r, 'ticket-1').sla!.breaches).toEqual([
      { target: 'firstResponse', at: at(480) },
      { target: 'close', at: at(4320) },
    ]);
  });

  it('meets the first response with the first agent email, from either record', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(30, 'conv-1', 'th-1', 'contact'), agentEmail(60, 'conv-1', 'th-1', 'ticket')] });
    expect(ticket(r, 'ticket-1').sla).toMatchObject({ firstResponse: 'met', firstResponseAt: at(30) });
  });

  it('an email after the due time does not undo the breach', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(600, 'conv-1', 'th-1', 'ticket')] });
    expect(ticket(r, 'ticket-1').sla).toMatchObject({ firstResponse: 'breached', firstResponseAt: at(600) });
  });

  it('meets the close target when the ticket closes before its due time', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), agentEmail(5, 'conv-1', 'th-1', 'ticket'), { type: 'closeTicket', at: at(100), ticketId: 'ticket-1' }] });
    expect(ticket(r, 'ticket-1').sla).toMatchObject({ firstResponse: 'met', close: 'met', breaches: [] });
  });

  it('moves the due times when the priority changes', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(10), ticketId: 'ticket-1', priority: 'urgent' }] });
    expect(ticket(r, 'ticket-1').sla).toMatchObject({ firstResponseDue: at(30), closeDue: at(480) });
    expect(ticket(r, 'ticket-1').sla!.breaches[0]).toEqual({ target: 'firstResponse', at: at(30) });
  });

  it('does not apply to tickets of conversations still in the inbox', () => {
    const r = run({
      events: [],
      initial: {
        conversations: [conversation('conv-s', { ticketId: 'T-1' })],
        tickets: [initialTicket('T-1', { conversationId: 'conv-s', threadId: 'conv-s-th' })],
      },
    });
    expect(ticket(r, 'T-1')).toMatchObject({ location: 'inbox', sla: null });
  });
});
