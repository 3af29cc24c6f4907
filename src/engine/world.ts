import type { Action, ActionDefinition } from '../actions';
import type { LaterText, RunTicket } from '../actions/types';
import type { ChannelKind, Priority } from '../model/common';
import type { FilterProperty } from '../model/filters';
import type { Trigger } from '../model/workflow';
import type { Channel, Contact, EmailTemplate, Pipeline, Status, Team, User, Workspace } from '../model/workspace';
import type { CompiledFilters, FactValue } from './filters';
import { TimerHeap } from './heap';
import { codePair, Journal } from './journal';
import { PendingTexts } from './tokens';
import type {
  InboxNotice,
  MessageResult,
  NotificationResult,
  OutboxEmail,
  Budgets,
  ErrorParams,
  SimulationError,
  SimulationOptions,
  TraceEntry,
  TraceKind,
  TraceParams,
  WebhookResult,
} from './types';

/** Milliseconds in a minute of the virtual clock. */
export const MINUTE_MS = 60_000;
/** Milliseconds in a day of the virtual clock. */
export const DAY_MS = 86_400_000;

/** A pipeline with its statuses indexed. */
export interface PipelineInfo {
  pipeline: Pipeline;
  statuses: Map<string, Status>;
  first: Status;
  firstOpen: Status | undefined;
  firstClosed: Status | undefined;
  /** The actor ids of its built-in status updates, as status histories name them ("builtin:<pipeline>:<which>"). */
  builtIn: { onEmailSent: string; onCustomerReply: string };
}

/** An action of a compiled workflow, with the definition of its kind looked up once. */
export interface CompiledAction {
  action: Action;
  def: ActionDefinition<Action>;
  /** The number its id goes by in the journal (Journal.actionNo). */
  journalNo: number;
}

/** A compiled, runnable workflow (only enabled, complete workflows are compiled). */
export interface CompiledWorkflow {
  id: string;
  name: string;
  /** The number its id goes by in the journal (Journal.workflowNo). */
  journalNo: number;
  actions: Map<string, CompiledAction>;
  start: string | null;
  filters: CompiledFilters;
  /** Unenrollment criteria; null when the workflow has none. */
  unenroll: CompiledFilters | null;
  reenroll: boolean;
  /** Chat-like sources the enrollment names explicitly, which lifts the [S-chat] exclusion for them. */
  sources: ReadonlySet<ChannelKind>;
  /** Actions run so far, for naming the busiest workflows when the step limit stops a run. */
  actionsRun: number;
  /** The last offer round that gave it a trigger, so one round decides once per workflow. */
  lastFire: number;
}

/** A ticket enrolled in a workflow: where it is on the graph. */
export interface Run {
  ticket: TicketState;
  wf: CompiledWorkflow;
  /** The action it runs next. */
  actionId: string | null;
  state: 'ready' | 'waiting' | 'ended';
  /** When a waiting run resumes. */
  resumeAt: number;
  /**
   * What a waiting run waits for besides the clock (a "delay until an event"), with the action each
   * outcome continues at; null for a plain delay.
   */
  awaiting: Awaiting | null;
}

/** The event a "delay until an event" waits for, and where each outcome leads. */
export interface Awaiting {
  event: 'contactReplied' | 'statusChanged';
  /** For statusChanged: the status awaited, or null for any change. */
  statusId: string | null;
  happened: string | null;
  timedOut: string | null;
}

/** SLA bookkeeping of a help-desk ticket. */
export interface SlaState {
  firstResponseDue: number;
  closeDue: number;
  firstResponseAt: number | null;
  firstResponse: 'pending' | 'met' | 'breached';
  close: 'pending' | 'met' | 'breached';
  breaches: { target: 'firstResponse' | 'close'; t: number }[];
  /** When the earliest timer armed for each target fires (null: none armed). */
  timers: { firstResponse: number | null; close: number | null };
}


