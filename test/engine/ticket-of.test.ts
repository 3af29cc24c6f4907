import { describe, expect, it } from 'vitest';
import { ScenarioEventSchema, type ScenarioEvent } from '../../src/model';
import { at, incoming, run, ticket } from './helpers';

const close = (minutes: number, ref: { ticketId?: string; ticketOf?: string }): ScenarioEvent => ({ type: 'closeTicket', at: at(minutes), ...ref }) as ScenarioEvent;

describe('ticketOf: an event names the ticket of a conversation', () => {
  it('reaches a ticket the run creates, without guessing its id', () => {
    const r = run({ events: [incoming(0, 'conv-jo', 'th-1'), close(10, { ticketOf: 'conv-jo' })] });
    const conv = r.conversations.find((c) => c.id === 'conv-jo')!;
    expect(conv.ticket).not.toBeNull();
    expect(ticket(r, conv.ticket!).closedAt).toBe(at(10));
    expect(r.errors).toEqual([]);
  });

  it('works for every event that takes a ticketId', () => {
    const events: ScenarioEvent[] = [
      incoming(0, 'conv-jo', 'th-1'),
      { type: 'setPriority', at: at(1), ticketOf: 'conv-jo', priority: 'high' },
      { type: 'setOwner', at: at(2), ticketOf: 'conv-jo', ownerId: 'u-marco' },
      { type: 'setStatus', at: at(3), ticketOf: 'conv-jo', statusId: 'waiting-contact' },
      close(4, { ticketOf: 'conv-jo' }),
      { type: 'reopenTicket', at: at(5), ticketOf: 'conv-jo' },
    ];
    const r = run({ events });
    expect(r.errors).toEqual([]);
    const t = r.tickets[0]!;
    expect(t).toMatchObject({ priority: 'high', owner: 'u-marco', reopened: true });
  });

  it('refuses an unknown conversation, naming it and the event', () => {
    const r = run({ events: [incoming(0, 'conv-jo', 'th-1'), close(10, { ticketOf: 'conv-nobody' })] });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'event.unknownConversation', event: 1 });
    expect(r.errors[0]!.message).toContain('conversation "conv-nobody" does not exist');
  });

  it('refuses a conversation that has no ticket (yet, or ever, in the run)', () => {
    // ch-sales is in the inbox with ticket creation off: its conversations never get a ticket.
    const r = run({ events: [incoming(0, 'conv-sales', 'th-1', 'ch-sales'), close(10, { ticketOf: 'conv-sales' })] });
    expect(r.errors.map((e) => e.code)).toEqual(['event.conversationWithoutTicket']);
    expect(r.errors[0]!.message).toContain('conversation "conv-sales" has no ticket');
  });

  it('refuses both ticketId and ticketOf, or neither, in words', () => {
    const both = ScenarioEventSchema.safeParse({ type: 'closeTicket', at: at(0), ticketId: 'ticket-1', ticketOf: 'conv-jo' });
    expect(both.success).toBe(false);
    expect(both.error!.issues[0]!.message).toMatch(/either ticketId .* or ticketOf .*, not both/);
    const neither = ScenarioEventSchema.safeParse({ type: 'setStatus', at: at(0), statusId: 'new' });
    expect(neither.success).toBe(false);
    expect(neither.error!.issues[0]!.message).toContain('Name the ticket');
    expect(ScenarioEventSchema.safeParse({ type: 'closeTicket', at: at(0), ticketOf: 'conv-jo' }).success).toBe(true);
    expect(ScenarioEventSchema.safeParse({ type: 'closeTicket', at: at(0), ticketId: 'ticket-1' }).success).toBe(true);
  });
});
