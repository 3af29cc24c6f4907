import type { TraceEntry, TraceKind, TraceParams } from './types';

/**
 * The trace and history entries of a run, held as parallel columns (moment, kind, code, ticket, workflow,
 * action, parameters) and numbered by row, in the order they were made. A run makes hundreds of thousands
 * of entries that all live until its end; as columns they are a few growing arrays rather than one object
 * each, which the garbage collector would copy from the young generation into the old one. The entry
 * objects of the result are built from the rows when it is read (each row once; the trace and a ticket's
 * history then share it), with the very shape they always had.
 *
 * A row may also name the row before it in a chain: a ticket's status changes, enrollment decisions and
 * actions are each such a chain, so a ticket holds three row numbers rather than three growing lists.
 * And a flag per row says whether it is in the trace.
 */

/**
 * Rows per chunk of a column: 16,384. In Node (8-byte references) a chunk of that many is larger than
 * the biggest object V8 keeps among its small ones (128 KB), so it is allocated in the large-object
 * space at once and the young-generation collector never copies it; a chunk of 2,048 was copied twice,
 * young and on promotion.
 */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/**
 * Rows before CHUNK are in smaller chunks that double: 1,024 rows, then 1,024, 2,048, 4,096 and 8,192
 * (each as large as the rows before it), so a small run stays small and no chunk is ever regrown.
 */
const FIRST_BITS = 10;
const FIRST = 1 << FIRST_BITS;
/** Chunks before the first whole one: rows 0 to CHUNK - 1. */
const SMALL_CHUNKS = SHIFT - FIRST_BITS + 1;

/** The chunk a row is in. */
function chunkOf(row: number): number {
  if (row >= CHUNK) return (row >> SHIFT) + SMALL_CHUNKS - 1;
  return row < FIRST ? 0 : 32 - Math.clz32(row >> FIRST_BITS);
}

/** The place of a row in its chunk. */
function slotOf(row: number): number {
  if (row >= CHUNK) return row & MASK;
  // A small chunk after the first starts at the power of two it holds rows up to twice of.
  return row < FIRST ? row : row & ((1 << (31 - Math.clz32(row))) - 1);
}

/** The first row of a chunk. */
function startOf(chunk: number): number {
  if (chunk >= SMALL_CHUNKS) return (chunk - SMALL_CHUNKS + 1) << SHIFT;
  return chunk === 0 ? 0 : 1 << (FIRST_BITS + chunk - 1);
}

export class Journal {
  private count = 0;
  // The columns, in chunks (see FIRST and CHUNK); each is allocated whole and never moved or regrown.
  private readonly atChunks: Float64Array[] = [];
  private readonly kindChunks: TraceKind[][] = [];
  private readonly codeChunks: string[][] = [];
  private readonly ticketChunks: (string | undefined)[][] = [];
  private readonly workflowChunks: (string | undefined)[][] = [];
  private readonly actionChunks: (string | undefined)[][] = [];
  private readonly paramChunks: TraceParams[][] = [];
  private readonly prevChunks: Int32Array[] = [];
  private readonly tracedChunks: Uint8Array[] = [];
  // The chunks rows are being added to.
  private at: Float64Array = new Float64Array(0);
  private kinds: TraceKind[] = [];
  private codes: string[] = [];
  private tickets: (string | undefined)[] = [];
  private workflows: (string | undefined)[] = [];
  private actions: (string | undefined)[] = [];
  private params: TraceParams[] = [];
  private prev: Int32Array = new Int32Array(0);
  private traced: Uint8Array = new Uint8Array(0);
  /** Rows in the current chunk, and how many it holds. */
  private used = 0;
  private room = 0;
  /** Rows in the trace (see trace). */
  private tracedCount = 0;
  /** The entry objects built so far, by row (empty until the result is first read). */
  private readonly built: (TraceEntry | undefined)[] = [];

  /** How many rows there are. */
  get size(): number {
    return this.count;
  }

  /** Starts the next chunk, as many rows as the rows before it (at least FIRST, at most CHUNK). */
  private grow(): void {
    const size = Math.min(CHUNK, Math.max(FIRST, this.count));
    this.atChunks.push((this.at = new Float64Array(size)));
    this.kindChunks.push((this.kinds = new Array<TraceKind>(size)));
    this.codeChunks.push((this.codes = new Array<string>(size)));
    this.ticketChunks.push((this.tickets = new Array<string | undefined>(size)));
    this.workflowChunks.push((this.workflows = new Array<string | undefined>(size)));
    this.actionChunks.push((this.actions = new Array<string | undefined>(size)));
    this.paramChunks.push((this.params = new Array<TraceParams>(size)));
    this.prevChunks.push((this.prev = new Int32Array(size)));
    this.tracedChunks.push((this.traced = new Uint8Array(size)));
    this.used = 0;
    this.room = size;
  }

