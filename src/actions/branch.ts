import { z } from 'zod';
import { IdSchema } from '../model/common';
import { FiltersSchema } from '../model/filters';
import { actionHead, defaultLink } from './link';
import { EN_MESSAGES } from './messages';
import type { ActionDefinition, ActionLink } from './types';

/** One labelled path of a branch. */
export const BranchPathSchema = z
  .object({
    id: IdSchema.describe('Id of the path, unique within the branch.'),
    label: z.string().min(1).max(200).describe('Label shown on the path.'),
    filters: FiltersSchema.describe('When these hold, the ticket takes this path.'),
    next: IdSchema.nullable().describe('First action on the path; null for an empty path.'),
  })
  .describe('A path of a branch.');
export type BranchPath = z.infer<typeof BranchPathSchema>;

/** If/then: the first path whose filters hold wins, else the default path. */
export const BranchSchema = z
  .object({
    ...actionHead('branch'),
    paths: z.array(BranchPathSchema).min(1).max(20).describe('Ordered paths; the first that matches wins.'),
    defaultLabel: z.string().min(1).max(200).describe('Label of the default path.'),
    defaultNext: IdSchema.nullable().describe('First action on the default path; null for an empty path.'),
  })
  .describe('Branch (if/then).');
export type BranchAction = z.infer<typeof BranchSchema>;

export const branch: ActionDefinition<BranchAction> = {
  kind: 'branch',
  schema: BranchSchema,
  create: (id) => ({
    id,
    kind: 'branch',
    paths: [{ id: 'p1', label: 'Path 1', filters: [{ conditions: [] }], next: null }],
    defaultLabel: EN_MESSAGES['branch.default']!,
    defaultNext: null,
  }),
  summary: (a, _ws, t) => t('summary.branch', { count: a.paths.length }),
  missing: (a) =>
    a.paths.flatMap((p, i) =>
      p.filters.length === 0 || p.filters.some((g) => g.conditions.length === 0)
        ? [{ pointer: `/paths/${i}/filters`, message: 'missing.value' }]
        : [],
    ),
  references: () => [],
  links: (a): ActionLink[] => [
    ...a.paths.map((p) => ({ slot: `branch:${p.id}`, target: p.next, jump: false, label: p.label })),
    defaultLink(a.defaultNext, a.defaultLabel, 'branch.default'),
  ],
  withLink(a, slot, target) {
    if (slot === 'default') return { ...a, defaultNext: target };
    const pathId = slot.startsWith('branch:') ? slot.slice(7) : null;
    if (!pathId || !a.paths.some((p) => p.id === pathId)) throw new Error(`Unknown link slot "${slot}" on branch ${a.id}`);
    return { ...a, paths: a.paths.map((p) => (p.id === pathId ? { ...p, next: target } : p)) };
  },
  run(a, ctx) {
    for (let i = 0; i < a.paths.length; i++) {
      const p = a.paths[i]!;
      const outcome = ctx.evaluate(p.filters);
      if (outcome.held) {
        ctx.note('action.branch.path', pathParams(a, i, outcome.group));
        return p.next;
      }
    }
    ctx.note('action.branch.default', pathParams(a, -1, 0));
    return a.defaultNext;
  },
};

/** Trace parameters of a branch decision, made once per action, path and group (settings never change in place). */
const decisions = new WeakMap<BranchAction, Map<number, Record<string, string | number>>>();

function pathParams(a: BranchAction, path: number, group: number): Record<string, string | number> {
  let byKey = decisions.get(a);
  if (!byKey) decisions.set(a, (byKey = new Map()));
  const key = path * 1000 + group;
  let params = byKey.get(key);
  if (!params) {
    params = path < 0 ? { label: a.defaultLabel, paths: a.paths.length } : { path: a.paths[path]!.id, label: a.paths[path]!.label, group };
    byKey.set(key, params);
  }
  return params;
}
