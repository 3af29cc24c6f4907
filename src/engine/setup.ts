import type { Scenario, ScenarioEvent } from '../model/scenario';
import { currentChannel } from './channel-move';
import { recordStatus, startSla, ticketState } from './help-desk';
import { addThread, DAY_MS, iso, parseTime, type ConversationState, type ThreadState, type World } from './world';

/**
 * The scenario's events placed on the clock, in the order they run: when each is due and its place in the
 * scenario's list, as two columns (a scenario holds tens of thousands of events, and an object for each
 * would live as long as the run).
 */
export interface EventOrder {
  at: Float64Array;
  index: Int32Array;
  count: number;
}

/**
 * Loads the scenario's initial help desk into the world: contacts, conversations and tickets, each checked
 * against the workspace; a bad one is reported with its place in the scenario and left out.
 */
export function loadInitial(world: World, scenario: Scenario): void {
  const init = scenario.initial;
  init.contacts.forEach((c, i) => {
    if (world.contacts.has(c.id)) {
      world.error('scenario.duplicateContact', `initial.contacts[${i}]: contact "${c.id}" already exists; the first one is kept.`, { index: i, contact: c.id });
      return;
    }
    world.contacts.set(c.id, c);
  });

  init.conversations.forEach((c, i) => {
    const where = `initial.conversations[${i}] (${c.id})`;
    const problem =
      (world.conversations.has(c.id) && `the id "${c.id}" is used twice`) ||
      (!world.contacts.has(c.contactId) && `contact "${c.contactId}" does not exist`) ||
      (c.ownerId !== null && !world.users.has(c.ownerId) && `owner "${c.ownerId}" does not exist`) ||
      c.channelHistory.map((id) => !world.channels.has(id) && `channel "${id}" does not exist`).find(Boolean) ||
      (parseTime(c.startedAt) === null && `startedAt "${c.startedAt}" is not a date`);
    if (problem) {
      world.error('scenario.badConversation', `${where}: ${problem}; the conversation is left out.`, { index: i, conversation: c.id });
      return;
    }
    const threads: ThreadState[] = [];
    const startedAt = parseTime(c.startedAt)!;
    for (const th of c.threads) {
      const messages = th.messages.map((m) => ({ ...m, at: iso(parseTime(m.at) ?? startedAt) }));
      threads.push({ id: th.id, startedAt: parseTime(messages[0]?.at ?? '') ?? startedAt, messages });
    }
    const conv: ConversationState = {
      id: c.id,
      contactId: c.contactId,
      ownerId: c.ownerId,
      status: c.status,
      channelHistory: [...c.channelHistory],
      threads: [],
      startedAt,
      ticket: null,
      location: 'inbox',
      moved: false,
      threadIndex: null,
    };
    for (const thread of threads) addThread(conv, thread);
    conv.location = world.channels.get(currentChannel(conv))!.location;
    world.conversations.set(c.id, conv);
  });

  init.tickets.forEach((t, i) => {
    const where = `initial.tickets[${i}] (${t.id})`;
    const info = world.pipelines.get(t.pipelineId);
    const status = info?.statuses.get(t.statusId);
    const conv = t.conversationId === null ? undefined : world.conversations.get(t.conversationId);
    const problem =
      (world.tickets.has(t.id) && `the id "${t.id}" is used twice`) ||
      (!info && `pipeline "${t.pipelineId}" does not exist`) ||
      (!status && `status "${t.statusId}" is not in pipeline "${t.pipelineId}"`) ||
      (t.ownerId !== null && !world.users.has(t.ownerId) && `owner "${t.ownerId}" does not exist`) ||
      (t.contactId !== null && !world.contacts.has(t.contactId) && `contact "${t.contactId}" does not exist`) ||
      (t.conversationId !== null && !conv && `conversation "${t.conversationId}" does not exist`) ||
      (conv && conv.ticket !== null && `conversation "${conv.id}" already has ticket ${conv.ticket.id}`) ||
      (parseTime(t.createdAt) === null && `createdAt "${t.createdAt}" is not a date`);
    if (problem) {
      world.error('scenario.badTicket', `${where}: ${problem}; the ticket is left out.`, { index: i, ticket: t.id });
      return;
    }
    const createdAt = parseTime(t.createdAt)!;
    const closedAt = t.closedAt === null ? null : (parseTime(t.closedAt) ?? createdAt);
    const ticket = ticketState(
      t.id,
      {
        subject: t.subject,
        pipelineId: t.pipelineId,
        statusId: t.statusId,
        ownerId: t.ownerId,
        priority: t.priority,
        contactId: t.contactId,
        source: t.source,
        channelId: conv ? conv.channelHistory[0]! : null,
        conversationId: t.conversationId,
        threadId: t.threadId,
        createdAt,
        closedAt: status!.category === 'closed' ? closedAt : null,
        reopened: t.reopened,
        // SLAs apply in the help desk; a ticket of an inbox conversation waits for its channel to move.
        inHelpDesk: conv ? conv.location === 'helpDesk' : true,
      },
      status!.category,
      world.journal.newTicketNo(t.id),
    );
    // Any thread started during the simulation counts as new for a ticket already reopened before it.
    if (t.reopened) ticket.reopenedAt = world.start;
    if (conv) conv.ticket = ticket;
    world.tickets.set(t.id, ticket);
    recordStatus(world, ticket, createdAt, null, t.statusId, 'scenario', 0);
  });

  for (const conv of world.conversations.values()) {
    const ticket = conv.ticket;
    if (ticket === null) continue;
    if (ticket.conversationId !== conv.id) {
      world.error('scenario.badConversation', `Conversation ${conv.id} and ticket ${ticket.id} do not point at each other.`, { conversation: conv.id, ticket: ticket.id });
    }
  }
  for (const ticket of world.tickets.values()) if (ticket.inHelpDesk) startSla(world, ticket);
}

