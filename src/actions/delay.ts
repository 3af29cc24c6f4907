import { z } from 'zod';
import { DurationSchema } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import type { ActionDefinition } from './types';

/** Days of the week, Sunday first (as JavaScript's getUTCDay). */
export const WeekdaySchema = z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']).describe('A day of the week.');
export type Weekday = z.infer<typeof WeekdaySchema>;
export const WEEKDAYS = WeekdaySchema.options;

/** Wait on the virtual clock: for a duration, or until a day of week and time of day (UTC). */
export const DelaySchema = z
  .object({
    ...actionHead('delay'),
    wait: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('duration'), duration: DurationSchema }).describe('Wait a length of time.'),
        z
          .object({
            type: z.literal('until'),
            days: z.array(WeekdaySchema).max(7).describe('Days allowed; empty while not chosen.'),
            time: z
              .string()
              .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
              .describe('Time of day, HH:MM (UTC).'),
          })
          .describe('Wait until the next of the given days at the given time.'),
      ])
      .describe('How long to wait.'),
    next: NextSchema,
  })
  .describe('Delay.');
export type DelayAction = z.infer<typeof DelaySchema>;

export const delay: ActionDefinition<DelayAction> = {
  kind: 'delay',
  schema: DelaySchema,
  create: (id) => ({ id, kind: 'delay', wait: { type: 'duration', duration: { amount: 1, unit: 'days' } }, next: null }),
  summary(a, _ws, t) {
    const w = a.wait;
    if (w.type === 'duration') return t('summary.delay.duration', { amount: w.duration.amount, unit: t(`unit.${w.duration.unit}`) });
    return t('summary.delay.until', { days: w.days.length ? w.days.join(', ') : t('summary.anyDay'), time: w.time });
  },
  missing: (a) => (a.wait.type === 'until' && a.wait.days.length === 0 ? [{ pointer: '/wait/days', message: 'missing.days' }] : []),
  references: () => [],
  links: linearLinks,
  withLink: withNext,
};
