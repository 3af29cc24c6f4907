import { chunkOf, chunkSize, slotOf, startOf } from './chunks';
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

export class Journal {
  private count = 0;
  // The columns, in chunks (see chunks.ts); each is allocated whole and never moved or regrown.
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

  /** Starts the next chunk (see chunks.ts). */
  private grow(): void {
    const size = chunkSize(this.count);
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
