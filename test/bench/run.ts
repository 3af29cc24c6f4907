/**
 * `npm run bench` — how fast Ticketflow is at size (SPEC §8), printed as a table with each target and
 * whether it is met.
 *
 *   npm run bench                          every section (builds the app first when dist/ is missing or stale)
 *   npm run bench -- --out bench.json      also writes the figures as JSON
 *   npm run bench -- --only core,interpreter   some sections: core, interpreter, server, canvas, load
 *   npm run bench -- --quick               fewer runs (a smoke check of the bench itself)
 *   npm run bench -- --sizes 1000,5000     the canvas section at these sizes only (1,000, 2,000, 5,000, 20,000 by default)
 *   npm run bench -- --profile             adds what the time goes to: CPU profiles (self and total time per
 *                                          function) of import and the interpreter; in Chromium, on an
 *                                          unminified build so names read, the main thread's split, CPU
 *                                          profiles and React render counts of import, pan and bubble drag,
 *                                          and pan frames under style changes (at the first of --sizes, 1,000
 *                                          unless told); the initial JavaScript by package
 *
 * Every figure is the median of several runs after warm-up runs; every comparison is a ratio of figures
 * measured interleaved in the same run. The machine's load average is printed with the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ensureBuilt, serveApp, type AppServer } from './app-server';
import { benchCanvas, profileCanvas } from './canvas';
import { benchCore } from './core';
import { benchInterpreter } from './interpreter';
import { benchServer } from './server';
import { benchBundle, benchOffline, bundleComposition } from './load';
import { formatTable, machineInfo, type Figure, type Repeat } from './measure';

/** Where the app is built for the browser sections, and where the unminified build for profiles goes. */
const DIST = 'dist';
const PROFILE_DIST = 'test-output/bench/dist-profile';

const SECTIONS = ['core', 'interpreter', 'server', 'canvas', 'load'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  out: string | null;
  only: Set<Section>;
  quick: boolean;
  profile: boolean;
  sizes: number[] | null;
}

const USAGE = 'usage: npm run bench -- [--out FILE] [--only core,interpreter,server,canvas,load] [--quick] [--profile] [--sizes 1000,2000]';

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { out: null, only: new Set(SECTIONS), quick: false, profile: false, sizes: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const file = argv[++i];
      if (!file) throw new Error(`--out needs a file name. ${USAGE}`);
      options.out = file;
    } else if (arg === '--only') {
      const list = argv[++i];
      if (!list) throw new Error(`--only needs a list of sections. ${USAGE}`);
      const chosen = list.split(',').map((s) => s.trim());
      const unknown = chosen.filter((s) => !(SECTIONS as readonly string[]).includes(s));
      if (unknown.length) throw new Error(`Unknown section ${unknown.map((s) => `"${s}"`).join(', ')}; the sections are ${SECTIONS.join(', ')}.`);
      options.only = new Set(chosen as Section[]);
    } else if (arg === '--sizes') {
      const sizes = (argv[++i] ?? '').split(',').map(Number);
      if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes needs a list of action counts. ${USAGE}`);
      options.sizes = sizes;
    } else if (arg === '--quick') options.quick = true;
    else if (arg === '--profile') options.profile = true;
    else throw new Error(`Unknown argument "${arg}". ${USAGE}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const repeat: Repeat = options.quick ? { warmup: 1, runs: 3 } : { warmup: 3, runs: 9 };
  const before = machineInfo();
  console.log(`Ticketflow bench — node ${before.node}, ${before.cpus} × ${before.cpuModel}, load average ${before.loadavg.join(' ')}`);
  const figures: Figure[] = [];
  const profiles: string[] | null = options.profile ? [] : null;
  const started = performance.now();
  const run = async (section: Section, work: () => Promise<Figure[]> | Figure[]) => {
    if (!options.only.has(section)) return;
    const t0 = performance.now();
    process.stdout.write(`  ${section}… `);
    const found = await work();
    figures.push(...found);
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await run('core', () => benchCore(repeat, profiles));
  await run('interpreter', () => benchInterpreter(repeat, profiles));
  await run('server', () => benchServer(repeat));
  const browser = options.only.has('canvas') || options.only.has('load');
  let server: AppServer | null = null;
  try {
    if (browser) {
      process.stdout.write('  build… ');
      const built = await ensureBuilt(DIST);
      console.log(built ? 'built dist/' : 'dist/ is up to date');
      server = await serveApp(DIST, 4398);
    }
    const baseUrl = server?.baseUrl ?? '';
    await run('canvas', () => benchCanvas(baseUrl, options.quick, (text) => process.stdout.write(text), options.sizes ?? undefined));
    await run('load', async () => [...benchBundle(DIST), ...(await benchOffline(baseUrl))]);
    if (profiles && options.only.has('load')) profiles.push(await bundleComposition());
    if (profiles && options.only.has('canvas')) {
      await ensureBuilt(PROFILE_DIST, { unminified: true });
      const unminified = await serveApp(PROFILE_DIST, 4399);
      try {
        profiles.push(...(await profileCanvas(unminified.baseUrl, options.sizes?.[0])));
      } catch (e) {
        profiles.push(`profile of the canvas failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      } finally {
        await unminified.close();
      }
    }
  } finally {
    await server?.close();
  }
  const after = machineInfo();
  console.log();
  console.log(formatTable(figures));
  for (const p of profiles ?? []) console.log(`\n${p}`);
  const missed = figures.filter((f) => f.met === false);
  console.log(
    `\n${figures.filter((f) => f.met !== undefined).length - missed.length} targets met, ${missed.length} not met; ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${after.loadavg.join(' ')}.`,
  );
  if (options.out) {
    const file = resolve(options.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ machine: { ...before, loadavgAfter: after.loadavg }, repeat, figures, profiles }, null, 2) + '\n');
    console.log(`Figures written to ${file}.`);
  }
  // Missed targets are findings, not failures of the bench: the exit code says whether the bench ran.
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
