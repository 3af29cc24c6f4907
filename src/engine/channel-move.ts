import type { ChannelKind } from '../model/common';
import type { ScenarioEvent } from '../model/scenario';
import { createTicket, startSla, subjectFrom } from './help-desk';
import { iso, MINUTE_MS, type ChannelState, type ConversationState, type MoveState, type World } from './world';

type MoveEvent = Extract<ScenarioEvent, { type: 'moveChannel' }>;

/** Channel kinds that can move to the help desk [S-move]: chatflows, connected email and forms. */
export const MOVABLE_KINDS: ReadonlySet<ChannelKind> = new Set<ChannelKind>(['chat', 'email', 'form']);

/** The channel a conversation counts under: its most recent one [S-move]. */
export function currentChannel(conv: ConversationState): string {
  return conv.channelHistory[conv.channelHistory.length - 1]!;
}

/** Why a move cannot start, with the error code; null when it can. Checked in the order an admin would meet them. */
function refusal(world: World, ev: MoveEvent): { code: string; message: string; params?: Record<string, string | number> } | null {
  const user = world.users.get(ev.userId);
  if (!user) return { code: 'move.unknownUser', message: `User "${ev.userId}" does not exist in the workspace.` };
  if (!user.superAdmin) {
    return { code: 'move.notSuperAdmin', message: `Only super admins can move a channel to the help desk; ${user.name} (${user.id}) is not one.` };
  }
  const channel = world.channels.get(ev.channelId);
  if (!channel) return { code: 'move.unknownChannel', message: `Channel "${ev.channelId}" does not exist in the workspace.` };
  const name = `"${channel.def.name}" (${channel.def.id})`;
  const kind = channel.def.kind;
  if (kind === 'whatsapp' || kind === 'messenger') {
    return { code: 'move.kindNotMovable', params: { kind }, message: `${name} is a ${kind === 'whatsapp' ? 'WhatsApp' : 'Messenger'} chatflow; WhatsApp and Messenger chatflows cannot move to the help desk.` };
  }
  if (!MOVABLE_KINDS.has(kind)) {
    return { code: 'move.kindNotMovable', params: { kind }, message: `${name} is a ${kind} channel; only chatflows, connected email and form channels can move to the help desk.` };
  }
  if (channel.moving) {
    return { code: 'move.inProgress', message: `${name} is already moving to the help desk; a move, once started, cannot be stopped or started again.` };
  }
  if (world.move) {
    const other = world.move.channel.def;
    return {
      code: 'move.oneAtATime',
      params: { moving: other.id, endsAt: world.move.endsAt },
      message: `Only one channel moves at a time: "${other.name}" (${other.id}) is still moving until ${iso(world.move.endsAt)}.`,
    };
  }
  if (channel.movedAt !== null) {
    return {
      code: 'move.alreadyMoved',
      message: `${name} has already moved to the help desk: a channel never moves back, and the choice to move its historical conversations is gone once it has moved.`,
    };
  }
  if (channel.location === 'helpDesk') return { code: 'move.alreadyInHelpDesk', message: `${name} is already in the help desk.` };
  if (ev.history === 'all') {
    const info = world.pipelineOfChannel(channel);
    if (!info) return { code: 'move.unknownPipeline', message: `The pipeline of ${name} does not exist in the workspace.` };
    for (const [state, statusId] of [['Open', ev.openStatusId], ['Closed', ev.closedStatusId]] as const) {
      if (statusId === undefined) {
        return { code: 'move.statusMissing', message: `Moving all conversations of ${name} needs a ticket status for ${state} conversations.` };
      }
      if (!info.statuses.has(statusId)) {
        return {
          code: 'move.unknownStatus',
          message: `The ticket status "${statusId}" chosen for ${state} conversations is not in the pipeline "${info.pipeline.name}".`,
        };
      }
    }
  }
  return null;
}