/** A ticket as the interpreter keeps it (mutable; never exposed as is). */
export interface TicketState extends RunTicket {
  id: string;
  subject: string;
  pipelineId: string;
  statusId: string;
  statusCategory: 'open' | 'closed';
  ownerId: string | null;
  priority: Priority;
  contactId: string | null;
  source: ChannelKind | null;
  channelId: string | null;
  conversationId: string | null;
  threadId: string | null;
  createdAt: number;
  closedAt: number | null;
  reopened: boolean;
  /** When it was last reopened: threads started since then count for [S-reopen]. */
  reopenedAt: number | null;
  /** The open status it had before it was last closed, where a reopen returns it. */
  lastOpenStatusId: string | null;
  /** Worked in the help desk: SLAs apply. Tickets of inbox conversations are not, until their channel moves. */
  inHelpDesk: boolean;
  /** The moment its SLA due times count from: its created time, or when a channel move brought it into the help desk (SPEC §7). */
  slaFrom: number;
  sla: SlaState | null;
  /**
   * Its history, as the last journal row of each of its chains (-1: none yet): status changes, enrollment
   * decisions and exits, actions run (see Journal.chain). Entries are never changed once recorded.
   */
  lastStatus: number;
  lastEnrollment: number;
  lastAction: number;
  /** The number its id goes by in the journal (Journal.newTicketNo), set when it is made. */
  journalNo: number;
  /**
   * Its runs, one per workflow it has enrolled in, in the order it first enrolled in each: the current run
   * while it is enrolled, the last one (ended) once it left, so a workflow without re-enrollment knows it
   * enrolled before. A short list, searched by workflow (see runSlot), rather than a map for every ticket.
   */
  runs: Run[] | null;
  /** How many of those runs are still going (so a snapshot skips tickets enrolled in nothing). */
  activeRuns: number;
  /** The virtual minute the runaway guard is counting actions in, and the count so far. */
  guardMinute: number;
  guardCount: number;
  /** Actions it ran in the whole simulation, for the runaway guard's limit per ticket. */
  actionsRun: number;
  /**
   * The virtual minute until which (exclusive) the runaway guard stops its automation: -1 never stopped,
   * the next minute after too many actions within one minute, Infinity after too many in the simulation.
   */
  haltedUntil: number;
  /** Its in-app link, made when first needed. */
  link: string | null;
}

/** A thread of a conversation. */
export interface ThreadState {
  id: string;
  startedAt: number;
  /** Messages as results show them (never changed once recorded, so snapshots share them). */
  messages: MessageResult[];
}

/** A conversation as the interpreter keeps it. */
export interface ConversationState {
  id: string;
  contactId: string;
  ownerId: string | null;
  status: 'open' | 'closed';
  channelHistory: string[];
  /** Threads in the order they started. */
  threads: ThreadState[];
  /**
   * The same threads by id once there are more than INDEXED_THREADS, so a reply finds its thread at once
   * however many there are; null before (most conversations have one or two threads, found by a scan).
   */
  threadIndex: Map<string, ThreadState> | null;
  startedAt: number;
  /** Its ticket, once it has one. */
  ticket: TicketState | null;
  location: 'inbox' | 'helpDesk';
  /** Moved to the help desk with its channel. */
  moved: boolean;
}

/** Threads a conversation may have before they are indexed by id (see ConversationState.threadIndex). */
const INDEXED_THREADS = 8;

/** The thread of a conversation with that id, or null. */
export function findThread(conv: ConversationState, threadId: string): ThreadState | null {
  if (conv.threadIndex !== null) return conv.threadIndex.get(threadId) ?? null;
  const threads = conv.threads;
  for (let i = 0; i < threads.length; i++) if (threads[i]!.id === threadId) return threads[i]!;
  return null;
}

/** Adds a thread to a conversation (after its others), indexing the threads once there are many. */
export function addThread(conv: ConversationState, thread: ThreadState): void {
  conv.threads.push(thread);
  if (conv.threadIndex !== null) conv.threadIndex.set(thread.id, thread);
  else if (conv.threads.length > INDEXED_THREADS) conv.threadIndex = new Map(conv.threads.map((th) => [th.id, th]));
}

/** A channel and what a move did to it. */
export interface ChannelState {
  def: Channel;
  location: 'inbox' | 'helpDesk';
  moving: boolean;
  movedAt: number | null;
}

