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

/**
 * Strings a column names, each kept once and numbered from 1 (0 is "none"). Rows of one ticket, one
 * workflow or one action come in runs, so the last string named is checked before the map.
 */
class Names {
  private readonly ids = new Map<string, number>();
  private readonly names: (string | undefined)[] = [undefined];
  private last: string | undefined = undefined;
  private lastId = 0;

  idOf(name: string | undefined): number {
    if (name === this.last) return this.lastId;
    if (name === undefined) return 0;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    this.last = name;
    this.lastId = id;
    return id;
  }

  /** Numbers a string without keeping it for idOf: for one named by number from then on (a new ticket). */
  add(name: string): number {
    this.names.push(name);
    return this.names.length - 1;
  }

  nameOf(id: number): string | undefined {
    return this.names[id];
  }
}

/**
 * The (kind, code) pairs rows carry, numbered from 0 and shared by every run (there are a hundred or so).
 * A code is filed under one kind but for a few (an action's code before it has run, "action.failed" as an
 * error too), so the code alone finds its pair and a pair of another kind is looked up by both.
 */
const pairsByCode = new Map<string, number>();
const pairsByBoth = new Map<string, number>();
const pairKinds: TraceKind[] = [];
const pairCodes: string[] = [];

function newPair(kind: TraceKind, code: string): number {
  pairKinds.push(kind);
  pairCodes.push(code);
  return pairCodes.length - 1;
}

/** The number of a (kind, code) pair, for the rows the engine adds most often to name it once. */
export function codePair(kind: TraceKind, code: string): number {
  const id = pairsByCode.get(code);
  if (id !== undefined && pairKinds[id] === kind) return id;
  if (id === undefined) {
    pairsByCode.set(code, pairCodes.length);
    return newPair(kind, code);
  }
  const both = `${kind}\u0000${code}`;
  const known = pairsByBoth.get(both);
  if (known !== undefined) return known;
  pairsByBoth.set(both, pairCodes.length);
  return newPair(kind, code);
}

/** The bytes of a row's number columns: moment, ticket, workflow, action, previous row, kind+code, traced. */
const ROW_BYTES = 8 + 4 * 4 + 2 + 1;

/** The parameters of a row added with addLater until they are first read. */
const LATER: TraceParams = Object.freeze({});

export class Journal {
  private count = 0;
  // The columns, in chunks (see chunks.ts); each is allocated whole and never moved or regrown. Only the
  // parameters are references: kind and code, ticket, workflow and action are numbers (see codePair, Names).
  private readonly atChunks: Float64Array[] = [];
  private readonly codeChunks: Uint16Array[] = [];
  private readonly ticketChunks: Int32Array[] = [];
  private readonly workflowChunks: Int32Array[] = [];
  private readonly actionChunks: Int32Array[] = [];
  private readonly paramChunks: TraceParams[][] = [];
  private readonly prevChunks: Int32Array[] = [];
  private readonly tracedChunks: Uint8Array[] = [];
  // The chunks rows are being added to.
  private at: Float64Array = new Float64Array(0);
  private codes: Uint16Array = new Uint16Array(0);
  private tickets: Int32Array = new Int32Array(0);
  private workflows: Int32Array = new Int32Array(0);
  private actions: Int32Array = new Int32Array(0);
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
  private readonly ticketNames = new Names();
  private readonly workflowNames = new Names();
  private readonly actionNames = new Names();

  /** The numbers a ticket, a workflow and an action id go by in this journal, for addIds (0: none). */
  ticketNo(id: string | undefined): number {
    return this.ticketNames.idOf(id);
  }

  /**
   * The number of a ticket's id that rows then name it by (its TicketState keeps it), without the lookup
   * ticketNo needs. Should the id be named by string later too, it gets a second number of the same name.
   */
  newTicketNo(id: string): number {
    return this.ticketNames.add(id);
  }

  workflowNo(id: string | undefined): number {
    return this.workflowNames.idOf(id);
  }

  actionNo(id: string | undefined): number {
    return this.actionNames.idOf(id);
  }

  /**
   * Makes the parameters of a row added with addLater from the number it was added with (a scenario
   * event's place in the scenario, say), when they are first read.
   */
  laterParams: ((n: number) => TraceParams) | null = null;

  /** How many rows there are. */
  get size(): number {
    return this.count;
  }

