import { z } from 'zod';
import { ChannelKindSchema, PrioritySchema } from '../model/common';
import type { SimulationResult } from './types';

// The zod form of SimulationResult (src/engine/types.ts), from which schemas/simulation-result.schema.json
// is generated. The type checks at the end hold the two to the same shape in both directions.

const Text = z.string();
const When = z.string().describe('A moment on the virtual clock, as an ISO 8601 UTC date-time.');
const Location = z.enum(['inbox', 'helpDesk']);
const Param = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const TraceKindSchema = z.enum(['event', 'conversation', 'ticket', 'status', 'property', 'automation', 'enrollment', 'action', 'delay', 'resume', 'unenrollment', 'sla', 'move', 'guard', 'error']);

export const TraceEntrySchema = z
  .strictObject({
    at: z.number().describe('The virtual clock in milliseconds since the epoch.'),
    kind: TraceKindSchema.describe('What the entry is about, for filtering and colouring.'),
    code: Text.describe('A code of the trace or of an error; see schemas/codes.md.'),
    ticket: Text.optional().describe('The ticket concerned.'),
    workflow: Text.optional().describe('The workflow concerned.'),
    action: Text.optional().describe('The action concerned.'),
    params: z.record(z.string(), Param).describe('The values the code names: ids rather than names.'),
  })
  .describe('One entry of the trace, causes before their effects.');

const SimulationErrorSchema = z
  .strictObject({
    at: When,
    code: Text.describe('A simulation error code; see schemas/codes.md.'),
    message: Text.describe('The problem in English.'),
    params: z
      .record(z.string(), z.union([Param, z.array(z.strictObject({ workflow: Text.describe('A workflow id.'), actions: z.number().describe('Actions it ran.') }))]))
      .describe('The values the message names (for the guards, the busiest workflows).'),
    ticket: Text.optional().describe('The ticket concerned.'),
    workflow: Text.optional().describe('The workflow concerned.'),
    action: Text.optional().describe('The action concerned.'),
    event: z.number().optional().describe('Index of the scenario event concerned.'),
  })
  .describe('A problem met while simulating.');

const Outcome = z.enum(['pending', 'met', 'breached']);
const TicketSlaSchema = z
  .strictObject({
    firstResponseDue: When,
    firstResponseAt: When.nullable().describe('When the first agent email went out; null while none has.'),
    firstResponse: Outcome.describe('How the first-response target went.'),
    closeDue: When,
    close: Outcome.describe('How the close target went.'),
    breaches: z.array(z.strictObject({ target: z.enum(['firstResponse', 'close']).describe('The target missed.'), at: When })).describe('Targets missed, in order.'),
  })
  .describe('SLA due times of a ticket and how they went.');

const TicketResultSchema = z
  .strictObject({
    id: Text.describe('Ticket id.'),
    subject: Text.describe('Subject.'),
    pipeline: Text.describe('Pipeline id.'),
    status: Text.describe('Status id.'),
    statusLabel: Text.describe('Status label.'),
    owner: Text.nullable().describe('Owner user id, or null.'),
    priority: PrioritySchema,
    contact: Text.nullable().describe('Contact id, or null.'),
    source: ChannelKindSchema.nullable().describe('The kind of channel it came from, or null.'),
    channel: Text.nullable().describe('Channel id, or null.'),
    conversation: Text.nullable().describe('Conversation id, or null.'),
    thread: Text.nullable().describe('Thread id, or null.'),
    createdAt: When,
    closedAt: When.nullable().describe('When it was closed, or null.'),
    reopened: z.boolean().describe('Whether it was reopened.'),
    location: Location.describe('Worked in the help desk, or still in the conversations inbox.'),
    sla: TicketSlaSchema.nullable().describe('SLA due times; null while in the inbox.'),
  })
  .describe('A ticket at the end of the simulation.');

/** Where an output of an action comes from: when, which ticket, workflow and action. */
const FROM_ACTION = {
  at: When,
  ticket: Text.describe('Ticket id.'),
  workflow: Text.describe('Workflow id.'),
  action: Text.describe('Action id.'),
};

