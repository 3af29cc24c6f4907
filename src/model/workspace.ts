import { z } from 'zod';
import { ChannelKindSchema, IdSchema, NameSchema, PrioritySchema, TextSchema } from './common';

/** A ticket status within a pipeline. */
export const StatusSchema = z
  .object({
    id: IdSchema,
    label: NameSchema.describe('The status as agents see it.'),
    category: z.enum(['open', 'closed']).describe('Whether tickets in this status count as open or closed.'),
  })
  .describe('A ticket status.');
export type Status = z.infer<typeof StatusSchema>;

/** A status automation that fires on an email event (SPEC §2). */
export const StatusTriggerSettingSchema = z
  .object({
    enabled: z.boolean().describe('Whether this built-in trigger is on.'),
    statusId: IdSchema.describe('The status the ticket is moved to.'),
  })
  .describe('A built-in status update: on/off and the target status.');
export type StatusTriggerSetting = z.infer<typeof StatusTriggerSettingSchema>;

/** The "Automate" tab of a pipeline. */
export const PipelineAutomationSchema = z
  .object({
    createTickets: z
      .boolean()
      .describe('Create a ticket in this pipeline for each new incoming conversation on connected channels.'),
    onEmailSent: StatusTriggerSettingSchema.describe(
      'Update the status when an agent emails the contact from the ticket record.',
    ),
    onCustomerReply: StatusTriggerSettingSchema.describe(
      "Update the status when the contact replies on the ticket's thread (any new thread after a reopen).",
    ),
  })
  .describe("A pipeline's built-in ticket automation.");
export type PipelineAutomation = z.infer<typeof PipelineAutomationSchema>;

/** An ordered list of statuses that tickets move through. */
export const PipelineSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    statuses: z.array(StatusSchema).min(1).max(100).describe('Ordered statuses; new tickets start in the first.'),
    automation: PipelineAutomationSchema,
  })
  .describe('A ticket pipeline.');
export type Pipeline = z.infer<typeof PipelineSchema>;

/** A person who works in the help desk or the inbox. */
export const UserSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    email: z.string().max(320).describe('Email address.'),
    helpDeskAccess: z.boolean().describe('Whether the user can work in the help desk.'),
    superAdmin: z.boolean().describe('Whether the user is a super admin (may move channels).'),
  })
  .describe('A user of the help desk.');
export type User = z.infer<typeof UserSchema>;

/** A named group of users. */
export const TeamSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    memberIds: z.array(IdSchema).max(1000).describe('Ids of the users in the team.'),
  })
  .describe('A team of users.');
export type Team = z.infer<typeof TeamSchema>;

/** A customer who writes to the help desk. */
export const ContactSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    email: z.string().max(320).describe('Email address.'),
  })
  .describe('A contact (customer).');
export type Contact = z.infer<typeof ContactSchema>;

/** A way conversations reach the workspace. */
export const ChannelSchema = z
  .object({
    id: IdSchema,
    kind: ChannelKindSchema,
    name: NameSchema.describe('Address (email) or name (chatflow, form, number).'),
    location: z.enum(['inbox', 'helpDesk']).describe('Whether the channel is in the conversations inbox or the help desk.'),
    createTickets: z.boolean().describe('Whether new conversations on this channel create tickets.'),
    pipelineId: IdSchema.optional().describe('The pipeline tickets from this channel go to (the first pipeline when absent).'),
  })
  .describe('A connected channel.');
export type Channel = z.infer<typeof ChannelSchema>;

/** An email template; bodies may use tokens such as {{ticket.subject}}. */
export const EmailTemplateSchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    subject: z.string().max(1000).describe('Subject line; may contain tokens.'),
    body: TextSchema.describe('Plain-text body; may contain tokens such as {{ticket.subject}} and {{contact.name}}.'),
    builtIn: z
      .enum(['ticketReceived', 'ticketClosed'])
      .optional()
      .describe('Marks one of the two built-in templates.'),
  })
  .describe('An email template.');
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;

/** Response and resolution targets for one priority, in minutes. */
export const SlaTargetSchema = z
  .object({
    firstResponseMinutes: z.number().int().min(1).max(1_000_000).describe('Time to first response, in minutes.'),
    closeMinutes: z.number().int().min(1).max(10_000_000).describe('Time to close, in minutes.'),
  })
  .describe('SLA targets for one priority.');
export type SlaTarget = z.infer<typeof SlaTargetSchema>;

/** Service-level targets per priority. */
export const SlaPolicySchema = z
  .object({
    id: IdSchema,
    name: NameSchema,
    targets: z.object({
      low: SlaTargetSchema,
      medium: SlaTargetSchema,
      high: SlaTargetSchema,
      urgent: SlaTargetSchema,
    }),
  })
  .describe('The SLA policy applied to help-desk tickets.');
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/** Whether automated emails carry the product footer [S-branding]. */
export const BrandingSchema = z
  .object({
    footer: z.boolean().describe('Automated emails carry the branding footer (on by default).'),
    footerText: z.string().max(500).describe('The footer appended to automated emails.'),
  })
  .describe('Branding of automated emails.');
export type Branding = z.infer<typeof BrandingSchema>;

/** The help desk that workflows act on. */
export const WorkspaceSchema = z
  .object({
    format: z.literal('ticketflow.workspace').describe('Format name.'),
    schemaVersion: z.literal(1).describe('Version of the workspace format.'),
    id: IdSchema,
    name: NameSchema,
    defaultPriority: PrioritySchema.describe('Priority given to new tickets.'),
    pipelines: z.array(PipelineSchema).min(1).max(50),
    users: z.array(UserSchema).max(5000),
    teams: z.array(TeamSchema).max(500),
    contacts: z.array(ContactSchema).max(100000),
    channels: z.array(ChannelSchema).max(500),
    templates: z.array(EmailTemplateSchema).max(1000),
    sla: SlaPolicySchema,
    branding: BrandingSchema,
  })
  .describe('A Ticketflow workspace: the simulated help desk that workflows act on.');
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WORKSPACE_FORMAT = 'ticketflow.workspace';
export const WORKSPACE_SCHEMA_VERSION = 1;
