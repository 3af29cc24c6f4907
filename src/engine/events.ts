import type { ScenarioEvent } from '../model/scenario';
import { currentChannel, startMove } from './channel-move';
import { fire, type TriggerEvent } from './enrollment';
import { applyBuiltInStatus, changeProperty, changeStatus, createTicket, firstResponse, subjectFrom } from './help-desk';
import type { MessageResult } from './types';
import type { ChannelState, ConversationState, ThreadState, TicketState, World } from './world';

type EventOf<T extends ScenarioEvent['type']> = Extract<ScenarioEvent, { type: T }>;

const TICKET_CREATED: TriggerEvent = { type: 'ticketCreated' };
const CONTACT_REPLIED: TriggerEvent = { type: 'contactReplied' };
const EMAIL_SENT_FROM_TICKET: TriggerEvent = { type: 'emailSentFromTicket' };

function message(world: World, direction: 'in' | 'out', text: string, from?: 'ticket' | 'contact'): MessageResult {
  return from ? { id: world.newMessageId(), direction, at: world.nowText, from, text } : { id: world.newMessageId(), direction, at: world.nowText, text };
}

/** The thread of a conversation with that id, or null. */
function findThread(conv: ConversationState, threadId: string): ThreadState | null {
  const threads = conv.threads;
  for (let i = 0; i < threads.length; i++) if (threads[i]!.id === threadId) return threads[i]!;
  return null;
}

/** A new thread, started now, added to the conversation. */
function startThread(world: World, conv: ConversationState, threadId: string): ThreadState {
  const thread: ThreadState = { id: threadId, startedAt: world.now, messages: [] };
  conv.threads.push(thread);
  return thread;
}

function ticketOf(world: World, ticketId: string, event: number, type: string): TicketState | null {
  const ticket = world.tickets.get(ticketId);
  if (!ticket) world.error('event.unknownTicket', `events[${event}] (${type}): ticket "${ticketId}" does not exist.`, { event });
  return ticket ?? null;
}

function channelName(channel: ChannelState): string {
  return `"${channel.def.name}" (${channel.def.id})`;
}