  /** Starts the next chunk (see chunks.ts). */
  private grow(): void {
    const size = chunkSize(this.count);
    // The number columns of a chunk share one buffer (a chunk's size is a multiple of 8, so each column
    // starts aligned): one allocation, where a buffer each made seven.
    const buffer = new ArrayBuffer(size * ROW_BYTES);
    let offset = 0;
    const next = (bytes: number) => {
      const start = offset;
      offset += size * bytes;
      return start;
    };
    this.atChunks.push((this.at = new Float64Array(buffer, next(8), size)));
    this.ticketChunks.push((this.tickets = new Int32Array(buffer, next(4), size)));
    this.workflowChunks.push((this.workflows = new Int32Array(buffer, next(4), size)));
    this.actionChunks.push((this.actions = new Int32Array(buffer, next(4), size)));
    this.prevChunks.push((this.prev = new Int32Array(buffer, next(4), size)));
    this.codeChunks.push((this.codes = new Uint16Array(buffer, next(2), size)));
    this.tracedChunks.push((this.traced = new Uint8Array(buffer, next(1), size)));
    this.paramChunks.push((this.params = new Array<TraceParams>(size)));
    this.used = 0;
    this.room = size;
  }

  /** Adds an entry; returns its row. */
  add(at: number, kind: TraceKind, code: string, params: TraceParams, ticket?: string, workflow?: string, action?: string): number {
    return this.addAfter(-1, at, kind, code, params, ticket, workflow, action);
  }

  /** Adds an entry that follows `prev` in a chain (-1: it starts one); returns its row. */
  addAfter(prev: number, at: number, kind: TraceKind, code: string, params: TraceParams, ticket?: string, workflow?: string, action?: string): number {
    return this.addIds(prev, at, codePair(kind, code), params, this.ticketNo(ticket), this.workflowNo(workflow), this.actionNo(action));
  }

  /** addAfter with the pair (codePair) and the ticket, workflow and action as their numbers here (ticketNo…). */
  addIds(prev: number, at: number, pair: number, params: TraceParams, ticket: number, workflow: number, action: number): number {
    if (this.used === this.room) this.grow();
    const row = this.count++;
    const i = this.used++;
    this.at[i] = at;
    this.codes[i] = pair;
    this.tickets[i] = ticket;
    this.workflows[i] = workflow;
    this.actions[i] = action;
    this.params[i] = params;
    this.prev[i] = prev;
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
    const c = chunkOf(row);
    const i = slotOf(row);
    const params = this.paramChunks[c]![i]!;
    if (params !== LATER) return params;
    return (this.paramChunks[c]![i] = this.laterParams!(this.prevChunks[c]![i]!));
  }

  /**
   * Adds an entry whose parameters laterParams makes from `n` when they are first read (a row that is in
   * no chain keeps `n` where a chained row keeps the row before it); returns its row.
   */
  addLater(at: number, pair: number, n: number, ticket: number): number {
    return this.addIds(n, at, pair, LATER, ticket, 0, 0);
  }

  /** Fills in how the entry of an action came out, once it has run (before anything reads it). */
  settle(row: number, pair: number, params: TraceParams): void {
    const c = chunkOf(row);
    const i = slotOf(row);
    this.codeChunks[c]![i] = pair;
    this.paramChunks[c]![i] = params;
  }

  atOf(row: number): number {
    return this.atChunks[chunkOf(row)]![slotOf(row)]!;
  }

  /** The journal numbers of a row's workflow and action (0: none). */
  workflowNoOf(row: number): number {
    return this.workflowChunks[chunkOf(row)]![slotOf(row)]!;
  }

  actionNoOf(row: number): number {
    return this.actionChunks[chunkOf(row)]![slotOf(row)]!;
  }

  workflowOf(row: number): string | undefined {
    return this.workflowNames.nameOf(this.workflowChunks[chunkOf(row)]![slotOf(row)]!);
  }

  actionOf(row: number): string | undefined {
    return this.actionNames.nameOf(this.actionChunks[chunkOf(row)]![slotOf(row)]!);
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
    const pair = this.codeChunks[c]![i]!;
    entry = {
      at: this.atChunks[c]![i]!,
      kind: pairKinds[pair]!,
      code: pairCodes[pair]!,
      ticket: this.ticketNames.nameOf(this.ticketChunks[c]![i]!),
      workflow: this.workflowNames.nameOf(this.workflowChunks[c]![i]!),
      action: this.actionNames.nameOf(this.actionChunks[c]![i]!),
      params: this.paramsOf(row),
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
