import { describe, expect, it } from 'vitest';
import { chatExclusion, enrollmentOutcome, withChatIncluded } from '../../src/engine';
import type { ScenarioEvent } from '../../src/model';
import { action, agentEmail, at, chain, enrollments, incoming, ms, outcomes, run, statusPath, text, workflow } from './helpers';

const receivedEmail = () => action('sendEmail', 'email', { templateId: 'tpl-received' });
const closedEmail = () => action('sendEmail', 'email', { templateId: 'tpl-closed' });

describe('[S-status-actions] trigger actions when tickets reach a certain status', () => {
  const onNew = workflow('wf-new', { triggers: [{ type: 'statusChanged', toStatusId: 'new' }], actions: [receivedEmail()] });
  const onClosed = workflow('wf-closed', {
    triggers: [{ type: 'statusChanged', toStatusId: 'closed' }],
    actions: chain(closedEmail(), action('notify', 'tell-leads', { recipients: { userIds: [], teamIds: ['t-leads'], owner: false } })),
  });

  it('sends the Ticket received email when a new ticket enters its first status', () => {
    const r = run({ workflows: [onNew, onClosed], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox).toHaveLength(1);
    expect(r.outbox[0]).toMatchObject({ ticket: 'ticket-1', workflow: 'wf-new', to: 'jo@example.test', template: 'tpl-received', subject: 'We received your request: Subject of conv-1' });
  });

  it('sends the Ticket closed email and a notification when the ticket is closed, and not before', () => {
    const open = run({ workflows: [onClosed], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(open.outbox).toEqual([]);
    const closed = run({ workflows: [onClosed], events: [incoming(0, 'conv-1', 'th-1'), { type: 'closeTicket', at: at(60), ticketId: 'ticket-1' }] });
    expect(closed.outbox.map((e) => [e.template, e.at])).toEqual([['tpl-closed', at(60)]]);
    expect(closed.notifications.map((n) => n.recipient)).toEqual(['u-ana']);
  });

  it('leaves a notice with a link and a time stamp in the inbox after the email', () => {
    const r = run({ workflows: [onNew], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.inboxNotices).toEqual([
      { at: at(0), ticket: 'ticket-1', conversation: 'conv-1', subject: 'We received your request: Subject of conv-1', to: 'jo@example.test', link: '#/tickets/ticket-1' },
    ]);
  });

  it('matches the "from" status when the trigger names one', () => {
    const fromUs = workflow('wf-from-us', { triggers: [{ type: 'statusChanged', toStatusId: 'closed', fromStatusId: 'waiting-us' }], actions: [closedEmail()], reenroll: true });
    const r = run({
      workflows: [fromUs],
      events: [
        incoming(0, 'conv-1', 'th-1'),
        { type: 'closeTicket', at: at(10), ticketId: 'ticket-1' },
        { type: 'setStatus', at: at(20), ticketId: 'ticket-1', statusId: 'waiting-us' },
        { type: 'closeTicket', at: at(30), ticketId: 'ticket-1' },
      ],
    });
    expect(r.outbox.map((e) => e.at)).toEqual([at(30)]);
  });

  it('cascades: a status set by one workflow enrolls the ticket in another', () => {
    const closer = workflow('wf-closer', { triggers: [{ type: 'emailSentFromTicket' }], actions: [action('setStatus', 'close', { statusId: 'closed' })] });
    const r = run({ workflows: [closer, onClosed], events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] });
    expect(statusPath(r, 'ticket-1')).toEqual(['new', 'waiting-contact', 'closed']);
    expect(r.history['ticket-1']!.statuses[2]!.by).toBe('wf-closer');
    expect(r.outbox.map((e) => e.workflow)).toEqual(['wf-closed']);
  });
});

describe('[S-chat] Chat and Messenger are excluded by default', () => {
  const plain = workflow('wf-plain', { triggers: [{ type: 'ticketCreated' }], actions: [receivedEmail()] });

  it('excludes chat and Messenger tickets from a workflow that does not name their source, with the reason', () => {
    const r = run({ workflows: [plain], events: [incoming(0, 'conv-chat', 'th-1', 'ch-chat'), incoming(1, 'conv-msg', 'th-1', 'ch-messenger'), incoming(2, 'conv-mail', 'th-1')] });
    expect(r.outbox.map((e) => e.ticket)).toEqual(['ticket-3']);
    const chat = enrollments(r, 'ticket-1', 'wf-plain');
    expect(chat).toHaveLength(1);
    expect(chat[0]).toMatchObject({ code: 'enrollment.excluded', params: { trigger: 'ticketCreated', source: 'chat' } });
    expect(text(chat[0]!)).toContain(": the ticket's source is chat");
    expect(text(enrollments(r, 'ticket-2', 'wf-plain')[0]!)).toContain("the ticket's source is messenger");
  });

  it('includes chat tickets when a conversation-started trigger lists chat', () => {
    const chatTrigger = workflow('wf-chat', { triggers: [{ type: 'conversationStarted', channelKinds: ['chat'] }], actions: [receivedEmail()] });
    const r = run({ workflows: [chatTrigger], events: [incoming(0, 'conv-chat', 'th-1', 'ch-chat'), incoming(1, 'conv-msg', 'th-1', 'ch-messenger')] });
    expect(r.outbox.map((e) => e.ticket)).toEqual(['ticket-1']);
  });

  it('includes chat tickets when a source filter names chat, but not Messenger ones', () => {
    const sourceFilter = workflow('wf-src', {
      triggers: [{ type: 'ticketCreated' }],
      filters: [{ conditions: [{ property: 'source', operator: 'isAnyOf', value: ['chat', 'email'] }] }],
      actions: [receivedEmail()],
    });
    const r = run({ workflows: [sourceFilter], events: [incoming(0, 'conv-chat', 'th-1', 'ch-chat'), incoming(1, 'conv-msg', 'th-1', 'ch-messenger')] });
    expect(r.outbox.map((e) => e.ticket)).toEqual(['ticket-1']);
    expect(outcomes(r, 'ticket-2', 'wf-src')[0]).toBe('excluded');
  });

  it('does not count a conversation-started trigger for every kind, or a negative source filter, as naming chat', () => {
    const everyKind = workflow('wf-every', { triggers: [{ type: 'conversationStarted', channelKinds: [] }], actions: [receivedEmail()] });
    const notEmail = workflow('wf-not-email', {
      triggers: [{ type: 'ticketCreated' }],
      filters: [{ conditions: [{ property: 'source', operator: 'isNot', value: 'email' }] }],
      actions: [receivedEmail()],
    });
    const r = run({ workflows: [everyKind, notEmail], events: [incoming(0, 'conv-chat', 'th-1', 'ch-chat')] });
    expect(r.outbox).toEqual([]);
    expect(r.history['ticket-1']!.enrollments.map(enrollmentOutcome)).toEqual(['excluded', 'excluded']);
  });
});

describe('[S-chat] where the exclusion applies, and the switch that includes Chat and Messenger', () => {
  const events = [incoming(0, 'conv-chat', 'th-1', 'ch-chat'), incoming(1, 'conv-msg', 'th-1', 'ch-messenger'), incoming(2, 'conv-mail', 'th-1')];
  const sent = (wf: ReturnType<typeof workflow>) => run({ workflows: [wf], events }).outbox.map((e) => e.ticket);
  const withEnrollment = (wf: ReturnType<typeof workflow>, include: boolean) => ({ ...wf, enrollment: withChatIncluded(wf.enrollment, include) });

  it('applies to a workflow with actions whose triggers and filters can let a chat or Messenger ticket in', () => {
    expect(chatExclusion(workflow('a', { triggers: [{ type: 'ticketCreated' }], actions: [receivedEmail()] }))).toEqual({ applies: true, included: [] });
    expect(chatExclusion(workflow('b', { triggers: [{ type: 'conversationStarted', channelKinds: [] }], actions: [receivedEmail()] })).applies).toBe(true);
    expect(chatExclusion(workflow('c', { triggers: [{ type: 'conversationStarted', channelKinds: ['chat'] }], actions: [receivedEmail()] }))).toEqual({
      applies: true,
      included: ['chat'],
    });
  });

  it('does not apply without actions, to email-only triggers, to filters that let only other sources in, or without triggers', () => {
    expect(chatExclusion(workflow('a', { triggers: [{ type: 'ticketCreated' }] })).applies).toBe(false);
    expect(chatExclusion(workflow('b', { triggers: [{ type: 'conversationStarted', channelKinds: ['email', 'form'] }], actions: [receivedEmail()] })).applies).toBe(false);
    const emailOnly = workflow('c', {
      triggers: [{ type: 'ticketCreated' }],
      filters: [{ conditions: [{ property: 'source', operator: 'is', value: 'email' }] }, { conditions: [{ property: 'source', operator: 'isUnknown' }] }],
      actions: [receivedEmail()],
    });
    expect(chatExclusion(emailOnly).applies).toBe(false);
    expect(chatExclusion(workflow('d', { triggers: [], actions: [receivedEmail()] })).applies).toBe(false);
  });

  it('including lets chat and Messenger tickets in beside the same others, and leaving out again restores the enrollment', () => {
    const plain = workflow('wf-plain', { triggers: [{ type: 'ticketCreated' }], actions: [receivedEmail()] });
    expect(sent(plain)).toEqual(['ticket-3']);
    const included = withEnrollment(plain, true);
    expect(chatExclusion(included).included).toEqual(['chat', 'messenger']);
    expect(sent(included)).toEqual(['ticket-1', 'ticket-2', 'ticket-3']);
    expect(withChatIncluded(included.enrollment, false)).toEqual(plain.enrollment);
    expect(withChatIncluded(included.enrollment, true)).toEqual(included.enrollment);
  });

  it('keeps each filter group and adds its chat-like copy, so the filters still decide the others', () => {
    const urgent = { property: 'priority' as const, operator: 'is' as const, value: 'urgent' };
    const filtered = workflow('wf-urgent', { triggers: [{ type: 'ticketCreated' }], filters: [{ conditions: [urgent] }], actions: [receivedEmail()] });
    const included = withChatIncluded(filtered.enrollment, true);
    expect(included.filters).toEqual([
      { conditions: [urgent] },
      { conditions: [urgent, { property: 'source', operator: 'isAnyOf', value: ['chat', 'messenger'] }] },
    ]);
    expect(withChatIncluded(included, false)).toEqual(filtered.enrollment);
  });

  it('leaving out takes the chat-like sources out of source filters and conversation-started triggers', () => {
    const mixed = workflow('wf-mixed', {
      triggers: [{ type: 'conversationStarted', channelKinds: ['email', 'chat'] }, { type: 'conversationStarted', channelKinds: ['messenger'] }],
      filters: [{ conditions: [{ property: 'source', operator: 'isAnyOf', value: ['chat', 'email'] }] }, { conditions: [{ property: 'source', operator: 'is', value: 'messenger' }] }],
      actions: [receivedEmail()],
    });
    const out = withChatIncluded(mixed.enrollment, false);
    expect(out.triggers).toEqual([{ type: 'conversationStarted', channelKinds: ['email'] }]);
    expect(out.filters).toEqual([{ conditions: [{ property: 'source', operator: 'isAnyOf', value: ['email'] }] }]);
    expect(chatExclusion({ ...mixed, enrollment: out }).included).toEqual([]);
    expect(sent({ ...mixed, enrollment: out })).toEqual(['ticket-3']);
  });
});

describe('[S-reenroll] re-enrollment', () => {
  const events = [
    incoming(0, 'conv-1', 'th-1'),
    { type: 'closeTicket' as const, at: at(10), ticketId: 'ticket-1' },
    { type: 'reopenTicket' as const, at: at(20), ticketId: 'ticket-1' },
    { type: 'closeTicket' as const, at: at(30), ticketId: 'ticket-1' },
  ];

  it('is off by default: a second trigger does not enroll the ticket again', () => {
    const once = workflow('wf-once', { triggers: [{ type: 'statusChanged', toStatusId: 'closed' }], actions: [closedEmail()] });
    const r = run({ workflows: [once], events });
    expect(r.outbox).toHaveLength(1);
    expect(outcomes(r, 'ticket-1', 'wf-once')).toEqual(['enrolled', 'completed', 'rejected']);
    expect(enrollments(r, 'ticket-1', 'wf-once')[2]!.params.reason).toBe('noReenroll');
    expect(text(enrollments(r, 'ticket-1', 'wf-once')[2]!)).toContain('the ticket enrolled before and re-enrollment is off');
  });

  it('when on, re-enrolls each time the trigger occurs again', () => {
    const again = workflow('wf-again', { triggers: [{ type: 'statusChanged', toStatusId: 'closed' }], actions: [closedEmail()], reenroll: true });
    const r = run({ workflows: [again], events });
    expect(r.outbox.map((e) => e.at)).toEqual([at(10), at(30)]);
  });

  it('never re-enrolls a ticket that is still enrolled', () => {
    const slow = workflow('wf-slow', {
      triggers: [{ type: 'statusChanged', toStatusId: 'closed' }],
      reenroll: true,
      actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } } }), closedEmail()),
    });
    const r = run({ workflows: [slow], events });
    expect(r.outbox.map((e) => e.at)).toEqual([at(70)]);
    const second = enrollments(r, 'ticket-1', 'wf-slow')[1]!;
    expect(second).toMatchObject({ code: 'enrollment.rejected', params: { reason: 'stillEnrolled' } });
    expect(text(second!)).toContain('the ticket is still enrolled (never re-enrolled while enrolled)');
  });
});

