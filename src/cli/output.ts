import { stableStringify } from '../document';

/** Gathered text is written once it reaches this many characters: few writes, and no string of the whole output. */
const CHUNK = 1 << 16;

/**
 * Output written a part at a time. A simulation report can be larger than the longest string JavaScript
 * can hold, so it is never built as one string: its pieces are gathered and written in chunks.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  /** Adds text; writes what was gathered once it is long enough. */
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes whatever is gathered. */
  flush(): void {
    if (this.parts.length === 0) return;
    this.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

/** Writes lines, each followed by a line end. */
export function writeLines(write: (text: string) => void, lines: readonly string[]): void {
  const out = new ChunkedWriter(write);
  for (const line of lines) out.add(`${line}\n`);
  out.flush();
}

/** Levels of arrays and objects written member by member (down to the records of a ticket's history); below, stringified whole. */
const SPLIT_LEVELS = 4;

/** Values JSON leaves out of objects (and writes as null in arrays). */
function unwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An array or plain object whose members can be written one by one. */
function splittable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** The keys of an object in the order JSON.stringify writes stableStringify's sorted copy of it. */
function sortedKeys(value: Record<string, unknown>): string[] {
  // Inserted sorted into an object with no prototype, so the engine orders them (integer keys first) as in the copy.
  const order = Object.create(null) as Record<string, true>;
  for (const key of Object.keys(value).sort()) if (!unwritten(value[key])) order[key] = true;
  return Object.keys(order);
}

function writeValue(out: ChunkedWriter, value: unknown, indent: string, levels: number): void {
  if (levels === 0 || !splittable(value)) {
    // stableStringify indents from column 0 and ends with a line end; JSON strings hold no raw line ends.
    out.add(stableStringify(value).slice(0, -1).replaceAll('\n', `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out.add('[]');
    out.add('[\n');
    for (let i = 0; i < value.length; i++) {
      out.add(inner);
      writeValue(out, unwritten(value[i]) ? null : value[i], inner, levels - 1);
      out.add(i + 1 < value.length ? ',\n' : '\n');
    }
    return out.add(`${indent}]`);
  }
  const keys = sortedKeys(value);
  if (keys.length === 0) return out.add('{}');
  out.add('{\n');
  keys.forEach((key, i) => {
    out.add(`${inner}${JSON.stringify(key)}: `);
    writeValue(out, value[key], inner, levels - 1);
    out.add(i + 1 < keys.length ? ',\n' : '\n');
  });
  out.add(`${indent}}`);
}

/**
 * Writes a value byte for byte as stableStringify(value) writes it (sorted keys, two-space indent, a
 * final line end), its outer arrays and objects member by member, so a value whose JSON text is longer
 * than the longest string JavaScript can hold still prints.
 */
export function writeStableJson(write: (text: string) => void, value: unknown): void {
  const out = new ChunkedWriter(write);
  writeValue(out, value, '', SPLIT_LEVELS);
  out.add('\n');
  out.flush();
}
