import { z } from 'zod';
import { IdSchema } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import type { ActionDefinition } from './types';

/** Move the ticket to a status of its pipeline. */
export const SetStatusSchema = z
  .object({
    ...actionHead('setStatus'),
    statusId: IdSchema.nullable().describe("A status of the ticket's pipeline; null while not chosen."),
    next: NextSchema,
  })
  .describe('Set the ticket status.');
export type SetStatusAction = z.infer<typeof SetStatusSchema>;

export const setStatus: ActionDefinition<SetStatusAction> = {
  kind: 'setStatus',
  schema: SetStatusSchema,
  create: (id) => ({ id, kind: 'setStatus', statusId: null, next: null }),
  summary(a, ws, t) {
    if (!a.statusId) return t('summary.incomplete', { what: t('kind.setStatus') });
    const label = ws.pipelines.flatMap((p) => p.statuses).find((s) => s.id === a.statusId)?.label ?? a.statusId;
    return t('summary.setStatus', { status: label });
  },
  missing: (a) => (a.statusId ? [] : [{ pointer: '/statusId', message: 'missing.status' }]),
  references: (a) => (a.statusId ? [{ type: 'status', id: a.statusId, pointer: '/statusId' }] : []),
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    if (!a.statusId) return ctx.fail('no status is chosen');
    const params = paramsOf(a, a.statusId);
    if (ctx.ticket.statusId === a.statusId) {
      ctx.note('action.setStatus.already', params);
      return a.next;
    }
    const refused = ctx.setStatus(a.statusId);
    if (refused) return ctx.fail(refused);
    ctx.note('action.setStatus.set', params);
    return a.next;
  },
};

/** The trace parameters of an action, made once (settings never change in place). */
const paramsCache = new WeakMap<SetStatusAction, { status: string }>();
function paramsOf(a: SetStatusAction, status: string): { status: string } {
  let params = paramsCache.get(a);
  if (!params) paramsCache.set(a, (params = { status }));
  return params;
}