  /** Adds an entry; returns its row. */
  add(at: number, kind: TraceKind, code: string, params: TraceParams, ticket?: string, workflow?: string, action?: string): number {
    if (this.used === this.room) this.grow();
    const row = this.count++;
    const i = this.used++;
    this.at[i] = at;
    this.kinds[i] = kind;
    this.codes[i] = code;
    this.tickets[i] = ticket;
    this.workflows[i] = workflow;
    this.actions[i] = action;
    this.params[i] = params;
    this.prev[i] = -1;
    return row;
  }

  /** Adds an entry that follows `prev` in a chain (-1: it starts one); returns its row. */
  addAfter(prev: number, at: number, kind: TraceKind, code: string, params: TraceParams, ticket?: string, workflow?: string, action?: string): number {
    const row = this.add(at, kind, code, params, ticket, workflow, action);
    this.prev[this.used - 1] = prev;
    return row;
  }

  /**
   * Puts a row in the trace. The trace is the rows so marked, in row order: every row goes into it as it
   * is made or not at all, so a flag per row keeps it, rather than a list of hundreds of thousands of rows.
   */
  trace(row: number): void {
    this.tracedChunks[chunkOf(row)]![slotOf(row)] = 1;
    this.tracedCount++;
  }

  /** The rows of the trace, in order. */
  tracedRows(): number[] {
    const rows: number[] = [];
    for (let c = 0; c < this.tracedChunks.length && rows.length < this.tracedCount; c++) {
      const flags = this.tracedChunks[c]!;
      const start = startOf(c);
      const end = Math.min(flags.length, this.count - start);
      for (let i = 0; i < end; i++) if (flags[i] === 1) rows.push(start + i);
    }
    return rows;
  }

  /** The row before this one in its chain, or -1. */
  prevOf(row: number): number {
    return this.prevChunks[chunkOf(row)]![slotOf(row)]!;
  }

  /** The rows of the chain that ends at `last` (-1: none), first to last. */
  chain(last: number): number[] {
    const rows: number[] = [];
    for (let row = last; row >= 0; row = this.prevOf(row)) rows.push(row);
    return rows.reverse();
  }

  paramsOf(row: number): TraceParams {
    return this.paramChunks[chunkOf(row)]![slotOf(row)]!;
  }

  /** Fills in how the entry of an action came out, once it has run (before anything reads it). */
  settle(row: number, kind: TraceKind, code: string, params: TraceParams): void {
    const c = chunkOf(row);
    const i = slotOf(row);
    this.kindChunks[c]![i] = kind;
    this.codeChunks[c]![i] = code;
    this.paramChunks[c]![i] = params;
  }

  atOf(row: number): number {
    return this.atChunks[chunkOf(row)]![slotOf(row)]!;
  }

  workflowOf(row: number): string | undefined {
    return this.workflowChunks[chunkOf(row)]![slotOf(row)];
  }

  actionOf(row: number): string | undefined {
    return this.actionChunks[chunkOf(row)]![slotOf(row)];
  }

  /** The entry object of a row, built the first time it is asked for. */
  entry(row: number): TraceEntry {
    const built = this.built;
    let entry = built[row];
    if (entry !== undefined) return entry;
    // Kept packed: rows are read in any order (a ticket's history), so the list is filled up to them first.
    while (built.length <= row) built.push(undefined);
    const c = chunkOf(row);
    const i = slotOf(row);
    entry = {
      at: this.atChunks[c]![i]!,
      kind: this.kindChunks[c]![i]!,
      code: this.codeChunks[c]![i]!,
      ticket: this.ticketChunks[c]![i],
      workflow: this.workflowChunks[c]![i],
      action: this.actionChunks[c]![i],
      params: this.paramChunks[c]![i]!,
    };
    built[row] = entry;
    return entry;
  }

  /** The entry objects of some rows, in their order. */
  entries<T extends TraceEntry = TraceEntry>(rows: readonly number[]): T[] {
    const out: T[] = [];
    for (let i = 0; i < rows.length; i++) out.push(this.entry(rows[i]!) as T);
    return out;
  }
}