describe('enrollment', () => {
  it('enrolls only when the filters hold at the moment the trigger fires, and records which group held', () => {
    const urgent = workflow('wf-urgent', {
      triggers: [{ type: 'propertyChanged', property: 'priority' }],
      filters: [
        { conditions: [{ property: 'priority', operator: 'is', value: 'urgent' }] },
        { conditions: [{ property: 'priority', operator: 'is', value: 'high' }, { property: 'owner', operator: 'isKnown' }] },
      ],
      reenroll: true,
      actions: [action('notify', 'n', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } })],
    });
    const r = run({
      workflows: [urgent],
      events: [
        incoming(0, 'conv-1', 'th-1'),
        { type: 'setPriority', at: at(1), ticketId: 'ticket-1', priority: 'high' },
        { type: 'setOwner', at: at(2), ticketId: 'ticket-1', ownerId: 'u-marco' },
        { type: 'setPriority', at: at(3), ticketId: 'ticket-1', priority: 'low' },
        { type: 'setPriority', at: at(4), ticketId: 'ticket-1', priority: 'high' },
        { type: 'setPriority', at: at(5), ticketId: 'ticket-1', priority: 'urgent' },
      ],
    });
    const decisions = enrollments(r, 'ticket-1', 'wf-urgent').filter((e) => enrollmentOutcome(e) !== 'completed');
    expect(decisions.map((e) => [e.at, enrollmentOutcome(e)])).toEqual([
      [ms(1), 'rejected'],
      [ms(3), 'rejected'],
      [ms(4), 'enrolled'],
      [ms(5), 'enrolled'],
    ]);
    expect(decisions[0]!.params).toMatchObject({ reason: 'filters', group: 1, property: 'priority', operator: 'is', value: 'urgent', actual: 'high', groups: 2 });
    expect(text(decisions[0]!)).toContain('enrollment filters failed: group 1: priority is urgent failed (priority is high) (and 1 more failing group)');
    expect(decisions[2]!.params).toMatchObject({ held: true, group: 2 });
    expect(text(decisions[3]!)).toBe('Enrolled in wf-urgent on priority changed: enrollment filters: group 1 held.');
  });

  it('fires each kind of trigger', () => {
    const wfs = [
      workflow('created', { triggers: [{ type: 'ticketCreated' }] }),
      workflow('started-email', { triggers: [{ type: 'conversationStarted', channelKinds: ['email'] }] }),
      workflow('started-form', { triggers: [{ type: 'conversationStarted', channelKinds: ['form'] }] }),
      workflow('sent', { triggers: [{ type: 'emailSentFromTicket' }] }),
      workflow('replied', { triggers: [{ type: 'contactReplied' }] }),
      workflow('owner', { triggers: [{ type: 'propertyChanged', property: 'owner' }] }),
      workflow('sla', { triggers: [{ type: 'slaDuePassed', target: 'firstResponse' }] }),
      workflow('sla-close', { triggers: [{ type: 'slaDuePassed', target: 'close' }] }),
    ];
    const r = run({
      workflows: wfs,
      end: at(600),
      events: [incoming(0, 'conv-1', 'th-1'), agentEmail(500, 'conv-1', 'th-1', 'ticket'), incoming(510, 'conv-1', 'th-1'), { type: 'setOwner', at: at(520), ticketId: 'ticket-1', ownerId: 'u-claire' }],
    });
    const enrolled = r.history['ticket-1']!.enrollments.filter((e) => enrollmentOutcome(e) === 'enrolled').map((e) => [e.workflow, e.at, text(e)]);
    const on = (trigger: string) => `on ${trigger}: enrollment filters: no filters.`;
    expect(enrolled.map(([w, t, line]) => [w, t, String(line).slice(String(line).indexOf(' on ') + 1)])).toEqual([
      ['created', ms(0), on('ticket created')],
      ['started-email', ms(0), on('conversation started on a channel of kind email')],
      ['sla', ms(480), on('SLA first response due time passed')],
      ['sent', ms(500), on('email sent to the contact from the ticket record')],
      ['replied', ms(510), on("contact replied on the ticket's thread")],
      ['owner', ms(520), on('owner changed')],
    ]);
  });

  it('enrolls a ticket once when several of a workflow\'s triggers fire together', () => {
    const both = workflow('wf-both', { triggers: [{ type: 'ticketCreated' }, { type: 'statusChanged', toStatusId: 'new' }], actions: [receivedEmail()], reenroll: true });
    const r = run({ workflows: [both], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox).toHaveLength(1);
    expect(outcomes(r, 'ticket-1', 'wf-both')).toEqual(['enrolled', 'completed']);
  });

  it('leaves out a live workflow that is incomplete, saying what is missing', () => {
    const broken = workflow('wf-broken', {
      triggers: [{ type: 'ticketCreated' }],
      filters: [{ conditions: [{ property: 'createdAt', operator: 'after', value: 'soon' }] }],
      actions: chain(action('setStatus', 'set'), action('goto', 'jump', { target: 'gone' })),
    });
    const r = run({ workflows: [broken], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'workflow.incomplete', workflow: 'wf-broken' });
    expect(r.errors[0]!.message).toContain('action set (setStatus) is incomplete at /statusId: Choose a status.');
    expect(r.errors[0]!.message).toContain('action jump leads to "gone", which does not exist');
    expect(r.errors[0]!.message).toContain('enrollment filters/0/conditions/0: "is after" needs a date');
    expect(r.history['ticket-1']!.enrollments).toEqual([]);
  });
});

