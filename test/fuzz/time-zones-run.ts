/**
 * The fixed-seed sample of the time-zone fuzz property, run in this process under whatever `TZ` it was
 * started with: prints this process's offsets in January and July, then one SHA-256 of zoneRun's text per input and how many inputs reached the clock-reading actions,
 * so test/fuzz/time-zones.test.ts can compare the lines across zones. `--runs N` sets the sample size.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CI_SEED, ZONE_INPUT_ARB, zoneRun } from './properties';

const at = process.argv.indexOf('--runs');
const runs = at >= 0 ? Number(process.argv[at + 1]) : 60;
console.log(JSON.stringify({ offsetMinutes: [0, 6].map((month) => new Date(Date.UTC(2026, month, 5)).getTimezoneOffset()) }));
let reached = 0;
for (const [wfs, scenario] of fc.sample(ZONE_INPUT_ARB, { seed: CI_SEED, numRuns: runs })) {
  const { text, clockActions } = zoneRun(wfs, scenario);
  if (clockActions > 0) reached++;
  console.log(createHash('sha256').update(text).digest('hex'));
}
// How many inputs ran at least one action of the workflow that reads the clock: the sample is only as
// strong as that count.
console.log(JSON.stringify({ reached }));
