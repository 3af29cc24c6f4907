import type {
  ActiveEnrollment,
  ChannelResult,
  ConversationResult,
  SimulationResult,
  TicketHistory,
  TicketResult,
} from './types';
import { iso, type TicketState, type World } from './world';

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

function historyOf(t: TicketState, final: boolean): TicketHistory {
  return final ? t.log : { statuses: t.log.statuses.slice(), enrollments: t.log.enrollments.slice(), actions: t.log.actions.slice() };
}

/** An array of records for a snapshot: the world's own once it is final, else a copy later steps leave alone. */
function listOf<T>(items: T[], final: boolean): T[] {
  return final ? items : items.slice();
}

/**
 * A plain, JSON-ready copy of everything the simulation produced so far. Records that never change once
 * made (trace lines, histories, outbox, notifications, webhooks, errors) are shared, in copied arrays;
 * once the simulation is done nothing adds to those arrays any more, so they are shared as they are.
 */
export function snapshot(world: World, done: boolean): SimulationResult {
  const tickets: TicketResult[] = [];
  const history: Record<string, TicketHistory> = {};
  const enrolled: ActiveEnrollment[] = [];
  for (const t of world.tickets.values()) {
    tickets.push(ticketResult(world, t));
    history[t.id] = historyOf(t, done);
    if (t.activeRuns === 0 || t.runs === null) continue;
    for (const run of t.runs.values()) {
      if (run === null) continue;
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
      ticket: c.ticketId,
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
  return {
    clock: world.nowText,
    done,
    tickets,
    conversations,
    channels,
    outbox: listOf(world.outbox, done),
    inboxNotices: listOf(world.notices, done),
    notifications: listOf(world.notifications, done),
    webhooks: listOf(world.webhooks, done),
    history,
    enrolled,
    trace: listOf(world.traceLines(), done),
    errors: listOf(world.errors, done),
    stats: { ...world.stats },
  };
}