/** A channel move under way. */
export interface MoveState {
  channel: ChannelState;
  history: 'all' | 'none';
  openStatusId: string | null;
  closedStatusId: string | null;
  by: string;
  endsAt: number;
}

/** The SLA targets of a ticket. */
export type SlaTarget = 'firstResponse' | 'close';

/**
 * What a timer in `World.timers` is due for, its tag there (see TimerHeap): a delay ending (its item is
 * the run), an SLA due time (the ticket; the tag names the target) or the end of a channel move (the move).
 */
export const TIMER_RESUME = 0;
export const TIMER_FIRST_RESPONSE = 1;
export const TIMER_CLOSE = 2;
export const TIMER_MOVE_END = 3;

/** The item of a timer: a run, a ticket or a channel move, as its tag says. */
export type TimerItem = Run | TicketState | MoveState;

/** The SLA target of an SLA timer's tag. */
export function slaTargetOf(tag: number): SlaTarget {
  return tag === TIMER_FIRST_RESPONSE ? 'firstResponse' : 'close';
}

/** A record as the run keeps it: its body may still be pending (see PendingTexts); a snapshot joins it. */
export type Kept<T extends { body: string }> = Omit<T, 'body'> & { body: LaterText };

/** A value shared trace parameters are kept under. */
export type SharedKey = string | number | boolean | null;

/** Who or what a trace line or error concerns. */
export interface Refs {
  ticket?: string;
  workflow?: string;
  action?: string;
  event?: number;
}

/** Where a ticket's run in a workflow is in its `runs`, or -1 when it never enrolled in it. */
export function runSlot(ticket: TicketState, wf: CompiledWorkflow): number {
  const runs = ticket.runs;
  if (runs !== null) for (let i = 0; i < runs.length; i++) if (runs[i]!.wf === wf) return i;
  return -1;
}

/** A FIFO of runs with actions to do now; the head run keeps running until it waits or ends. */
export class RunQueue {
  private items: Run[] = [];
  private head = 0;

  get empty(): boolean {
    return this.head >= this.items.length;
  }

  peek(): Run | undefined {
    return this.items[this.head];
  }

  push(run: Run): void {
    this.items.push(run);
  }

