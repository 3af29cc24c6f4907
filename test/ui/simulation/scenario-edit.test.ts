import { describe, expect, it } from 'vitest';
import type { Scenario, Ticket } from '../../../src/model';
import {
  addEvent,
  defaultEvent,
  emptyScenario,
  freshId,
  fromInputTime,
  insertionIndex,
  moveEvent,
  removeConversation,
  removeEvent,
  removeTicket,
  replaceEvent,
  timelineShape,
  toInputTime,
  upsertConversation,
  upsertTicket,
} from '../../../src/ui/simulation/scenario-edit';
import { worldBefore } from '../../../src/ui/simulation/world-before';
import { chatScenario, example, workspace } from './fixtures';

const advance = (at: string) => ({ type: 'advance' as const, at });

describe('moveEvent', () => {
  const s: Scenario = {
    ...emptyScenario('s', 'S'),
    events: [advance('2026-01-05T10:00:00Z'), advance('2026-01-05T11:00:00Z'), advance('2026-01-05T12:00:00Z')],
  };

  it('pulls a moved event between its new neighbours so the timeline stays in time order', () => {
    const moved = moveEvent(s, 2, 0);
    expect(moved.events.map((e) => e.at)).toEqual(['2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z']);
  });

  it('keeps the time of an event moved to where it already fits', () => {
    const same = { ...s, events: [advance('2026-01-05T10:00:00Z'), advance('2026-01-05T10:00:00Z')] };
    const moved = moveEvent(same, 0, 1);
    expect(moved.events[1]).toBe(same.events[0]);
  });

  it('refuses a position outside the timeline, naming it', () => {
    expect(() => moveEvent(s, 0, 3)).toThrow('No position 4');
    expect(() => moveEvent(s, 5, 0)).toThrow('No event at position 6');
  });

  it('never changes the scenario it is given', () => {
    const before = JSON.stringify(s);
    moveEvent(s, 0, 2);
    addEvent(s, advance('2026-01-06T00:00:00Z'), 1);
    replaceEvent(s, 1, advance('2026-01-05T11:30:00Z'));
    removeEvent(s, 0);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('timelineShape', () => {
  it('tells a new conversation, a reply and a new thread apart', () => {
    expect(timelineShape(chatScenario())).toEqual(['conversation', 'reply', 'thread']);
  });

  it('counts threads of initial conversations as known, and gives null to events without a message', () => {
    const s = example('move-sales-inbox.json');
    const withReply: Scenario = {
      ...s,
      events: [
        { type: 'incomingMessage', at: s.start, channelId: 'ch-sales', contactId: 'c-jo', conversationId: 'conv-open-claire', threadId: 'th-open-claire', text: 'Any news?' },
        { type: 'incomingMessage', at: s.start, channelId: 'ch-sales', contactId: 'c-jo', conversationId: 'conv-open-claire', threadId: 'th-new', text: 'Another topic' },
        advance(s.start),
      ],
    };
    expect(timelineShape(withReply)).toEqual(['reply', 'thread', null]);
  });
});

describe('insertionIndex', () => {
  it('puts an event after every event at or before its moment', () => {
    const s = chatScenario();
    expect(insertionIndex(s, '2026-01-05T08:00:00Z')).toBe(0);
    expect(insertionIndex(s, '2026-01-05T09:30:00Z')).toBe(2);
    expect(insertionIndex(s, '2026-02-01T00:00:00Z')).toBe(3);
  });
});

describe('freshId', () => {
  it('takes the first free number', () => {
    expect(freshId('conv', new Set(['conv-1', 'conv-3']))).toBe('conv-2');
  });
});

describe('input times', () => {
  it('read and write datetime-local values as UTC', () => {
    expect(toInputTime('2026-01-05T09:30:00Z')).toBe('2026-01-05T09:30');
    expect(fromInputTime('2026-01-05T09:30')).toBe('2026-01-05T09:30:00Z');
  });

  it('gives null for an incomplete or impossible value', () => {
    expect(fromInputTime('2026-01-05T')).toBeNull();
    expect(fromInputTime('2026-13-45T09:30')).toBeNull();
  });
});

describe('defaultEvent', () => {
  it('starts a new conversation with ids no other conversation or thread has', () => {
    const s = chatScenario();
    const world = worldBefore(workspace, s, s.events.length, '2026-01-05T11:00:00Z');
    const e = defaultEvent('incomingMessage', { workspace, scenario: s, world, at: '2026-01-05T11:00:00Z' });
    expect(e).toMatchObject({ type: 'incomingMessage', conversationId: 'conv-2', threadId: 'thread-3' });
  });

  it('points ticket events at the most recent ticket the engine created', () => {
    const s = chatScenario();
    const world = worldBefore(workspace, s, s.events.length, '2026-01-05T11:00:00Z');
    expect(defaultEvent('closeTicket', { workspace, scenario: s, world, at: '2026-01-05T11:00:00Z' })).toEqual({
      type: 'closeTicket',
      at: '2026-01-05T11:00:00Z',
      ticketId: 'ticket-1',
    });
  });

  it('leaves the ticket empty for the form to flag when no ticket exists yet', () => {
    const s = emptyScenario('s', 'S');
    const world = worldBefore(workspace, s, 0, s.start);
    expect(defaultEvent('setStatus', { workspace, scenario: s, world, at: s.start })).toMatchObject({ ticketId: '' });
  });
});

describe('initial tickets and conversations', () => {
  const s = example('move-sales-inbox.json');
  const ticket = s.initial.tickets[0]!;

  it('keeps ticket and conversation pointing at each other when a ticket changes conversation', () => {
    const next = upsertTicket(s, { ...ticket, conversationId: 'conv-open-claire', threadId: 'th-open-claire' });
    const byId = new Map(next.initial.conversations.map((c) => [c.id, c]));
    expect(byId.get('conv-open-claire')!.ticketId).toBe(ticket.id);
    expect(byId.get(ticket.conversationId!)!.ticketId).toBeNull();
  });

  it('takes the conversation from another ticket that had it (a conversation has one ticket)', () => {
    const other: Ticket = { ...ticket, id: 'existing-ticket-1' };
    const next = upsertTicket(s, other);
    expect(next.initial.tickets.find((t) => t.id === ticket.id)).toMatchObject({ conversationId: null, threadId: null });
    expect(next.initial.conversations.find((c) => c.id === ticket.conversationId)!.ticketId).toBe('existing-ticket-1');
  });

  it('keeps a conversation’s ticket link when the conversation itself is edited', () => {
    const conv = s.initial.conversations.find((c) => c.id === ticket.conversationId)!;
    const next = upsertConversation(s, { ...conv, ticketId: null, status: 'closed' });
    expect(next.initial.conversations.find((c) => c.id === conv.id)).toMatchObject({ ticketId: ticket.id, status: 'closed' });
  });

  it('unlinks instead of leaving dangling ids when either side is deleted', () => {
    expect(removeConversation(s, ticket.conversationId!).initial.tickets[0]).toMatchObject({ conversationId: null, threadId: null });
    expect(removeTicket(s, ticket.id).initial.conversations.find((c) => c.id === ticket.conversationId)!.ticketId).toBeNull();
  });
});
