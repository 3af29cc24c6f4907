import type { ScenarioEvent, ScenarioEventType } from '../model/scenario';
import { currentChannel, startMove } from './channel-move';
import { fire, unenrollOnChange, type TriggerEvent } from './enrollment';
import { applyBuiltInStatus, changeProperty, changeStatus, createTicket, firstResponse, subjectFrom } from './help-desk';
import { codePair } from './journal';
import type { MessageResult, TraceEntry, TraceParams } from './types';
import { addThread, findThread, type ChannelState, type ConversationState, type ThreadState, type TicketState, type World } from './world';

type EventOf<T extends ScenarioEvent['type']> = Extract<ScenarioEvent, { type: T }>;

const TICKET_CREATED: TriggerEvent = { type: 'ticketCreated' };
const CONTACT_REPLIED: TriggerEvent = { type: 'contactReplied' };
const EMAIL_SENT_FROM_TICKET: TriggerEvent = { type: 'emailSentFromTicket' };

function message(world: World, direction: 'in' | 'out', text: string, from?: 'ticket' | 'contact'): MessageResult {
  return from ? { id: world.newMessageId(), direction, at: world.nowText, from, text } : { id: world.newMessageId(), direction, at: world.nowText, text };
}

/**
 * A new thread, started now with its first message, added to the conversation. Its message list is made
 * holding that message, so it is sized for one (most threads keep one or two) rather than grown by a push.
 */
function startThread(world: World, conv: ConversationState, threadId: string, first: MessageResult): ThreadState {
  const thread: ThreadState = { id: threadId, startedAt: world.now, messages: [first] };
  addThread(conv, thread);
  return thread;
}

/** Adds a message to the thread of a conversation with that id, starting the thread when there is none; returns whether it was known. */
function addMessage(world: World, conv: ConversationState, threadId: string, m: MessageResult): { thread: ThreadState; known: boolean } {
  const known = findThread(conv, threadId);
  if (known) known.messages.push(m);
  return { thread: known ?? startThread(world, conv, threadId, m), known: known !== null };
}

/** Where an event names its ticket: `ticketId`, or `ticketOf` (the ticket of a conversation at that moment). */
type TicketRef = { ticketId?: string | undefined; ticketOf?: string | undefined };

/**
 * The ticket an event names, directly or as the ticket of a conversation (SPEC §6: a scenario may name
 * the ticket of a conversation wherever it names a ticket); null, with the error, when there is none.
 */
export function ticketOf(world: World, ref: TicketRef, event: number, type: string): TicketState | null {
  if (ref.ticketOf !== undefined) {
    const conv = world.conversations.get(ref.ticketOf);
    if (!conv) {
      world.error('event.unknownConversation', `events[${event}] (${type}): conversation "${ref.ticketOf}" does not exist.`, { conversation: ref.ticketOf }, { event });
      return null;
    }
    const ticket = conv.ticket;
    if (ticket === null) {
      world.error(
        'event.conversationWithoutTicket',
        `events[${event}] (${type}): conversation "${conv.id}" has no ticket at ${world.nowText}.`,
        { conversation: conv.id },
        { event },
      );
      return null;
    }
    return ticket;
  }
  const id = ref.ticketId ?? '';
  const ticket = world.tickets.get(id);
  if (!ticket) world.error('event.unknownTicket', `events[${event}] (${type}): ticket "${id}" does not exist.`, { ticket: id }, { event });
  return ticket ?? null;
}

function channelName(channel: ChannelState): string {
  return `"${channel.def.name}" (${channel.def.id})`;
}

