import { z } from 'zod';
import { IdSchema } from '../model/common';
import { actionHead } from './link';
import type { ActionDefinition } from './types';

/** Continue at another action; the only way paths merge or loop. */
export const GotoSchema = z
  .object({
    ...actionHead('goto'),
    target: IdSchema.nullable().describe('The action to continue at; null while not chosen.'),
  })
  .describe('Go to another action.');
export type GotoAction = z.infer<typeof GotoSchema>;

export const goto: ActionDefinition<GotoAction> = {
  kind: 'goto',
  schema: GotoSchema,
  create: (id) => ({ id, kind: 'goto', target: null }),
  summary: (a, _ws, t) => (a.target ? t('summary.goto', { target: a.target }) : t('summary.incomplete', { what: t('kind.goto') })),
  missing: (a) => (a.target ? [] : [{ pointer: '/target', message: 'missing.target' }]),
  references: () => [],
  links: (a) => [{ slot: 'target', target: a.target, jump: true }],
  withLink(a, slot, target) {
    if (slot !== 'target') throw new Error(`Unknown link slot "${slot}" on go-to ${a.id}`);
    return { ...a, target };
  },
  run(a, ctx) {
    if (!a.target) return ctx.fail('no action to go to is chosen');
    let params = targets.get(a);
    if (!params) targets.set(a, (params = { target: a.target }));
    ctx.note('action.goto', params);
    return a.target;
  },
};

/** The trace parameters of each go-to, made once (settings never change in place). */
const targets = new WeakMap<GotoAction, { target: string }>();
