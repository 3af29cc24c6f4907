import {
  LIST_OPERATORS,
  operatorApplies,
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

/**
 * For each ticket property: what its value is, and the operators the form offers, the first being
 * the one a new condition starts with. The core accepts more (FILTER_OPERATORS); a condition using
 * one of those is shown with it and is not an error.
 */
export const FILTER_PROPERTIES: Record<FilterProperty, { kind: ValueKind; operators: readonly FilterOperator[] }> = {
  status: { kind: 'status', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf'] },
  statusCategory: { kind: 'statusCategory', operators: ['is', 'isNot'] },
  pipeline: { kind: 'pipeline', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf'] },
  owner: { kind: 'user', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'] },
  priority: { kind: 'priority', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'greaterThan', 'lessThan'] },
  source: { kind: 'channelKind', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'] },
  channel: { kind: 'channel', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf'] },
  contact: { kind: 'contact', operators: ['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'] },
  subject: { kind: 'text', operators: ['contains', 'is', 'isNot', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'] },
  contactEmail: { kind: 'text', operators: ['is', 'isNot', 'contains', 'isAnyOf', 'isNoneOf', 'isKnown', 'isUnknown'] },
  createdAt: { kind: 'date', operators: ['before', 'after'] },
  closedAt: { kind: 'date', operators: ['before', 'after', 'isKnown', 'isUnknown'] },
  reopened: { kind: 'boolean', operators: ['is'] },
  openMinutes: { kind: 'number', operators: ['greaterThan', 'lessThan'] },
};

/** The operators the form lists for a condition: those it offers, plus the condition's own when the core accepts it. */
export function operatorChoices(c: FilterCondition): readonly FilterOperator[] {
  const offered = FILTER_PROPERTIES[c.property].operators;
  return offered.includes(c.operator) || !operatorApplies(c.property, c.operator) ? offered : [...offered, c.operator];
}

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
  if (!operatorApplies(c.property, c.operator)) return error('/operator', 'filters.error.operator');
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
