import {
  SCENARIO_FORMAT,
  SCENARIO_SCHEMA_VERSION,
  type Contact,
  type Conversation,
  type Scenario,
  type ScenarioEvent,
  type ScenarioEventType,
  type Ticket,
  type Workspace,
} from '../../model';
import type { WorldView } from './world-before';

/** Where a new scenario's clock starts: a Monday morning, so weekday delays read naturally. */
export const DEFAULT_START = '2026-01-05T09:00:00Z';

/** Event kinds in the order the "add event" menu lists them. */
export const EVENT_TYPES: readonly ScenarioEventType[] = [
  'incomingMessage',
  'agentEmail',
  'setStatus',
  'setOwner',
  'setPriority',
  'closeTicket',
  'reopenTicket',
  'advance',
  'moveChannel',
];

/** A scenario with no conversations, tickets or events. */
export function emptyScenario(id: string, name: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    id,
    name,
    start: DEFAULT_START,
    initial: { contacts: [], conversations: [], tickets: [] },
    events: [],
  };
}

/** The first of prefix-1, prefix-2, … not in `taken`. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** What a message event starts: a new conversation, a new thread on a known one, or neither (a reply). */
export type MessageShape = 'conversation' | 'thread' | 'reply';

/**
 * For each event, whether its message starts a conversation or a thread, judged from the initial
 * state and the events before it; null for events that carry no message.
 */
export function timelineShape(scenario: Scenario): (MessageShape | null)[] {
  const threads = new Map<string, Set<string>>();
  for (const c of scenario.initial.conversations) threads.set(c.id, new Set(c.threads.map((t) => t.id)));
  return scenario.events.map((e) => {
    if (e.type !== 'incomingMessage' && e.type !== 'agentEmail') return null;
    const known = threads.get(e.conversationId);
    if (!known) {
      if (e.type === 'incomingMessage') threads.set(e.conversationId, new Set([e.threadId]));
      return 'conversation';
    }
    if (known.has(e.threadId)) return 'reply';
    known.add(e.threadId);
    return 'thread';
  });
}

/** Every conversation, thread, ticket and message id the scenario uses, so generated ids never collide. */
export function usedIds(scenario: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const c of scenario.initial.conversations) {
    ids.add(c.id);
    for (const t of c.threads) {
      ids.add(t.id);
      for (const m of t.messages) ids.add(m.id);
    }
  }
  for (const t of scenario.initial.tickets) ids.add(t.id);
  for (const e of scenario.events) {
    if (e.type === 'incomingMessage' || e.type === 'agentEmail') {
      ids.add(e.conversationId);
      ids.add(e.threadId);
    }
  }
  return ids;
}

function time(iso: string): number {
  return Date.parse(iso);
}

/** The moment a new event at the end of the timeline starts from: the last event's time, or the start. */
export function lastMoment(scenario: Scenario): string {
  return scenario.events[scenario.events.length - 1]?.at ?? scenario.start;
}

/** Inserts an event at `index` (the end when omitted). */
export function addEvent(scenario: Scenario, event: ScenarioEvent, index = scenario.events.length): Scenario {
  const events = [...scenario.events];
  events.splice(index, 0, event);
  return { ...scenario, events };
}

/** Replaces the event at `index`. */
export function replaceEvent(scenario: Scenario, index: number, event: ScenarioEvent): Scenario {
  if (!scenario.events[index]) throw new RangeError(`No event at position ${index + 1}`);
  return { ...scenario, events: scenario.events.map((e, i) => (i === index ? event : e)) };
}

/** Removes the event at `index`. */
export function removeEvent(scenario: Scenario, index: number): Scenario {
  if (!scenario.events[index]) throw new RangeError(`No event at position ${index + 1}`);
  return { ...scenario, events: scenario.events.filter((_, i) => i !== index) };
}

/**
 * Moves an event to another position. Events run in time order, so the moved event's time is
 * pulled between its new neighbours' times; otherwise the move would not change what happens.
 */
export function moveEvent(scenario: Scenario, from: number, to: number): Scenario {
  const moved = scenario.events[from];
  if (!moved) throw new RangeError(`No event at position ${from + 1}`);
  if (to < 0 || to >= scenario.events.length) throw new RangeError(`No position ${to + 1} to move the event to`);
  const events = scenario.events.filter((_, i) => i !== from);
  const before = events[to - 1];
  const after = events[to];
  let at = moved.at;
  if (before && time(at) < time(before.at)) at = before.at;
  if (after && time(at) > time(after.at)) at = after.at;
  events.splice(to, 0, at === moved.at ? moved : { ...moved, at });
  return { ...scenario, events };
}

/** Value for an `<input type="datetime-local">` showing a timestamp in UTC. */
export function toInputTime(iso: string): string {
  const ms = time(iso);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 16);
}

