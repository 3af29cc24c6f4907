import { describe, expect, it } from 'vitest';
import { compileFilters, describeOutcome, evaluateFilters, filtersHold, type FactValue } from '../../src/engine';
import type { FilterCondition, FilterProperty, Filters } from '../../src/model';

const FACTS: Record<FilterProperty, FactValue> = {
  subject: 'Cannot LOG in',
  status: 'waiting-us',
  statusCategory: 'open',
  pipeline: 'support',
  owner: null,
  priority: 'high',
  source: 'email',
  channel: 'ch-email',
  contact: 'c-jo',
  contactEmail: 'Jo@Example.test',
  createdAt: Date.parse('2026-01-05T09:00:00Z'),
  closedAt: null,
  reopened: true,
  openMinutes: 90,
};
const read = (p: FilterProperty) => FACTS[p];
const one = (c: FilterCondition): Filters => [{ conditions: [c] }];

describe('evaluateFilters', () => {
  const cases: [string, FilterCondition, boolean][] = [
    ['is on an id matches exactly', { property: 'status', operator: 'is', value: 'waiting-us' }, true],
    ['is on an id is case-sensitive', { property: 'status', operator: 'is', value: 'Waiting-Us' }, false],
    ['is on text ignores case', { property: 'subject', operator: 'is', value: 'cannot log in' }, true],
    ['is on an unknown property fails', { property: 'owner', operator: 'is', value: 'u-marco' }, false],
    ['is not holds for another value', { property: 'priority', operator: 'isNot', value: 'low' }, true],
    ['is not fails for the same value', { property: 'priority', operator: 'isNot', value: 'high' }, false],
    ['is not holds when the property is unknown', { property: 'owner', operator: 'isNot', value: 'u-marco' }, true],
    ['is any of holds when one value matches', { property: 'priority', operator: 'isAnyOf', value: ['urgent', 'high'] }, true],
    ['is any of fails when none matches', { property: 'priority', operator: 'isAnyOf', value: ['low', 'medium'] }, false],
    ['is any of on text ignores case', { property: 'contactEmail', operator: 'isAnyOf', value: ['jo@example.test'] }, true],
    ['is none of holds when none matches', { property: 'source', operator: 'isNoneOf', value: ['chat', 'messenger'] }, true],
    ['is none of fails when one matches', { property: 'source', operator: 'isNoneOf', value: ['email'] }, false],
    ['is none of holds when the property is unknown', { property: 'owner', operator: 'isNoneOf', value: ['u-sam'] }, true],
    ['contains finds a substring ignoring case', { property: 'subject', operator: 'contains', value: 'log' }, true],
    ['contains fails without the substring', { property: 'subject', operator: 'contains', value: 'invoice' }, false],
    ['contains fails on an unknown property', { property: 'owner', operator: 'contains', value: 'u' }, false],
    ['is known holds for a value', { property: 'contact', operator: 'isKnown' }, true],
    ['is known fails for null', { property: 'owner', operator: 'isKnown' }, false],
    ['is known holds for false', { property: 'reopened', operator: 'isKnown' }, true],
    ['is unknown holds for null', { property: 'closedAt', operator: 'isUnknown' }, true],
    ['is unknown fails for a value', { property: 'createdAt', operator: 'isUnknown' }, false],
    ['before holds for an earlier date', { property: 'createdAt', operator: 'before', value: '2026-01-06T00:00:00Z' }, true],
    ['before fails for a later date', { property: 'createdAt', operator: 'before', value: '2026-01-05T08:00:00Z' }, false],
    ['after holds for a later date', { property: 'createdAt', operator: 'after', value: '2026-01-05T08:00:00Z' }, true],
    ['after fails on an unknown date', { property: 'closedAt', operator: 'after', value: '2020-01-01T00:00:00Z' }, false],
    ['is on a date compares the instant', { property: 'createdAt', operator: 'is', value: '2026-01-05T09:00:00.000Z' }, true],
    ['greater than compares numbers', { property: 'openMinutes', operator: 'greaterThan', value: 60 }, true],
    ['greater than fails for a larger bound', { property: 'openMinutes', operator: 'greaterThan', value: 90 }, false],
    ['less than compares numbers', { property: 'openMinutes', operator: 'lessThan', value: 120 }, true],
    ['greater than on priority follows priority order', { property: 'priority', operator: 'greaterThan', value: 'medium' }, true],
    ['less than on priority follows priority order', { property: 'priority', operator: 'lessThan', value: 'high' }, false],
    ['is on a boolean takes true', { property: 'reopened', operator: 'is', value: true }, true],
    ['is on a boolean takes the text "false"', { property: 'reopened', operator: 'is', value: 'false' }, false],
    ['is on a number takes a numeric text', { property: 'openMinutes', operator: 'is', value: '90' }, true],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    const { compiled, problems } = compileFilters(one(condition));
    expect(problems).toEqual([]);
    expect(evaluateFilters(compiled, read).held).toBe(expected);
  });

  it('holds for an empty list of groups', () => {
    expect(filtersHold([], read)).toBe(true);
  });

  it('ANDs the conditions of a group', () => {
    const both: Filters = [
      {
        conditions: [
          { property: 'priority', operator: 'is', value: 'high' },
          { property: 'source', operator: 'is', value: 'chat' },
        ],
      },
    ];
    expect(filtersHold(both, read)).toBe(false);
  });

  it('ORs the groups and says which one held', () => {
    const filters: Filters = [
      { conditions: [{ property: 'source', operator: 'is', value: 'chat' }] },
      { conditions: [{ property: 'priority', operator: 'is', value: 'high' }] },
    ];
    const { compiled } = compileFilters(filters);
    const outcome = evaluateFilters(compiled, read);
    expect(outcome).toMatchObject({ held: true, group: 1 });
    expect(describeOutcome(compiled, outcome, read)).toBe('group 2 held (priority is high)');
  });

  it('names the first failing condition of each group and the value the ticket had', () => {
    const filters: Filters = [
      { conditions: [{ property: 'source', operator: 'isAnyOf', value: ['chat', 'messenger'] }] },
      { conditions: [{ property: 'priority', operator: 'is', value: 'high' }, { property: 'owner', operator: 'isKnown' }] },
    ];
    const { compiled } = compileFilters(filters);
    const outcome = evaluateFilters(compiled, read);
    expect(outcome.failed).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(describeOutcome(compiled, outcome, read)).toBe(
      'no group held: group 1: source is any of chat, messenger failed (source is email); group 2: owner is known failed (owner is unknown)',
    );
  });
});