/**
 * The events in time order. Events out of order are reported and run sorted (stably); events with a
 * time that is not a date, or before the scenario start, are reported and skipped.
 */
export function orderEvents(world: World, scenario: Scenario): EventOrder {
  const events: readonly ScenarioEvent[] = scenario.events;
  let at = new Float64Array(events.length);
  let index = new Int32Array(events.length);
  let count = 0;
  let last = -Infinity;
  let unsorted = false;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const time = parseTime(event.at);
    if (time === null) {
      world.error('scenario.badTime', `events[${i}] (${event.type}): "${event.at}" is not a date; the event is skipped.`, { index: i }, { event: i });
      continue;
    }
    if (time < world.start) {
      world.error('scenario.beforeStart', `events[${i}] (${event.type}) at ${event.at} is before the scenario start ${scenario.start}; the event is skipped.`, { index: i }, { event: i });
      continue;
    }
    if (time < last && !unsorted) {
      unsorted = true;
      world.error('scenario.unsorted', `events[${i}] at ${event.at} comes before the event listed ahead of it; events run sorted by time.`, { index: i }, { event: i });
    }
    last = Math.max(last, time);
    at[count] = time;
    index[count++] = i;
  }
  if (unsorted) {
    // Stable: equal times keep their order in the scenario.
    const order = Array.from({ length: count }, (_, k) => k).sort((a, b) => at[a]! - at[b]! || index[a]! - index[b]!);
    const sortedAt = new Float64Array(count);
    const sortedIndex = new Int32Array(count);
    order.forEach((k, j) => {
      sortedAt[j] = at[k]!;
      sortedIndex[j] = index[k]!;
    });
    at = sortedAt;
    index = sortedIndex;
  }
  const lastAt = count ? at[count - 1]! : world.start;
  const end = scenario.end === undefined ? null : parseTime(scenario.end);
  if (scenario.end !== undefined && end === null) world.error('scenario.badTime', `end: "${scenario.end}" is not a date; 30 days after the last event is used.`);
  world.end = end ?? lastAt + 30 * DAY_MS;
  return { at, index, count };
}