/** The timestamp a datetime-local input means (read as UTC), or null while it is incomplete. */
export function fromInputTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A timestamp moved forward by some minutes. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(time(iso) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** What a new event can refer to: the workspace, and the help desk just before the event. */
export interface EventContext {
  workspace: Workspace;
  scenario: Scenario;
  world: WorldView;
  at: string;
}

/** Ids taken by the scenario or by the help desk the engine built so far. */
export function takenIds(scenario: Scenario, world: WorldView): Set<string> {
  const ids = usedIds(scenario);
  for (const c of world.conversations) {
    ids.add(c.id);
    for (const t of c.threads) ids.add(t.id);
  }
  return ids;
}

/**
 * A new event of a kind, filled with sensible picks: the most recent conversation and ticket, the
 * first agent with help-desk access, fresh ids for a new conversation and its thread. A reference that
 * cannot be filled (no ticket exists yet) stays empty for the form to flag.
 */
export function defaultEvent(type: Exclude<ScenarioEventType, 'moveChannel'>, ctx: EventContext): ScenarioEvent {
  const { workspace: ws, world, at } = ctx;
  const taken = takenIds(ctx.scenario, world);
  const agent = ws.users.find((u) => u.helpDeskAccess) ?? ws.users[0];
  const ticket = world.tickets[world.tickets.length - 1];
  const ticketId = ticket?.id ?? '';
  switch (type) {
    case 'incomingMessage': {
      const channel = ws.channels.find((c) => c.location === 'helpDesk' && c.createTickets) ?? ws.channels[0];
      const contact = ws.contacts[0] ?? ctx.scenario.initial.contacts[0];
      const conversationId = freshId('conv', taken);
      return {
        type,
        at,
        channelId: channel?.id ?? '',
        contactId: contact?.id ?? '',
        conversationId,
        threadId: freshId('thread', new Set([...taken, conversationId])),
        subject: '',
        text: '',
      };
    }
    case 'agentEmail': {
      const conversation = world.conversations[world.conversations.length - 1];
      const thread = conversation?.threads.find((t) => t.id === ticketThread(world, conversation.ticket)) ?? conversation?.threads[0];
      return { type, at, userId: agent?.id ?? '', conversationId: conversation?.id ?? '', threadId: thread?.id ?? '', from: 'ticket', text: '' };
    }
    case 'setStatus': {
      const pipeline = ws.pipelines.find((p) => p.id === ticket?.pipeline) ?? ws.pipelines[0]!;
      const status = pipeline.statuses.find((s) => s.id !== ticket?.status) ?? pipeline.statuses[0]!;
      return { type, at, ticketId, statusId: status.id };
    }
    case 'setOwner':
      return { type, at, ticketId, ownerId: agent?.id ?? null };
    case 'setPriority':
      return { type, at, ticketId, priority: 'high' };
    case 'closeTicket':
    case 'reopenTicket':
      return { type, at, ticketId };
    case 'advance':
      return { type, at: addMinutes(at, 24 * 60) };
  }
}

function ticketThread(world: WorldView, ticketId: string | null): string | null {
  return world.tickets.find((t) => t.id === ticketId)?.thread ?? null;
}

/** Where an event at a moment goes in the timeline: after every event at or before that moment. */
export function insertionIndex(scenario: Scenario, at: string): number {
  const ms = time(at);
  let index = 0;
  while (index < scenario.events.length && time(scenario.events[index]!.at) <= ms) index++;
  return index;
}

/** Adds a contact to the scenario's initial state, or replaces the one with its id. */
export function upsertContact(scenario: Scenario, contact: Contact): Scenario {
  const list = scenario.initial.contacts;
  const contacts = list.some((c) => c.id === contact.id) ? list.map((c) => (c.id === contact.id ? contact : c)) : [...list, contact];
  return { ...scenario, initial: { ...scenario.initial, contacts } };
}

/** Removes an initial contact. */
export function removeContact(scenario: Scenario, id: string): Scenario {
  return { ...scenario, initial: { ...scenario.initial, contacts: scenario.initial.contacts.filter((c) => c.id !== id) } };
}

/**
 * Adds an initial conversation or replaces the one with its id. Which ticket it has is set from the
 * ticket side (a ticket names its conversation), so the conversation keeps its current link.
 */
export function upsertConversation(scenario: Scenario, conversation: Conversation): Scenario {
  const list = scenario.initial.conversations;
  const existing = list.find((c) => c.id === conversation.id);
  const kept = { ...conversation, ticketId: existing?.ticketId ?? null };
  const conversations = existing ? list.map((c) => (c.id === kept.id ? kept : c)) : [...list, kept];
  return { ...scenario, initial: { ...scenario.initial, conversations } };
}

/** Removes an initial conversation; a ticket on it keeps existing, without a conversation or thread. */
export function removeConversation(scenario: Scenario, id: string): Scenario {
  const tickets = scenario.initial.tickets.map((t) => (t.conversationId === id ? { ...t, conversationId: null, threadId: null } : t));
  return { ...scenario, initial: { ...scenario.initial, tickets, conversations: scenario.initial.conversations.filter((c) => c.id !== id) } };
}

/**
 * Adds an initial ticket or replaces the one with its id, keeping the ticket ↔ conversation links
 * mutual: the conversation it names points back at it, a conversation it left forgets it, and another
 * ticket that had that conversation loses it (a conversation has one ticket).
 */
export function upsertTicket(scenario: Scenario, ticket: Ticket): Scenario {
  const list = scenario.initial.tickets;
  const tickets = (list.some((t) => t.id === ticket.id) ? list.map((t) => (t.id === ticket.id ? ticket : t)) : [...list, ticket]).map((t) =>
    t.id !== ticket.id && ticket.conversationId !== null && t.conversationId === ticket.conversationId ? { ...t, conversationId: null, threadId: null } : t,
  );
  const conversations = scenario.initial.conversations.map((c) => {
    if (c.id === ticket.conversationId) return c.ticketId === ticket.id ? c : { ...c, ticketId: ticket.id };
    return c.ticketId === ticket.id ? { ...c, ticketId: null } : c;
  });
  return { ...scenario, initial: { ...scenario.initial, tickets, conversations } };
}

/** Removes an initial ticket; its conversation stays, without a ticket. */
export function removeTicket(scenario: Scenario, id: string): Scenario {
  const conversations = scenario.initial.conversations.map((c) => (c.ticketId === id ? { ...c, ticketId: null } : c));
  return { ...scenario, initial: { ...scenario.initial, conversations, tickets: scenario.initial.tickets.filter((t) => t.id !== id) } };
}
