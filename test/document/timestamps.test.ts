import { describe, expect, it } from 'vitest';
import { importScenario } from '../../src/document';
import { describeTimestamp } from '../../src/document/timestamps';
import { EXAMPLE_SCENARIOS } from '../../src/examples';

const withStart = (start: string) => JSON.stringify({ ...EXAMPLE_SCENARIOS[0]!.scenario, start });

describe('messages in words for timestamps', () => {
  it.each([
    ['an offset', '2026-01-05T09:00:00+02:00', 'has the offset "+02:00"; write the moment in UTC with a final "Z": 2026-01-05T07:00:00Z'],
    ['a lower-case z', '2026-01-05T09:00:00z', 'ends in a lower-case "z"; write a capital "Z": 2026-01-05T09:00:00Z'],
    ['a space for T', '2026-01-05 09:00:00Z', 'has a space between the date and the time; write a capital "T" there'],
    ['no zone', '2026-01-05T09:00:00', 'has no time zone, so it would mean another moment on each machine'],
    ['a date alone', '2026-01-05', 'has a date but no time'],
  ])('answers a scenario start with %s in words, not with the pattern', (_name, start, words) => {
    const r = importScenario(withStart(start));
    const p = r.problems.find((x) => x.path === '/start')!;
    expect(p.code).toBe('TF204');
    expect(p.message).toContain(words);
    expect(p.message.length).toBeLessThan(250);
    expect(p.message).not.toMatch(/\^|\\d|\(\?:/);
  });

  it('quotes a huge value clipped', () => {
    expect(describeTimestamp('9'.repeat(100_000)).length).toBeLessThan(200);
  });
});
