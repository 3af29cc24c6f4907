import type { Helpers, Phrases } from './render';
import type { TraceParams } from './types';

const RULES: Record<string, string> = {
  out: 'Built-in rule “status on an email from the ticket”',
  in: 'Built-in rule “status on a reply on the ticket’s thread”',
  reopen: 'Built-in rule “status on a reply after a reopen”',
};

const TARGETS: Record<string, string> = { firstResponse: 'first response', close: 'close' };

function awaited(p: TraceParams, h: Helpers): string {
  if (p.event === 'contactReplied') return 'the contact replies';
  return p.status ? `the status becomes ${h.status(p.status)}` : 'the status changes';
}

function offset(p: TraceParams, h: Helpers): string {
  const amount = Number(p.offset);
  const property = PHRASES_EN.properties[String(p.property)] ?? String(p.property);
  if (!amount) return `its ${property}`;
  return `${h.count(Math.abs(amount), String(p.unit))} ${amount < 0 ? 'before' : 'after'} its ${property}`;
}

function next(p: TraceParams, h: Helpers): string {
  return p.next === null ? ', which is empty' : ` at ${h.action(p.next)}`;
}

/** English: the reference every other language follows. */
export const PHRASES_EN: Phrases = {
  units: {
    minutes: { one: 'minute', other: 'minutes' },
    hours: { one: 'hour', other: 'hours' },
    days: { one: 'day', other: 'days' },
    weeks: { one: 'week', other: 'weeks' },
    actions: { one: 'action', other: 'actions' },
    paths: { one: 'path', other: 'paths' },
    groups: { one: 'group', other: 'groups' },
    steps: { one: 'step', other: 'steps' },
  },
  rules: {
    create: {
      name: 'Ticket creation',
      explanation: 'A ticket is created for every new incoming conversation on a channel whose ticket creation is on, in a pipeline that creates tickets for new conversations.',
    },
    out: {
      name: 'Status on an email from the ticket',
      explanation:
        'When an agent emails the contact from the ticket record, the pipeline’s built-in update sets the ticket’s status, if it is turned on in Settings → Automate. An email sent from the contact record never changes the status.',
    },
    in: {
      name: 'Status on a reply on the ticket’s thread',
      explanation:
        'When the contact replies on the thread the ticket was created on, the pipeline’s built-in update sets the ticket’s status, if it is turned on in Settings → Automate. A reply on another thread changes nothing.',
    },
    reopen: {
      name: 'Status on a reply after a reopen',
      explanation: 'Once a ticket has been reopened, a reply on a thread that started after the reopen counts as a reply on the ticket’s thread too.',
    },
    chat: {
      name: 'Chat and Messenger exclusion',
      explanation:
        'Tickets from live chat and Messenger are left out of automated actions, unless the workflow’s enrollment names that source: a conversation-started trigger listing it, or a source filter naming it.',
    },
    move: {
      name: 'Channel move',
      explanation:
        'A channel moved to the help desk takes its conversations along as chosen; a conversation counts only under its most recent channel. The channel’s settings keep their values, and every new conversation on it arrives with a ticket.',
    },
    runaway: {
      name: 'Runaway guard',
      explanation:
        'To stop workflows that keep triggering each other, a ticket runs a limited number of actions per virtual minute and per simulation; past the limit its runs stop and it enrolls in nothing more for that time.',
    },
  },
  weekdays: { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' },
  priorities: { low: 'low', medium: 'medium', high: 'high', urgent: 'urgent' },
  properties: {
    status: 'status',
    statusCategory: 'status category',
    owner: 'owner',
    priority: 'priority',
    subject: 'subject',
    source: 'source',
    channel: 'channel',
    pipeline: 'pipeline',
    contact: 'contact',
    contactEmail: 'contact email',
    createdAt: 'created time',
    closedAt: 'closed time',
    reopened: 'reopened',
    openMinutes: 'minutes open',
    firstResponseDue: 'first-response due time',
    closeDue: 'close due time',
  },
  operators: {
    is: 'is',
    isNot: 'is not',
    isAnyOf: 'is any of',
    isNoneOf: 'is none of',
    contains: 'contains',
    isKnown: 'is known',
    isUnknown: 'is unknown',
    before: 'is before',
    after: 'is after',
    greaterThan: 'is greater than',
    lessThan: 'is less than',
  },
  nobody: 'nobody',
  unknown: 'unknown',
  and: 'and',
  actors: { scenario: 'the scenario', creation: 'creation', move: 'the channel move', onEmailSent: 'the built-in rule “status on an email from the ticket”', onCustomerReply: 'the built-in rule “status on a reply on the ticket’s thread”' },
  trigger(p, h) {
    switch (p.trigger) {
      case 'ticketCreated':
        return 'ticket created';
      case 'statusChanged':
        return p.from === null ? `status became ${h.status(p.to)} (new ticket)` : `status changed from ${h.status(p.from)} to ${h.status(p.to)}`;
      case 'emailSentFromTicket':
        return 'email sent to the contact from the ticket record';
      case 'contactReplied':
        return "contact replied on the ticket's thread";
      case 'conversationStarted':
        return `conversation started on a channel of kind ${String(p.channelKind)}`;
      case 'propertyChanged':
        return `${PHRASES_EN.properties[String(p.property)] ?? String(p.property)} changed`;
      case 'slaDuePassed':
        return `SLA ${TARGETS[String(p.target)]} due time passed`;
      default:
        return String(p.trigger);
    }
  },
  filters(p, h) {
    if (p.held) return Number(p.group) === 0 ? 'no filters' : `group ${String(p.group)} held`;
    const property = String(p.property);
    const word = PHRASES_EN.properties[property] ?? property;
    const value = p.value === null || p.value === undefined ? '' : ` ${h.value(property, p.value)}`;
    const more = Number(p.groups) > 1 ? ` (and ${Number(p.groups) - 1} more failing ${h.noun(Number(p.groups) - 1, 'groups')})` : '';
    return `group ${String(p.group)}: ${word} ${PHRASES_EN.operators[String(p.operator)] ?? String(p.operator)}${value} failed (${word} is ${h.value(property, p.actual)})${more}`;
  },
  codes: {
    'event.incomingMessage': (p, h) => `events[${p.index}]: incoming message from ${h.contact(p.contact)} on ${h.channel(p.channel)} (conversation ${p.conversation}, thread ${p.thread}).`,
    'event.agentEmail': (p, h) => `events[${p.index}]: ${h.user(p.user)} sends an email from the ${p.from} record (conversation ${p.conversation}, thread ${p.thread}).`,
    'event.setStatus': (p, h) => `events[${p.index}]: an agent sets ${ticketRef(p, h)} to status ${h.status(p.status)}.`,
    'event.setOwner': (p, h) => `events[${p.index}]: an agent sets the owner of ${ticketRef(p, h)} to ${h.user(p.owner)}.`,
    'event.setPriority': (p, h) => `events[${p.index}]: an agent sets the priority of ${ticketRef(p, h)} to ${h.value('priority', p.priority)}.`,
    'event.closeTicket': (p, h) => `events[${p.index}]: an agent closes ${ticketRef(p, h)}.`,
    'event.reopenTicket': (p, h) => `events[${p.index}]: an agent reopens ${ticketRef(p, h)}.`,
    'event.advance': (p) => `events[${p.index}]: time passes.`,
    'event.moveChannel': (p, h) =>
      `events[${p.index}]: ${h.user(p.user)} moves ${h.channel(p.channel)} to the help desk (${p.history === 'all' ? 'with all historical conversations' : 'with no historical conversations'}).`,
    'conversation.started': (p, h) =>
      `New conversation ${p.conversation} from ${h.contact(p.contact)} on ${h.channel(p.channel)}, in the ${p.location === 'inbox' ? 'conversations inbox' : 'help desk'}.`,
    'conversation.channelChanged': (p, h) => `Conversation ${p.conversation} continues on ${h.channel(p.channel)}, its most recent channel now.`,
    'conversation.reply': (p) =>
      `The contact replied on ${p.newThread ? 'a new thread' : 'thread'} ${p.thread} of conversation ${p.conversation}${p.hasTicket ? '' : ', which has no ticket'}.`,
    'conversation.agentEmail': (p, h) =>
      `${h.user(p.user)} emailed the contact from the ${p.from} record on thread ${p.thread} of conversation ${p.conversation}${p.hasTicket ? '' : ', which has no ticket'}.`,
    'automation.noTicket': (p, h) =>
      p.reason === 'channelOff'
        ? `No ticket: ticket creation is off for ${h.channel(p.channel)}.`
        : `No ticket: the pipeline ${h.pipeline(p.pipeline)} does not create tickets for new conversations.`,
    'automation.notApplied': (p) =>
      p.rule === 'out'
        ? `${RULES.out} not applied: the email was sent from the contact record, which never changes the ticket status.`
        : `${RULES.in} not applied: the reply is on thread ${p.thread}, not on ${p.ticketThread ?? 'no thread'}, the thread the ticket was created on${p.reason === 'threadBeforeReopen' ? ' (and the thread did not start after the reopen)' : ''}.`,
    'automation.off': (p, h) => `${RULES[String(p.rule)]}: not applied, the trigger is turned off in ${h.pipeline(p.pipeline)}.`,
    'automation.already': (p, h) => `${RULES[String(p.rule)]}: the ticket is already ${h.status(p.status)}.`,
    'automation.apply': (p, h) => `${RULES[String(p.rule)]}: status → ${h.status(p.status)}.`,
    'ticket.created': (p, h) => `Created ticket ${h.entry.ticket} "${p.subject}" in ${h.pipeline(p.pipeline)}, status ${h.status(p.status)}, owner ${h.user(p.owner)}: ${cause(p, h)}.`,
    'status.changed': (p, h) =>
      `Status ${h.status(p.from)} → ${h.status(p.to)} (by ${h.actor(p.by)})${p.closed ? '; closed time set' : ''}${p.reopened ? '; reopened, closed time cleared' : ''}.`,
    'status.unchanged': (p, h) => `The ticket is already ${h.status(p.status)}; nothing changes.`,
    'property.changed': (p, h) => `${PHRASES_EN.properties[String(p.property)]} set to ${h.value(p.property, p.value)} (by ${h.actor(p.by)}).`,
    'sla.started': (p, h) =>
      `SLA applies: first response due ${h.time(p.firstResponseDue)}, close due ${h.time(p.closeDue)} (${h.value('priority', p.priority)} priority${p.from !== h.entry.at ? `, counted from ${h.time(p.from)}` : ', counted from now'}).`,
    'sla.moved': (p, h) => `SLA due times moved for ${h.value('priority', p.priority)} priority: first response ${h.time(p.firstResponseDue)}, close ${h.time(p.closeDue)}.`,
    'sla.met': (p, h) =>
      p.byClose ? `First response SLA met: the ticket was closed before ${h.time(p.due)}.` : `${p.target === 'close' ? 'Close' : 'First response'} SLA met (due ${h.time(p.due)}).`,
    'sla.breached': (p, h) => `SLA breached: no ${TARGETS[String(p.target)]} by ${h.time(p.due)}.`,
    'enrollment.enrolled': (p, h) => `Enrolled in ${h.workflow(h.entry.workflow)} on ${h.trigger(p)}: enrollment filters: ${h.filters(p)}.`,
    'enrollment.rejected': (p, h) => `Not enrolled in ${h.workflow(h.entry.workflow)} on ${h.trigger(p)}: ${rejection(p, h)}.`,
    'enrollment.excluded': (p, h) =>
      `Excluded from ${h.workflow(h.entry.workflow)} on ${h.trigger(p)}: the ticket's source is ${p.source}, and tickets from live chat and Messenger are excluded from automated actions unless the workflow's enrollment names that source (a conversation-started trigger listing it, or a source filter naming it).`,
    'unenrollment.completed': (p, h) =>
      `Left ${h.workflow(h.entry.workflow)} (completed): ${p.reason === 'delayLast' ? 'the delay was the last action of its path' : 'reached the end of its path'}.`,
    'unenrollment.unenrolled': (p, h) =>
      `Left ${h.workflow(h.entry.workflow)} at once: the ticket meets its unenrollment criteria (${h.filters(p)}) ${p.when === 'change' ? 'after a change to it' : `before ${h.action(p.next)}`}${p.delayCancelled ? `; the delay it waited in (until ${h.time(p.until)}) is cancelled` : ''}.`,
    'unenrollment.stopped': (_p, h) => `Left ${h.workflow(h.entry.workflow)}: stopped by the runaway guard.`,
    'unenrollment.failed': (p, h) => `Left ${h.workflow(h.entry.workflow)} (failed): ${p.message}.`,
    'action.sendEmail.sent': (p, h) =>
      `Sent "${p.subject}" to ${p.to}${p.template ? ` (template "${h.template(p.template)}")` : ''}, ${p.footer ? 'with' : 'without'} the branding footer.`,
    'action.notify.sent': (p, h) => {
      const users = String(p.users ?? '');
      const all = [users, p.owner ?? ''].filter(Boolean).join(',');
      return `Notified ${h.users(all)}${p.ownerSkipped ? '; the owner notification was skipped: the ticket has no owner' : ''}.`;
    },
    'action.setStatus.set': (p, h) => `Set the status to ${h.status(p.status)}.`,
    'action.setStatus.already': (p, h) => `The ticket is already ${h.status(p.status)}; nothing changes.`,
    'action.setProperty.set': (p, h) =>
      `Set the ${PHRASES_EN.properties[String(p.property)]} to ${p.property === 'owner' && p.value === null ? 'unassigned' : h.value(p.property, p.value)}.`,
    'action.delay.duration': (p, h) => `Waits ${h.count(p.amount, String(p.unit))}; resumes at ${h.time(p.until)}.`,
    'action.delay.until': (p, h) => `Waits until ${h.days(p.days)} at ${p.time} UTC; resumes at ${h.time(p.until)}.`,
    'action.delayUntilDate.waits': (p, h) => `Waits until ${offset(p, h)}; resumes at ${h.time(p.until)}.`,
    'action.delayUntilDate.past': (p, h) => `${cap(offset(p, h))} (${h.time(p.date)}) is already past: goes on at once.`,
    'action.delayUntilDate.unknown': (p) => `The ticket has no ${PHRASES_EN.properties[String(p.property)] ?? String(p.property)}: goes on at once.`,
    'action.delayUntilEvent.waits': (p, h) => `Waits until ${awaited(p, h)}, at most until ${h.time(p.until)}.`,
    'action.branch.path': (p, h) => `Took the path "${h.path(p.label)}" (${h.filters({ held: true, group: p.group ?? 0 })}).`,
    'action.branch.default': (p, h) => `Took the default path "${h.path(p.label)}": ${Number(p.paths) === 1 ? 'its only path did not match' : `none of the ${h.count(p.paths, 'paths')} matched`}.`,
    'action.valueBranch.path': (p, h) => `The ${PHRASES_EN.properties[String(p.property)]} is ${h.value(p.property, p.value)}: took the path "${h.path(p.label)}".`,
    'action.valueBranch.default': (p, h) =>
      `The ${PHRASES_EN.properties[String(p.property)]} is ${h.value(p.property, p.value)}, which has no path of its own: took the default path "${h.path(p.label)}".`,
    'action.goto': (p, h) => `Continues at ${h.action(p.target)}.`,
    'action.webhook.recorded': (p) => `Recorded ${p.method} ${p.url} (not sent).`,
    'action.failed': (p) => `Failed: ${p.message}.`,
    'delay.resumed': (p, h) => `Resumed ${h.workflow(h.entry.workflow)} after its delay, at ${h.action(p.next)}.`,
    'delay.happened': (p, h) => `${cap(awaited(p, h).replace('replies', 'replied').replace('becomes', 'became').replace('changes', 'changed'))}: continues on the "happened" path${next(p, h)}.`,
    'delay.timedOut': (p, h) => `The wait until ${awaited(p, h)} timed out: continues on the timeout path${next(p, h)}.`,
    'move.started': (p, h) =>
      `${h.user(p.user)} started moving ${h.channel(p.channel)} to the help desk with ${p.history === 'all' ? `all conversations (Open → ${h.status(p.openStatus)}, Closed → ${h.status(p.closedStatus)})` : 'no historical conversations'}; it ends at ${h.time(p.endsAt)} and cannot be stopped.`,
    'move.finished': (p, h) =>
      `${h.channel(p.channel)} is now in the help desk. Its settings keep their values (its own ticket-creation setting stays ${p.createTickets ? 'on' : 'off'}); as a help-desk channel, every new conversation on it now arrives with a ticket.`,
    'move.detected': (p, h) => `Conversation ${p.conversation} arrived while ${h.channel(p.channel)} is moving: detected and moved to the help desk.`,
    'move.notWithChannel': (p, h) =>
      `Conversation ${p.conversation} was on ${h.channel(p.channel)} before but is now on ${h.channel(p.current)}: it counts only under its most recent channel and does not move with this one.`,
    'move.historyStays': (p, h) => `Historical conversations of ${h.channel(p.channel)} stay in the conversations inbox (${p.count}), as chosen.`,
    'move.withTicket': (p, h) =>
      `Conversation ${p.conversation} moved to the help desk with its ticket, as it is${p.ownerWithoutAccess ? `; its owner ${h.user(p.ownerWithoutAccess)} has no help-desk access` : ''}.`,
    'guard.runaway': (p, h) =>
      p.per === 'minute'
        ? `Runaway automation stopped on ticket ${h.entry.ticket}: it ran ${h.count(p.counted, 'actions')} within the virtual minute from ${h.time(p.since)} (the limit per ticket and minute) and was about to run one more. Actions counted by workflow: ${counted(p, h)}. The ticket's runs are stopped and it enrolls in nothing for the rest of this minute.`
        : `Runaway automation stopped on ticket ${h.entry.ticket}: it ran ${h.count(p.counted, 'actions')} in this simulation (the limit per ticket) and was about to run one more. Actions counted by workflow: ${counted(p, h)}. The ticket's runs are stopped and it enrolls in nothing for the rest of the simulation.`,
    'guard.maxSteps': (p, h) => `The simulation stopped after ${h.count(p.limit, 'steps')} without finishing${busiest(p, h)}.`,
    'guard.budget': (p, h) => `The simulation stopped at its budget ${p.budget} of ${p.limit} (${p.used} used) without finishing${busiest(p, h)}. The result so far is kept.`,
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ticketRef(p: TraceParams, h: Helpers): string {
  return p.ticketOf ? `the ticket of conversation ${p.ticketOf}` : `ticket ${h.entry.ticket ?? '?'}`;
}

function rejection(p: TraceParams, h: Helpers): string {
  switch (p.reason) {
    case 'halted':
      return 'the runaway guard stopped automation on this ticket for the rest of the simulation';
    case 'haltedMinute':
      return 'the runaway guard stopped automation on this ticket for the rest of this minute';
    case 'stillEnrolled':
      return 'the ticket is still enrolled (never re-enrolled while enrolled)';
    case 'noReenroll':
      return 'the ticket enrolled before and re-enrollment is off';
    default:
      return `enrollment filters failed: ${h.filters(p)}`;
  }
}

function cause(p: TraceParams, h: Helpers): string {
  switch (p.cause) {
    case 'movedChannel':
      return `new conversation on ${h.channel(p.channel)}, which moved to the help desk`;
    case 'movingChannel':
      return `new conversation on ${h.channel(p.channel)}, which is moving to the help desk`;
    case 'moveHistory': {
      const owner =
        p.ownerRule === 'none'
          ? 'the conversation had no owner'
          : p.ownerRule === 'kept'
            ? `owner ${h.user(p.owner)} kept (has help-desk access)`
            : `owner ${h.user(p.previousOwner)} has no help-desk access, so the ticket is unassigned`;
      return `${p.state} conversation ${p.conversation} moved without a ticket (created at the conversation's start, ${p.state} → ${h.status(p.status)}; ${owner})`;
    }
    default:
      return `new conversation on ${h.channel(p.channel)}`;
  }
}

/** "wf-a: 60, wf-b: 41" from "wf-a:60,wf-b:41", with workflow names. */
export function counts(list: unknown, h: Helpers, unit = ''): string {
  return String(list ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf(':');
      return `${h.workflow(pair.slice(0, at))} ${pair.slice(at + 1)}${unit}`;
    })
    .join(', ');
}

function counted(p: TraceParams, h: Helpers): string {
  const rest = uncounted(p);
  return `${counts(p.workflows, h)}${rest ? `, other workflows ${rest}` : ''}`;
}

/** The actions of the guard's count that the busiest workflows listed do not account for (0 when they all are). */
export function uncounted(p: TraceParams): number {
  let listed = 0;
  for (const pair of String(p.workflows ?? '').split(',')) if (pair) listed += Number(pair.slice(pair.lastIndexOf(':') + 1)) || 0;
  return Math.max(0, Number(p.counted) - listed);
}

function busiest(p: TraceParams, h: Helpers): string {
  return p.busiest ? `; busiest workflows (actions run): ${counts(p.busiest, h)}` : '';
}
