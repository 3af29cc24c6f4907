import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as a CI job runs it: a child process, its output piped on.
const scratch = mkdtempSync(join(tmpdir(), 'ticketflow-cli-process-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill();
  rmSync(scratch, { recursive: true, force: true });
});

const CLI = `${JSON.stringify(process.execPath)} --max-old-space-size=64 --import tsx src/cli/main.ts`;
const PING_PONG = 'test/cli/fixtures/year-of-ping-pong.scenario.json test/cli/fixtures/slow-ping.json test/cli/fixtures/slow-pong.json';

/** Runs a shell pipeline; the CLI's own exit code comes back on the last line of stderr. */
function pipeline(script: string): { code: number; stderr: string } {
  const ran = spawnSync('bash', ['-c', `${script}; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 60_000 });
  const m = /exit=(\d+)\n$/.exec(ran.stderr);
  return { code: m ? Number(m[1]) : -1, stderr: m ? ran.stderr.slice(0, m.index) : ran.stderr };
}

describe('the CLI in a pipeline', () => {
  it('ends quietly when the reader closes the pipe: no stack trace, and its own exit code', () => {
    const text = pipeline(`${CLI} simulate --scenario ${PING_PONG} | head -c 10 > /dev/null`);
    expect(text.code).toBe(0);
    expect(text.stderr).not.toMatch(/Error|EPIPE|    at /);
    const json = pipeline(`${CLI} simulate --json --scenario ${PING_PONG} | head -c 10 > /dev/null`);
    expect(json.code).toBe(0);
    expect(json.stderr).not.toMatch(/Error|EPIPE|    at /);
    const report = pipeline(`${CLI} validate test/fixtures/hostile src/examples | head -c 10 > /dev/null`);
    expect(report.code).toBe(1);
    expect(report.stderr).toBe('');
  }, 60_000);

  it('refuses /dev/zero quickly with small memory, naming the limit', () => {
    const zero = pipeline(`${CLI} validate /dev/zero`);
    expect(zero.code).toBe(1);
    const stdin = spawnSync('bash', ['-c', `${CLI} validate - < /dev/zero`], { encoding: 'utf8', timeout: 30_000 });
    expect(stdin.status).toBe(1);
    expect(stdin.stdout).toContain('error TF503 at (document): The input is larger than the limit of 10 MB (10,485,760 bytes)');
  }, 60_000);

  it('refuses a FIFO that never ends, reading no more than the limit', () => {
    const fifo = join(scratch, 'endless.json');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('bash', ['-c', `exec cat /dev/zero > ${JSON.stringify(fifo)}`], { stdio: 'ignore' });
    started.push(writer);
    const ran = spawnSync('bash', ['-c', `${CLI} validate ${JSON.stringify(fifo)}`], { encoding: 'utf8', timeout: 30_000 });
    expect(ran.status).toBe(1);
    expect(ran.stdout).toContain(`${fifo}: not read, 1 error\n  error TF503`);
  }, 60_000);
});
