import { open, readdir, rename, rm, stat, writeFile, mkdir, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** The name that stands for standard input among the files of a command line. */
export const STDIN = '-';

/** What reading an input gave: its bytes, at most `limit` of them, or why there are none. */
export type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  /** More than `limit` bytes: reading stopped after limit + 1 of them. */
  | { ok: false; tooLarge: true }
  /** The input cannot be read at all; `reason` says why in a few words. */
  | { ok: false; tooLarge: false; reason: string };

/** What a path on the command line names. */
export type PathKind = 'directory' | 'readable' | 'missing';

/**
 * An output stream written with backpressure: `write` resolves once the text is handed on (after a
 * 'drain' when the stream's buffer is full). Once the reader is gone (a closed pipe), `closed` is
 * true and further writes do nothing.
 */
export interface Output {
  write(text: string): Promise<void>;
  readonly closed: boolean;
}

/** Everything the CLI does outside itself; runCli takes it as a parameter so tests run in-process. */
export interface CliIo {
  /** Reads at most limit + 1 bytes of a file, FIFO, device or (for "-") standard input, never more. */
  readBytes(path: string, limit: number): Promise<ReadOutcome>;
  /** Whether a path is a directory, something to read, or missing. */
  pathKind(path: string): Promise<PathKind>;
  /** The files under a directory whose names end in ".json", at any depth, as paths sorted by code unit. */
  listJsonFiles(dir: string): Promise<string[]>;
  /** Replaces a file atomically (a temporary file in the same directory, then a rename), creating missing directories. */
  writeFileAtomic(path: string, text: string): Promise<void>;
  stdout: Output;
  stderr: Output;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'an input/output error',
};

/** A short reason for a failed file operation, without Node's stack or syscall noise. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(REASONS, code)) return REASONS[code]!;
  return error instanceof Error ? error.message : String(error);
}

/** An Error carrying only that short reason. */
function failure(error: unknown): Error {
  return new Error(reasonOf(error));
}

const READ_CHUNK = 1 << 16;

/** Joins chunks into one array of exactly `total` bytes. */
function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads at most limit + 1 bytes from a file handle, chunk by chunk, so an endless input costs limit + 1 bytes. */
async function readPath(path: string, limit: number): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { ok: false, tooLarge: false, reason: reasonOf(error) };
  }
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(READ_CHUNK, limit + 1 - total);
      const buffer = new Uint8Array(want);
      // Position null reads on from where the last read ended: it works on FIFOs and devices too.
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) return { ok: true, bytes: joined(chunks, total) };
      chunks.push(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { ok: false, tooLarge: true };
    }
  } catch (error) {
    return { ok: false, tooLarge: false, reason: reasonOf(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Reads at most limit + 1 bytes of a stream, then lets it go. */
export async function readStream(stream: Readable, limit: number): Promise<ReadOutcome> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
      chunks.push(bytes);
      total += bytes.length;
      // Leaving the loop destroys the stream: nothing more is read.
      if (total > limit) return { ok: false, tooLarge: true };
    }
  } catch (error) {
    return { ok: false, tooLarge: false, reason: reasonOf(error) };
  }
  return { ok: true, bytes: joined(chunks, total) };
}

/**
 * A Node writable as an Output: awaits 'drain' when its buffer is full, and treats a closed pipe
 * (EPIPE) as the end of the output rather than an error: later writes are dropped quietly.
 */
export function streamOutput(stream: Writable): Output {
  let closed = false;
  const close = () => {
    closed = true;
  };
  // A closed pipe (EPIPE) is the usual error; after any error the stream takes no more output, and
  // listening here keeps Node from turning it into an uncaught exception with a stack trace.
  stream.on('error', close);
  stream.on('close', close);
  return {
    get closed() {
      return closed;
    },
    write(text) {
      if (closed || text === '') return Promise.resolve();
      return new Promise<void>((resolve) => {
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          stream.off('drain', finish);
          stream.off('close', finish);
          stream.off('error', finish);
          resolve();
        };
        let flowing: boolean;
        try {
          flowing = stream.write(text);
        } catch {
          close();
          return finish();
        }
        if (flowing) return finish();
        stream.once('drain', finish);
        stream.once('close', finish);
        stream.once('error', finish);
      });
    },
  };
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.name.endsWith('.json')) {
      // Symbolic links to directories are not followed, so a link cycle cannot trap the walk.
      if (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory()) continue;
      out.push(path);
    }
  }
}

let processOutputs: { stdout: Output; stderr: Output } | null = null;

/** The process's standard output and error as Outputs, made once: each listens for a closed pipe. */
function standardOutputs(): { stdout: Output; stderr: Output } {
  processOutputs ??= { stdout: streamOutput(process.stdout), stderr: streamOutput(process.stderr) };
  return processOutputs;
}

/** The real file system and standard streams. */
export function nodeIo(): CliIo {
  const { stdout, stderr } = standardOutputs();
  return {
    readBytes: (path, limit) => (path === STDIN ? readStream(process.stdin, limit) : readPath(path, limit)),
    async pathKind(path) {
      if (path === STDIN) return 'readable';
      try {
        return (await stat(path)).isDirectory() ? 'directory' : 'readable';
      } catch (error) {
        // A path that cannot be looked at is read anyway, so that the reading names the reason.
        return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'readable';
      }
    },
    async listJsonFiles(dir) {
      const out: string[] = [];
      try {
        await walk(dir, out);
      } catch (error) {
        throw failure(error);
      }
      return out.sort();
    },
    async writeFileAtomic(path, text) {
      const dir = dirname(path);
      const temporary = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
      try {
        await mkdir(dir, { recursive: true });
        const mode = await stat(path).then(
          (s) => s.mode & 0o7777,
          () => null,
        );
        await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
        if (mode !== null) await chmod(temporary, mode);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw failure(error);
      }
    },
    stdout,
    stderr,
  };
}