describe('unenrollment', () => {
  const reminder = workflow('wf-remind', {
    triggers: [{ type: 'statusChanged', toStatusId: 'waiting-contact' }],
    unenroll: [{ conditions: [{ property: 'status', operator: 'isNot', value: 'waiting-contact' }] }],
    actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'days' } } }), action('sendEmail', 'nudge', { subject: 'Any news?', body: 'Hi {{contact.name}}' })),
  });

  it('takes a ticket out the moment it comes to meet the criteria, cancelling the delay it waits in', () => {
    const r = run({ workflows: [reminder], events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket'), incoming(60, 'conv-1', 'th-1')] });
    expect(r.outbox).toEqual([]);
    const left = enrollments(r, 'ticket-1', 'wf-remind').at(-1)!;
    expect(left).toMatchObject({ code: 'unenrollment.unenrolled', at: ms(60), params: { when: 'change', delayCancelled: true, until: ms(1450), group: 1 } });
    expect(text(left)).toBe(
      'Left wf-remind at once: the ticket meets its unenrollment criteria (group 1 held) after a change to it; the delay it waited in (until 2026-01-06 09:10 UTC) is cancelled.',
    );
    expect(r.enrolled).toEqual([]);
  });

  it('takes out a ticket that meets the criteria during a delay and stops meeting them before it ends (closed, then reopened)', () => {
    const open = workflow('wf-open', {
      triggers: [{ type: 'ticketCreated' }],
      unenroll: [{ conditions: [{ property: 'statusCategory', operator: 'is', value: 'closed' }] }],
      actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'days' } } }), action('sendEmail', 'follow', { subject: 'Follow-up', body: 'Hi' })),
    });
    const r = run({
      workflows: [open],
      events: [incoming(0, 'conv-1', 'th-1'), { type: 'closeTicket', at: at(60), ticketId: 'ticket-1' }, { type: 'reopenTicket', at: at(120), ticketId: 'ticket-1' }],
    });
    expect(r.outbox).toEqual([]);
    expect(enrollments(r, 'ticket-1', 'wf-open').at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', at: ms(60) });
  });

  it('takes a ticket out when another workflow makes the change, after the change in the trace', () => {
    const closer = workflow('wf-closer', { triggers: [{ type: 'statusChanged', toStatusId: 'waiting-contact' }], actions: [action('delay', 'w', { wait: { type: 'duration', duration: { amount: 1, unit: 'hours' } }, next: 'close' }), action('setStatus', 'close', { statusId: 'closed' })] });
    const r = run({ workflows: [reminder, closer], events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] });
    expect(r.outbox).toEqual([]);
    const codes = r.trace.filter((e) => e.at === ms(70) && e.ticket === 'ticket-1').map((e) => `${e.code}${e.workflow ? ` ${e.workflow}` : ''}`);
    expect(codes.slice(0, 5)).toEqual(['delay.resumed wf-closer', 'action.setStatus.set wf-closer', 'status.changed wf-closer', 'sla.met', 'unenrollment.unenrolled wf-remind']);
  });

  it('takes a ticket out when its own action makes it meet the criteria, and runs nothing after', () => {
    const self = workflow('wf-self', {
      triggers: [{ type: 'ticketCreated' }],
      unenroll: [{ conditions: [{ property: 'statusCategory', operator: 'is', value: 'closed' }] }],
      actions: chain(action('setStatus', 'close', { statusId: 'closed' }), action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } })),
    });
    const r = run({ workflows: [self], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications).toEqual([]);
    expect(r.history['ticket-1']!.actions.map((a) => a.action)).toEqual(['close']);
    expect(enrollments(r, 'ticket-1', 'wf-self').at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', params: { when: 'change', delayCancelled: false } });
  });

  it('checks the criteria before each action too: a ticket enrolled while meeting them leaves before the first', () => {
    const high = workflow('wf-high', {
      triggers: [{ type: 'ticketCreated' }],
      unenroll: [{ conditions: [{ property: 'priority', operator: 'is', value: 'medium' }] }],
      actions: [action('notify', 'tell', { recipients: { userIds: ['u-ana'], teamIds: [], owner: false } })],
    });
    const r = run({ workflows: [high], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.notifications).toEqual([]);
    expect(enrollments(r, 'ticket-1', 'wf-high').at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', params: { when: 'beforeAction', next: 'tell' } });
    expect(text(enrollments(r, 'ticket-1', 'wf-high').at(-1)!)).toBe('Left wf-high at once: the ticket meets its unenrollment criteria (group 1 held) before tell.');
  });

  it('keeps a ticket that does not meet the criteria', () => {
    const r = run({ workflows: [reminder], events: [incoming(0, 'conv-1', 'th-1'), agentEmail(10, 'conv-1', 'th-1', 'ticket')] });
    expect(r.outbox.map((e) => [e.subject, e.body, e.at])).toEqual([['Any news?', 'Hi Jo Customer', at(1450)]]);
  });

  it('keeps a ticket through changes that do not meet the criteria (owner, priority)', () => {
    const r = run({
      workflows: [reminder],
      events: [
        incoming(0, 'conv-1', 'th-1'),
        agentEmail(10, 'conv-1', 'th-1', 'ticket'),
        { type: 'setOwner', at: at(20), ticketId: 'ticket-1', ownerId: 'u-marco' },
        { type: 'setPriority', at: at(30), ticketId: 'ticket-1', priority: 'high' },
      ],
    });
    expect(r.outbox.map((e) => e.at)).toEqual([at(1450)]);
    expect(outcomes(r, 'ticket-1', 'wf-remind')).toEqual(['enrolled', 'completed']);
  });
});

