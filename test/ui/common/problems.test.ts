import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { hasBlocking, problemAt, problemUnder, schemaProblems, toPointer, type FieldProblem } from '../../../src/ui/common/problems';
import { sameValue } from '../../../src/ui/common/same-value';

describe('toPointer', () => {
  it('escapes ~ and / as JSON pointers do', () => {
    expect(toPointer(['paths', 0, 'a/b~c'])).toBe('/paths/0/a~1b~0c');
    expect(toPointer([])).toBe('');
  });
});

describe('schemaProblems', () => {
  const schema = z.object({
    amount: z.number().int().min(0).max(10),
    name: z.string().min(1).max(3),
    time: z.string().regex(/^\d\d:\d\d$/),
    unit: z.enum(['days', 'hours']),
    days: z.array(z.string()).min(1),
  });
  const keys = (value: unknown) => schemaProblems(schema, value).map((p) => [p.pointer, p.key, p.params ?? null]);

  it('turns each schema issue into a message key at its pointer', () => {
    expect(keys({ amount: Number.NaN, name: '', time: '9', unit: 'weeks', days: [] })).toEqual([
      ['/amount', 'error.number', null],
      ['/name', 'error.required', null],
      ['/time', 'error.format', null],
      ['/unit', 'error.choice', null],
      ['/days', 'error.minItems', { min: 1 }],
    ]);
    expect(keys({ amount: 1.5, name: 'long', time: '09:00', unit: 'days', days: ['x'] })).toEqual([
      ['/amount', 'error.integer', null],
      ['/name', 'error.maxLength', { max: 3 }],
    ]);
    expect(keys({ amount: 11, name: 'a', time: '09:00', unit: 'days', days: ['x'] })).toEqual([['/amount', 'error.max', { max: 10 }]]);
    expect(keys({ amount: -1, name: 'a', time: '09:00', unit: 'days', days: ['x'] })).toEqual([['/amount', 'error.min', { min: 0 }]]);
  });

  it('says nothing about a valid value', () => {
    expect(keys({ amount: 3, name: 'abc', time: '09:00', unit: 'hours', days: ['mon'] })).toEqual([]);
  });
});

describe('problemAt and problemUnder', () => {
  const problems: FieldProblem[] = [
    { pointer: '/recipients', key: 'missing.recipients', level: 'incomplete' },
    { pointer: '/recipients/userIds/1', key: 'common.notInWorkspace', level: 'unknown' },
    { pointer: '/subject', key: 'error.maxLength', level: 'error' },
    { pointer: '/subject', key: 'other', level: 'incomplete' },
  ];

  it('finds the problem exactly at a pointer, errors first', () => {
    expect(problemAt(problems, '/subject')?.key).toBe('error.maxLength');
    expect(problemAt(problems, '/recipients/userIds')).toBeUndefined();
  });

  it('finds a problem anywhere below a pointer', () => {
    expect(problemUnder(problems, '/recipients/userIds')?.key).toBe('common.notInWorkspace');
    expect(problemUnder(problems, '/recipient')).toBeUndefined();
  });

  it('blocks saving only for errors', () => {
    expect(hasBlocking(problems)).toBe(true);
    expect(hasBlocking(problems.filter((p) => p.level !== 'error'))).toBe(false);
  });
});

describe('sameValue', () => {
  it('compares plain values structurally, ignoring key order and absent keys', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });
});
