import { describe, expect, it } from 'vitest';
import { runUnderZone } from '../fuzz/under-zone';

const runUnder = (tz: string) => runUnderZone('test/cli/time-zones-run.ts', tz);

describe('time zones', () => {
  it('gives the same bytes for every example and fixture, validated and simulated, under UTC, America/Los_Angeles and Asia/Kolkata', async () => {
    const zones = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata'];
    const [utc, la, kolkata] = await Promise.all(zones.map(runUnder));
    // The zones took effect: each child saw another local offset of the same moment.
    expect([utc![0], la![0], kolkata![0]].map((l) => JSON.parse(l!).offsetMinutes)).toEqual([0, 480, -330]);
    const runs = utc!.slice(1).filter(Boolean).map((l) => JSON.parse(l) as { argv: string[]; code: number });
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.some((r) => r.argv[0] === 'simulate' && r.code === 0)).toBe(true);
    expect(runs.every((r) => r.code === 0 || r.code === 1)).toBe(true);
    for (const other of [la!, kolkata!]) {
      expect(other.length).toBe(utc!.length);
      // Line by line, so a difference names its command rather than printing megabytes.
      for (let i = 1; i < utc!.length; i++) if (other[i] !== utc![i]) expect({ run: runs[i - 1]?.argv, line: other[i]!.slice(0, 2000) }).toEqual({ run: runs[i - 1]?.argv, line: utc![i]!.slice(0, 2000) });
    }
  }, 120_000);
});