/** [S-create] A new incoming conversation: recorded, and a ticket when the channel creates them. */
function newConversation(world: World, ev: EventOf<'incomingMessage'>, event: number): void {
  const channel = world.channels.get(ev.channelId)!;
  const conv: ConversationState = {
    id: ev.conversationId,
    contactId: ev.contactId,
    ownerId: null,
    status: 'open',
    channelHistory: [ev.channelId],
    threads: [],
    startedAt: world.now,
    ticketId: null,
    location: channel.location,
    moved: false,
  };
  world.conversations.set(conv.id, conv);
  startThread(world, conv, ev.threadId).messages.push(message(world, 'in', ev.text));
  // Texts for the trace only; the ticket's records do not need them.
  const name = world.traceOn ? channelName(channel) : '';
  if (world.traceOn) world.trace('conversation', `New conversation ${conv.id} from ${world.contacts.get(ev.contactId)!.name} on ${name}, in the ${conv.location === 'inbox' ? 'conversations inbox' : 'help desk'}.`);
  if (channel.moving) {
    // [S-move] A conversation arriving while its channel moves is detected and moved too.
    conv.location = 'helpDesk';
    conv.moved = true;
    if (world.traceOn) world.trace('move', `Conversation ${conv.id} arrived while ${name} is moving: detected and moved to the help desk.`);
  }
  const info = world.pipelineOfChannel(channel);
  let why = '';
  if (channel.movedAt !== null || channel.moving) {
    // [S-move] On a moved channel every new conversation arrives in the help desk with a ticket.
    if (world.traceOn) why = `[S-move] new conversation on ${name}, which ${channel.moving ? 'is moving' : 'moved'} to the help desk`;
  } else if (!channel.def.createTickets) {
    if (world.traceOn) world.trace('automation', `[S-create] No ticket: ticket creation is off for ${name}.`);
    return;
  } else if (info && !info.pipeline.automation.createTickets) {
    if (world.traceOn) world.trace('automation', `[S-create] No ticket: the pipeline "${info.pipeline.name}" does not create tickets for new conversations.`);
    return;
  } else if (world.traceOn) {
    why = `[S-create] new conversation on ${name}`;
  }
  if (!info) {
    const target = channel.def.pipelineId ?? world.firstPipelineId;
    const where = target ? `pipeline "${target}", which does not exist` : 'the first pipeline, and the workspace has none';
    world.error('channel.unknownPipeline', `Channel ${channelName(channel)} sends tickets to ${where}.`, { event });
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
    world.error('event.unknownChannel', `events[${event}] (incomingMessage): channel "${ev.channelId}" does not exist.`, { event });
    return;
  }
  if (!world.contacts.has(ev.contactId)) {
    world.error('event.unknownContact', `events[${event}] (incomingMessage): contact "${ev.contactId}" does not exist.`, { event });
    return;
  }
  const conv = world.conversations.get(ev.conversationId);
  if (!conv) {
    newConversation(world, ev, event);
    return;
  }
  if (conv.contactId !== ev.contactId) {
    world.error(
      'event.wrongContact',
      `events[${event}] (incomingMessage): conversation ${conv.id} is with contact "${conv.contactId}", not "${ev.contactId}".`,
      { event },
    );
    return;
  }
  if (currentChannel(conv) !== ev.channelId) {
    conv.channelHistory.push(ev.channelId);
    if (world.traceOn) world.trace('conversation', `Conversation ${conv.id} continues on channel ${ev.channelId}, its most recent channel now.`);
  }
  const known = findThread(conv, ev.threadId);
  const thread = known ?? startThread(world, conv, ev.threadId);
  thread.messages.push(message(world, 'in', ev.text));
  if (conv.status === 'closed') conv.status = 'open';
  const ticket = conv.ticketId === null ? undefined : world.tickets.get(conv.ticketId);
  const where = world.traceOn ? `${known ? 'thread' : 'a new thread'} ${thread.id} of conversation ${conv.id}` : '';
  if (!ticket) {
    if (world.traceOn) world.trace('conversation', `Contact replied on ${where}, which has no ticket.`);
    return;
  }
  if (world.traceOn) world.trace('conversation', `Contact replied on ${where}.`, { ticket: ticket.id });
  // [S-in] only a reply on the thread the ticket was created on; [S-reopen] after a reopen, also any
  // thread started since the (last) reopen. Threads started before the reopen still change nothing.
  const onTicketThread = thread.id === ticket.threadId;
  const afterReopen = !onTicketThread && ticket.reopenedAt !== null && thread.startedAt >= ticket.reopenedAt;
  if (!onTicketThread && !afterReopen) {
    const reopenNote = ticket.reopenedAt === null ? '' : ' (and the thread did not start after the reopen)';
    if (world.traceOn) world.trace('automation', `[S-in] not applied: the reply is on thread ${thread.id}, not on ${ticket.threadId ?? 'no thread'}, the thread the ticket was created on${reopenNote}.`, { ticket: ticket.id });
    return;
  }
  const rule = afterReopen ? '[S-reopen] reply on a new thread after the ticket was reopened' : "[S-in] reply on the ticket's thread";
  applyBuiltInStatus(world, ticket, 'onCustomerReply', rule, event);
  fire(world, ticket, CONTACT_REPLIED);
}