/** [S-create] A new incoming conversation: recorded, and a ticket when the channel creates them. */
function newConversation(world: World, ev: EventOf<'incomingMessage'>, event: number): void {
  const channel = world.channels.get(ev.channelId)!;
  const thread: ThreadState = { id: ev.threadId, startedAt: world.now, messages: [message(world, 'in', ev.text)] };
  const conv: ConversationState = {
    id: ev.conversationId,
    contactId: ev.contactId,
    ownerId: null,
    status: 'open',
    channelHistory: [ev.channelId],
    threads: [thread],
    startedAt: world.now,
    ticket: null,
    location: channel.location,
    moved: false,
    threadIndex: null,
  };
  world.conversations.set(conv.id, conv);
  world.records++;
  if (world.traceOn) {
    world.trace('conversation', 'conversation.started', { conversation: conv.id, contact: ev.contactId, channel: channel.def.id, location: conv.location });
  }
  if (channel.moving) {
    // [S-move] A conversation arriving while its channel moves is detected and moved too.
    conv.location = 'helpDesk';
    conv.moved = true;
    if (world.traceOn) world.trace('move', 'move.detected', { conversation: conv.id, channel: channel.def.id });
  }
  const info = world.pipelineOfChannel(channel);
  let why: TraceParams;
  if (channel.movedAt !== null || channel.moving) {
    // [S-move] On a moved channel every new conversation arrives in the help desk with a ticket.
    why = { cause: channel.moving ? 'movingChannel' : 'movedChannel', channel: channel.def.id };
  } else if (!channel.def.createTickets) {
    if (world.traceOn) world.trace('automation', 'automation.noTicket', { reason: 'channelOff', channel: channel.def.id, pipeline: info?.pipeline.id ?? null });
    return;
  } else if (info && !info.pipeline.automation.createTickets) {
    if (world.traceOn) world.trace('automation', 'automation.noTicket', { reason: 'pipelineOff', channel: channel.def.id, pipeline: info.pipeline.id });
    return;
  } else {
    why = { cause: 'create', channel: channel.def.id };
  }
  if (!info) {
    const target = channel.def.pipelineId ?? world.firstPipelineId;
    const where = target ? `pipeline "${target}", which does not exist` : 'the first pipeline, and the workspace has none';
    world.error('channel.unknownPipeline', `Channel ${channelName(channel)} sends tickets to ${where}.`, { channel: channel.def.id, pipeline: target || null }, { event });
    return;
  }
  createTicket(
    world,
    {
      subject: ev.subject ?? subjectFrom(ev.text),
      pipelineId: info.pipeline.id,
      statusId: info.first.id,
      ownerId: null,
      priority: world.workspace.defaultPriority,
      contactId: ev.contactId,
      source: channel.def.kind,
      channelId: channel.def.id,
      conversationId: conv.id,
      threadId: ev.threadId,
      createdAt: world.now,
      closedAt: null,
      reopened: false,
      inHelpDesk: conv.location === 'helpDesk',
    },
    'creation',
    why,
    [TICKET_CREATED, { type: 'conversationStarted', kind: channel.def.kind }, { type: 'statusChanged', from: null, to: info.first.id }],
  );
}

/** The contact writes: a new conversation, or a reply that may update the ticket ([S-in], [S-reopen]). */
function incomingMessage(world: World, ev: EventOf<'incomingMessage'>, event: number): void {
  if (!world.channels.has(ev.channelId)) {
    world.error('event.unknownChannel', `events[${event}] (incomingMessage): channel "${ev.channelId}" does not exist.`, { channel: ev.channelId }, { event });
    return;
  }
  const conv = world.conversations.get(ev.conversationId);
  // A conversation's own contact exists (it was checked when the conversation started): only another is looked up.
  if ((conv === undefined || conv.contactId !== ev.contactId) && !world.contacts.has(ev.contactId)) {
    world.error('event.unknownContact', `events[${event}] (incomingMessage): contact "${ev.contactId}" does not exist.`, { contact: ev.contactId }, { event });
    return;
  }
  if (!conv) {
    newConversation(world, ev, event);
    return;
  }
  if (conv.contactId !== ev.contactId) {
    world.error(
      'event.wrongContact',
      `events[${event}] (incomingMessage): conversation ${conv.id} is with contact "${conv.contactId}", not "${ev.contactId}".`,
      { conversation: conv.id, contact: ev.contactId, expected: conv.contactId },
      { event },
    );
    return;
  }
  const ticket = conv.ticket ?? undefined;
  const { thread, known } = addMessage(world, conv, ev.threadId, message(world, 'in', ev.text));
  world.records++;
  if (conv.status === 'closed') conv.status = 'open';
  if (world.traceOn) {
    world.trace('conversation', 'conversation.reply', { conversation: conv.id, thread: thread.id, newThread: !known, hasTicket: ticket !== undefined }, ticket);
  }
  if (currentChannel(conv) !== ev.channelId) {
    conv.channelHistory.push(ev.channelId);
    if (world.traceOn) world.trace('conversation', 'conversation.channelChanged', { conversation: conv.id, channel: ev.channelId }, ticket);
    // The ticket's channel (as filters read it) changed: enrolled tickets may meet their unenrollment criteria.
    if (ticket && ticket.activeRuns > 0) unenrollOnChange(world, ticket);
  }
  if (!ticket) return;
  // [S-in] only a reply on the thread the ticket was created on; [S-reopen] after a reopen, also any
  // thread started since the (last) reopen. Threads started before the reopen still change nothing.
  const onTicketThread = thread.id === ticket.threadId;
  const afterReopen = !onTicketThread && ticket.reopenedAt !== null && thread.startedAt >= ticket.reopenedAt;
  if (!onTicketThread && !afterReopen) {
    if (world.traceOn) {
      world.trace(
        'automation',
        'automation.notApplied',
        { rule: 'in', reason: ticket.reopenedAt === null ? 'otherThread' : 'threadBeforeReopen', thread: thread.id, ticketThread: ticket.threadId },
        ticket,
      );
    }
    return;
  }
  applyBuiltInStatus(world, ticket, 'onCustomerReply', afterReopen ? 'reopen' : 'in', event);
  fire(world, ticket, CONTACT_REPLIED);
}

