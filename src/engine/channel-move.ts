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
function refusal(world: World, ev: MoveEvent): { code: string; message: string } | null {
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
    return { code: 'move.kindNotMovable', message: `${name} is a ${kind === 'whatsapp' ? 'WhatsApp' : 'Messenger'} chatflow; WhatsApp and Messenger chatflows cannot move to the help desk.` };
  }
  if (!MOVABLE_KINDS.has(kind)) {
    return { code: 'move.kindNotMovable', message: `${name} is a ${kind} channel; only chatflows, connected email and form channels can move to the help desk.` };
  }
  if (channel.moving) {
    return { code: 'move.inProgress', message: `${name} is already moving to the help desk; a move, once started, cannot be stopped or started again.` };
  }
  if (world.move) {
    const other = world.move.channel.def;
    return {
      code: 'move.oneAtATime',
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
    world.error(refused.code, `Move refused: ${refused.message}`, { event });
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
  const info = world.pipelineOfChannel(channel);
  const history =
    ev.history === 'all'
      ? `all conversations (Open → ${world.statusLabel(info!.pipeline.id, move.openStatusId)}, Closed → ${world.statusLabel(info!.pipeline.id, move.closedStatusId)})`
      : 'no historical conversations';
  world.trace(
    'move',
    `${world.userName(ev.userId)} started moving "${channel.def.name}" (${channel.def.id}) to the help desk with ${history}; it ends at ${iso(move.endsAt)} and cannot be stopped.`,
  );
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
  world.trace(
    'move',
    `"${channel.def.name}" (${id}) is now in the help desk; its settings are kept (ticket creation ${channel.def.createTickets ? 'on' : 'off'}), and every new conversation on it gets a ticket.`,
  );
  const inInbox: ConversationState[] = [];
  for (const conv of world.conversations.values()) {
    if (currentChannel(conv) === id) {
      if (conv.location === 'inbox') inInbox.push(conv);
    } else if (move.history === 'all' && conv.channelHistory.includes(id)) {
      world.trace(
        'move',
        `Conversation ${conv.id} was on "${channel.def.name}" before but is now on ${currentChannel(conv)}: it counts only under its most recent channel and does not move with this one.`,
      );
    }
  }
  if (move.history === 'none') {
    world.trace('move', `Historical conversations stay in the conversations inbox (${inInbox.length}), as chosen.`);
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
  if (conv.ticketId !== null) {
    const ticket = world.tickets.get(conv.ticketId);
    const owner = ticket?.ownerId == null ? undefined : world.users.get(ticket.ownerId);
    const ownerNote = owner && !owner.helpDeskAccess ? `; its owner ${owner.name} has no help-desk access` : '';
    world.trace('move', `Conversation ${conv.id} moved to the help desk with its ticket ${conv.ticketId}, as it is${ownerNote}.`, { ticket: conv.ticketId });
    if (ticket && !ticket.inHelpDesk) {
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
  const ownerNote =
    conv.ownerId === null
      ? 'the conversation had no owner'
      : keepOwner
        ? `owner ${owner!.name} kept (has help-desk access)`
        : `owner ${owner?.name ?? conv.ownerId} has no help-desk access, so the ticket is unassigned`;
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
    },
    'move',
    `[S-move] ${conv.status} conversation ${conv.id} moved without a ticket (created at the conversation's start, ${conv.status} → ${status.label}; ${ownerNote})`,
    [{ type: 'ticketCreated' }, { type: 'statusChanged', from: null, to: statusId }],
  );
}
