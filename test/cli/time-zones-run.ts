/**
 * Runs the CLI in this process on every example and fixture: `validate` on each file, and `simulate`
 * (text and --json) on each scenario with the example workflows. Prints one JSON line per run, so
 * test/cli/time-zones.test.ts can start it under several TZ values and compare the bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nodeIo } from '../../src/cli/io';
import { memoryOutput } from '../../src/cli/output';
import { runCli } from '../../src/cli/run';

/** Where the examples and committed fixtures are. */
export const ROOTS = ['src/examples', 'test/fixtures', 'test/cli/fixtures'];

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return jsonFiles(full);
      return name.endsWith('.json') && name !== 'catalogue.json' ? [full] : [];
    });
}

function isScenario(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown }).format === 'ticketflow.scenario';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const files = ROOTS.flatMap(jsonFiles);
  const workflows = jsonFiles('src/examples/workflows');
  const runs: string[][] = files.map((f) => ['validate', f]);
  for (const scenario of files.filter(isScenario)) {
    const pair = scenario.includes('ping-pong') ? ['test/cli/fixtures/slow-ping.json', 'test/cli/fixtures/slow-pong.json'] : workflows;
    runs.push(['simulate', '--scenario', scenario, ...pair], ['simulate', '--json', '--scenario', scenario, ...pair]);
  }
  // The first line shows the zone took effect: the local offset of one moment.
  process.stdout.write(`${JSON.stringify({ offsetMinutes: new Date(Date.UTC(2026, 0, 5, 9)).getTimezoneOffset() })}\n`);
  for (const argv of runs) {
    const stdout = memoryOutput();
    const stderr = memoryOutput();
    const code = await runCli(argv, { ...nodeIo(), stdout, stderr });
    process.stdout.write(`${JSON.stringify({ argv, code, stdout: stdout.text(), stderr: stderr.text() })}\n`);
  }
}

await main();
