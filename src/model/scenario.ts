import { z } from 'zod';
import {
  ContactSchema,
} from './workspace';
import { ChannelKindSchema, IdSchema, NameSchema, PrioritySchema, TextSchema, TimestampSchema } from './common';

/** A message on a conversation thread. */
export const MessageSchema = z
  .object({
    id: IdSchema,
    direction: z.enum(['in', 'out']).describe('in: from the contact; out: from an agent.'),
    at: TimestampSchema,
    from: z.enum(['ticket', 'contact']).optional().describe('For outgoing email: sent from the ticket record or the contact record.'),
    text: TextSchema,
  })
  .describe('A message.');
export type Message = z.infer<typeof MessageSchema>;

/** An email thread (or chat session) within a conversation. */
export const ThreadSchema = z
  .object({ id: IdSchema, messages: z.array(MessageSchema).max(10000) })
  .describe('A thread of messages.');
export type Thread = z.infer<typeof ThreadSchema>;

/** A conversation with a contact, possibly associated with a ticket. */
export const ConversationSchema = z
  .object({
    id: IdSchema,
    contactId: IdSchema,
    ownerId: IdSchema.nullable().describe('The agent who owns the conversation, or none.'),
    status: z.enum(['open', 'closed']),
    channelHistory: z.array(IdSchema).min(1).max(100).describe('Channels it has been on; the last is the current one.'),
    threads: z.array(ThreadSchema).min(1).max(1000),
    startedAt: TimestampSchema,
    ticketId: IdSchema.nullable().describe('The associated ticket, or none.'),
  })
  .describe('A conversation.');
export type Conversation = z.infer<typeof ConversationSchema>;

/** A help-desk ticket. */
export const TicketSchema = z
  .object({
    id: IdSchema,
    subject: z.string().max(1000),
    pipelineId: IdSchema,
    statusId: IdSchema,
    ownerId: IdSchema.nullable(),
    priority: PrioritySchema,
    contactId: IdSchema.nullable(),
    source: ChannelKindSchema.nullable().describe('Kind of the channel the ticket came from.'),
    conversationId: IdSchema.nullable(),
    threadId: IdSchema.nullable().describe('The thread the ticket was created on.'),
    createdAt: TimestampSchema,
    closedAt: TimestampSchema.nullable(),
    reopened: z.boolean().describe('Whether the ticket was closed and then reopened.'),
  })
  .describe('A ticket.');
export type Ticket = z.infer<typeof TicketSchema>;

const at = TimestampSchema.describe('When the event happens on the virtual clock.');

/**
 * How an event names its ticket: by id, or as the ticket of a conversation at the moment of the event
 * (`ticketOf`), which reaches a ticket the run itself creates. Exactly one of the two.
 */
const ticketRef = {
  ticketId: IdSchema.optional().describe('The ticket, by id (give this or ticketOf, not both).'),
  ticketOf: IdSchema.optional().describe('The ticket of this conversation at the moment of the event, such as one the run creates (give this or ticketId, not both).'),
};

/** An event on a ticket: refuses both ticketId and ticketOf, or neither, with a message in words. */
function ticketEvent<T extends z.ZodObject<typeof ticketRef & { type: z.ZodLiteral<string> }>>(schema: T): T {
  return schema.superRefine((ev, ctx) => {
    const { ticketId, ticketOf } = ev as { ticketId?: string; ticketOf?: string };
    if (ticketId !== undefined && ticketOf !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['ticketOf'], message: `Give either ticketId ("${ticketId}") or ticketOf ("${ticketOf}"), not both: they name the ticket twice.` });
    } else if (ticketId === undefined && ticketOf === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ticketId'], message: 'Name the ticket: give ticketId (a ticket id) or ticketOf (a conversation id whose ticket is meant).' });
    }
  }) as T;
}

/** Something that happens in the simulated help desk. */
export const ScenarioEventSchema = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('incomingMessage'),
        at,
        channelId: IdSchema,
        contactId: IdSchema,
        conversationId: IdSchema.describe('A new id starts a conversation; an existing one is a reply on it.'),
        threadId: IdSchema.describe('A new id starts a thread; an existing one is a reply on that thread.'),
        subject: z.string().max(1000).optional().describe('Subject of a new conversation (its first message).'),
        text: TextSchema,
      })
      .describe('The contact writes: a new conversation, or a reply on a thread.'),
    z
      .object({
        type: z.literal('agentEmail'),
        at,
        userId: IdSchema,
        conversationId: IdSchema,
        threadId: IdSchema,
        from: z.enum(['ticket', 'contact']).describe('Sent from the ticket record or from the contact record.'),
        text: TextSchema,
      })
      .describe('An agent emails the contact.'),
    ticketEvent(z.object({ type: z.literal('setStatus'), at, ...ticketRef, statusId: IdSchema })).describe("An agent changes a ticket's status."),
    ticketEvent(z.object({ type: z.literal('setOwner'), at, ...ticketRef, ownerId: IdSchema.nullable() })).describe("An agent changes a ticket's owner."),
    ticketEvent(z.object({ type: z.literal('setPriority'), at, ...ticketRef, priority: PrioritySchema })).describe("An agent changes a ticket's priority."),
    ticketEvent(z.object({ type: z.literal('closeTicket'), at, ...ticketRef })).describe('An agent closes a ticket.'),
    ticketEvent(z.object({ type: z.literal('reopenTicket'), at, ...ticketRef })).describe('An agent reopens a closed ticket.'),
    z.object({ type: z.literal('advance'), at }).describe('Time passes until this moment.'),
    z
      .object({
        type: z.literal('moveChannel'),
        at,
        userId: IdSchema.describe('Who starts the move (must be a super admin).'),
        channelId: IdSchema,
        history: z.enum(['all', 'none']).describe('Move all historical conversations, or none.'),
        openStatusId: IdSchema.optional().describe('With "all": ticket status for open conversations without a ticket.'),
        closedStatusId: IdSchema.optional().describe('With "all": ticket status for closed conversations without a ticket.'),
        durationMinutes: z.number().int().min(0).max(100000).describe('How long the move takes; conversations arriving meanwhile move too.'),
      })
      .describe('Move a channel from the conversations inbox to the help desk.'),
  ])
  .describe('A timeline event.');
export type ScenarioEvent = z.infer<typeof ScenarioEventSchema>;
export type ScenarioEventType = ScenarioEvent['type'];

export const SCENARIO_FORMAT = 'ticketflow.scenario';
export const SCENARIO_SCHEMA_VERSION = 1;

/** An initial help-desk state and a timeline of events on a virtual clock. */
export const ScenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    id: IdSchema,
    name: NameSchema,
    description: TextSchema.optional(),
    start: TimestampSchema.describe('Virtual clock at the start.'),
    end: TimestampSchema.optional().describe('Run delays and SLA timers up to this moment (default: 30 days after the last event).'),
    initial: z
      .object({
        contacts: z.array(ContactSchema).max(100000).describe('Contacts in addition to the workspace ones.'),
        conversations: z.array(ConversationSchema).max(100000),
        tickets: z.array(TicketSchema).max(100000),
      })
      .describe('The help desk before the first event.'),
    events: z.array(ScenarioEventSchema).max(1_000_000).describe('Events in time order.'),
  })
  .describe('A Ticketflow simulation scenario.');
export type Scenario = z.infer<typeof ScenarioSchema>;