/** An agent emails the contact: [S-out] updates the status only when sent from the ticket record. */
function agentEmail(world: World, ev: EventOf<'agentEmail'>, event: number): void {
  if (!world.users.has(ev.userId)) {
    world.error('event.unknownUser', `events[${event}] (agentEmail): user "${ev.userId}" does not exist.`, { user: ev.userId }, { event });
    return;
  }
  const conv = world.conversations.get(ev.conversationId);
  if (!conv) {
    world.error('event.unknownConversation', `events[${event}] (agentEmail): conversation "${ev.conversationId}" does not exist.`, { conversation: ev.conversationId }, { event });
    return;
  }
  const { thread } = addMessage(world, conv, ev.threadId, message(world, 'out', ev.text, ev.from));
  world.records++;
  const ticket = conv.ticket ?? undefined;
  if (!ticket && ev.from === 'ticket') {
    world.error('event.noTicket', `events[${event}] (agentEmail): sent from the ticket record, but conversation ${conv.id} has no ticket.`, { conversation: conv.id }, { event });
    return;
  }
  if (world.traceOn) {
    world.trace('conversation', 'conversation.agentEmail', { user: ev.userId, from: ev.from, conversation: conv.id, thread: thread.id, hasTicket: ticket !== undefined }, ticket);
  }
  if (!ticket) return;
  firstResponse(world, ticket);
  if (ev.from === 'contact') {
    if (world.traceOn) world.trace('automation', 'automation.notApplied', { rule: 'out', reason: 'contactRecord' }, ticket);
    return;
  }
  applyBuiltInStatus(world, ticket, 'onEmailSent', 'out', event);
  fire(world, ticket, EMAIL_SENT_FROM_TICKET);
}

function refuse(world: World, event: number, type: string, ticket: TicketState, message: string): void {
  world.error('event.refused', `events[${event}] (${type}) on ticket ${ticket.id}: ${message}.`, { type, reason: message }, { event, ticket: ticket.id });
}

