import { describe, expect, it } from 'vitest';
import { CI_SEED, PROBE_ZONES } from './properties';
import { runUnderZone } from './under-zone';

// The fixed-seed sample of the fuzz property "time zones: …": random workflows (dates in filters written
// every way, delays until a date) and scenarios that start at daylight-saving changes and local
// midnights, validated and simulated in one child process per zone; every input's result must be the
// same bytes in every zone. A difference is replayed with `npm run fuzz -- --only "time zones"`.
describe('time zones (fuzzed)', () => {
  it('gives the same validation and simulation for every sampled input under six local zones', async () => {
    const lines = await Promise.all(PROBE_ZONES.map((tz) => runUnderZone('test/fuzz/time-zones-run.ts', tz, ['--runs', '60'])));
    const offsets = lines.map((l) => String((JSON.parse(l[0]!) as { offsetMinutes: number[] }).offsetMinutes));
    // Each zone took effect: each child saw its own pair of local offsets in January and July.
    expect(new Set(offsets).size).toBe(PROBE_ZONES.length);
    const digests = (l: string[]) => l.slice(1).filter((line) => line && !line.startsWith('{'));
    const utc = digests(lines[0]!);
    expect(utc).toHaveLength(60);
    // The sample reaches the clock: most inputs run actions of the workflow whose filters and delays read dates.
    const { reached } = JSON.parse(lines[0]!.filter(Boolean).at(-1)!) as { reached: number };
    expect(reached).toBeGreaterThanOrEqual(20);
    PROBE_ZONES.slice(1).forEach((tz, z) => {
      const other = digests(lines[z + 1]!);
      const differs = other.findIndex((digest, i) => digest !== utc[i]);
      expect({ tz, seed: CI_SEED, firstDifferentInput: differs, count: other.length }).toEqual({ tz, seed: CI_SEED, firstDifferentInput: -1, count: 60 });
    });
  }, 180_000);
});
