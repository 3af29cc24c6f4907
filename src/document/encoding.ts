import { problem, type Problem } from './codes';

/** Text read from a file's bytes, or why the bytes are not a UTF-8 document. */
export type DecodeOutcome = { ok: true; text: string } | { ok: false; problem: Problem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * The encoding of bytes that are not UTF-8, where it can be recognised: by a byte-order mark, or by the
 * NUL bytes UTF-16 puts beside every ASCII character. Null when nothing is recognised.
 */
export function recogniseEncoding(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return 'UTF-32 LE';
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'UTF-32 BE';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16 LE';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16 BE';
  // Without a mark: JSON text starts with ASCII, so UTF-16 shows a NUL in every other byte.
  const n = Math.min(bytes.length - (bytes.length % 2), 64);
  if (n >= 2) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) evenNul++;
      if (bytes[i + 1] === 0) oddNul++;
    }
    const pairs = n / 2;
    if (oddNul === pairs && evenNul === 0) return 'UTF-16 LE';
    if (evenNul === pairs && oddNul === 0) return 'UTF-16 BE';
  }
  return null;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based) of a byte offset, counting characters of the valid text before it. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else if ((b & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/**
 * The text of a document file. Input must be UTF-8; a UTF-8 byte-order mark is allowed and dropped.
 * Anything else is refused with TF107, naming the encoding where it can be recognised (UTF-16 and
 * UTF-32 by their mark or NUL pattern) and otherwise the first byte that is not UTF-8. Never replaces
 * bytes with U+FFFD. The CLI, the app's import and the server all decode files through this.
 */
export function decodeDocumentBytes(bytes: Uint8Array): DecodeOutcome {
  const recognised = recogniseEncoding(bytes);
  if (recognised) {
    return {
      ok: false,
      problem: problem('TF107', '', {
        detail: `The file is encoded as ${recognised}; save it as UTF-8 and import it again`,
        reason: 'encoding',
        encoding: recognised,
      }),
    };
  }
  const start = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  const body = start ? bytes.subarray(start) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    // Found below, with its place: the native decoder only says that the bytes are not UTF-8.
  }
  const bad = Math.max(0, firstInvalidUtf8(body));
  const { line, column } = byteLineColumn(body, bad);
  const byte = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
  const advice =
    body[bad]! >= 0xa0
      ? 'It looks like Latin-1 or Windows-1252 text; save the file as UTF-8 and import it again'
      : 'Save the file as UTF-8 and import it again';
  return {
    ok: false,
    problem: problem('TF107', '', {
      detail: `The byte 0x${byte} at line ${line}, column ${column} is not UTF-8. ${advice}`,
      reason: body[bad]! >= 0xa0 ? 'latin1' : 'byte',
      byte: `0x${byte}`,
      line,
      column,
    }),
  };
}