/** Applies one scenario event to the world. */
export function applyEvent(world: World, ev: ScenarioEvent, event: number): void {
  switch (ev.type) {
    case 'incomingMessage':
      incomingMessage(world, ev, event);
      return;
    case 'agentEmail':
      agentEmail(world, ev, event);
      return;
    case 'setStatus': {
      const ticket = ticketOf(world, ev, event, ev.type);
      if (!ticket) return;
      if (ticket.statusId === ev.statusId) {
        if (world.traceOn) world.trace('status', 'status.unchanged', { status: ev.statusId }, ticket);
        return;
      }
      const refused = changeStatus(world, ticket, ev.statusId, 'scenario');
      if (refused) refuse(world, event, ev.type, ticket, refused);
      return;
    }
    case 'setOwner':
    case 'setPriority': {
      const ticket = ticketOf(world, ev, event, ev.type);
      if (!ticket) return;
      const refused = changeProperty(
        world,
        ticket,
        ev.type === 'setOwner' ? { property: 'owner', ownerId: ev.ownerId } : { property: 'priority', priority: ev.priority },
        'scenario',
      );
      if (refused) refuse(world, event, ev.type, ticket, refused);
      return;
    }
    case 'closeTicket': {
      const ticket = ticketOf(world, ev, event, ev.type);
      if (!ticket) return;
      if (ticket.statusCategory === 'closed') return refuse(world, event, ev.type, ticket, 'the ticket is already closed');
      const closed = world.pipelines.get(ticket.pipelineId)?.firstClosed;
      if (!closed) return refuse(world, event, ev.type, ticket, 'its pipeline has no closed status');
      changeStatus(world, ticket, closed.id, 'scenario');
      return;
    }
    case 'reopenTicket': {
      const ticket = ticketOf(world, ev, event, ev.type);
      if (!ticket) return;
      if (ticket.statusCategory !== 'closed') return refuse(world, event, ev.type, ticket, 'the ticket is not closed');
      // A reopen returns the ticket to the open status it had before it was closed.
      const target = ticket.lastOpenStatusId ?? world.pipelines.get(ticket.pipelineId)?.firstOpen?.id;
      if (!target) return refuse(world, event, ev.type, ticket, 'its pipeline has no open status');
      changeStatus(world, ticket, target, 'scenario');
      return;
    }
    case 'advance':
      return;
    case 'moveChannel':
      startMove(world, ev, event);
      return;
  }
}

/** The trace code of each scenario event type, "event.<type>", made once. */
const EVENT_CODES: Record<ScenarioEventType, string> = {
  incomingMessage: 'event.incomingMessage',
  agentEmail: 'event.agentEmail',
  setStatus: 'event.setStatus',
  setOwner: 'event.setOwner',
  setPriority: 'event.setPriority',
  closeTicket: 'event.closeTicket',
  reopenTicket: 'event.reopenTicket',
  advance: 'event.advance',
  moveChannel: 'event.moveChannel',
};

/** The (kind, code) pair of each scenario event's trace entry (see Journal). */
export const EVENT_PAIRS = Object.fromEntries(Object.entries(EVENT_CODES).map(([type, code]) => [type, codePair('event', code)])) as Record<ScenarioEventType, number>;

/** The parameters of a scenario event's trace entry: what the event says, from the event alone. */
export function eventParams(ev: ScenarioEvent, index: number): TraceParams {
  switch (ev.type) {
    case 'incomingMessage':
      return { index, contact: ev.contactId, channel: ev.channelId, conversation: ev.conversationId, thread: ev.threadId };
    case 'agentEmail':
      return { index, user: ev.userId, from: ev.from, conversation: ev.conversationId, thread: ev.threadId };
    case 'advance':
      return { index };
    case 'moveChannel':
      return { index, user: ev.userId, channel: ev.channelId, history: ev.history };
    default: {
      const params: TraceParams = { index };
      if (ev.type === 'setStatus') params.status = ev.statusId;
      else if (ev.type === 'setOwner') params.owner = ev.ownerId;
      else if (ev.type === 'setPriority') params.priority = ev.priority;
      const ref: TicketRef = ev;
      if (ref.ticketOf !== undefined) params.ticketOf = ref.ticketOf;
      return params;
    }
  }
}

/**
 * The ticket a scenario event's entry names, when it names one and that ticket exists (the ticket of a
 * conversation is the one it has at the moment of the event).
 */
export function eventTicket(world: World, ev: ScenarioEvent): string | undefined {
  switch (ev.type) {
    case 'incomingMessage':
    case 'agentEmail':
    case 'advance':
    case 'moveChannel':
      return undefined;
    default: {
      const ref: TicketRef = ev;
      return (ref.ticketOf !== undefined ? world.conversations.get(ref.ticketOf)?.ticket?.id : ref.ticketId) ?? undefined;
    }
  }
}

/** The trace entry of a scenario event (code "event.<type>"), see eventParams and eventTicket. */
export function eventEntry(world: World, ev: ScenarioEvent, index: number): TraceEntry {
  return world.entry('event', EVENT_CODES[ev.type], eventParams(ev, index), eventTicket(world, ev));
}