/** Starts moving a channel from the conversations inbox to the help desk, or records why it cannot. */
export function startMove(world: World, ev: MoveEvent, event: number): void {
  const refused = refusal(world, ev);
  if (refused) {
    world.error(refused.code, `Move refused: ${refused.message}`, { user: ev.userId, channel: ev.channelId, ...refused.params }, { event });
    return;
  }
  const channel = world.channels.get(ev.channelId)!;
  const move: MoveState = {
    channel,
    history: ev.history,
    openStatusId: ev.history === 'all' ? ev.openStatusId! : null,
    closedStatusId: ev.history === 'all' ? ev.closedStatusId! : null,
    by: ev.userId,
    endsAt: world.now + ev.durationMinutes * MINUTE_MS,
  };
  channel.moving = true;
  world.move = move;
  world.trace('move', 'move.started', {
    user: ev.userId,
    channel: channel.def.id,
    history: ev.history,
    openStatus: move.openStatusId,
    closedStatus: move.closedStatusId,
    endsAt: move.endsAt,
  });
  world.scheduleMoveEnd(move.endsAt, move);
}

/** The channel now lives in the help desk; historical conversations move when the admin chose "all". */
export function finishMove(world: World, move: MoveState): void {
  const channel = move.channel;
  channel.moving = false;
  channel.location = 'helpDesk';
  channel.movedAt = world.now;
  world.move = null;
  const id = channel.def.id;
  // Settings are kept as they were, not reset to help-desk defaults.
  world.trace('move', 'move.finished', { channel: id, createTickets: channel.def.createTickets });
  const inInbox: ConversationState[] = [];
  for (const conv of world.conversations.values()) {
    if (currentChannel(conv) === id) {
      if (conv.location === 'inbox') inInbox.push(conv);
    } else if (move.history === 'all' && conv.channelHistory.includes(id)) {
      world.trace('move', 'move.notWithChannel', { conversation: conv.id, channel: id, current: currentChannel(conv) }, conv.ticket);
    }
  }
  if (move.history === 'none') {
    world.trace('move', 'move.historyStays', { channel: id, count: inInbox.length });
    return;
  }
  inInbox.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const conv of inInbox) moveConversation(world, move, channel, conv);
}

function lastMessageAt(conv: ConversationState): number {
  let last = conv.startedAt;
  for (const thread of conv.threads) for (const m of thread.messages) last = Math.max(last, Date.parse(m.at));
  return last;
}

function firstText(conv: ConversationState): string {
  for (const thread of conv.threads) if (thread.messages.length) return thread.messages[0]!.text;
  return '';
}

/** Moves one historical conversation: with its ticket as it is, or with a new ticket made from it. */
function moveConversation(world: World, move: MoveState, channel: ChannelState, conv: ConversationState): void {
  conv.location = 'helpDesk';
  conv.moved = true;
  const ticket = conv.ticket;
  if (ticket !== null) {
    const owner = ticket.ownerId === null ? undefined : world.users.get(ticket.ownerId);
    world.trace('move', 'move.withTicket', { conversation: conv.id, ownerWithoutAccess: owner && !owner.helpDeskAccess ? owner.id : null }, ticket);
    if (!ticket.inHelpDesk) {
      // It moves as it is: its SLA due times count from its created time, as they always did.
      ticket.inHelpDesk = true;
      startSla(world, ticket);
    }
    return;
  }
  const info = world.pipelineOfChannel(channel)!;
  const statusId = conv.status === 'open' ? move.openStatusId! : move.closedStatusId!;
  const status = info.statuses.get(statusId)!;
  const owner = conv.ownerId === null ? undefined : world.users.get(conv.ownerId);
  const keepOwner = owner?.helpDeskAccess === true;
  const ownerRule = conv.ownerId === null ? 'none' : keepOwner ? 'kept' : 'noAccess';
  const firstThread = conv.threads[0]?.id ?? null;
  createTicket(
    world,
    {
      subject: subjectFrom(firstText(conv)),
      pipelineId: info.pipeline.id,
      statusId,
      ownerId: keepOwner ? conv.ownerId : null,
      priority: world.workspace.defaultPriority,
      contactId: conv.contactId,
      source: channel.def.kind,
      channelId: channel.def.id,
      conversationId: conv.id,
      threadId: firstThread,
      createdAt: conv.startedAt,
      // A closed conversation has no close time of its own; its last message stands in for it.
      closedAt: status.category === 'closed' ? lastMessageAt(conv) : null,
      reopened: false,
      inHelpDesk: true,
      // Created at the conversation's start, but its SLA due times count from now, when it enters the help desk (SPEC §7).
      slaFrom: world.now,
    },
    'move',
    { cause: 'moveHistory', channel: channel.def.id, state: conv.status, ownerRule, previousOwner: conv.ownerId },
    [{ type: 'ticketCreated' }, { type: 'statusChanged', from: null, to: statusId }],
  );
}
