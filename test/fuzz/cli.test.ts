import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CLI_PROPERTIES } from './cli-properties';
import { CI_SEED } from './properties';

// A fixed sample of each command-line fuzz property, reproducible with
// `npm run fuzz -- --seed 20260105 --only "<name>"`.
describe('fuzzing the command line (fixed-seed sample)', () => {
  for (const { name, ciRuns, property } of CLI_PROPERTIES) {
    it(name, () => {
      fc.assert(property, { seed: CI_SEED, numRuns: ciRuns });
    }, 60_000);
  }
});