describe('[12.1] unenrollment on any change of an enrolled ticket, delay cancelled', () => {
  const waiting = (unenroll: Parameters<typeof workflow>[1]['unenroll']) =>
    workflow('wf-wait', {
      triggers: [{ type: 'ticketCreated' }],
      unenroll,
      actions: chain(action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'days' } } }), action('sendEmail', 'follow', { subject: 'Follow-up', body: 'Hi' })),
    });

  it('[12.1] leaves at once on an owner change that meets the criteria, and the delay is cancelled', () => {
    const wf = waiting([{ conditions: [{ property: 'owner', operator: 'is', value: 'u-marco' }] }]);
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setOwner', at: at(30), ticketId: 'ticket-1', ownerId: 'u-marco' }] });
    expect(r.outbox).toEqual([]);
    expect(enrollments(r, 'ticket-1', 'wf-wait').at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', at: ms(30), params: { when: 'change', delayCancelled: true } });
    expect(r.enrolled).toEqual([]);
  });

  it('[12.1] leaves at once on a priority change that meets the criteria', () => {
    const wf = waiting([{ conditions: [{ property: 'priority', operator: 'is', value: 'high' }] }]);
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(30), ticketOf: 'conv-1', priority: 'high' }] });
    expect(r.outbox).toEqual([]);
    expect(enrollments(r, 'ticket-1', 'wf-wait').at(-1)).toMatchObject({ code: 'unenrollment.unenrolled', at: ms(30), params: { when: 'change', delayCancelled: true } });
  });

  it('[12.1] stays through a priority change that does not meet the criteria, and the delay runs out', () => {
    const wf = waiting([{ conditions: [{ property: 'priority', operator: 'is', value: 'high' }] }]);
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(30), ticketId: 'ticket-1', priority: 'low' }] });
    expect(r.outbox.map((e) => [e.subject, e.at])).toEqual([['Follow-up', at(1440)]]);
    expect(enrollments(r, 'ticket-1', 'wf-wait').at(-1)).toMatchObject({ code: 'unenrollment.completed' });
  });
});

