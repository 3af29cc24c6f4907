/**
 * The long fuzz run: `npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--only TEXT]`.
 * Runs every property of test/fuzz/properties.ts (or those whose name contains TEXT) for N inputs
 * each, or until the time is up, from the given seed (a new one, printed, when none is given). On a
 * failure it prints the shrunk counterexample with the seed and path that replay it, and exits 1.
 */
import fc from 'fast-check';
import { CLI_PROPERTIES } from './cli-properties';
import { PROPERTIES } from './properties';

interface Options {
  seed: number;
  runs: number;
  seconds: number | null;
  only: string | null;
}

const USAGE = 'Usage: npm run fuzz -- [--seed N] [--runs N] [--seconds N] [--only TEXT] [--path P]';

function parse(argv: readonly string[]): Options & { path: string | null } {
  const out: Options & { path: string | null } = { seed: Date.now() % 2_147_483_647, runs: 10_000, seconds: null, only: null, path: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
    i++;
    const number = (): number => {
      const v = Number(value);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${flag} takes a whole number, not "${value}". ${USAGE}`);
      return v;
    };
    if (flag === '--seed') out.seed = number();
    else if (flag === '--runs') out.runs = number();
    else if (flag === '--seconds') out.seconds = number();
    else if (flag === '--only') out.only = value;
    else if (flag === '--path') out.path = value;
    else throw new Error(`Unknown option "${flag}". ${USAGE}`);
  }
  return out;
}

function main(): number {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const chosen = [...PROPERTIES, ...CLI_PROPERTIES].filter((p) => options.only === null || p.name.includes(options.only));
  if (chosen.length === 0) {
    console.error(`No property's name contains "${options.only}". Properties:\n${[...PROPERTIES, ...CLI_PROPERTIES].map((p) => `  ${p.name}`).join('\n')}`);
    return 2;
  }
  console.log(`fuzz: seed ${options.seed}, up to ${options.runs} inputs per property${options.seconds ? `, at most ${options.seconds} s each` : ''}`);
  let failed = 0;
  let total = 0;
  const started = performance.now();
  for (const { name, property } of chosen) {
    const t0 = performance.now();
    const details = fc.check(property, {
      seed: options.seed,
      numRuns: options.runs,
      ...(options.path !== null && { path: options.path }),
      ...(options.seconds !== null && { interruptAfterTimeLimit: options.seconds * 1000, markInterruptAsFailure: false }),
    });
    const ms = performance.now() - t0;
    total += details.numRuns;
    const rate = details.numRuns / Math.max(ms / 1000, 0.001);
    if (details.failed) {
      failed++;
      console.log(`  ✗ ${name}: failed after ${details.numRuns} inputs (${(ms / 1000).toFixed(1)} s)`);
      console.log(`${fc.defaultReportMessage(details)}\n`);
      console.log(`    replay: npm run fuzz -- --seed ${details.seed} --only "${name}" --path "${details.counterexamplePath}"\n`);
    } else {
      console.log(`  ✓ ${name}: ${details.numRuns} inputs in ${(ms / 1000).toFixed(1)} s (${rate.toFixed(0)}/s)${details.interrupted ? ', stopped at the time limit' : ''}`);
    }
  }
  console.log(`fuzz: ${total} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed} of ${chosen.length} properties failed (seed ${options.seed})`);
  return failed ? 1 : 0;
}

process.exit(main());
