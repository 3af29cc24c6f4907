import { z } from 'zod';
import { IdSchema } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { renderFields } from './render';
import type { ActionDefinition, ActionReference } from './types';

/** Who receives an internal notification. */
export const RecipientsSchema = z
  .object({
    userIds: z.array(IdSchema).max(500).describe('Specific users.'),
    teamIds: z.array(IdSchema).max(100).describe('Teams: every member receives it.'),
    owner: z.boolean().describe("The ticket's owner (skipped, not an error, when the ticket has none)."),
  })
  .describe('Recipients of an internal notification.');

/** Send an internal notification to users, teams, or the ticket owner. */
export const NotifySchema = z
  .object({
    ...actionHead('notify'),
    recipients: RecipientsSchema,
    subject: z.string().max(1000).describe('Subject; may contain tokens.'),
    body: z.string().max(20000).describe('Body; may contain tokens.'),
    next: NextSchema,
  })
  .describe('Send an internal notification.');
export type NotifyAction = z.infer<typeof NotifySchema>;

export const notify: ActionDefinition<NotifyAction> = {
  kind: 'notify',
  schema: NotifySchema,
  create: (id) => ({
    id,
    kind: 'notify',
    recipients: { userIds: [], teamIds: [], owner: false },
    subject: 'Ticket {{ticket.id}}: {{ticket.subject}}',
    body: 'Ticket "{{ticket.subject}}" is now {{ticket.status}}.',
    next: null,
  }),
  summary(a, ws, t) {
    const names = [
      ...a.recipients.userIds.map((id) => ws.users.find((u) => u.id === id)?.name ?? id),
      ...a.recipients.teamIds.map((id) => ws.teams.find((x) => x.id === id)?.name ?? id),
      ...(a.recipients.owner ? [t('summary.notify.owner')] : []),
    ];
    return t('summary.notify', { recipients: names.length ? names.join(', ') : t('summary.nobody') });
  },
  missing: (a) =>
    a.recipients.userIds.length || a.recipients.teamIds.length || a.recipients.owner
      ? []
      : [{ pointer: '/recipients', message: 'missing.recipients' }],
  references: (a) => [
    ...a.recipients.userIds.map((id, i): ActionReference => ({ type: 'user', id, pointer: `/recipients/userIds/${i}` })),
    ...a.recipients.teamIds.map((id, i): ActionReference => ({ type: 'team', id, pointer: `/recipients/teamIds/${i}` })),
  ],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    // Recipients are resolved before anything is sent, so a dangling id fails the action without a partial send.
    // A list keeps the order recipients are named in; includes() is fine for a handful of users.
    const recipients: string[] = [];
    for (const id of a.recipients.userIds) {
      if (!ctx.user(id)) return ctx.fail(`user "${id}" does not exist in the workspace`);
      if (!recipients.includes(id)) recipients.push(id);
    }
    for (const teamId of a.recipients.teamIds) {
      const team = ctx.team(teamId);
      if (!team) return ctx.fail(`team "${teamId}" does not exist in the workspace`);
      for (const id of team.memberIds) {
        if (!ctx.user(id)) return ctx.fail(`team "${team.name}" lists user "${id}", who does not exist in the workspace`);
        if (!recipients.includes(id)) recipients.push(id);
      }
    }
    let ownerMissing = false;
    if (a.recipients.owner) {
      const owner = ctx.ticket.ownerId;
      if (owner === null) ownerMissing = true;
      else if (!ctx.user(owner)) return ctx.fail(`the ticket owner "${owner}" does not exist in the workspace`);
      else if (!recipients.includes(owner)) recipients.push(owner);
    }
    const filled = renderFields(ctx, { subject: a.subject, body: a.body });
    if (!filled) return null;
    for (const id of recipients) ctx.notify(id, filled.subject, filled.body);
    if (ownerMissing) ctx.skipNotification('the ticket has no owner', filled.subject);
    const names = recipients.map((id) => ctx.user(id)?.name ?? id);
    const sent = names.length ? `notified ${names.join(', ')}` : 'notified nobody';
    ctx.note(ownerMissing ? `${sent}; the owner notification was skipped: the ticket has no owner` : sent);
    return a.next;
  },
};
