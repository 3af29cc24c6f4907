import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type ScenarioEvent, type Workspace } from '../../src/model';
import { action, at, conversation, incoming, initialTicket, run, statusPath, text, ticket, traceLines, workflow } from './helpers';

type Move = Extract<ScenarioEvent, { type: 'moveChannel' }>;

function move(minutes: number, channelId: string, fields: Partial<Move> = {}): Move {
  return { type: 'moveChannel', at: at(minutes), userId: 'u-ana', channelId, history: 'all', openStatusId: 'waiting-us', closedStatusId: 'closed', durationMinutes: 30, ...fields };
}

/** The default workspace with the form and chat channels still in the conversations inbox too. */
function inboxWorkspace(): Workspace {
  const ws = defaultWorkspace();
  for (const c of ws.channels) if (c.id === 'ch-form' || c.id === 'ch-chat' || c.id === 'ch-calling') c.location = 'inbox';
  return ws;
}

const history = {
  conversations: [
    conversation('conv-open-claire', { ownerId: 'u-claire', startedAt: at(-3000) }),
    conversation('conv-closed-sam', { ownerId: 'u-sam', status: 'closed', startedAt: at(-5000) }),
    conversation('conv-open-sam', { ownerId: 'u-sam', startedAt: at(-2000) }),
    conversation('conv-ticket', { ownerId: 'u-sam', ticketId: 'T-1' }),
  ],
  tickets: [initialTicket('T-1', { conversationId: 'conv-ticket', threadId: 'conv-ticket-th', statusId: 'waiting-contact', ownerId: 'u-sam', priority: 'low', createdAt: at(-1400) })],
};

describe('[S-move] only super admins can move a channel', () => {
  it('refuses a move by a user who is not a super admin, as an error in the trace', () => {
    const r = run({ events: [move(0, 'ch-sales', { userId: 'u-marco' })] });
    expect(r.errors).toEqual([
      {
        at: at(0),
        code: 'move.notSuperAdmin',
        message: 'Move refused: Only super admins can move a channel to the help desk; Marco Rossi (u-marco) is not one.',
        params: { user: 'u-marco', channel: 'ch-sales' },
        event: 0,
      },
    ]);
    expect(r.trace.some((t) => t.kind === 'error' && text(t).includes('Only super admins'))).toBe(true);
    expect(r.channels.find((c) => c.id === 'ch-sales')).toMatchObject({ location: 'inbox', moving: false, movedAt: null });
  });

  it('lets a super admin move it', () => {
    const r = run({ events: [move(0, 'ch-sales')] });
    expect(r.errors).toEqual([]);
    expect(r.channels.find((c) => c.id === 'ch-sales')).toMatchObject({ location: 'helpDesk', moving: false, movedAt: at(30) });
  });
});

describe('[S-move] only chatflows, connected email and form channels can move', () => {
  it.each([
    ['ch-chat', null],
    ['ch-form', null],
    ['ch-sales', null],
    ['ch-calling', 'only chatflows, connected email and form channels can move'],
  ])('%s', (channelId, refusal) => {
    const r = run({ workspace: inboxWorkspace(), events: [move(0, channelId!, { history: 'none' })] });
    if (refusal === null) expect(r.errors).toEqual([]);
    else expect(r.errors[0]).toMatchObject({ code: 'move.kindNotMovable', message: expect.stringContaining(refusal) });
  });

  it('refuses WhatsApp and Messenger chatflows', () => {
    const ws = defaultWorkspace();
    for (const c of ws.channels) if (c.kind === 'whatsapp' || c.kind === 'messenger') c.location = 'inbox';
    const r = run({ workspace: ws, events: [move(0, 'ch-whatsapp', { history: 'none' }), move(1, 'ch-messenger', { history: 'none' })] });
    expect(r.errors.map((e) => e.message)).toEqual([
      'Move refused: "+1 555 0100" (ch-whatsapp) is a WhatsApp chatflow; WhatsApp and Messenger chatflows cannot move to the help desk.',
      'Move refused: "Acme on Messenger" (ch-messenger) is a Messenger chatflow; WhatsApp and Messenger chatflows cannot move to the help desk.',
    ]);
  });
});

