import { z } from 'zod';
import { IdSchema } from '../model/common';
import { actionHead, defaultLink } from './link';
import { EN_MESSAGES } from './messages';
import type { ActionDefinition, ActionLink, ActionReference } from './types';

/** The most values a value branch may have, as HubSpot allows. */
export const VALUE_BRANCH_MAX_PATHS = 250;

/** Ticket properties a value branch can branch on. */
export const ValueBranchPropertySchema = z.enum(['status', 'priority', 'owner', 'source']).describe('The ticket property whose value picks the path.');
export type ValueBranchProperty = z.infer<typeof ValueBranchPropertySchema>;

/** One path of a value branch: the tickets whose property has this value take it. */
export const ValuePathSchema = z
  .object({
    id: IdSchema.describe('Id of the path, unique within the branch.'),
    label: z.string().min(1).max(200).describe('Label shown on the path.'),
    value: IdSchema.nullable().describe('The property value (status id, priority, user id or channel kind); null while not chosen.'),
    next: IdSchema.nullable().describe('First action on the path; null for an empty path.'),
  })
  .describe('A path of a value branch.');
export type ValuePath = z.infer<typeof ValuePathSchema>;

/** Branch on the value of one ticket property: one path per value, plus a default path. */
export const ValueBranchSchema = z
  .object({
    ...actionHead('valueBranch'),
    property: ValueBranchPropertySchema,
    paths: z
      .array(ValuePathSchema)
      .min(1)
      .max(VALUE_BRANCH_MAX_PATHS)
      .describe(`One path per value, at most ${VALUE_BRANCH_MAX_PATHS}; each value at most once.`),
    defaultLabel: z.string().min(1).max(200).describe('Label of the default path (a value with no path of its own, or none).'),
    defaultNext: IdSchema.nullable().describe('First action on the default path; null for an empty path.'),
  })
  .describe('Value branch (one path per property value).');
export type ValueBranchAction = z.infer<typeof ValueBranchSchema>;

/** The link slot of a value path. */
export const valueSlot = (pathId: string) => `value:${pathId}`;

export const valueBranch: ActionDefinition<ValueBranchAction> = {
  kind: 'valueBranch',
  schema: ValueBranchSchema,
  create: (id) => ({
    id,
    kind: 'valueBranch',
    property: 'priority',
    paths: [{ id: 'v1', label: 'Value 1', value: null, next: null }],
    defaultLabel: EN_MESSAGES['valueBranch.default']!,
    defaultNext: null,
  }),
  summary: (a, _ws, t) => t('summary.valueBranch', { property: t(`valueBranch.property.${a.property}`), count: a.paths.length }),
  missing: (a) => a.paths.flatMap((p, i) => (p.value === null ? [{ pointer: `/paths/${i}/value`, message: 'missing.value' }] : [])),
  references: (a): ActionReference[] => {
    const type = a.property === 'status' ? 'status' : a.property === 'owner' ? 'user' : null;
    if (!type) return [];
    return a.paths.flatMap((p, i) => (p.value === null ? [] : [{ type, id: p.value, pointer: `/paths/${i}/value` }]));
  },
  links: (a): ActionLink[] => [
    ...a.paths.map((p) => ({ slot: valueSlot(p.id), target: p.next, jump: false, label: p.label })),
    defaultLink(a.defaultNext, a.defaultLabel, 'valueBranch.default'),
  ],
  withLink(a, slot, target) {
    if (slot === 'default') return { ...a, defaultNext: target };
    const pathId = slot.startsWith('value:') ? slot.slice(6) : null;
    if (!pathId || !a.paths.some((p) => p.id === pathId)) throw new Error(`Unknown link slot "${slot}" on value branch ${a.id}`);
    return { ...a, paths: a.paths.map((p) => (p.id === pathId ? { ...p, next: target } : p)) };
  },
  run(a, ctx) {
    const value = ctx.fact(a.property);
    const path = typeof value === 'string' ? pathsByValue(a).get(value) : undefined;
    if (path) {
      ctx.note('action.valueBranch.path', { property: a.property, value, label: path.label });
      return path.next;
    }
    ctx.note('action.valueBranch.default', { property: a.property, value: value ?? null, label: a.defaultLabel });
    return a.defaultNext;
  },
};

/** The first path of each value, made once per action (settings never change in place). */
const byValue = new WeakMap<ValueBranchAction, Map<string, ValuePath>>();

function pathsByValue(a: ValueBranchAction): Map<string, ValuePath> {
  let map = byValue.get(a);
  if (!map) {
    map = new Map();
    for (const p of a.paths) if (p.value !== null && !map.has(p.value)) map.set(p.value, p);
    byValue.set(a, map);
  }
  return map;
}

/** Values a value branch lists more than once, with the index of each repeat. */
export function repeatedValues(a: ValueBranchAction): { index: number; value: string; first: number }[] {
  const seen = new Map<string, number>();
  const out: { index: number; value: string; first: number }[] = [];
  a.paths.forEach((p, i) => {
    if (p.value === null) return;
    const first = seen.get(p.value);
    if (first === undefined) seen.set(p.value, i);
    else out.push({ index: i, value: p.value, first });
  });
  return out;
}