describe('[12.3] causes before effects', () => {
  it('[12.3] logs the priority change before the SLA due times it moves', () => {
    const r = run({ events: [incoming(0, 'conv-1', 'th-1'), { type: 'setPriority', at: at(30), ticketId: 'ticket-1', priority: 'high' }] });
    const codes = r.trace.filter((e) => e.at === ms(30)).map((e) => e.code);
    expect(codes).toContain('sla.moved');
    expect(codes.indexOf('event.setPriority')).toBeLessThan(codes.indexOf('property.changed'));
    expect(codes.indexOf('property.changed')).toBeLessThan(codes.indexOf('sla.moved'));
  });

  it('[12.3] logs a workflow’s setStatus action before the status change it makes', () => {
    const wf = workflow('wf-set', { triggers: [{ type: 'ticketCreated' }], actions: [action('setStatus', 'set', { statusId: 'waiting-contact' })] });
    const r = run({ workflows: [wf], events: [incoming(0, 'conv-1', 'th-1')] });
    const codes = r.trace.filter((e) => e.workflow === 'wf-set').map((e) => e.code);
    expect(codes.indexOf('action.setStatus.set')).toBeGreaterThanOrEqual(0);
    expect(codes.indexOf('action.setStatus.set')).toBeLessThan(codes.indexOf('status.changed'));
  });
});

