import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Everything the CLI does outside itself; runCli takes it as a parameter so tests run in-process. */
export interface CliIo {
  /** The file's text; throws an Error whose message says why it cannot be read. */
  readText(path: string): string;
  /** Writes a file, creating missing parent directories; throws an Error saying why it cannot. */
  writeText(path: string, text: string): void;
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** A short reason for a failed file operation, without Node's stack or syscall noise. */
function reason(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(REASONS, code)) return new Error(REASONS[code]);
  return new Error(error instanceof Error ? error.message : String(error));
}

/** The real file system and standard streams. */
export function nodeIo(): CliIo {
  return {
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        throw reason(error);
      }
    },
    writeText(path, text) {
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text, 'utf8');
      } catch (error) {
        throw reason(error);
      }
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
