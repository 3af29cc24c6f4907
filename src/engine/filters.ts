import { PRIORITIES } from '../model/common';
import { operatorApplies, type FilterCondition, type FilterOperator, type FilterProperty, type Filters } from '../model/filters';

/**
 * The filter evaluator (SPEC §3.1): groups are ORed, conditions inside a group ANDed, an empty list holds.
 * It is pure — it reads ticket facts through a callback — so the UI can preview filters with it too.
 */

/** A ticket fact as filters see it: dates are milliseconds since the epoch, unknown is null. */
export type FactValue = string | number | boolean | null;

/** Reads one property of the ticket under test. */
export type FactReader = (property: FilterProperty) => FactValue;

type PropertyType = 'text' | 'id' | 'priority' | 'date' | 'boolean' | 'number';

/** How each property compares: free text is case-insensitive, ids exact, priorities ordered. */
const PROPERTY_TYPE: Record<FilterProperty, PropertyType> = {
  subject: 'text',
  contactEmail: 'text',
  status: 'id',
  statusCategory: 'id',
  pipeline: 'id',
  owner: 'id',
  source: 'id',
  channel: 'id',
  contact: 'id',
  priority: 'priority',
  createdAt: 'date',
  closedAt: 'date',
  reopened: 'boolean',
  openMinutes: 'number',
};

const OPERATOR_TEXT: Record<FilterOperator, string> = {
  is: 'is',
  isNot: 'is not',
  isAnyOf: 'is any of',
  isNoneOf: 'is none of',
  contains: 'contains',
  isKnown: 'is known',
  isUnknown: 'is unknown',
  before: 'is before',
  after: 'is after',
  greaterThan: 'is greater than',
  lessThan: 'is less than',
};

type Test = (fact: FactValue) => boolean;

/** A condition checked once and turned into a test. */
interface CompiledCondition {
  readonly source: FilterCondition;
  readonly test: Test;
}

/** Filters checked once and ready to evaluate many times. */
export interface CompiledFilters {
  readonly source: Filters;
  readonly groups: readonly (readonly CompiledCondition[])[];
  /** "group N held (...)" per group, made once when first needed: it depends on the filters only. */
  readonly heldText: (string | undefined)[];
}

/** A condition whose value does not fit its property or operator. */
export interface FilterProblem {
  /** JSON pointer of the condition below the filters, e.g. "/0/conditions/1". */
  pointer: string;
  message: string;
}

/** The result of evaluating filters: which group held, or the first failing condition of each group. */
export interface FilterOutcome {
  held: boolean;
  /** Index of the first group that held; -1 when none did or the list is empty. */
  group: number;
  /** When nothing held: [group index, condition index] of the first failing condition of each group. */
  failed: readonly (readonly [number, number])[];
}

const NEVER: Test = () => false;

function lower(value: FactValue): string {
  return typeof value === 'string' ? value.toLowerCase() : String(value);
}

function asText(fact: FactValue, type: PropertyType): string | null {
  if (fact === null) return null;
  return type === 'text' ? lower(fact) : String(fact);
}