describe('[S-move] one channel at a time, never back, never stopped', () => {
  it('refuses a second move while one is under way, and allows it once the first is done', () => {
    const r = run({ workspace: inboxWorkspace(), events: [move(0, 'ch-sales', { history: 'none' }), move(10, 'ch-form', { history: 'none' }), move(40, 'ch-form', { history: 'none' })] });
    expect(r.errors.map((e) => [e.code, e.event])).toEqual([['move.oneAtATime', 1]]);
    expect(r.errors[0]!.message).toContain(`"sales@acme.test" (ch-sales) is still moving until ${at(30)}`);
    expect(r.channels.filter((c) => c.movedAt !== null).map((c) => c.id)).toEqual(['ch-form', 'ch-sales']);
  });

  it('cannot be stopped or started again while it runs', () => {
    const r = run({ events: [move(0, 'ch-sales'), move(10, 'ch-sales', { history: 'none' })] });
    expect(r.errors.map((e) => e.code)).toEqual(['move.inProgress']);
    expect(r.channels.find((c) => c.id === 'ch-sales')!.movedAt).toBe(at(30));
  });

  it('never moves a moved channel again, and the choice of history is gone', () => {
    const r = run({ events: [move(0, 'ch-sales', { history: 'none' }), move(60, 'ch-sales')] });
    expect(r.errors.map((e) => e.code)).toEqual(['move.alreadyMoved']);
    expect(r.errors[0]!.message).toContain('the choice to move its historical conversations is gone');
  });

  it('refuses a channel that is already in the help desk', () => {
    expect(run({ events: [move(0, 'ch-email')] }).errors.map((e) => e.code)).toEqual(['move.alreadyInHelpDesk']);
  });

  it('needs statuses of the channel pipeline to move all conversations', () => {
    const r = run({ events: [move(0, 'ch-sales', { openStatusId: undefined }), move(1, 'ch-sales', { closedStatusId: 'archived' })] });
    expect(r.errors.map((e) => e.code)).toEqual(['move.statusMissing', 'move.unknownStatus']);
    expect(r.errors[1]!.message).toContain('The ticket status "archived" chosen for Closed conversations is not in the pipeline "Support pipeline"');
  });
});

describe('[S-move] settings and new conversations', () => {
  it('keeps the channel settings, and every new conversation afterwards gets a ticket in the help desk', () => {
    const r = run({ events: [incoming(0, 'conv-before', 'th-1', 'ch-sales'), move(10, 'ch-sales', { history: 'none' }), incoming(60, 'conv-after', 'th-1', 'ch-sales')] });
    expect(r.channels.find((c) => c.id === 'ch-sales')).toMatchObject({ createTickets: false, location: 'helpDesk' });
    expect(r.conversations.map((c) => [c.id, c.location, c.ticket])).toEqual([
      ['conv-before', 'inbox', null],
      ['conv-after', 'helpDesk', 'ticket-1'],
    ]);
    expect(ticket(r, 'ticket-1')).toMatchObject({ status: 'new', location: 'helpDesk', source: 'email', channel: 'ch-sales' });
    expect(ticket(r, 'ticket-1').sla).not.toBeNull();
  });

  it('detects conversations that arrive while the move is under way and moves them too', () => {
    const r = run({ events: [move(0, 'ch-sales', { history: 'none' }), incoming(10, 'conv-mid', 'th-1', 'ch-sales')] });
    expect(r.conversations[0]).toMatchObject({ id: 'conv-mid', location: 'helpDesk', ticket: 'ticket-1' });
    expect(traceLines(r)).toContain('Conversation conv-mid arrived while sales@acme.test is moving: detected and moved to the help desk.');
  });
});

