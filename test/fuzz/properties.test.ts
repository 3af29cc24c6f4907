import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CI_SEED, PROPERTIES } from './properties';

// A fixed sample of each fuzz property: the same inputs on every run, so a failure here is reproducible
// with `npm run fuzz -- --seed 20260105 --only "<name>"`. The long, random run is `npm run fuzz`.
describe('fuzzing (fixed-seed sample)', () => {
  for (const { name, ciRuns, property, longOnly } of PROPERTIES) {
    // A long-only property (TZ switching) runs in `npm run fuzz`; its CI counterpart runs child processes.
    it.skipIf(longOnly)(name, () => {
      fc.assert(property, { seed: CI_SEED, numRuns: ciRuns });
    }, 60_000);
  }
});
