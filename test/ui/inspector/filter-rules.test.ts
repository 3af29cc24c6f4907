import { describe, expect, it } from 'vitest';
import { defaultWorkspace, FILTER_OPERATORS, type FilterCondition } from '../../../src/model';
import {
  conditionProblems,
  filtersProblems,
  FILTER_PROPERTIES,
  fromDateInput,
  newCondition,
  operatorChoices,
  toDateInput,
  withOperator,
} from '../../../src/ui/inspector/filter-rules';

const ws = defaultWorkspace();
const problemsOf = (c: FilterCondition) => conditionProblems(c, ws, '/c').map((p) => [p.pointer, p.key, p.level]);

describe('FILTER_PROPERTIES', () => {
  it('offers before/after only for dates and greater/less only for numbers and priorities', () => {
    for (const [property, rule] of Object.entries(FILTER_PROPERTIES)) {
      const ordered = rule.operators.includes('greaterThan') || rule.operators.includes('lessThan');
      const dated = rule.operators.includes('before') || rule.operators.includes('after');
      expect([property, ordered]).toEqual([property, rule.kind === 'number' || rule.kind === 'priority']);
      expect([property, dated]).toEqual([property, rule.kind === 'date']);
    }
  });
});

describe('conditionProblems on text lists', () => {
  it('offers only operators the document rules and the engine accept', () => {
    for (const [property, rule] of Object.entries(FILTER_PROPERTIES)) {
      for (const o of rule.operators) expect([property, o, FILTER_OPERATORS[property as keyof typeof FILTER_OPERATORS].includes(o)]).toEqual([property, o, true]);
    }
  });

  it('lists a condition’s own operator when the core accepts it though the form does not offer it', () => {
    expect(operatorChoices({ property: 'status', operator: 'isKnown' })).toContain('isKnown');
    expect(problemsOf({ property: 'status', operator: 'isKnown' })).toEqual([]);
    expect(operatorChoices({ property: 'createdAt', operator: 'contains', value: 'x' })).not.toContain('contains');
  });

  it('takes a list of addresses for "contact email is any of"', () => {
    expect(problemsOf({ property: 'contactEmail', operator: 'isAnyOf', value: ['a@acme.test', 'b@acme.test'] })).toEqual([]);
  });

  it('asks for one value per line when the list is empty or has a blank line', () => {
    expect(problemsOf({ property: 'subject', operator: 'isNoneOf', value: [] })).toEqual([['/c/value', 'filters.error.textList', 'error']]);
    expect(problemsOf({ property: 'subject', operator: 'isNoneOf', value: ['refund', ' '] })).toEqual([['/c/value', 'filters.error.textList', 'error']]);
  });

  it('names an operator the property does not take', () => {
    expect(problemsOf({ property: 'createdAt', operator: 'contains', value: 'x' })).toEqual([['/c/operator', 'filters.error.operator', 'error']]);
  });
});

describe('newCondition', () => {
  it("starts with the property's first operator and no value", () => {
    expect(newCondition('owner')).toEqual({ property: 'owner', operator: 'is' });
    expect(newCondition('createdAt')).toEqual({ property: 'createdAt', operator: 'before' });
  });
});

describe('withOperator', () => {
  const status: FilterCondition = { property: 'status', operator: 'is', value: 'new' };

  it('wraps a single value into a list for "is any of"', () => {
    expect(withOperator(status, 'isAnyOf')).toEqual({ property: 'status', operator: 'isAnyOf', value: ['new'] });
  });

  it('keeps the first of a list for "is"', () => {
    expect(withOperator({ ...status, operator: 'isNoneOf', value: ['closed', 'new'] }, 'isNot')).toEqual({
      property: 'status',
      operator: 'isNot',
      value: 'closed',
    });
  });

  it('drops the value for operators without one, and an empty list for single ones', () => {
    expect(withOperator(status, 'isKnown')).toEqual({ property: 'status', operator: 'isKnown' });
    expect(withOperator({ ...status, operator: 'isAnyOf', value: [] }, 'is')).toEqual({ property: 'status', operator: 'is' });
  });
});

describe('date inputs', () => {
  it('turn a datetime-local value into an ISO UTC timestamp and back', () => {
    expect(fromDateInput('2026-03-01T08:15')).toBe('2026-03-01T08:15:00Z');
    expect(toDateInput('2026-03-01T08:15:00Z')).toBe('2026-03-01T08:15');
    expect(fromDateInput('')).toBeUndefined();
    expect(toDateInput('next tuesday')).toBe('');
  });
});

describe('conditionProblems', () => {
  it.each<[string, FilterCondition, unknown[]]>([
    ['a complete status condition', { property: 'status', operator: 'is', value: 'new' }, []],
    ['a valueless operator', { property: 'owner', operator: 'isUnknown' }, []],
    ['a status not chosen', { property: 'status', operator: 'is' }, [['/c/value', 'missing.value', 'error']]],
    ['an empty list', { property: 'priority', operator: 'isAnyOf', value: [] }, [['/c/value', 'filters.error.chooseSome', 'error']]],
    ['an operator foreign to the property', { property: 'subject', operator: 'before', value: 'x' }, [['/c/operator', 'filters.error.operator', 'error']]],
    ['a date that is not one', { property: 'createdAt', operator: 'after', value: 'soon' }, [['/c/value', 'filters.error.date', 'error']]],
    ['a negative number of minutes', { property: 'openMinutes', operator: 'lessThan', value: -5 }, [['/c/value', 'error.number', 'error']]],
    ['blank text', { property: 'subject', operator: 'contains', value: '  ' }, [['/c/value', 'filters.error.text', 'error']]],
    ['a yes/no given as text', { property: 'reopened', operator: 'is', value: 'yes' }, [['/c/value', 'missing.value', 'error']]],
    ['a status the workspace lacks', { property: 'status', operator: 'is', value: 'archived' }, [['/c/value', 'common.notInWorkspace', 'unknown']]],
    ['a listed user the workspace lacks', { property: 'owner', operator: 'isNoneOf', value: ['u-ana', 'u-gone'] }, [['/c/value', 'common.notInWorkspace', 'unknown']]],
  ])('judges %s', (_what, condition, expected) => {
    expect(problemsOf(condition)).toEqual(expected);
  });
});

describe('filtersProblems', () => {
  it('locates each problem by group and condition below the base pointer', () => {
    const problems = filtersProblems(
      [
        { conditions: [{ property: 'status', operator: 'is', value: 'new' }] },
        { conditions: [{ property: 'priority', operator: 'is', value: 'high' }, { property: 'owner', operator: 'is' }] },
      ],
      ws,
      '/filters',
    );
    expect(problems.map((p) => p.pointer)).toEqual(['/filters/1/conditions/1/value']);
  });
});