describe('[S-move] historical conversations', () => {
  it('with "all", moves a conversation with a ticket as it is', () => {
    const r = run({ events: [move(0, 'ch-sales')], initial: history });
    expect(ticket(r, 'T-1')).toMatchObject({ status: 'waiting-contact', owner: 'u-sam', priority: 'low', location: 'helpDesk' });
    expect(ticket(r, 'T-1').sla).toMatchObject({ firstResponseDue: at(-1400 + 1440) });
    expect(statusPath(r, 'T-1')).toEqual(['waiting-contact']);
  });

  it('with "all", gives a conversation without a ticket a new one: created at its start, mapped status, owner only with help-desk access', () => {
    const r = run({ events: [move(0, 'ch-sales')], initial: history });
    const made = r.tickets.filter((t) => t.id !== 'T-1').map((t) => [t.conversation, t.createdAt, t.status, t.owner, t.closedAt !== null]);
    // Oldest conversation first.
    expect(made).toEqual([
      ['conv-closed-sam', at(-5000), 'closed', null, true],
      ['conv-open-claire', at(-3000), 'waiting-us', 'u-claire', false],
      ['conv-open-sam', at(-2000), 'waiting-us', null, false],
    ]);
    expect(r.conversations.every((c) => c.location === 'helpDesk')).toBe(true);
    const samTrace = r.trace.find((t) => t.kind === 'ticket' && t.params.conversation === 'conv-open-sam')!;
    expect(text(samTrace)).toContain('owner Sam Lee has no help-desk access, so the ticket is unassigned');
  });

  it('counts the SLA due times of a ticket the move creates from the moment it enters the help desk, so history does not breach at once', () => {
    const r = run({ events: [move(0, 'ch-sales')], initial: history, end: at(60) });
    for (const t of r.tickets.filter((x) => x.id !== 'T-1' && x.status !== 'closed')) {
      // Created days ago at the conversation's start, yet due a day (medium priority) after the move ended.
      expect(Date.parse(t.createdAt)).toBeLessThan(Date.parse(at(0)));
      expect(t.sla).toMatchObject({ firstResponse: 'pending', close: 'pending', breaches: [] });
      expect(Date.parse(t.sla!.firstResponseDue)).toBeGreaterThan(Date.parse(r.channels.find((c) => c.id === 'ch-sales')!.movedAt!));
    }
    expect(r.trace.filter((e) => e.code === 'sla.breached' && e.ticket !== 'T-1')).toEqual([]);
  });

  it('keeps counting the SLA of a ticket that moves as it is from its created time (it is not one the move creates)', () => {
    const r = run({ events: [move(0, 'ch-sales')], initial: history });
    expect(ticket(r, 'T-1').sla!.firstResponseDue).toBe(at(-1400 + 1440));
  });

  it('with "none", leaves historical conversations in the inbox without tickets', () => {
    const r = run({ events: [move(0, 'ch-sales', { history: 'none' }), incoming(60, 'conv-open-claire', 'conv-open-claire-th', 'ch-sales')], initial: history });
    expect(r.tickets.map((t) => t.id)).toEqual(['T-1']);
    expect(r.conversations.filter((c) => c.location === 'inbox').map((c) => c.id)).toEqual(['conv-open-claire', 'conv-closed-sam', 'conv-open-sam', 'conv-ticket']);
    expect(ticket(r, 'T-1')).toMatchObject({ location: 'inbox', sla: null });
  });

  it('new replies on moved conversations reach the help desk with the associated ticket', () => {
    const r = run({ events: [move(0, 'ch-sales', { openStatusId: 'new' }), incoming(60, 'conv-open-claire', 'conv-open-claire-th', 'ch-sales')], initial: history });
    const t = r.tickets.find((x) => x.conversation === 'conv-open-claire')!;
    expect(statusPath(r, t.id)).toEqual(['new', 'waiting-us']);
  });

  it('moves conversations that arrived on the channel during the move with the rest', () => {
    const r = run({ events: [move(0, 'ch-sales'), incoming(10, 'conv-open-claire', 'conv-open-claire-th', 'ch-sales')], initial: history });
    const t = r.tickets.find((x) => x.conversation === 'conv-open-claire')!;
    expect(t).toMatchObject({ createdAt: at(-3000), status: 'waiting-us', location: 'helpDesk' });
  });

  it('fires ticket-created and status triggers for the tickets it creates', () => {
    const created = workflow('wf-created', { triggers: [{ type: 'ticketCreated' }], actions: [action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } })] });
    const r = run({ workflows: [created], events: [move(0, 'ch-sales')], initial: history });
    expect(r.notifications.map((n) => n.ticket)).toEqual(['ticket-1', 'ticket-2', 'ticket-3']);
  });

  it('counts a conversation only under its most recent channel', () => {
    const r = run({
      events: [move(0, 'ch-sales')],
      initial: {
        conversations: [
          conversation('conv-came-over', { channelHistory: ['ch-chat', 'ch-sales'] }),
          conversation('conv-went-on', { channelHistory: ['ch-sales', 'ch-calling'] }),
        ],
      },
    });
    expect(r.tickets.map((t) => t.conversation)).toEqual(['conv-came-over']);
    expect(traceLines(r).some((line) => line.includes('Conversation conv-went-on was on sales@acme.test before but is now on '))).toBe(true);
  });

  it('moving a form channel does not move conversations that went on by email; moving the email channel does', () => {
    const initial = {
      conversations: [conversation('conv-form-only', { channelHistory: ['ch-form'] }), conversation('conv-form-then-email', { channelHistory: ['ch-form', 'ch-sales'] })],
    };
    const formMoved = run({ workspace: inboxWorkspace(), events: [move(0, 'ch-form')], initial });
    expect(formMoved.conversations.map((c) => [c.id, c.location])).toEqual([
      ['conv-form-only', 'helpDesk'],
      ['conv-form-then-email', 'inbox'],
    ]);
    const emailMoved = run({ workspace: inboxWorkspace(), events: [move(0, 'ch-form'), move(60, 'ch-sales')], initial });
    expect(emailMoved.conversations.map((c) => c.location)).toEqual(['helpDesk', 'helpDesk']);
  });
});