/**
 * A date-time with its zone written (Z or an offset): Date.parse reads a date-time without one in the
 * machine's local time, so such a value is no date here and a run never depends on TZ.
 */
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: unknown): number | null {
  if (typeof value !== 'string' || !ZONED.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function parseNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return null;
}

/** The ordinal of a priority, for "greater than" and "less than". */
function priorityRank(value: unknown): number | null {
  const i = PRIORITIES.indexOf(value as (typeof PRIORITIES)[number]);
  return i < 0 ? null : i;
}

/** One scalar compared for equality, normalized for the property type; a string message when it does not fit. */
function scalarKey(value: unknown, type: PropertyType): string | number | boolean | { problem: string } {
  switch (type) {
    case 'date': {
      const ms = parseDate(value);
      return ms ?? { problem: 'needs a date such as 2026-01-05T09:00:00Z' };
    }
    case 'number': {
      const n = parseNumber(value);
      return n ?? { problem: 'needs a number' };
    }
    case 'boolean': {
      const b = parseBoolean(value);
      return b ?? { problem: 'needs true or false' };
    }
    case 'priority':
      return priorityRank(value) === null ? { problem: `needs a priority (${PRIORITIES.join(', ')})` } : (value as string);
    default:
      return typeof value === 'string' ? (type === 'text' ? value.toLowerCase() : value) : { problem: 'needs a text value' };
  }
}

function factKey(fact: FactValue, type: PropertyType): string | number | boolean | null {
  if (fact === null) return null;
  return type === 'text' ? lower(fact) : fact;
}

/** Builds the test of one condition, or says why its value does not fit. */
function compileCondition(c: FilterCondition): Test | string {
  // The same table the document rules check, so a condition they refuse never holds here either.
  if (!operatorApplies(c.property, c.operator)) return `"${OPERATOR_TEXT[c.operator]}" does not apply to ${c.property}`;
  const type = PROPERTY_TYPE[c.property];
  const v = c.value;
  switch (c.operator) {
    case 'isKnown':
      return (f) => f !== null && f !== '';
    case 'isUnknown':
      return (f) => f === null || f === '';
    case 'is':
    case 'isNot': {
      if (Array.isArray(v) || v === undefined) return `"${OPERATOR_TEXT[c.operator]}" needs one value`;
      const key = scalarKey(v, type);
      if (typeof key === 'object') return `${c.property} ${key.problem}`;
      const positive = c.operator === 'is';
      return (f) => {
        const k = factKey(f, type);
        return k === null ? !positive : (k === key) === positive;
      };
    }
    case 'isAnyOf':
    case 'isNoneOf': {
      if (!Array.isArray(v) || v.length === 0) return `"${OPERATOR_TEXT[c.operator]}" needs a list of at least one value`;
      const keys = new Set<string>();
      for (const item of v) {
        const key = scalarKey(item, type);
        if (typeof key === 'object') return `${c.property} ${key.problem} (got "${item}")`;
        keys.add(String(key));
      }
      const positive = c.operator === 'isAnyOf';
      return (f) => {
        const k = factKey(f, type);
        return k === null ? !positive : keys.has(String(k)) === positive;
      };
    }
    case 'contains': {
      if (typeof v !== 'string' || v === '') return '"contains" needs a non-empty text value';
      const needle = v.toLowerCase();
      return (f) => {
        const s = asText(f, 'text');
        return s !== null && s.includes(needle);
      };
    }
    case 'before':
    case 'after': {
      const ms = parseDate(v);
      if (ms === null) return `"${OPERATOR_TEXT[c.operator]}" needs a date such as 2026-01-05T09:00:00Z`;
      return c.operator === 'before' ? (f) => typeof f === 'number' && f < ms : (f) => typeof f === 'number' && f > ms;
    }
    case 'greaterThan':
    case 'lessThan': {
      const greater = c.operator === 'greaterThan';
      if (type === 'priority') {
        const rank = priorityRank(v);
        if (rank === null) return `priority needs a priority (${PRIORITIES.join(', ')})`;
        return (f) => {
          const r = priorityRank(f);
          return r !== null && (greater ? r > rank : r < rank);
        };
      }
      const n = parseNumber(v);
      if (n === null) return `"${OPERATOR_TEXT[c.operator]}" needs a number`;
      return greater ? (f) => typeof f === 'number' && f > n : (f) => typeof f === 'number' && f < n;
    }
  }
}

/** Checks every condition once; a condition that does not fit becomes a problem and never holds. */
export function compileFilters(filters: Filters): { compiled: CompiledFilters; problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  const groups = filters.map((g, gi) =>
    g.conditions.map((c, ci): CompiledCondition => {
      const test = compileCondition(c);
      if (typeof test === 'string') {
        problems.push({ pointer: `/${gi}/conditions/${ci}`, message: test });
        return { source: c, test: NEVER };
      }
      return { source: c, test };
    }),
  );
  return { compiled: { source: filters, groups, heldText: [] }, problems };
}

const compiledCache = new WeakMap<Filters, CompiledFilters>();

/** The compiled form of filters, cached per filters object (workflows are not mutated while they run). */
export function compiled(filters: Filters): CompiledFilters {
  let c = compiledCache.get(filters);
  if (!c) {
    c = compileFilters(filters).compiled;
    compiledCache.set(filters, c);
  }
  return c;
}

const HELD_EMPTY: FilterOutcome = { held: true, group: -1, failed: [] };

/** Index of the first group whose conditions all hold, or -1 (no allocation: for checks on every step). */
export function firstHoldingGroup(filters: CompiledFilters, read: FactReader): number {
  const groups = filters.groups;
  next: for (let gi = 0; gi < groups.length; gi++) {
    const conditions = groups[gi]!;
    for (let ci = 0; ci < conditions.length; ci++) {
      const c = conditions[ci]!;
      if (!c.test(read(c.source.property))) continue next;
    }
    return gi;
  }
  return -1;
}

/** Evaluates filters against a ticket: the first group whose conditions all hold wins. */
export function evaluateFilters(filters: CompiledFilters, read: FactReader): FilterOutcome {
  const groups = filters.groups;
  if (groups.length === 0) return HELD_EMPTY;
  let failed: [number, number][] | null = null;
  for (let gi = 0; gi < groups.length; gi++) {
    const conditions = groups[gi]!;
    let miss = -1;
    for (let ci = 0; ci < conditions.length; ci++) {
      const c = conditions[ci]!;
      if (!c.test(read(c.source.property))) {
        miss = ci;
        break;
      }
    }
    if (miss < 0) return { held: true, group: gi, failed: [] };
    (failed ??= []).push([gi, miss]);
  }
  return { held: false, group: -1, failed: failed ?? [] };
}

/** Whether filters hold for a ticket. */
export function filtersHold(filters: Filters, read: FactReader): boolean {
  return evaluateFilters(compiled(filters), read).held;
}

function showValue(value: FilterCondition['value']): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return ` ${value.join(', ')}`;
  return ` ${String(value)}`;
}

