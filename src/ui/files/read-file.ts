import { decodeDocumentBytes, DEFAULT_LIMITS, problem, type Problem } from '../../document';
import { formatBytes } from '../../document/safe-json';

/** A file's text, or the one problem that stopped it from being read. */
export type ReadOutcome = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Reads a picked or dropped file as a document: at most `limit + 1` bytes are ever read (a slice of
 * the file, streamed chunk by chunk), so a file larger than the limit, or one whose size the browser
 * does not know, is refused with the limit named instead of filling the tab's memory. The bytes are
 * decoded by the core's decoder, so the app refuses what the CLI refuses (UTF-16, Latin-1, …).
 */
export async function readDocumentFile(file: Blob, limit: number = DEFAULT_LIMITS.maxBytes): Promise<ReadOutcome> {
  const tooLarge = (size: string): ReadOutcome => ({ ok: false, problem: problem('TF102', '', { size, limit: formatBytes(limit) }) });
  if (file.size > limit) return tooLarge(formatBytes(file.size));
  let bytes: Uint8Array;
  try {
    const part = file.slice(0, limit + 1);
    const read = typeof part.stream === 'function' ? await readStream(part.stream(), limit) : new Uint8Array(await part.arrayBuffer());
    if (read === null || read.byteLength > limit) return tooLarge(`more than ${formatBytes(limit)}`);
    bytes = read;
  } catch (e) {
    return { ok: false, problem: problem('TF107', '', { detail: `The file could not be read (${e instanceof Error ? e.message : String(e)})` }) };
  }
  const decoded = decodeDocumentBytes(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, problem: decoded.problem };
}

/** The stream's bytes, or null as soon as more than `limit` have arrived (the rest is never read). */
async function readStream(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return null;
      }
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}