describe('compileFilters', () => {
  const bad: [string, FilterCondition, RegExp][] = [
    ['a date operator on text', { property: 'subject', operator: 'before', value: '2026-01-01T00:00:00Z' }, /"is before" does not apply to subject/],
    ['a value that is not a date', { property: 'createdAt', operator: 'after', value: 'yesterday' }, /needs a date/],
    ['time zones: a date-time without a zone (it would be read in local time)', { property: 'createdAt', operator: 'after', value: '2026-01-05T08:00:00' }, /needs a date/],
    ['time zones: a date-time without a zone for "is"', { property: 'createdAt', operator: 'is', value: '2026-01-05T09:00' }, /needs a date/],
    ['a list operator without a list', { property: 'priority', operator: 'isAnyOf', value: 'high' }, /needs a list/],
    ['an empty list', { property: 'priority', operator: 'isNoneOf', value: [] }, /at least one value/],
    ['a priority that does not exist', { property: 'priority', operator: 'is', value: 'critical' }, /needs a priority/],
    ['greater than on text', { property: 'subject', operator: 'greaterThan', value: 3 }, /"is greater than" does not apply to subject/],
    ['a number that is not one', { property: 'openMinutes', operator: 'lessThan', value: 'soon' }, /needs a number/],
    ['contains on a date', { property: 'createdAt', operator: 'contains', value: '2026' }, /"contains" does not apply to createdAt/],
    ['is without a value', { property: 'status', operator: 'is' }, /needs one value/],
  ];
  it.each(bad)('reports %s with its pointer', (_name, condition, message) => {
    const { compiled, problems } = compileFilters([{ conditions: [{ property: 'owner', operator: 'isKnown' }, condition] }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.pointer).toBe('/0/conditions/1');
    expect(problems[0]!.message).toMatch(message);
    expect(evaluateFilters(compiled, read).held).toBe(false);
  });
});