const OutboxEmailSchema = z
  .strictObject({
    ...FROM_ACTION,
    to: Text.describe('Recipient address.'),
    subject: Text.describe('Rendered subject.'),
    body: Text.describe('Rendered body.'),
    template: Text.nullable().describe('Template id, or null.'),
    footer: Text.nullable().describe('Branding footer, or null when removed.'),
  })
  .describe('An automated email in the outbox.');

const InboxNoticeSchema = z
  .strictObject({
    at: When,
    ticket: Text.describe('Ticket id.'),
    conversation: Text.nullable().describe('Conversation id, or null.'),
    subject: Text.describe('Subject of the email.'),
    to: Text.describe('Where it went.'),
    link: Text.describe('Link to the ticket.'),
  })
  .describe('The notice the conversations inbox shows after an automated email.');

const NotificationResultSchema = z
  .strictObject({
    at: When,
    recipient: Text.nullable().describe('User id, or null when skipped.'),
    ticket: Text.describe('Ticket id.'),
    workflow: Text.describe('Workflow id.'),
    action: Text.describe('Action id.'),
    subject: Text.describe('Rendered subject.'),
    body: Text.describe('Rendered body.'),
    skipped: Text.optional().describe('Why it was skipped.'),
  })
  .describe('An internal notification, or one that was skipped.');

const WebhookResultSchema = z
  .strictObject({
    ...FROM_ACTION,
    method: Text.describe('HTTP method.'),
    url: Text.describe('URL.'),
    body: Text.describe('Rendered body.'),
  })
  .describe('An outbound request a webhook action would make; nothing is sent.');

const MessageResultSchema = z
  .strictObject({
    id: Text.describe('Message id.'),
    direction: z.enum(['in', 'out']).describe('From the contact (in) or to them (out).'),
    at: When,
    from: z.enum(['ticket', 'contact']).optional().describe('Where an outgoing message was written.'),
    text: Text.describe('The text.'),
  })
  .describe('A message of a conversation thread.');

const ConversationResultSchema = z
  .strictObject({
    id: Text.describe('Conversation id.'),
    contact: Text.describe('Contact id.'),
    owner: Text.nullable().describe('Owner user id, or null.'),
    status: z.enum(['open', 'closed']).describe('Open or closed.'),
    channel: Text.describe('Channel id.'),
    channelHistory: z.array(Text).describe('Channels it went through.'),
    location: Location.describe('Inbox or help desk.'),
    ticket: Text.nullable().describe('Ticket id, or null.'),
    startedAt: When,
    threads: z.array(z.strictObject({ id: Text.describe('Thread id.'), messages: z.array(MessageResultSchema).describe('Messages, oldest first.') })).describe('Threads.'),
  })
  .describe('A conversation at the end of the simulation.');

const ChannelResultSchema = z
  .strictObject({
    id: Text.describe('Channel id.'),
    kind: ChannelKindSchema,
    location: Location.describe('Inbox or help desk.'),
    createTickets: z.boolean().describe('Whether ticket creation is on.'),
    moving: z.boolean().describe('Whether a move is under way.'),
    movedAt: When.nullable().describe('When it moved, or null.'),
  })
  .describe('A channel and where it is now.');

const StatusChangeSchema = z
  .strictObject({ at: When, from: Text.nullable().describe('Previous status, or null.'), to: Text.describe('New status.'), by: Text.describe('What moved it.') })
  .describe('A status a ticket entered, and what moved it there.');

const WithWorkflow = TraceEntrySchema.extend({ workflow: Text.describe('The workflow concerned.') });

