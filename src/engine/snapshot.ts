import type {
  ActionLogEntry,
  ActiveEnrollment,
  EnrollmentRecord,
  NotificationResult,
  OutboxEmail,
  WebhookResult,
  ChannelResult,
  ConversationResult,
  SimulationResult,
  StatusChange,
  TicketHistory,
  TicketResult,
  TraceEntry,
} from './types';
import type { Journal } from './journal';
import { iso, type Kept, type TicketState, type World } from './world';

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

function ticketResult(world: World, t: TicketState): TicketResult {
  const sla = t.sla;
  return {
    id: t.id,
    subject: t.subject,
    pipeline: t.pipelineId,
    status: t.statusId,
    statusLabel: world.statusLabel(t.pipelineId, t.statusId),
    owner: t.ownerId,
    priority: t.priority,
    contact: t.contactId,
    source: t.source,
    channel: t.channelId,
    conversation: t.conversationId,
    thread: t.threadId,
    createdAt: iso(t.createdAt),
    closedAt: isoOrNull(t.closedAt),
    reopened: t.reopened,
    location: t.inHelpDesk ? 'helpDesk' : 'inbox',
    sla: sla && {
      firstResponseDue: iso(sla.firstResponseDue),
      firstResponseAt: isoOrNull(sla.firstResponseAt),
      firstResponse: sla.firstResponse,
      closeDue: iso(sla.closeDue),
      close: sla.close,
      breaches: sla.breaches.map((b) => ({ target: b.target, at: iso(b.t) })),
    },
  };
}

/** A ticket's history as the result shows it, its entries built from the journal (shared with the trace). */
function historyOf(world: World, t: TicketState): TicketHistory {
  const journal = world.journal;
  return {
    statuses: journal.chain(t.lastStatus).map((row) => statusChange(journal, row)),
    enrollments: journal.entries<EnrollmentRecord>(journal.chain(t.lastEnrollment)),
    actions: journal.entries<ActionLogEntry>(journal.chain(t.lastAction)),
  };
}

/** A status change of a ticket's history, from its row in the journal (see recordStatus). */
function statusChange(journal: Journal, row: number): StatusChange {
  const params = journal.paramsOf(row);
  return { at: iso(journal.atOf(row)), from: params.from as string | null, to: params.to as string, by: params.by as string };
}

/** Every ticket's history, by ticket id. */
function histories(world: World): Record<string, TicketHistory> {
  const history: Record<string, TicketHistory> = {};
  for (const t of world.tickets.values()) history[t.id] = historyOf(world, t);
  return history;
}

/**
 * Makes a property of a result read as `make()` builds it the first time it is read, and as a plain
 * value from then on (in its place among the keys, so JSON and equality see the same object).
 */
function later<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  let made: { value: T[K] } | null = null;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      made ??= { value: make() };
      // A result frozen before it was read keeps its getter, which gives the same value every time.
      if (Object.getOwnPropertyDescriptor(target, key)?.configurable) settle(made.value);
      return made.value;
    },
    set: settle,
  });
}

/** An array of records for a snapshot: the world's own once it is final, else a copy later steps leave alone. */
function listOf<T>(items: T[], final: boolean): T[] {
  return final ? items : items.slice();
}

/**
 * Records with their pending bodies joined, in place (a record stays as it is once its body is text, so
 * a later snapshot finds it settled).
 */
function settled<T extends { body: string }>(world: World, records: Kept<T>[]): T[] {
  for (const r of records) if (typeof r.body !== 'string') r.body = world.texts.text(r.body);
  return records as T[];
}

/**
 * A plain, JSON-ready copy of everything the simulation produced so far. Records that never change once
 * made (trace lines, histories, outbox, notifications, webhooks, errors) are shared, in copied arrays;
 * once the simulation is done nothing adds to those arrays any more, so they are shared as they are, and
 * the trace and the histories are built from the journal when first read.
 */
export function snapshot(world: World, done: boolean): SimulationResult {
  const tickets: TicketResult[] = [];
  const enrolled: ActiveEnrollment[] = [];
  for (const t of world.tickets.values()) {
    tickets.push(ticketResult(world, t));
    if (t.activeRuns === 0 || t.runs === null) continue;
    for (const run of t.runs) {
      if (run.state === 'ended') continue;
      enrolled.push({
        ticket: t.id,
        workflow: run.wf.id,
        action: run.actionId,
        waitingUntil: run.state === 'waiting' ? iso(run.resumeAt) : null,
      });
    }
  }
  const conversations: ConversationResult[] = [];
  for (const c of world.conversations.values()) {
    conversations.push({
      id: c.id,
      contact: c.contactId,
      owner: c.ownerId,
      status: c.status,
      channel: c.channelHistory[c.channelHistory.length - 1]!,
      channelHistory: listOf(c.channelHistory, done),
      location: c.location,
      ticket: c.ticket === null ? null : c.ticket.id,
      startedAt: iso(c.startedAt),
      threads: c.threads.map((th) => ({
        id: th.id,
        messages: listOf(th.messages, done),
      })),
    });
  }
  const channels: ChannelResult[] = [...world.channels.values()].map((c) => ({
    id: c.def.id,
    kind: c.def.kind,
    location: c.location,
    createTickets: c.def.createTickets,
    moving: c.moving,
    movedAt: isoOrNull(c.movedAt),
  }));
  const result: SimulationResult = {
    clock: world.nowText,
    done,
    tickets,
    conversations,
    channels,
    outbox: EMPTY_OUTBOX,
    inboxNotices: listOf(world.notices, done),
    notifications: EMPTY_NOTIFICATIONS,
    webhooks: EMPTY_WEBHOOKS,
    history: EMPTY_HISTORY,
    enrolled,
    trace: EMPTY_TRACE,
    errors: listOf(world.errors, done),
    stats: { ...world.stats },
  };
  if (!done) {
    result.outbox = settled(world, world.outbox).slice();
    result.notifications = settled(world, world.notifications).slice();
    result.webhooks = settled(world, world.webhooks).slice();
    result.history = histories(world);
    result.trace = world.traceLines();
    return result;
  }
  later(result, 'outbox', () => settled(world, world.outbox));
  later(result, 'notifications', () => settled(world, world.notifications));
  later(result, 'webhooks', () => settled(world, world.webhooks));
  // Once the run is done nothing changes any more: the entry objects are built when they are first read.
  later(result, 'history', () => histories(world));
  later(result, 'trace', () => world.traceLines());
  return result;
}

const EMPTY_HISTORY: Record<string, TicketHistory> = {};
const EMPTY_TRACE: TraceEntry[] = [];
const EMPTY_OUTBOX: OutboxEmail[] = [];
const EMPTY_NOTIFICATIONS: NotificationResult[] = [];
const EMPTY_WEBHOOKS: WebhookResult[] = [];
