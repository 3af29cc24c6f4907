import type { PropertyChange } from '../actions/types';
import type { StatusTriggerSetting } from '../model/workspace';
import { codePair } from './journal';
import type { TraceParams } from './types';
import { fire, fireEach, unenrollOnChange, type TriggerEvent } from './enrollment';
import { MINUTE_MS, type ConversationState, type SlaState, type SlaTarget, type TicketState, type World } from './world';

/** Who changes a ticket: "creation", "scenario", "move", a built-in automation id or a workflow id. */
export type Actor = string;

/** What a new ticket starts with. */
export type NewTicket = Pick<
  TicketState,
  | 'subject'
  | 'pipelineId'
  | 'statusId'
  | 'ownerId'
  | 'priority'
  | 'contactId'
  | 'source'
  | 'channelId'
  | 'conversationId'
  | 'threadId'
  | 'createdAt'
  | 'closedAt'
  | 'reopened'
  | 'inHelpDesk'
> & { slaFrom?: number };

/** A ticket state with empty records, ready to register; `journalNo` is the number its id goes by in the journal (Journal.newTicketNo). */
export function ticketState(id: string, init: NewTicket, category: 'open' | 'closed', journalNo: number): TicketState {
  // Field by field rather than spread, so every ticket gets one object shape.
  return {
    id,
    subject: init.subject,
    pipelineId: init.pipelineId,
    statusId: init.statusId,
    ownerId: init.ownerId,
    priority: init.priority,
    contactId: init.contactId,
    source: init.source,
    channelId: init.channelId,
    conversationId: init.conversationId,
    threadId: init.threadId,
    createdAt: init.createdAt,
    closedAt: init.closedAt,
    reopened: init.reopened,
    inHelpDesk: init.inHelpDesk,
    slaFrom: init.slaFrom ?? init.createdAt,
    statusCategory: category,
    reopenedAt: null,
    lastOpenStatusId: null,
    sla: null,
    lastStatus: -1,
    lastEnrollment: -1,
    lastAction: -1,
    journalNo,
    runs: null,
    activeRuns: 0,
    guardMinute: -1,
    guardCount: 0,
    actionsRun: 0,
    haltedUntil: -1,
    link: null,
  };
}

