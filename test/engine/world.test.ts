import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso, parseTime } from '../../src/engine/world';

describe('iso', () => {
  it('writes what Date#toISOString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(iso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the right text for a moment cached in the same slot as another', () => {
    const a = Date.parse('2026-01-05T09:00:00Z');
    const b = a + 4096 * 60_000;
    expect([iso(a), iso(b), iso(a)]).toEqual(['2026-01-05T09:00:00.000Z', new Date(b).toISOString(), '2026-01-05T09:00:00.000Z']);
  });
});

describe('parseTime', () => {
  it.each([
    ['2026-01-05T09:00:00Z'],
    ['2026-01-05T09:00:00.5Z'],
    ['2026-01-05T09:00:00.123Z'],
    ['2024-02-29T23:59:59Z'],
    ['2026-01-31T10:00:00Z'],
    ['2025-02-29T10:00:00Z'],
    ['2026-02-30T00:00:00Z'],
    ['2026-01-05T09:00:00+02:00'],
  ])('reads %s as Date.parse does', (text) => {
    expect(parseTime(text)).toBe(Date.parse(text));
  });

  it('says null for text that is not a date', () => {
    expect(parseTime('soon')).toBeNull();
  });
});