describe('the parameters of enrollment decisions', () => {
  const withSubject = (event: ScenarioEvent, subject: string): ScenarioEvent => ({ ...(event as Extract<ScenarioEvent, { type: 'incomingMessage' }>), subject });
  const wf = workflow('wf-urgent', {
    triggers: [{ type: 'ticketCreated' }],
    filters: [{ conditions: [{ property: 'subject', operator: 'contains', value: 'urgent' }] }],
    actions: [action('setStatus', 'a1', { statusId: 'waiting-contact' })],
  });
  const r = run({
    workflows: [wf],
    events: [
      withSubject(incoming(0, 'conv-1', 'th-1'), 'urgent: one'),
      withSubject(incoming(1, 'conv-2', 'th-2'), 'urgent: two'),
      withSubject(incoming(2, 'conv-3', 'th-3'), 'not now'),
      withSubject(incoming(3, 'conv-4', 'th-4'), 'nothing'),
    ],
  });
  const decision = (ticket: string) => r.history[ticket]!.enrollments[0]!;

  it('are one shared, frozen object for every ticket that comes to the same decision', () => {
    expect(decision('ticket-1').params).toEqual({ trigger: 'ticketCreated', held: true, group: 1 });
    expect(decision('ticket-2').params).toBe(decision('ticket-1').params);
    expect(Object.isFrozen(decision('ticket-1').params)).toBe(true);
  });

  it("are the ticket's own when they name its values (a filter that did not hold)", () => {
    expect(decision('ticket-3').code).toBe('enrollment.rejected');
    expect(decision('ticket-3').params).toMatchObject({ trigger: 'ticketCreated', reason: 'filters' });
    expect(decision('ticket-4').params).not.toBe(decision('ticket-3').params);
    expect(Object.isFrozen(decision('ticket-3').params)).toBe(false);
  });
});
