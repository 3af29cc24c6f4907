import { Readable } from 'node:stream';
import { nodeIo, readStream, STDIN, type CliIo } from '../../src/cli/io';
import { memoryOutput } from '../../src/cli/output';
import { runCli } from '../../src/cli/run';

/** What one in-process run of the CLI gave. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process on the real file system, capturing what it prints; `stdin` is what standard
 * input holds, and `io` replaces parts of the real io.
 */
export async function run(argv: string[], options: { stdin?: string | Uint8Array; io?: Partial<CliIo> } = {}): Promise<Ran> {
  const stdout = memoryOutput();
  const stderr = memoryOutput();
  const real = nodeIo();
  const io: CliIo = {
    ...real,
    readBytes: (path, limit) =>
      path === STDIN && options.stdin !== undefined ? readStream(Readable.from([Buffer.from(options.stdin)]), limit) : real.readBytes(path, limit),
    stdout,
    stderr,
    ...options.io,
  };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The --json report of validate and the rewriting commands. */
export interface JsonReport {
  version: number;
  ok: boolean;
  files: {
    file: string;
    format: string | null;
    valid: boolean;
    unreadable?: true;
    migratedFrom: number | null;
    notes: string[];
    problems: { code: string; severity: string; path: string; actionId?: string; message: string }[];
    more?: number;
  }[];
}
