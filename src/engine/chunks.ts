/**
 * How the engine lays out long lists that live until the end of a run (the journal's columns, the token
 * values of pending texts): in chunks, each allocated whole and never moved or regrown.
 *
 * From index 16,384 on, a chunk holds 16,384 items. In Node (8-byte references) a chunk of that many is
 * larger than the biggest object V8 keeps among its small ones (128 KB), so it is allocated in the
 * large-object space at once and the young-generation collector never copies it. The items before are in
 * smaller chunks that double: 1,024, then 1,024, 2,048, 4,096 and 8,192 (each as large as the items before
 * it), so a small run stays small.
 */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
const FIRST_BITS = 10;
const FIRST = 1 << FIRST_BITS;
/** Chunks before the first whole one: items 0 to CHUNK - 1. */
const SMALL_CHUNKS = SHIFT - FIRST_BITS + 1;

/** The chunk an index is in. */
export function chunkOf(index: number): number {
  if (index >= CHUNK) return (index >> SHIFT) + SMALL_CHUNKS - 1;
  return index < FIRST ? 0 : 32 - Math.clz32(index >> FIRST_BITS);
}

/** The place of an index in its chunk. */
export function slotOf(index: number): number {
  if (index >= CHUNK) return index & MASK;
  // A small chunk after the first starts at the power of two it holds indexes up to twice of.
  return index < FIRST ? index : index & ((1 << (31 - Math.clz32(index))) - 1);
}

/** The first index of a chunk. */
export function startOf(chunk: number): number {
  if (chunk >= SMALL_CHUNKS) return (chunk - SMALL_CHUNKS + 1) << SHIFT;
  return chunk === 0 ? 0 : 1 << (FIRST_BITS + chunk - 1);
}

/** The size of the chunk that starts at index `count` (the items there are so far). */
export function chunkSize(count: number): number {
  return Math.min(CHUNK, Math.max(FIRST, count));
}

/** A list of items in chunks (see above), added at the end and read by index. */
export class ChunkedList<T> {
  private readonly chunks: T[][] = [];
  private chunk: T[] = [];
  private used = 0;
  private room = 0;
  /** How many items there are. */
  size = 0;

  push(item: T): void {
    if (this.used === this.room) {
      this.room = chunkSize(this.size);
      this.chunks.push((this.chunk = new Array<T>(this.room)));
      this.used = 0;
    }
    this.chunk[this.used++] = item;
    this.size++;
  }

  at(index: number): T {
    return this.chunks[chunkOf(index)]![slotOf(index)]!;
  }
}