function showFact(property: FilterProperty, fact: FactValue): string {
  if (fact === null || fact === '') return 'unknown';
  if (PROPERTY_TYPE[property] === 'date' && typeof fact === 'number') return new Date(fact).toISOString();
  return String(fact);
}

/** A condition as a sentence fragment, e.g. "priority is any of high, urgent". */
export function describeCondition(c: FilterCondition): string {
  return `${c.property} ${OPERATOR_TEXT[c.operator]}${showValue(c.value)}`;
}

/** Says which group held, or which condition failed in each group and what the ticket had instead. */
export function describeOutcome(filters: CompiledFilters, outcome: FilterOutcome, read: FactReader): string {
  if (outcome.held) {
    if (outcome.group < 0) return 'no filters';
    let text = filters.heldText[outcome.group];
    if (text === undefined) {
      const conditions = filters.source[outcome.group]!.conditions;
      const what = conditions.length ? conditions.map(describeCondition).join(' and ') : 'no conditions';
      text = filters.heldText[outcome.group] = `group ${outcome.group + 1} held (${what})`;
    }
    return text;
  }
  const parts = outcome.failed.map(([gi, ci]) => {
    const c = filters.source[gi]!.conditions[ci]!;
    return `group ${gi + 1}: ${describeCondition(c)} failed (${c.property} is ${showFact(c.property, read(c.property))})`;
  });
  return `no group held: ${parts.join('; ')}`;
}

/** A condition value as one text (lists joined by ", "), made once per condition. */
const valueTexts = new WeakMap<FilterCondition, string | null>();
function valueText(c: FilterCondition): string | null {
  let text = valueTexts.get(c);
  if (text === undefined) {
    text = c.value === undefined ? null : Array.isArray(c.value) ? c.value.join(', ') : String(c.value);
    valueTexts.set(c, text);
  }
  return text;
}

/** A fact as a trace parameter: dates as milliseconds, unknown as null. */
function factParam(fact: FactValue): string | number | boolean | null {
  return fact === '' ? null : fact;
}

/**
 * The outcome of filters as trace parameters, without prose: `group` is the 1-based group that held
 * (0 for no filters); when none held, `group` is the first group that failed, with its failing condition
 * (`property`, `operator`, `value`) and what the ticket had (`actual`), and `groups` how many failed.
 * Written into `into`, the parameters of the entry being made.
 */
export function outcomeParams(filters: CompiledFilters, outcome: FilterOutcome, read: FactReader, into: Record<string, string | number | boolean | null>): void {
  into.held = outcome.held;
  if (outcome.held) {
    into.group = outcome.group + 1;
    return;
  }
  const [gi, ci] = outcome.failed[0] ?? [0, 0];
  const c = filters.source[gi]?.conditions[ci];
  into.group = gi + 1;
  into.groups = outcome.failed.length;
  if (!c) return;
  into.property = c.property;
  into.operator = c.operator;
  into.value = valueText(c);
  into.actual = factParam(read(c.property));
}
