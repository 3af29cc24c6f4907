import { z } from 'zod';
import { DurationSchema, durationMs } from '../model/common';
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
    if (w.type === 'duration') return t('summary.delay.duration', { amount: w.duration.amount, unit: t(`unit.${w.duration.unit}`, { count: w.duration.amount }) });
    return t('summary.delay.until', { days: w.days.length ? w.days.join(', ') : t('summary.anyDay'), time: w.time });
  },
  missing: (a) => (a.wait.type === 'until' && a.wait.days.length === 0 ? [{ pointer: '/wait/days', message: 'missing.days' }] : []),
  references: () => [],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const w = a.wait;
    const until = w.type === 'duration' ? ctx.now + durationMs(w.duration) : nextWeekdayTime(ctx.now, w.days, w.time);
    if (until === null) return ctx.fail('no day of the week is chosen');
    ctx.waitUntil(until);
    ctx.note(
      w.type === 'duration' ? 'action.delay.duration' : 'action.delay.until',
      w.type === 'duration' ? { amount: w.duration.amount, unit: w.duration.unit, until } : { days: w.days.join(','), time: w.time, until },
    );
    return a.next;
  },
};

const DAY_MS = 86_400_000;

/**
 * The first moment strictly after `now` that falls on one of `days` at `time` (HH:MM, UTC); null when no day
 * is given. Strictly after, so a go-to loop through such a delay always waits.
 */
export function nextWeekdayTime(now: number, days: readonly Weekday[], time: string): number | null {
  if (days.length === 0) return null;
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const midnight = Math.floor(now / DAY_MS) * DAY_MS;
  for (let d = 0; d <= 7; d++) {
    const candidate = midnight + d * DAY_MS + minutes * 60_000;
    if (candidate > now && days.includes(WEEKDAYS[new Date(candidate).getUTCDay()]!)) return candidate;
  }
  return null;
}