export const SimulationResultSchema = z
  .strictObject({
    clock: When,
    done: z.boolean().describe('Whether every event and timer ran.'),
    tickets: z.array(TicketResultSchema).describe('Tickets.'),
    conversations: z.array(ConversationResultSchema).describe('Conversations.'),
    channels: z.array(ChannelResultSchema).describe('Channels.'),
    outbox: z.array(OutboxEmailSchema).describe('Automated emails.'),
    inboxNotices: z.array(InboxNoticeSchema).describe('Inbox notices.'),
    notifications: z.array(NotificationResultSchema).describe('Internal notifications.'),
    webhooks: z.array(WebhookResultSchema).describe('Webhook requests.'),
    history: z
      .record(
        z.string(),
        z.strictObject({
          statuses: z.array(StatusChangeSchema).describe('Statuses entered.'),
          enrollments: z.array(WithWorkflow).describe('Enrollment decisions and exits.'),
          actions: z.array(WithWorkflow.extend({ action: Text.describe('The action.') })).describe('Actions run.'),
        }),
      )
      .describe('Everything that happened to each ticket, by ticket id.'),
    enrolled: z
      .array(
        z.strictObject({
          ticket: Text.describe('Ticket id.'),
          workflow: Text.describe('Workflow id.'),
          action: Text.nullable().describe('The action it runs next.'),
          waitingUntil: When.nullable().describe('When it resumes, if it waits.'),
        }),
      )
      .describe('Tickets still enrolled when the simulation stopped.'),
    trace: z.array(TraceEntrySchema).describe('The trace.'),
    errors: z.array(SimulationErrorSchema).describe('Problems met.'),
    stats: z.strictObject({ events: z.number().describe('Events run.'), timers: z.number().describe('Timers run.'), actions: z.number().describe('Actions run.') }).describe('Counts.'),
  })
  .describe('Everything a simulation produced.');

const FileProblemSchema = z
  .strictObject({
    file: Text.describe('The file as given ("-" for standard input).'),
    code: Text.describe('A TF code; see schemas/codes.md.'),
    severity: z.enum(['error', 'warning']).describe('Errors stop the run.'),
    path: Text.describe('JSON pointer into the file.'),
    actionId: Text.optional().describe('The action concerned.'),
    message: Text.describe('What is wrong and where.'),
  })
  .describe('A problem of an input file.');

/** What `simulate --json` prints: always one object, the result on success, the problems on bad input. */
export const SimulateOutputSchema = z
  .strictObject({
    version: z.literal(1).describe('Version of this report.'),
    ok: z.boolean().describe('Whether the inputs were valid and the simulation ran.'),
    result: SimulationResultSchema.nullable().describe('The result; null when nothing was simulated.'),
    problems: z.array(FileProblemSchema).describe('Problems of the inputs (warnings only when ok).'),
    more: z.number().int().positive().optional().describe('Problems not listed.'),
  })
  .describe('The output of simulate --json.');

/** The named parts of the result, written once under $defs with these ids and titles. */
export const RESULT_PARTS: readonly (readonly [z.ZodType, string, string])[] = [
  [Param, 'TraceValue', 'Trace value'],
  [TraceKindSchema, 'TraceKind', 'Trace kind'],
  [TraceEntrySchema, 'TraceEntry', 'Trace entry'],
  [SimulationErrorSchema, 'SimulationError', 'Simulation error'],
  [TicketSlaSchema, 'TicketSla', 'Ticket SLA'],
  [TicketResultSchema, 'TicketResult', 'Ticket result'],
  [OutboxEmailSchema, 'OutboxEmail', 'Outbox email'],
  [InboxNoticeSchema, 'InboxNotice', 'Inbox notice'],
  [NotificationResultSchema, 'NotificationResult', 'Notification result'],
  [WebhookResultSchema, 'WebhookResult', 'Webhook result'],
  [MessageResultSchema, 'MessageResult', 'Message result'],
  [ConversationResultSchema, 'ConversationResult', 'Conversation result'],
  [ChannelResultSchema, 'ChannelResult', 'Channel result'],
  [StatusChangeSchema, 'StatusChange', 'Status change'],
  [SimulationResultSchema, 'SimulationResult', 'Simulation result'],
  [FileProblemSchema, 'FileProblem', 'File problem'],
];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** JSON has no read-only arrays: the interfaces' readonly marks do not change the shape. */
type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;
/** Fails to compile when SimulationResult and its zod form drift apart. */
export const RESULT_SCHEMA_MATCHES: Same<z.infer<typeof SimulationResultSchema>, Writable<SimulationResult>> = true;
