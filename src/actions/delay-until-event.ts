import { z } from 'zod';
import { DurationSchema, durationMs, IdSchema } from '../model/common';
import { actionHead } from './link';
import { EN_MESSAGES } from './messages';
import type { ActionDefinition, ActionLink, ActionReference } from './types';

/** What a delay until an event waits for. */
export const AwaitedEventSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('contactReplied') }).describe("The contact replies on the ticket's thread."),
    z
      .object({
        type: z.literal('statusChanged'),
        toStatusId: IdSchema.nullable().describe('The status awaited; null for any status change.'),
      })
      .describe("The ticket's status changes (to a status, or to any)."),
  ])
  .describe('The awaited event.');

/**
 * Wait until an event happens to the ticket, or a timeout passes: the ticket goes on on the "happened"
 * path or on the timeout path.
 */
export const DelayUntilEventSchema = z
  .object({
    ...actionHead('delayUntilEvent'),
    event: AwaitedEventSchema,
    timeout: DurationSchema.describe('How long to wait for the event before taking the timeout path.'),
    happenedNext: IdSchema.nullable().describe('First action on the "happened" path; null for an empty path.'),
    timeoutNext: IdSchema.nullable().describe('First action on the timeout path; null for an empty path.'),
  })
  .describe('Delay until an event.');
export type DelayUntilEventAction = z.infer<typeof DelayUntilEventSchema>;

export const delayUntilEvent: ActionDefinition<DelayUntilEventAction> = {
  kind: 'delayUntilEvent',
  schema: DelayUntilEventSchema,
  create: (id) => ({
    id,
    kind: 'delayUntilEvent',
    event: { type: 'contactReplied' },
    timeout: { amount: 2, unit: 'days' },
    happenedNext: null,
    timeoutNext: null,
  }),
  summary(a, ws, t) {
    const timeout = { amount: a.timeout.amount, unit: t(`unit.${a.timeout.unit}`) };
    if (a.event.type === 'contactReplied') return t('summary.delayUntilEvent.reply', timeout);
    if (a.event.toStatusId === null) return t('summary.delayUntilEvent.anyStatus', timeout);
    const id = a.event.toStatusId;
    const name = ws.pipelines.flatMap((p) => p.statuses).find((s) => s.id === id)?.label ?? id;
    return t('summary.delayUntilEvent.status', { ...timeout, status: name });
  },
  missing: () => [],
  references: (a): ActionReference[] =>
    a.event.type === 'statusChanged' && a.event.toStatusId !== null ? [{ type: 'status', id: a.event.toStatusId, pointer: '/event/toStatusId' }] : [],
  links: (a): ActionLink[] => [
    { slot: 'happened', target: a.happenedNext, jump: false, label: EN_MESSAGES['delayUntilEvent.happened'], labelKey: 'delayUntilEvent.happened' },
    { slot: 'timeout', target: a.timeoutNext, jump: false, label: EN_MESSAGES['delayUntilEvent.timeout'], labelKey: 'delayUntilEvent.timeout' },
  ],
  withLink(a, slot, target) {
    if (slot === 'happened') return { ...a, happenedNext: target };
    if (slot === 'timeout') return { ...a, timeoutNext: target };
    throw new Error(`Unknown link slot "${slot}" on delay until an event ${a.id}`);
  },
  run(a, ctx) {
    const until = ctx.now + durationMs(a.timeout);
    const status = a.event.type === 'statusChanged' ? a.event.toStatusId : null;
    ctx.awaitEvent(a.event.type, status, until, a.happenedNext, a.timeoutNext);
    ctx.note('action.delayUntilEvent.waits', { event: a.event.type, status, until });
    return null;
  },
};
