import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iso, parseTime } from '../../src/engine/world';

describe('iso', () => {
  it('writes what Date#toISOString writes, also for moments sharing a cache slot', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 50 }), (laps) => {
        for (const lap of laps) {
          const ms = Date.parse('2026-01-05T09:00:00Z') + lap * 4096 * 60_000 + lap;
          expect(iso(ms)).toBe(new Date(ms).toISOString());
        }
      }),
    );
  });
});

describe('parseTime', () => {
  it('reads an ISO timestamp and says null for text that is not one', () => {
    expect(parseTime('2026-01-05T09:00:00Z')).toBe(1767603600000);
    expect(parseTime('soon')).toBeNull();
  });
});
