import { z } from 'zod';
import { IdSchema } from '../model/common';
import type { Workspace } from '../model/workspace';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { fillField, fillFieldLater } from './render';
import type { ActionDefinition, ActionReference, ActionRunContext } from './types';

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
    const named = namedRecipients(a, ctx);
    if (named.failure !== null) return ctx.fail(named.failure);
    let owner: string | null = null;
    let ownerMissing = false;
    if (a.recipients.owner) {
      const id = ctx.ticket.ownerId;
      if (id === null) ownerMissing = true;
      else {
        const user = ctx.user(id);
        if (!user) return ctx.fail(`the ticket owner "${id}" does not exist in the workspace`);
        if (!named.ids.includes(id)) owner = id;
      }
    }
    const subject = fillField(ctx, 'subject', a.subject);
    if (subject === null) return null;
    const body = fillFieldLater(ctx, 'body', a.body);
    if (body === null) return null;
    for (const id of named.ids) ctx.notify(id, subject, body);
    if (owner !== null) ctx.notify(owner, subject, body);
    if (ownerMissing) ctx.skipNotification('the ticket has no owner', subject);
    ctx.note('action.notify.sent', owner === null ? (ownerMissing ? named.ownerSkipped : named.sent) : { users: named.users, owner, ownerSkipped: false });
    return a.next;
  },
};

/** Trace parameters of a notify action: the named users ("u-1,u-2"), the owner notified, whether the owner was skipped. */
type NotifyParams = { users: string; owner: string | null; ownerSkipped: boolean };
const NO_ONE: NotifyParams = { users: '', owner: null, ownerSkipped: false };

/** The users a notify action names (directly and through teams), resolved against one workspace. */
interface NamedRecipients {
  workspace: Workspace;
  /** Distinct user ids in the order they are named. */
  ids: string[];
  /** Why the named recipients cannot be notified (a dangling user or team), or null. */
  failure: string | null;
  /** The named user ids as one trace parameter ("u-1,u-2"). */
  users: string;
  /** The trace parameters when only the named users are notified. */
  sent: NotifyParams;
  /** The trace parameters when the owner notification is skipped for want of an owner. */
  ownerSkipped: NotifyParams;
}

/**
 * Named recipients depend only on the action and the workspace, both immutable, so they are resolved once
 * per action and workspace rather than for every ticket that reaches the action.
 */
const namedCache = new WeakMap<NotifyAction, NamedRecipients>();

function namedRecipients(a: NotifyAction, ctx: ActionRunContext): NamedRecipients {
  const cached = namedCache.get(a);
  if (cached !== undefined && cached.workspace === ctx.workspace) return cached;
  const named = resolveNamed(a, ctx);
  namedCache.set(a, named);
  return named;
}

function resolveNamed(a: NotifyAction, ctx: ActionRunContext): NamedRecipients {
  const workspace = ctx.workspace;
  const failed = (failure: string): NamedRecipients => ({ workspace, ids: [], users: '', failure, sent: NO_ONE, ownerSkipped: NO_ONE });
  // A list keeps the order recipients are named in; includes() is fine for a handful of users.
  const ids: string[] = [];
  for (const id of a.recipients.userIds) {
    if (!ctx.user(id)) return failed(`user "${id}" does not exist in the workspace`);
    if (!ids.includes(id)) ids.push(id);
  }
  for (const teamId of a.recipients.teamIds) {
    const team = ctx.team(teamId);
    if (!team) return failed(`team "${teamId}" does not exist in the workspace`);
    for (const id of team.memberIds) {
      if (!ctx.user(id)) return failed(`team "${team.name}" lists user "${id}", who does not exist in the workspace`);
      if (!ids.includes(id)) ids.push(id);
    }
  }
  const users = ids.join(',');
  return { workspace, ids, users, failure: null, sent: { users, owner: null, ownerSkipped: false }, ownerSkipped: { users, owner: null, ownerSkipped: true } };
}
