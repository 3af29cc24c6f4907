import { z } from 'zod';
import { ActionSchema } from '../actions';
import { ChannelKindSchema, IdSchema, NameSchema, TextSchema, TimestampSchema } from './common';
import { FiltersSchema } from './filters';

/** Event triggers of enrollment; any one of a workflow's triggers can enroll a ticket. */
export const TriggerSchema = z
  .discriminatedUnion('type', [
    z
      .object({ type: z.literal('ticketCreated') })
      .describe('A ticket is created.'),
    z
      .object({
        type: z.literal('statusChanged'),
        toStatusId: IdSchema.nullable().describe('The status the ticket enters; null while not chosen.'),
        fromStatusId: IdSchema.optional().describe('Only when it leaves this status.'),
      })
      .describe("The ticket's status changes to a status (optionally from one)."),
    z
      .object({ type: z.literal('emailSentFromTicket') })
      .describe('An agent sends an email to the contact from the ticket record.'),
    z
      .object({ type: z.literal('contactReplied') })
      .describe("The contact replies on the ticket's thread (any new thread after a reopen)."),
    z
      .object({
        type: z.literal('conversationStarted'),
        channelKinds: z.array(ChannelKindSchema).max(6).describe('Channel kinds; empty means every kind.'),
      })
      .describe('A conversation starts on a channel of the given kinds.'),
    z
      .object({
        type: z.literal('propertyChanged'),
        property: z.enum(['owner', 'priority', 'subject']).describe('The property that changes.'),
      })
      .describe('A ticket property changes.'),
    z
      .object({
        type: z.literal('slaDuePassed'),
        target: z.enum(['firstResponse', 'close']).describe('Which SLA due time.'),
      })
      .describe('An SLA due time passes without being met.'),
  ])
  .describe('An enrollment trigger.');
export type Trigger = z.infer<typeof TriggerSchema>;
export type TriggerType = Trigger['type'];

/** When tickets enter and leave a workflow. */
export const EnrollmentSchema = z
  .object({
    triggers: z.array(TriggerSchema).max(20).describe('Event triggers; any one fires.'),
    filters: FiltersSchema.describe('Must hold when a trigger fires for the ticket to enroll.'),
    reenroll: z.boolean().describe('Re-enroll each time a trigger occurs again (never while still enrolled).'),
    unenroll: FiltersSchema.describe('An enrolled ticket that meets these leaves before its next action; empty for none.'),
  })
  .describe('Enrollment of tickets.');
export type Enrollment = z.infer<typeof EnrollmentSchema>;

/** A ticket-based automation: enrollment, then a graph of actions. */
export const WorkflowSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    description: TextSchema.optional(),
    enrollment: EnrollmentSchema,
    actions: z.array(ActionSchema).max(20000).describe('The actions, in any order.'),
    startActionId: IdSchema.nullable().describe('The first action after enrollment; null for an empty workflow.'),
  })
  .describe('A workflow.');
export type Workflow = z.infer<typeof WorkflowSchema>;

/** A point on the canvas. */
export const PointSchema = z.object({ x: z.number().min(-1e7).max(1e7), y: z.number().min(-1e7).max(1e7) });
export type Point = z.infer<typeof PointSchema>;

/** Node positions the user placed; the key "trigger" is the enrollment card. */
export const LayoutSchema = z
  .object({
    positions: z.record(IdSchema, PointSchema).describe('Position of each node by action id ("trigger" for the enrollment card).'),
  })
  .describe('Canvas layout.');
export type Layout = z.infer<typeof LayoutSchema>;

/** One message in a comment thread. */
export const CommentMessageSchema = z
  .object({
    id: IdSchema,
    author: NameSchema.describe('Profile name of the author.'),
    at: TimestampSchema,
    text: z.string().min(1).max(10000).describe('Plain text; never rendered as markup.'),
    editedAt: TimestampSchema.optional(),
  })
  .describe('A comment.');
export type CommentMessage = z.infer<typeof CommentMessageSchema>;

/** A review thread on an action bubble or the trigger card. */
export const CommentThreadSchema = z
  .object({
    id: IdSchema,
    target: IdSchema.describe('The action id, or "trigger".'),
    resolved: z.boolean(),
    messages: z.array(CommentMessageSchema).min(1).max(1000),
  })
  .describe('A comment thread.');
export type CommentThread = z.infer<typeof CommentThreadSchema>;

export const WORKFLOW_FORMAT = 'ticketflow.workflow';
export const WORKFLOW_SCHEMA_VERSION = 3;

/**
 * Which revision of its workflow a file holds and whether that revision was live when exported
 * (SPEC §10). Informational: importing never publishes, whatever it says.
 */
export const RevisionMarkSchema = z
  .object({
    number: z.number().int().min(1).max(1e9).describe('The revision number (1, 2, …).'),
    published: z.boolean().describe('Whether this revision was the live (published) one when exported.'),
  })
  .describe('The revision this file is.');
export type RevisionMark = z.infer<typeof RevisionMarkSchema>;

/** The exported file: an envelope around one workflow, its layout and comments. */
export const WorkflowDocumentSchema = z
  .object({
    format: z.literal(WORKFLOW_FORMAT).describe('Format name.'),
    schemaVersion: z.literal(WORKFLOW_SCHEMA_VERSION).describe('Version of the workflow document format.'),
    revision: RevisionMarkSchema.optional(),
    workflow: WorkflowSchema,
    layout: LayoutSchema.optional(),
    comments: z.array(CommentThreadSchema).max(10000).optional(),
  })
  .describe('A Ticketflow workflow document.');
export type WorkflowDocument = z.infer<typeof WorkflowDocumentSchema>;

/** The id used for the enrollment card in layouts and comments. */
export const TRIGGER_NODE_ID = 'trigger';
