import { z } from 'zod';
import { IdSchema, PrioritySchema } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { fillField } from './render';
import type { ActionDefinition, PropertyChange } from './types';

/** Set the ticket's owner (a user, or unassigned), priority or subject. */
export const SetPropertySchema = z
  .object({
    ...actionHead('setProperty'),
    change: z
      .discriminatedUnion('property', [
        z.object({
          property: z.literal('owner'),
          ownerId: IdSchema.nullable().describe('The new owner; null unassigns the ticket.'),
        }),
        z.object({ property: z.literal('priority'), priority: PrioritySchema.nullable() }),
        z.object({ property: z.literal('subject'), subject: z.string().max(1000).describe('May contain tokens.') }),
      ])
      .describe('The property and its new value.'),
    next: NextSchema,
  })
  .describe('Set a ticket property.');
export type SetPropertyAction = z.infer<typeof SetPropertySchema>;

export const setProperty: ActionDefinition<SetPropertyAction> = {
  kind: 'setProperty',
  schema: SetPropertySchema,
  create: (id) => ({ id, kind: 'setProperty', change: { property: 'priority', priority: null }, next: null }),
  summary(a, ws, t) {
    const c = a.change;
    let value: string;
    if (c.property === 'owner') {
      value = c.ownerId ? (ws.users.find((u) => u.id === c.ownerId)?.name ?? c.ownerId) : t('summary.unassigned');
    } else if (c.property === 'priority') {
      if (!c.priority) return t('summary.incomplete', { what: t('kind.setProperty') });
      value = t(`priority.${c.priority}`);
    } else {
      value = `"${c.subject}"`;
    }
    return t('summary.setProperty', { property: t(`property.${c.property}`), value });
  },
  missing: (a) =>
    (a.change.property === 'priority' && !a.change.priority) || (a.change.property === 'subject' && !a.change.subject.trim())
      ? [{ pointer: '/change', message: 'missing.value' }]
      : [],
  references: (a) =>
    a.change.property === 'owner' && a.change.ownerId
      ? [{ type: 'user', id: a.change.ownerId, pointer: '/change/ownerId' }]
      : [],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const c = a.change;
    let change: PropertyChange;
    let shown: string | null;
    if (c.property === 'priority') {
      if (!c.priority) return ctx.fail('no priority is chosen');
      change = { property: 'priority', priority: c.priority };
      shown = c.priority;
    } else if (c.property === 'subject') {
      const subject = fillField(ctx, 'subject', c.subject);
      if (subject === null) return null;
      change = subject === c.subject ? c : { property: 'subject', subject };
      shown = subject;
    } else {
      change = c;
      shown = c.ownerId;
    }
    const refused = ctx.setProperty(change);
    if (refused) return ctx.fail(refused);
    ctx.note('action.setProperty.set', { property: c.property, value: shown });
    return a.next;
  },
};
