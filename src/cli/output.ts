import { appendCanonical, canonicalKeys, canonicalText, jsonValue, unwritten } from '../document/canonical';
import type { Output } from './io';

/** Gathered text is written once it reaches this many characters: few writes, and no string of the whole output. */
export const CHUNK = 1 << 16;

/**
 * Output gathered into chunks and written with backpressure. A report can be larger than the longest
 * string JavaScript can hold, so it is never built as one string: its pieces are gathered, and each
 * full chunk is written (awaiting 'drain') before more is made.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: Output) {}

  /** Whether the reader has gone (a closed pipe): callers stop making output. */
  get closed(): boolean {
    return this.out.closed;
  }

  /** Adds text without writing it. */
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** Whether enough is gathered to be written. */
  get full(): boolean {
    return this.size >= CHUNK;
  }

  /** Adds text, and writes the gathered chunk once it is full. */
  async push(text: string): Promise<void> {
    this.add(text);
    if (this.full) await this.flush();
  }

  /** Writes whatever is gathered. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.out.write(text);
  }
}

/** Writes lines, each followed by a line end, a chunk at a time; stops early when the reader has gone. */
export async function writeLines(out: Output, lines: Iterable<string>): Promise<void> {
  const w = new ChunkedWriter(out);
  for (const line of lines) {
    if (w.closed) return;
    await w.push(`${line}\n`);
  }
  await w.flush();
}

/** Canonical JSON text of a value: the one writer in src/document/canonical.ts. */
export { canonicalJson } from '../document/canonical';

/** The canonical JSON of a value as it is written at an indent inside a larger value (no final line end). */
export function jsonText(value: unknown, indent: string): string {
  return canonicalText(value, indent);
}

/** Levels of arrays and objects written member by member (down to the records of a ticket's history); below, built whole. */
const SPLIT_LEVELS = 4;

/** Yields the JSON text of a value in chunks of about CHUNK characters; its outer levels are never held whole. */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  let parts: string[] = [];
  let size = 0;
  function* emit(text: string): Generator<string, void, undefined> {
    parts.push(text);
    size += text.length;
    if (size >= CHUNK) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  function* walk(v: unknown, indent: string, levels: number): Generator<string, void, undefined> {
    if (levels === 0 || typeof v !== 'object' || v === null) {
      const out: string[] = [];
      appendCanonical(out, v, indent, '  ');
      yield* emit(out.join(''));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return yield* emit('[]');
      yield* emit('[\n');
      for (let i = 0; i < v.length; i++) {
        const item = jsonValue(v[i], String(i));
        yield* emit(inner);
        yield* walk(unwritten(item) ? null : item, inner, levels - 1);
        yield* emit(i + 1 < v.length ? ',\n' : '\n');
      }
      return yield* emit(`${indent}]`);
    }
    const record = v as Record<string, unknown>;
    const keys = canonicalKeys(record);
    if (keys.length === 0) return yield* emit('{}');
    yield* emit('{\n');
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      yield* emit(`${inner}${JSON.stringify(key)}: `);
      yield* walk(jsonValue(record[key], key), inner, levels - 1);
      yield* emit(i + 1 < keys.length ? ',\n' : '\n');
    }
    yield* emit(`${indent}}`);
  }
  yield* walk(jsonValue(value, ''), '', SPLIT_LEVELS);
  parts.push('\n');
  yield parts.join('');
}

/**
 * Writes a value as canonicalJson(value) writes it, its outer arrays and objects member by member and
 * with backpressure, so a value whose JSON text is longer than the longest string JavaScript can hold
 * still prints, and a slow reader never makes output pile up in memory. Stops when the reader has gone.
 */
export async function writeJson(out: Output, value: unknown): Promise<void> {
  for (const chunk of jsonChunks(value)) {
    if (out.closed) return;
    await out.write(chunk);
  }
}

/** An Output that keeps what is written, for tests and for text built in memory. */
export function memoryOutput(): Output & { text(): string; pieces: string[] } {
  const pieces: string[] = [];
  return {
    pieces,
    closed: false,
    write(text) {
      pieces.push(text);
      return Promise.resolve();
    },
    text: () => pieces.join(''),
  };
}
