import {
  FILTER_OPERATORS,
  LIST_OPERATORS,
  TimestampSchema,
  VALUELESS_OPERATORS,
  type FilterCondition,
  type FilterOperator,
  type FilterProperty,
  type Filters,
  type Workspace,
} from '../../model';
import type { FieldProblem } from '../common/problems';
import { choicesFor, type ValueKind } from './workspace-options';

/** What value each ticket property compares with (which input edits it). */
const VALUE_KINDS: Record<FilterProperty, ValueKind> = {
  status: 'status',
  statusCategory: 'statusCategory',
  pipeline: 'pipeline',
  owner: 'user',
  priority: 'priority',
  source: 'channelKind',
  channel: 'channel',
  contact: 'contact',
  subject: 'text',
  contactEmail: 'text',
  createdAt: 'date',
  closedAt: 'date',
  reopened: 'boolean',
  openMinutes: 'number',
};

/** For each ticket property: what its value is, and the operators it takes (the core's table). */
export const FILTER_PROPERTIES = Object.fromEntries(
  (Object.keys(VALUE_KINDS) as FilterProperty[]).map((p) => [p, { kind: VALUE_KINDS[p], operators: FILTER_OPERATORS[p] }]),
) as Record<FilterProperty, { kind: ValueKind; operators: readonly FilterOperator[] }>;

/** Properties in the order the property select lists them. */
export const FILTER_PROPERTY_ORDER = Object.keys(FILTER_PROPERTIES) as FilterProperty[];

/** A fresh condition on a property: its first operator, no value chosen yet. */
export function newCondition(property: FilterProperty): FilterCondition {
  return { property, operator: FILTER_PROPERTIES[property].operators[0]! };
}

/** The condition with another operator, its value carried over where the shapes allow. */
export function withOperator(condition: FilterCondition, operator: FilterOperator): FilterCondition {
  if (VALUELESS_OPERATORS.includes(operator)) return { property: condition.property, operator };
  const v = condition.value;
  if (LIST_OPERATORS.includes(operator)) {
    const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
    return { ...condition, operator, value: list };
  }
  if (Array.isArray(v)) return v[0] === undefined ? { property: condition.property, operator } : { ...condition, operator, value: v[0] };
  return { ...condition, operator };
}

/** ISO timestamp → the "YYYY-MM-DDTHH:MM" a datetime-local input shows (UTC); '' when not a timestamp. */
export function toDateInput(value: unknown): string {
  return typeof value === 'string' && TimestampSchema.safeParse(value).success ? value.slice(0, 16) : '';
}

/** What a datetime-local input gives → an ISO UTC timestamp; undefined when empty. */
export function fromDateInput(text: string): string | undefined {
  return text === '' ? undefined : `${text.length === 16 ? `${text}:00` : text}Z`;
}

/** What is wrong with one condition's operator and value, located under `pointer`. */
export function conditionProblems(c: FilterCondition, ws: Workspace, pointer: string): FieldProblem[] {
  const rule = FILTER_PROPERTIES[c.property];
  const error = (at: string, key: string, params?: Record<string, string>): FieldProblem[] => [
    { pointer: `${pointer}${at}`, key, params, level: 'error' },
  ];
  if (!rule.operators.includes(c.operator)) return error('/operator', 'filters.error.operator');
  if (VALUELESS_OPERATORS.includes(c.operator)) return [];
  const v = c.value;
  const known = choicesFor(rule.kind, ws, (k) => k)?.map((o) => o.value);
  if (LIST_OPERATORS.includes(c.operator)) {
    if (!Array.isArray(v) || v.length === 0) return error('/value', rule.kind === 'text' ? 'filters.error.textList' : 'filters.error.chooseSome');
    if (rule.kind === 'text' && v.some((x) => x.trim() === '')) return error('/value', 'filters.error.textList');
    const unknown = known ? v.filter((x) => !known.includes(x)) : [];
    return unknown.length
      ? [{ pointer: `${pointer}/value`, key: 'common.notInWorkspace', params: { value: unknown.join(', ') }, level: 'unknown' }]
      : [];
  }
  switch (rule.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? [] : error('/value', 'error.number');
    case 'date':
      return typeof v === 'string' && TimestampSchema.safeParse(v).success ? [] : error('/value', 'filters.error.date');
    case 'boolean':
      return typeof v === 'boolean' ? [] : error('/value', 'missing.value');
    case 'text':
      return typeof v === 'string' && v.trim() !== '' ? [] : error('/value', 'filters.error.text');
    default:
      if (typeof v !== 'string' || v === '') return error('/value', 'missing.value');
      return known && !known.includes(v)
        ? [{ pointer: `${pointer}/value`, key: 'common.notInWorkspace', params: { value: v }, level: 'unknown' }]
        : [];
  }
}

/** Problems of every condition of filter groups located at `base` (e.g. "/filters"). */
export function filtersProblems(filters: Filters, ws: Workspace, base: string): FieldProblem[] {
  return filters.flatMap((g, gi) =>
    g.conditions.flatMap((c, ci) => conditionProblems(c, ws, `${base}/${gi}/conditions/${ci}`)),
  );
}