  shift(): void {
    this.items[this.head++] = undefined as unknown as Run; // let the run be collected; the slot is never read again
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * The budgets of a run unless its options say otherwise (SPEC §6): generous for any real scenario, small
 * enough that a run stays within a few hundred megabytes. A run that hits one stops with guard.budget.
 * - maxActions: 5,000,000 actions by all tickets together;
 * - maxRecords: 5,000,000 records (trace and history entries, emails, notices, notifications, webhooks,
 *   messages, errors);
 * - maxOutputBytes: 200,000,000 bytes of text (UTF-16 code units) in emails, notifications and webhooks.
 */
export const DEFAULT_BUDGETS: Readonly<Budgets> = Object.freeze({ maxActions: 5_000_000, maxRecords: 5_000_000, maxOutputBytes: 200_000_000 });

const NO_PARAMS: TraceParams = Object.freeze({}) as TraceParams;
/** Parameters of entries that have none (shared, never changed). */
export { NO_PARAMS };

/** Most parameter objects World.share keeps; past it the table starts again. */
const MAX_SHARED_PARAMS = 8192;
const DEFAULT_MAX_ACTIONS_PER_TICKET_MINUTE = 100;
// A reminder every hour for a year is 8,760 actions; a ticket past 10,000 is caught in a loop.
const DEFAULT_MAX_ACTIONS_PER_TICKET = 10_000;
const DEFAULT_MAX_STEPS = 50_000_000;

/**
 * The simulated help desk: workspace lookups, tickets, conversations, channels, the clock, timers,
 * the queue of runs and everything recorded. Modules of the engine act on it; nothing here runs rules.
 */
export class World {
  readonly workspace: Workspace;
  readonly traceOn: boolean;
  readonly maxActionsPerTicketMinute: number;
  readonly maxActionsPerTicket: number;
  readonly maxSteps: number;
  readonly budgets: Budgets;
  /** Records kept so far and bytes of text produced so far, for the budgets. */
  records = 0;
  outputBytes = 0;

  readonly users = new Map<string, User>();
  readonly teams = new Map<string, Team>();
  readonly templates = new Map<string, EmailTemplate>();
  readonly contacts = new Map<string, Contact>();
  readonly pipelines = new Map<string, PipelineInfo>();
  readonly channels = new Map<string, ChannelState>();
  readonly firstPipelineId: string;

  readonly tickets = new Map<string, TicketState>();
  readonly conversations = new Map<string, ConversationState>();
  private ticketNo = 0;
  private messageNo = 0;

  /** The virtual clock in milliseconds; only advanceTo moves it. */
  now: number;
  /** The clock as ISO text, as records name the moment they were made. */
  nowText: string;
  /** The whole virtual minutes since the epoch (the runaway guard counts per minute). */
  minute: number;
  readonly start: number;
  end: number;
  readonly timers = new TimerHeap<TimerItem>();
  readonly ready = new RunQueue();

  workflows: CompiledWorkflow[] = [];
  readonly workflowsById = new Map<string, CompiledWorkflow>();
  readonly triggerIndex = new Map<string, { wf: CompiledWorkflow; trigger: Trigger }[]>();
  move: MoveState | null = null;
  /** Counts offer rounds of trigger events (see CompiledWorkflow.lastFire). */
  fireNo = 0;
  /** Trace parameters shared by every entry with the same ones, by code and values (see shared). */
  private readonly sharedParams = new Map<string, Map<SharedKey, Map<SharedKey, Map<SharedKey, Map<SharedKey, TraceParams>>>>>();
  private sharedCount = 0;
  /** "Status changed" trigger descriptions by pipeline, new status and old status (null for a new ticket), made once each. */
  readonly phrases = new Map<string, Map<string, Map<string | null, string>>>();

  readonly outbox: Kept<OutboxEmail>[] = [];
  readonly notices: InboxNotice[] = [];
  readonly notifications: Kept<NotificationResult>[] = [];
  readonly webhooks: Kept<WebhookResult>[] = [];
  /** The token values of the records' pending bodies. */
  readonly texts = new PendingTexts();
  readonly errors: SimulationError[] = [];
  /** Every trace and history entry, as rows (see Journal). */
  readonly journal = new Journal();
  private factTicket: TicketState | null = null;
  private readonly readFact = (property: FilterProperty): FactValue => this.fact(this.factTicket!, property);
  readonly stats = { events: 0, timers: 0, actions: 0 };
  steps = 0;
  /** Set when the step limit stopped everything. */
  stopped = false;

  constructor(workspace: Workspace, start: number, options: SimulationOptions = {}) {
    this.workspace = workspace;
    this.traceOn = options.trace ?? true;
    this.maxActionsPerTicketMinute = options.maxActionsPerTicketMinute ?? DEFAULT_MAX_ACTIONS_PER_TICKET_MINUTE;
    this.maxActionsPerTicket = options.maxActionsPerTicket ?? DEFAULT_MAX_ACTIONS_PER_TICKET;
    this.maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    this.budgets = { ...DEFAULT_BUDGETS, ...definedBudgets(options.budgets) };
    this.now = start;
    this.nowText = iso(start);
    this.minute = Math.floor(start / MINUTE_MS);
    this.start = start;
    this.end = start;
    for (const u of workspace.users) this.users.set(u.id, u);
    for (const t of workspace.teams) this.teams.set(t.id, t);
    for (const t of workspace.templates) this.templates.set(t.id, t);
    for (const c of workspace.contacts) this.contacts.set(c.id, c);
    for (const p of workspace.pipelines) {
      const first = p.statuses[0];
      if (!first) {
        this.error('workspace.emptyPipeline', `Pipeline "${p.name}" (${p.id}) has no status; tickets cannot go to it.`, { pipeline: p.id });
        continue;
      }
      this.pipelines.set(p.id, {
        pipeline: p,
        statuses: new Map(p.statuses.map((s) => [s.id, s])),
        first,
        firstOpen: p.statuses.find((s) => s.category === 'open'),
        firstClosed: p.statuses.find((s) => s.category === 'closed'),
        builtIn: { onEmailSent: `builtin:${p.id}:onEmailSent`, onCustomerReply: `builtin:${p.id}:onCustomerReply` },
      });
    }
    // A workspace always has a pipeline (schema); without one, ticket creation reports the missing pipeline.
    this.firstPipelineId = workspace.pipelines[0]?.id ?? '';
    for (const c of workspace.channels) this.channels.set(c.id, { def: c, location: c.location, moving: false, movedAt: null });
  }

  /** Moves the clock forward to `ms` (never back). */
  advanceTo(ms: number): void {
    if (ms <= this.now) return;
    this.now = ms;
    this.nowText = iso(ms);
    this.minute = Math.floor(ms / MINUTE_MS);
  }

  /** The pipeline tickets from a channel go to. */
  pipelineOfChannel(channel: ChannelState): PipelineInfo | undefined {
    return this.pipelines.get(channel.def.pipelineId ?? this.firstPipelineId);
  }

  /** A status label for traces, falling back to the id. */
  statusLabel(pipelineId: string, statusId: string | null): string {
    if (statusId === null) return 'none';
    return this.pipelines.get(pipelineId)?.statuses.get(statusId)?.label ?? statusId;
  }

  userName(id: string | null): string {
    if (id === null) return 'nobody';
    return this.users.get(id)?.name ?? id;
  }

  /** A ticket id not used yet: ticket-1, ticket-2, ... */
  newTicketId(): string {
    for (;;) {
      const id = `ticket-${++this.ticketNo}`;
      if (!this.tickets.has(id)) return id;
    }
  }

  /** An id for a message the simulation records. */
  newMessageId(): string {
    return `msg-${++this.messageNo}`;
  }

  newRun(ticket: TicketState, wf: CompiledWorkflow): Run {
    return { ticket, wf, actionId: wf.start, state: 'ready', resumeAt: 0, awaiting: null };
  }

  /** Schedules the end of a run's delay; equal times keep the order they were scheduled in (so for every timer below). */
  scheduleResume(at: number, run: Run): void {
    this.timers.push(at, run, TIMER_RESUME);
  }

  /** Schedules an SLA due time of a ticket. */
  scheduleSla(at: number, ticket: TicketState, target: SlaTarget): void {
    this.timers.push(at, ticket, target === 'firstResponse' ? TIMER_FIRST_RESPONSE : TIMER_CLOSE);
  }

  /** Schedules the end of a channel move. */
  scheduleMoveEnd(at: number, move: MoveState): void {
    this.timers.push(at, move, TIMER_MOVE_END);
  }

  /**
   * A trace entry made now, not recorded yet. One object shape for every entry (absent references are
   * undefined, which JSON leaves out).
   */
  entry(kind: TraceKind, code: string, params: TraceParams, ticket?: string, workflow?: string, action?: string): TraceEntry {
    return { at: this.now, kind, code, ticket, workflow, action, params };
  }

  /**
   * The parameters kept by share() for an entry code and up to four values, or undefined. Entries that
   * differ only in their ticket (most of a large run's: the same decision, status change or resumed delay,
   * ticket after ticket) then hold one frozen object rather than one each. Looked up by the values
   * themselves, level by level, so a lookup allocates nothing.
   */
  shared(code: string, a: SharedKey, b: SharedKey = null, c: SharedKey = null, d: SharedKey = null): TraceParams | undefined {
    return this.sharedParams.get(code)?.get(a)?.get(b)?.get(c)?.get(d);
  }

  /** Keeps parameters, frozen, for the entries with that code and those values (see shared). */
  share(code: string, a: SharedKey, b: SharedKey, c: SharedKey, d: SharedKey, params: TraceParams): TraceParams {
    // The values come from the run's workflows and workspace, so they are few; the bound guards against odd input.
    if (++this.sharedCount > MAX_SHARED_PARAMS) {
      this.sharedParams.clear();
      this.sharedCount = 1;
    }
    const level = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
      let next = map.get(key);
      if (next === undefined) map.set(key, (next = make()));
      return next;
    };
    const byA = level(this.sharedParams, code, () => new Map());
    const byB = level(byA, a, () => new Map());
    const byC = level(byB, b, () => new Map());
    const byD = level(byC, c, () => new Map());
    byD.set(d, Object.freeze(params));
    return params;
  }

  /** Records a trace entry (when tracing is on); the ticket is named by its state where the caller has it. */
  trace(kind: TraceKind, code: string, params: TraceParams, ticket?: TicketState | string | null, workflow?: string, action?: string): void {
    if (!this.traceOn) return;
    const j = this.journal;
    const ticketNo = typeof ticket === 'object' && ticket !== null ? ticket.journalNo : j.ticketNo(ticket ?? undefined);
    this.traceRow(j.addIds(-1, this.now, codePair(kind, code), params, ticketNo, j.workflowNo(workflow), j.actionNo(action)));
  }

  /** Records the entry of a scenario event in the trace (see Journal.addLater); returns its journal row. */
  traceEvent(pair: number, index: number, ticket: string | undefined): number {
    const j = this.journal;
    const row = j.addLater(this.now, pair, index, j.ticketNo(ticket));
    this.traceRow(row);
    return row;
  }

  /** Adds a journal row (a history entry) to the trace too, when tracing is on. */
  traceRow(row: number): void {
    if (!this.traceOn) return;
    this.records++;
    this.journal.trace(row);
  }

  /** Records an error; it also appears in the trace so the trace tells the whole story. */
  error(code: string, message: string, params: ErrorParams = NO_PARAMS, refs?: Refs): void {
    const e: SimulationError = { at: this.nowText, code, message, params };
    if (refs?.ticket !== undefined) e.ticket = refs.ticket;
    if (refs?.workflow !== undefined) e.workflow = refs.workflow;
    if (refs?.action !== undefined) e.action = refs.action;
    if (refs?.event !== undefined) e.event = refs.event;
    this.errors.push(e);
    this.records++;
    if (!this.traceOn) return;
    const flat: TraceParams = {};
    for (const [key, value] of Object.entries(params)) {
      flat[key] = Array.isArray(value) ? value.map((b: { workflow: string; actions: number }) => `${b.workflow}:${b.actions}`).join(',') : (value as TraceParams[string]);
    }
    flat.message = message;
    this.trace('error', code, flat, refs?.ticket, refs?.workflow, refs?.action);
  }

  /** The trace so far, as entry objects (entries are never changed once recorded). */
  traceLines(): TraceEntry[] {
    return this.journal.entries(this.journal.tracedRows());
  }

  /**
   * A reader of the ticket's filter properties. One reader serves every evaluation (none allocated per
   * step); it reads the ticket of the last call, and evaluations never interleave.
   */
  reader(ticket: TicketState): (property: FilterProperty) => FactValue {
    this.factTicket = ticket;
    return this.readFact;
  }

  /** Reads one filter property of a ticket now (dates in milliseconds). */
  fact(t: TicketState, property: FilterProperty): FactValue {
    switch (property) {
      case 'subject':
        return t.subject;
      case 'status':
        return t.statusId;
      case 'statusCategory':
        return t.statusCategory;
      case 'pipeline':
        return t.pipelineId;
      case 'owner':
        return t.ownerId;
      case 'priority':
        return t.priority;
      case 'source':
        return t.source;
      case 'channel': {
        // A conversation counts under its most recent channel.
        const conv = t.conversationId === null ? undefined : this.conversations.get(t.conversationId);
        return conv ? conv.channelHistory[conv.channelHistory.length - 1]! : t.channelId;
      }
      case 'contact':
        return t.contactId;
      case 'contactEmail':
        return t.contactId === null ? null : (this.contacts.get(t.contactId)?.email ?? null);
      case 'createdAt':
        return t.createdAt;
      case 'closedAt':
        return t.closedAt;
      case 'reopened':
        return t.reopened;
      case 'openMinutes':
        return Math.floor(((t.closedAt ?? this.now) - t.createdAt) / MINUTE_MS);
    }
  }
}

/** The budgets an option object sets, leaving out the ones it leaves undefined. */
function definedBudgets(budgets: Partial<Budgets> | undefined): Partial<Budgets> {
  const out: Partial<Budgets> = {};
  if (!budgets) return out;
  for (const key of ['maxActions', 'maxRecords', 'maxOutputBytes'] as const) {
    const value = budgets[key];
    if (typeof value === 'number' && !Number.isNaN(value)) out[key] = Math.max(0, value);
  }
  return out;
}

// 65,536 minutes is 45 days: a month-long scenario's moments on whole minutes never evict each other.
const ISO_SLOTS = 1 << 16;
const isoKeys = new Float64Array(ISO_SLOTS).fill(Number.NaN);
const isoTexts: string[] = new Array<string>(ISO_SLOTS).fill('');

/**
 * A virtual-clock moment as an ISO 8601 UTC string, as Date#toISOString writes it. Records name the same
 * moments again and again, so they are cached, one slot per minute of the clock (fixed size, about 1 MB).
 */
export function iso(ms: number): string {
  const slot = Math.floor(ms / MINUTE_MS) & (ISO_SLOTS - 1);
  if (isoKeys[slot] === ms) return isoTexts[slot]!;
  const text = wholeMinuteIso(ms) ?? new Date(ms).toISOString();
  isoKeys[slot] = ms;
  isoTexts[slot] = text;
  return text;
}

// Most moments of a run fall on whole minutes of a few days: "2026-03-02T" + "09:05:00.000Z", each part made once.
const MAX_DAY_TEXTS = 4096;
const dayTexts = new Map<number, string>();
const minuteTexts: string[] = [];
/** Years 1970 to 9999, written with four digits by toISOString. */
const LAST_FOUR_DIGIT_MS = Date.UTC(10000, 0, 1);

/** The ISO text of a whole minute of the years 1970–9999, from cached parts; undefined for other moments. */
function wholeMinuteIso(ms: number): string | undefined {
  if (ms % MINUTE_MS !== 0 || ms < 0 || ms >= LAST_FOUR_DIGIT_MS) return undefined;
  const day = Math.floor(ms / DAY_MS);
  let date = dayTexts.get(day);
  if (date === undefined) {
    if (dayTexts.size >= MAX_DAY_TEXTS) dayTexts.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayTexts.set(day, date);
  }
  const minute = (ms - day * DAY_MS) / MINUTE_MS;
  const time = (minuteTexts[minute] ??= `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`);
  return date + time;
}

/** The value of the two digits at `i`, or -1 when they are not digits. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Reads "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS.sssZ", the forms scenarios and records use, without
 * Date.parse (a general parser, and a scenario holds tens of thousands of times). NaN for anything else and
 * for fields out of the ranges Date.parse takes as they are; those go to Date.parse.
 */
function quickIso(text: string): number {
  const n = text.length;
  if (n !== 20 && n !== 24) return Number.NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  if (text.charCodeAt(n - 1) !== 90) return Number.NaN;
  let millis = 0;
  if (n === 24) {
    const d = text.charCodeAt(21) - 48;
    if (text.charCodeAt(19) !== 46 || d < 0 || d > 9) return Number.NaN;
    const rest = twoDigits(text, 22);
    if (rest < 0) return Number.NaN;
    millis = d * 100 + rest;
  }
  const century = twoDigits(text, 0);
  const year = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // Date.UTC reads years 0–99 as 1900–1999, so early years go to Date.parse too.
  if (century < 1 || year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  return daysFromCivil(century * 100 + year, month, day) * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS + second * 1000 + millis;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (years 100 and later), computed as
 * Date.UTC does, a day past the month's end included (Feb 30 is Mar 2), without calling it: Date.UTC is
 * a call into the runtime, and a scenario holds tens of thousands of times.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Parses an ISO timestamp; null when it is not one. */
export function parseTime(text: string): number | null {
  let ms = quickIso(text);
  if (Number.isNaN(ms)) ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