/** A subject for a ticket made from a message: its first line, shortened. */
export function subjectFrom(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  if (!line) return '(no subject)';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/**
 * Creates and registers a ticket, associates it with its conversation, starts its SLA when it is in the
 * help desk and fires the given triggers. The caller checked that pipeline and status exist. `why` holds
 * the trace parameters saying why it was made (its cause and what the cause names).
 */
export function createTicket(world: World, init: NewTicket, by: Actor, why: TraceParams, triggers: readonly TriggerEvent[]): TicketState {
  const info = world.pipelines.get(init.pipelineId)!;
  const id = world.newTicketId();
  const ticket = ticketState(id, init, info.statuses.get(init.statusId)!.category, world.journal.newTicketNo(id));
  world.tickets.set(ticket.id, ticket);
  if (init.conversationId !== null) world.conversations.get(init.conversationId)!.ticket = ticket;
  recordStatus(world, ticket, world.now, null, init.statusId, by, 0);
  if (world.traceOn) {
    world.trace(
      'ticket',
      'ticket.created',
      { subject: ticket.subject, pipeline: init.pipelineId, status: init.statusId, owner: init.ownerId, conversation: init.conversationId, ...why },
      ticket,
    );
  }
  if (ticket.inHelpDesk) startSla(world, ticket);
  fireEach(world, ticket, triggers);
  return ticket;
}

/**
 * Moves a ticket to a status of its pipeline: sets or clears the closed time, marks a reopen, records the
 * history and offers "status changed" to the workflows. Returns why it was refused, or null.
 */
export function changeStatus(world: World, ticket: TicketState, statusId: string, by: Actor): string | null {
  const info = world.pipelines.get(ticket.pipelineId);
  const status = info?.statuses.get(statusId);
  if (!info || !status) {
    return `status "${statusId}" is not in the ticket's pipeline${info ? ` "${info.pipeline.name}"` : ''}`;
  }
  const from = ticket.statusId;
  if (from === statusId) return null;
  const wasClosed = ticket.statusCategory === 'closed';
  ticket.statusId = statusId;
  ticket.statusCategory = status.category;
  const closing = !wasClosed && status.category === 'closed';
  const reopening = wasClosed && status.category === 'open';
  if (closing) {
    ticket.closedAt = world.now;
    ticket.lastOpenStatusId = from;
  } else if (reopening) {
    ticket.closedAt = null;
    ticket.reopened = true;
    ticket.reopenedAt = world.now;
  }
  // Causes before effects: the change itself, then what it leads to (SLA met, unenrollment, enrollments).
  // Its history entry is its trace entry too.
  world.traceRow(recordStatus(world, ticket, world.now, from, statusId, by, closing ? 1 : reopening ? 2 : 0));
  const sla = ticket.sla;
  if (closing && sla) {
    if (sla.close === 'pending' && world.now < sla.closeDue) {
      sla.close = 'met';
      if (world.traceOn) world.trace('sla', 'sla.met', { target: 'close', due: sla.closeDue, byClose: false }, ticket);
    }
    // Closing resolves the request: a ticket closed before its first-response due time owes no response.
    if (sla.firstResponse === 'pending' && world.now < sla.firstResponseDue) {
      sla.firstResponse = 'met';
      if (world.traceOn) world.trace('sla', 'sla.met', { target: 'firstResponse', due: sla.firstResponseDue, byClose: true }, ticket);
    }
  }
  if (ticket.activeRuns > 0) unenrollOnChange(world, ticket);
  fire(world, ticket, { type: 'statusChanged', from, to: statusId });
  return null;
}

const STATUS_CHANGED = codePair('status', 'status.changed');

/**
 * Adds a status change to the ticket's history (a journal row in its status chain, see TicketState) and
 * returns its row; the trace shows the same row for a change, not for the status a ticket starts in.
 * `turn` says whether the change closed (1) or reopened (2) the ticket; they exclude each other. Every
 * change with the same statuses, actor and turn shares one parameter object.
 */
export function recordStatus(world: World, ticket: TicketState, at: number, from: string | null, to: string, by: Actor, turn: 0 | 1 | 2): number {
  const params = world.shared('status.changed', from, to, by, turn) ?? world.share('status.changed', from, to, by, turn, { from, to, by, closed: turn === 1, reopened: turn === 2 });
  world.records++;
  const journal = world.journal;
  return (ticket.lastStatus = journal.addIds(ticket.lastStatus, at, STATUS_CHANGED, params, ticket.journalNo, isWorkflowActor(by) ? journal.workflowNo(by) : 0, 0));
}

/** Whether an actor id names a workflow (not creation, the scenario, a move or a built-in automation). */
function isWorkflowActor(by: Actor): boolean {
  return !(by.startsWith('builtin:') || by === 'scenario' || by === 'move' || by === 'creation');
}

/** The trigger events of property changes, one per property (events are only read). */
const PROPERTY_CHANGED: Record<PropertyChange['property'], TriggerEvent> = {
  owner: { type: 'propertyChanged', property: 'owner' },
  priority: { type: 'propertyChanged', property: 'priority' },
  subject: { type: 'propertyChanged', property: 'subject' },
};

/**
 * Changes owner, priority or subject. Help-desk access rules apply: a help-desk ticket cannot be owned
 * by a user without help-desk access. Returns why it was refused, or null.
 */
export function changeProperty(world: World, ticket: TicketState, change: PropertyChange, by: Actor): string | null {
  let shown: string | null;
  switch (change.property) {
    case 'owner': {
      if (change.ownerId !== null) {
        const user = world.users.get(change.ownerId);
        if (!user) return `user "${change.ownerId}" does not exist in the workspace`;
        if (ticket.inHelpDesk && !user.helpDeskAccess) {
          return `${user.name} (${user.id}) has no help-desk access and cannot own help-desk tickets`;
        }
      }
      if (ticket.ownerId === change.ownerId) return null;
      ticket.ownerId = change.ownerId;
      shown = change.ownerId;
      break;
    }
    case 'priority':
      if (ticket.priority === change.priority) return null;
      ticket.priority = change.priority;
      shown = change.priority;
      break;
    case 'subject':
      if (ticket.subject === change.subject) return null;
      ticket.subject = change.subject;
      shown = change.subject;
      break;
  }
  // Causes before effects: the change, then the SLA due times it moves, unenrollment and enrollments.
  if (world.traceOn) world.trace('property', 'property.changed', { property: change.property, value: shown, by }, ticket, isWorkflowActor(by) ? by : undefined);
  if (change.property === 'priority' && ticket.sla) rescheduleSla(world, ticket);
  if (ticket.activeRuns > 0) unenrollOnChange(world, ticket);
  fire(world, ticket, PROPERTY_CHANGED[change.property]);
  return null;
}

/** Due times from the moment SLAs count from: the created time, or entering the help desk through a move (SPEC §7). */
function slaDue(world: World, ticket: TicketState): { firstResponseDue: number; closeDue: number } {
  const target = world.workspace.sla.targets[ticket.priority];
  return {
    firstResponseDue: ticket.slaFrom + target.firstResponseMinutes * MINUTE_MS,
    closeDue: ticket.slaFrom + target.closeMinutes * MINUTE_MS,
  };
}

/** Whether an SLA target of a ticket is still pending (neither met nor breached). */
export function slaPending(ticket: TicketState, target: SlaTarget): boolean {
  const sla = ticket.sla;
  return sla !== null && (target === 'firstResponse' ? sla.firstResponse : sla.close) === 'pending';
}

function dueOf(sla: SlaState, target: SlaTarget): number {
  return target === 'firstResponse' ? sla.firstResponseDue : sla.closeDue;
}

/**
 * Arms the timer of a pending target. One timer per target is enough as long as it fires no later than
 * the due time: when the due time moves later, the armed timer fires early and re-arms itself, so
 * priority changes do not pile timers up. A due time already past (an old ticket arriving in the help
 * desk) is judged now.
 */
function armSla(world: World, ticket: TicketState, target: SlaTarget): void {
  const sla = ticket.sla!;
  if (sla[target] !== 'pending') return;
  const at = Math.max(dueOf(sla, target), world.now);
  const armed = sla.timers[target];
  if (armed !== null && armed <= at) return;
  sla.timers[target] = at;
  world.scheduleSla(at, ticket, target);
}

/**
 * Starts the SLA of a ticket entering the help desk: due times from its created time and priority. A
 * response or close that already happened before the due time counts as met.
 */
export function startSla(world: World, ticket: TicketState): void {
  if (ticket.sla) return;
  const due = slaDue(world, ticket);
  const conv = ticket.conversationId === null ? undefined : world.conversations.get(ticket.conversationId);
  const respondedAt = conv ? firstAgentMessage(conv, ticket.createdAt) : null;
  ticket.sla = {
    firstResponseDue: due.firstResponseDue,
    closeDue: due.closeDue,
    firstResponseAt: respondedAt,
    firstResponse: respondedAt !== null && respondedAt < due.firstResponseDue ? 'met' : 'pending',
    close: ticket.closedAt !== null && ticket.closedAt < due.closeDue ? 'met' : 'pending',
    breaches: [],
    timers: { firstResponse: null, close: null },
  };
  if (world.traceOn) {
    world.trace('sla', 'sla.started', { priority: ticket.priority, firstResponseDue: due.firstResponseDue, closeDue: due.closeDue, from: ticket.slaFrom }, ticket);
  }
  armSla(world, ticket, 'firstResponse');
  armSla(world, ticket, 'close');
}

function firstAgentMessage(conv: ConversationState, since: number): number | null {
  let first: number | null = null;
  for (const thread of conv.threads) {
    for (const m of thread.messages) {
      if (m.direction !== 'out') continue;
      const t = Date.parse(m.at);
      if (t >= since && (first === null || t < first)) first = t;
    }
  }
  return first;
}

/** New due times after a priority change; targets already met or breached stay as they are. */
function rescheduleSla(world: World, ticket: TicketState): void {
  const sla = ticket.sla!;
  const due = slaDue(world, ticket);
  sla.firstResponseDue = due.firstResponseDue;
  sla.closeDue = due.closeDue;
  if (world.traceOn) world.trace('sla', 'sla.moved', { priority: ticket.priority, firstResponseDue: due.firstResponseDue, closeDue: due.closeDue }, ticket);
  armSla(world, ticket, 'firstResponse');
  armSla(world, ticket, 'close');
}

/** The trigger events of SLA due times passing, one per target. */
const SLA_DUE_PASSED: Record<SlaTarget, TriggerEvent> = {
  firstResponse: { type: 'slaDuePassed', target: 'firstResponse' },
  close: { type: 'slaDuePassed', target: 'close' },
};

/**
 * An SLA timer fired: the target is breached unless it was met; a breach fires "SLA due time passed".
 * A timer armed for an earlier due time than the current one re-arms instead.
 */
export function slaDuePassed(world: World, ticket: TicketState, target: SlaTarget, timerAt: number): boolean {
  const sla = ticket.sla;
  if (!sla || sla[target] !== 'pending') return false;
  if (sla.timers[target] === timerAt) sla.timers[target] = null;
  if (world.now < dueOf(sla, target)) {
    armSla(world, ticket, target);
    return false;
  }
  sla[target] = 'breached';
  sla.breaches.push({ target, t: world.now });
  world.records++;
  if (world.traceOn) world.trace('sla', 'sla.breached', { target, due: dueOf(sla, target) }, ticket);
  fire(world, ticket, SLA_DUE_PASSED[target]);
  return true;
}

/** The first agent email on a help-desk ticket meets its first-response SLA (if still pending). */
export function firstResponse(world: World, ticket: TicketState): void {
  const sla = ticket.sla;
  if (!sla || sla.firstResponseAt !== null) return;
  sla.firstResponseAt = world.now;
  if (sla.firstResponse === 'pending') {
    sla.firstResponse = 'met';
    if (world.traceOn) world.trace('sla', 'sla.met', { target: 'firstResponse', due: sla.firstResponseDue, byClose: false }, ticket);
  }
}

/**
 * Applies one of the pipeline's built-in status updates ([S-out] on an agent email from the ticket
 * record, [S-in] on a customer reply on the ticket's thread), when it is turned on.
 */
export function applyBuiltInStatus(world: World, ticket: TicketState, which: 'onEmailSent' | 'onCustomerReply', rule: BuiltInRule, event?: number): void {
  const info = world.pipelines.get(ticket.pipelineId);
  if (!info) return;
  const setting: StatusTriggerSetting = info.pipeline.automation[which];
  const id = info.builtIn[which];
  if (!setting.enabled) {
    if (world.traceOn) world.trace('automation', 'automation.off', { rule, pipeline: info.pipeline.id }, ticket, id);
    return;
  }
  if (ticket.statusId === setting.statusId) {
    if (world.traceOn) world.trace('automation', 'automation.already', { rule, status: setting.statusId }, ticket, id);
    return;
  }
  if (world.traceOn) {
    const params = world.shared('automation.apply', rule, setting.statusId) ?? world.share('automation.apply', rule, setting.statusId, null, null, { rule, status: setting.statusId });
    world.trace('automation', 'automation.apply', params, ticket, id);
  }
  const refused = changeStatus(world, ticket, setting.statusId, id);
  if (refused) {
    world.error(
      'automation.badStatus',
      `The built-in rule ${RULE_TAGS[rule]} in pipeline "${info.pipeline.name}" could not update ticket ${ticket.id}: ${refused}.`,
      { rule, pipeline: info.pipeline.id, status: setting.statusId },
      { ticket: ticket.id, workflow: id, ...(event === undefined ? {} : { event }) },
    );
  }
}

/** The built-in status rules, as trace parameters name them: [S-out], [S-in] and [S-reopen]. */
export type BuiltInRule = 'out' | 'in' | 'reopen';
const RULE_TAGS: Record<BuiltInRule, string> = {
  out: '“status on an email from the ticket”',
  in: '“status on a reply on the ticket’s thread”',
  reopen: '“status on a reply after a reopen”',
};