/** An agent emails the contact: [S-out] updates the status only when sent from the ticket record. */
function agentEmail(world: World, ev: EventOf<'agentEmail'>, event: number): void {
  if (!world.users.has(ev.userId)) {
    world.error('event.unknownUser', `events[${event}] (agentEmail): user "${ev.userId}" does not exist.`, { event });
    return;
  }
  const conv = world.conversations.get(ev.conversationId);
  if (!conv) {
    world.error('event.unknownConversation', `events[${event}] (agentEmail): conversation "${ev.conversationId}" does not exist.`, { event });
    return;
  }
  const thread = findThread(conv, ev.threadId) ?? startThread(world, conv, ev.threadId);
  thread.messages.push(message(world, 'out', ev.text, ev.from));
  const ticket = conv.ticketId === null ? undefined : world.tickets.get(conv.ticketId);
  const record = ev.from === 'ticket' ? 'ticket record' : 'contact record';
  if (!ticket) {
    if (ev.from === 'ticket') {
      world.error('event.noTicket', `events[${event}] (agentEmail): sent from the ticket record, but conversation ${conv.id} has no ticket.`, { event });
    } else {
      if (world.traceOn) world.trace('conversation', `${world.userName(ev.userId)} emailed the contact from the ${record} on conversation ${conv.id}, which has no ticket.`);
    }
    return;
  }
  if (world.traceOn) world.trace('conversation', `${world.userName(ev.userId)} emailed the contact from the ${record} on thread ${thread.id}.`, { ticket: ticket.id });
  firstResponse(world, ticket);
  if (ev.from === 'contact') {
    if (world.traceOn) world.trace('automation', '[S-out] not applied: the email was sent from the contact record, which never changes the ticket status.', { ticket: ticket.id });
    return;
  }
  applyBuiltInStatus(world, ticket, 'onEmailSent', '[S-out] email sent from the ticket record', event);
  fire(world, ticket, EMAIL_SENT_FROM_TICKET);
}

function refuse(world: World, event: number, type: string, ticket: TicketState, message: string): void {
  world.error('event.refused', `events[${event}] (${type}) on ticket ${ticket.id}: ${message}.`, { event, ticket: ticket.id });
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
      const ticket = ticketOf(world, ev.ticketId, event, ev.type);
      if (!ticket) return;
      if (ticket.statusId === ev.statusId) {
        if (world.traceOn) world.trace('status', `The ticket is already ${world.statusLabel(ticket.pipelineId, ev.statusId)}; nothing changes.`, { ticket: ticket.id });
        return;
      }
      const refused = changeStatus(world, ticket, ev.statusId, 'scenario');
      if (refused) refuse(world, event, ev.type, ticket, refused);
      return;
    }
    case 'setOwner':
    case 'setPriority': {
      const ticket = ticketOf(world, ev.ticketId, event, ev.type);
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
      const ticket = ticketOf(world, ev.ticketId, event, ev.type);
      if (!ticket) return;
      if (ticket.statusCategory === 'closed') return refuse(world, event, ev.type, ticket, 'the ticket is already closed');
      const closed = world.pipelines.get(ticket.pipelineId)?.firstClosed;
      if (!closed) return refuse(world, event, ev.type, ticket, 'its pipeline has no closed status');
      changeStatus(world, ticket, closed.id, 'scenario');
      return;
    }
    case 'reopenTicket': {
      const ticket = ticketOf(world, ev.ticketId, event, ev.type);
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

/** The event in words, for the trace. */
export function describeEvent(world: World, ev: ScenarioEvent): string {
  switch (ev.type) {
    case 'incomingMessage':
      return `Incoming message from ${world.contacts.get(ev.contactId)?.name ?? ev.contactId} on ${ev.channelId} (conversation ${ev.conversationId}, thread ${ev.threadId}).`;
    case 'agentEmail':
      return `${world.userName(ev.userId)} sends an email from the ${ev.from} record (conversation ${ev.conversationId}, thread ${ev.threadId}).`;
    case 'setStatus':
      return `Agent sets ticket ${ev.ticketId} to status ${ev.statusId}.`;
    case 'setOwner':
      return `Agent sets the owner of ticket ${ev.ticketId} to ${world.userName(ev.ownerId)}.`;
    case 'setPriority':
      return `Agent sets the priority of ticket ${ev.ticketId} to ${ev.priority}.`;
    case 'closeTicket':
      return `Agent closes ticket ${ev.ticketId}.`;
    case 'reopenTicket':
      return `Agent reopens ticket ${ev.ticketId}.`;
    case 'advance':
      return 'Time passes.';
    case 'moveChannel':
      return `${world.userName(ev.userId)} moves channel ${ev.channelId} to the help desk (history: ${ev.history}).`;
  }
}
