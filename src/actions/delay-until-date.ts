import { z } from 'zod';
import { DurationUnitSchema, durationMs } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import type { ActionDefinition } from './types';

/** Ticket dates a delay can wait for. */
export const DateDelayPropertySchema = z
  .enum(['createdAt', 'firstResponseDue', 'closeDue'])
  .describe('The ticket date: its created time, or an SLA due time (first response, close).');
export type DateDelayProperty = z.infer<typeof DateDelayPropertySchema>;

/**
 * Wait until a date of the ticket, moved by an offset. A date already past goes on at once, and so does a
 * ticket without that date (no SLA applies); the trace says which.
 */
export const DelayUntilDateSchema = z
  .object({
    ...actionHead('delayUntilDate'),
    property: DateDelayPropertySchema,
    offset: z
      .object({
        amount: z.number().int().min(0).max(100000).describe('How far from the date; 0 for the date itself.'),
        unit: DurationUnitSchema,
        direction: z.enum(['before', 'after']).describe('Before or after the date.'),
      })
      .describe('The offset from the date.'),
    next: NextSchema,
  })
  .describe('Delay until a date.');
export type DelayUntilDateAction = z.infer<typeof DelayUntilDateSchema>;

/** The signed offset in the unit: negative before the date. */
export function signedOffset(a: DelayUntilDateAction): number {
  return a.offset.direction === 'before' ? -a.offset.amount : a.offset.amount;
}

export const delayUntilDate: ActionDefinition<DelayUntilDateAction> = {
  kind: 'delayUntilDate',
  schema: DelayUntilDateSchema,
  create: (id) => ({ id, kind: 'delayUntilDate', property: 'firstResponseDue', offset: { amount: 1, unit: 'hours', direction: 'before' }, next: null }),
  summary: (a, _ws, t) =>
    a.offset.amount === 0
      ? t('summary.delayUntilDate.at', { property: t(`delayUntilDate.property.${a.property}`) })
      : t(`summary.delayUntilDate.${a.offset.direction}`, {
          amount: a.offset.amount,
          unit: t(`unit.${a.offset.unit}`),
          property: t(`delayUntilDate.property.${a.property}`),
        }),
  missing: () => [],
  references: () => [],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const date = a.property === 'createdAt' ? ctx.fact('createdAt') : ctx.slaDue(a.property === 'firstResponseDue' ? 'firstResponse' : 'close');
    if (typeof date !== 'number') {
      ctx.note('action.delayUntilDate.unknown', { property: a.property });
      return a.next;
    }
    const offset = signedOffset(a);
    const at = date + Math.sign(offset) * durationMs({ amount: Math.abs(offset), unit: a.offset.unit });
    if (at <= ctx.now) {
      ctx.note('action.delayUntilDate.past', { property: a.property, offset, unit: a.offset.unit, date: at });
      return a.next;
    }
    ctx.waitUntil(at);
    ctx.note('action.delayUntilDate.waits', { property: a.property, offset, unit: a.offset.unit, until: at });
    return a.next;
  },
};
