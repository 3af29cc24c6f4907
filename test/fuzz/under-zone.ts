import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript script in a child process with `TZ` set (a test worker thread cannot change its
 * zone) and resolves with its lines of output; rejects with the exit code and standard error.
 */
export function runUnderZone(script: string, tz: string, args: readonly string[] = []): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, TZ: tz },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8').split('\n')) : reject(new Error(`TZ=${tz} ${script}: exit ${code}: ${err}`))));
  });
}
