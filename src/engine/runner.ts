import type { Action } from '../actions';
import type { ActionRunContext, AwaitedEvent, LaterText, OutgoingEmail, PropertyChange, Rendered, RenderedLater } from '../actions/types';
import type { Filters } from '../model/filters';
import type { Contact, EmailTemplate, Pipeline, Team, User, Workspace } from '../model/workspace';
import { COMPLETED, endRun, unenrollIfMet } from './enrollment';
import { compiled, firstHoldingGroup } from './filters';
import { changeProperty, changeStatus } from './help-desk';
import { renderTokens, renderTokensLater, ticketLink } from './tokens';
import { codePair, type Journal } from './journal';
import type { TraceParams } from './types';
import { MINUTE_MS, NO_PARAMS, type Awaiting, type CompiledAction, type CompiledWorkflow, type Run, type TicketState, type World } from './world';

/**
 * The capabilities lent to the action being run. One instance serves every step (no allocation per
 * action); `begin` points it at the run and action of the moment.
 */
class RunContext implements ActionRunContext {
  private run!: Run;
  private action!: Action;
  code = '';
  params: TraceParams = NO_PARAMS;
  failure: string | null = null;
  waitAt: number | null = null;
  awaiting: Awaiting | null = null;
  constructor(private readonly world: World) {}

  begin(run: Run, action: Action): void {
    this.run = run;
    this.action = action;
    this.code = '';
    this.params = NO_PARAMS;
    this.failure = null;
    this.waitAt = null;
    this.awaiting = null;
  }

  get now(): number {
    return this.world.now;
  }
  get workspace(): Workspace {
    return this.world.workspace;
  }
  get ticket(): TicketState {
    return this.run.ticket;
  }
  get pipeline(): Pipeline | undefined {
    return this.world.pipelines.get(this.run.ticket.pipelineId)?.pipeline;
  }
  get contact(): Contact | null {
    const id = this.run.ticket.contactId;
    return id === null ? null : (this.world.contacts.get(id) ?? null);
  }
  user(id: string): User | undefined {
    return this.world.users.get(id);
  }
  team(id: string): Team | undefined {
    return this.world.teams.get(id);
  }
  template(id: string): EmailTemplate | undefined {
    return this.world.templates.get(id);
  }
  render(text: string): Rendered {
    return renderTokens(this.world, this.run.ticket, text);
  }
  renderLater(text: string): RenderedLater {
    return renderTokensLater(this.world, this.world.texts, this.run.ticket, text);
  }
  /** The answer evaluate() gives, one object reused by every call (its caller reads it at once). */
  private readonly outcome = { held: false, group: 0 };
  evaluate(filters: Filters): { held: boolean; group: number } {
    const group = firstHoldingGroup(compiled(filters), this.world.reader(this.run.ticket));
    const outcome = this.outcome;
    outcome.held = group >= 0 || filters.length === 0;
    outcome.group = group + 1;
    return outcome;
  }
  fact(property: 'status' | 'priority' | 'owner' | 'source' | 'createdAt' | 'closedAt'): string | number | null {
    return this.world.fact(this.run.ticket, property) as string | number | null;
  }
  slaDue(target: 'firstResponse' | 'close'): number | null {
    const sla = this.run.ticket.sla;
    return sla === null ? null : target === 'firstResponse' ? sla.firstResponseDue : sla.closeDue;
  }
  sendEmail(email: OutgoingEmail): void {
    const at = this.world.nowText;
    const ticket = this.run.ticket;
    const to = this.contact!.email;
    const world = this.world;
    world.records += 2;
    world.outputBytes += email.subject.length + email.body.length + (email.footer?.length ?? 0);
    this.world.outbox.push({
      at,
      ticket: ticket.id,
      workflow: this.run.wf.id,
      action: this.action.id,
      to,
      subject: email.subject,
      body: email.body,
      template: email.templateId,
      footer: email.footer,
    });
    // [S-status-actions] after an automated email the conversations inbox shows a notice with a link and a time stamp.
    this.world.notices.push({
      at,
      ticket: ticket.id,
      conversation: ticket.conversationId,
      subject: email.subject,
      to,
      link: (ticket.link ??= ticketLink(ticket.id)),
    });
  }
  notify(userId: string, subject: string, body: LaterText): void {
    const { run, action } = this;
    this.world.records++;
    this.world.outputBytes += subject.length + body.length;
    this.world.notifications.push({ at: this.world.nowText, recipient: userId, ticket: run.ticket.id, workflow: run.wf.id, action: action.id, subject, body });
  }
  skipNotification(reason: string, subject: string): void {
    const { run, action } = this;
    this.world.records++;
    this.world.notifications.push({
      at: this.world.nowText,
      recipient: null,
      ticket: run.ticket.id,
      workflow: run.wf.id,
      action: action.id,
      subject,
      body: '',
      skipped: reason,
    });
  }
  setStatus(statusId: string): string | null {
    return changeStatus(this.world, this.run.ticket, statusId, this.run.wf.id);
  }
  setProperty(change: PropertyChange): string | null {
    return changeProperty(this.world, this.run.ticket, change, this.run.wf.id);
  }
  waitUntil(at: number): void {
    this.waitAt = Math.max(at, this.world.now);
  }
  awaitEvent(event: AwaitedEvent, statusId: string | null, timeoutAt: number, happened: string | null, timedOut: string | null): void {
    this.waitAt = Math.max(timeoutAt, this.world.now);
    this.awaiting = { event, statusId, happened, timedOut };
  }
  recordWebhook(request: { method: string; url: string; body: LaterText }): void {
    const { run, action } = this;
    this.world.records++;
    this.world.outputBytes += request.url.length + request.body.length;
    this.world.webhooks.push({
      at: this.world.nowText,
      ticket: run.ticket.id,
      workflow: run.wf.id,
      action: action.id,
      method: request.method,
      url: request.url,
      body: request.body,
    });
  }
  note(code: string, params: TraceParams = NO_PARAMS): void {
    this.code = code;
    this.params = params;
  }
  fail(message: string): null {
    this.failure = message;
    return null;
  }
}

/** Stops a ticket's runs after the runaway guard tripped; `until` is the minute its automation may resume. */
function haltTicket(world: World, ticket: TicketState, until: number): void {
  ticket.haltedUntil = until;
  // Ending a run leaves the list as it is (the run stays, ended), so it can be walked while they end.
  for (const run of ticket.runs!) endRun(world, run, 'stopped', NO_PARAMS);
}

/** A workflow as guard messages name it: "Name" (id). */
function workflowName(world: World, id: string): string {
  return `"${world.workflowsById.get(id)?.name ?? id}" (${id})`;
}

/**
 * The runaway guard: more actions on one ticket within one virtual minute than the limit means workflows
 * keep triggering each other; the ticket's runs stop, and it enrolls in nothing more during that minute.
 * The message says what was counted: the actions of this ticket in this minute, by workflow.
 */
function tripMinuteGuard(world: World, ticket: TicketState, minute: number, counted: number): void {
  const since = minute * MINUTE_MS;
  const journal = world.journal;
  const counts = new Map<string, number>();
  for (let row = ticket.lastAction; row >= 0 && journal.atOf(row) >= since; row = journal.prevOf(row)) {
    const workflow = journal.workflowOf(row)!;
    counts.set(workflow, (counts.get(workflow) ?? 0) + 1);
  }
  const limit = world.maxActionsPerTicketMinute;
  const involved = busiestOf(counts).map(([id, n]) => `${workflowName(world, id)}: ${n}`);
  const over = counted === limit ? 'the limit per ticket and minute' : `more than the limit of ${limit} per ticket and minute, some of them again`;
  world.error(
    'guard.runaway',
    `Runaway automation stopped on ticket ${ticket.id}: it ran ${counted} actions within the virtual minute from ${new Date(since).toISOString()}, ${over}, and was about to run one more. Actions counted, by workflow: ${involved.join(', ')}. They keep triggering each other or loop without a delay; the ticket's runs are stopped and it enrolls in no workflow for the rest of this minute.`,
    { counted, limit, per: 'minute', since, workflows: busiestOf(counts).map(([id, n]) => `${id}:${n}`).join(',') },
    { ticket: ticket.id },
  );
  haltTicket(world, ticket, minute + 1);
}

/**
 * For the guards: the ticket's actions since a moment when one of them (or the one about to run) ran
 * before in that time, 0 when each ran once. Only a loop repeats an action; a long chain of distinct
 * actions that ends is no runaway, however many it has (the run's global budgets still bound it).
 */
function actionsRepeatedIn(journal: Journal, ticket: TicketState, since: number, workflow: CompiledWorkflow, action: CompiledAction): number {
  // An action as the pair of journal numbers of its workflow and its id, in one number.
  const seen = new Set<number>([workflow.journalNo * ACTION_KEY + action.journalNo]);
  let repeated = false;
  let counted = 0;
  for (let row = ticket.lastAction; row >= 0 && journal.atOf(row) >= since; row = journal.prevOf(row)) {
    const key = journal.workflowNoOf(row) * ACTION_KEY + journal.actionNoOf(row);
    if (seen.has(key)) repeated = true;
    else seen.add(key);
    counted++;
  }
  return repeated ? counted : 0;
}

/** Above any action's journal number (a run has far fewer distinct action ids), so keys of two numbers never meet. */
const ACTION_KEY = 2 ** 26;

/** Workflow ids and counts, busiest first (ties by id), at most five. */
function busiestOf(counts: Map<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5);
}

/**
 * The runaway guard's limit per ticket: more actions on one ticket in the whole simulation than the limit
 * means a loop slow enough to pass the per-minute limit (workflows re-enrolling each other through delays,
 * a go-to loop through a short delay). The ticket's runs stop and it enrolls in nothing more, so the
 * records of one ticket stay bounded however long the scenario lasts.
 */
function tripTicketGuard(world: World, ticket: TicketState, counted: number): void {
  const counts = new Map<string, number>();
  for (let row = ticket.lastAction; row >= 0; row = world.journal.prevOf(row)) {
    const workflow = world.journal.workflowOf(row)!;
    counts.set(workflow, (counts.get(workflow) ?? 0) + 1);
  }
  const limit = world.maxActionsPerTicket;
  const busiest = busiestOf(counts).map(([id, count]) => `${workflowName(world, id)}: ${count}`);
  world.error(
    'guard.runaway',
    `Runaway automation stopped on ticket ${ticket.id}: it ran ${counted} actions in this simulation, ${counted === limit ? 'the limit per ticket' : `more than the limit of ${limit} per ticket, some of them again`}, and was about to run one more. Actions counted, by workflow, busiest first: ${busiest.join(', ')}. They keep triggering each other or loop through a delay without end; the ticket's runs are stopped and it enrolls in no workflow for the rest of the simulation.`,
    { counted, limit, per: 'simulation', workflows: busiestOf(counts).map(([id, n]) => `${id}:${n}`).join(',') },
    { ticket: ticket.id },
  );
  haltTicket(world, ticket, Infinity);
}

/** An action's row until it has run, and when it failed (see Journal.settle). */
const ACTION_PENDING = codePair('action', '');
const ACTION_FAILED = codePair('action', 'action.failed');

/** Runs actions of the world's queued runs; owns the one reusable context. */
export class Runner {
  private readonly ctx: RunContext;
  /** The run, action and outcome of the last step that ran an action (kept here: a step allocates nothing to report them). */
  lastRun: Run | null = null;
  lastAction: Action | null = null;
  /** The journal row of that action's entry. */
  lastRow = -1;

  constructor(private readonly world: World) {
    this.ctx = new RunContext(world);
  }

  /**
   * Runs the next action of the run at the head of the queue. Returns whether it ran an action (then
   * lastRun, lastAction and lastRow say which), or false when the step only took a ticket out of its
   * workflow (unenrolled, stopped, or at a path end).
   */
  step(): boolean {
    const world = this.world;
    const run = world.ready.peek()!;
    if (run.state === 'ended') {
      world.ready.shift();
      return false;
    }
    const ticket = run.ticket;
    const wf = run.wf;
    if (run.actionId === null) {
      world.ready.shift();
      endRun(world, run, 'completed', COMPLETED.pathEnd);
      return false;
    }
    // Checked before every action too (SPEC §3.1).
    if (unenrollIfMet(world, run, 'beforeAction')) {
      world.ready.shift();
      return false;
    }
    const step = wf.actions.get(run.actionId)!;
    const minute = world.minute;
    if (ticket.guardMinute !== minute) {
      ticket.guardMinute = minute;
      ticket.guardCount = 0;
    }
    if (++ticket.guardCount > world.maxActionsPerTicketMinute) {
      const counted = actionsRepeatedIn(world.journal, ticket, minute * MINUTE_MS, wf, step);
      if (counted > 0) {
        world.ready.shift();
        tripMinuteGuard(world, ticket, minute, counted);
        return false;
      }
      // Many actions, none run twice: a long chain (of go-tos, say) that ends, not a loop. Checked again after as many more.
      ticket.guardCount = 1;
    }
    if (++ticket.actionsRun > world.maxActionsPerTicket) {
      const counted = actionsRepeatedIn(world.journal, ticket, -Infinity, wf, step);
      if (counted > 0) {
        world.ready.shift();
        tripTicketGuard(world, ticket, counted);
        return false;
      }
      ticket.actionsRun = 1;
    }
    const action = step.action;
    const ctx = this.ctx;
    ctx.begin(run, action);
    // Causes before effects: the action's entry goes into the trace before whatever it changes; its code
    // and parameters are filled in once the action has run (the entry is not shown before that).
    const journal = world.journal;
    const row = (ticket.lastAction = journal.addIds(ticket.lastAction, world.now, ACTION_PENDING, NO_PARAMS, ticket.journalNo, wf.journalNo, step.journalNo));
    world.records++;
    world.traceRow(row);
    const next = step.def.run(action, ctx);
    world.stats.actions++;
    wf.actionsRun++;
    if (ctx.failure !== null) {
      const params = { kind: action.kind, message: ctx.failure };
      journal.settle(row, ACTION_FAILED, params);
      world.error('action.failed', `Action ${action.id} (${action.kind}) of "${wf.name}" failed on ticket ${ticket.id}: ${ctx.failure}.`, params, {
        ticket: ticket.id,
        workflow: wf.id,
        action: action.id,
      });
      world.ready.shift();
      endRun(world, run, 'failed', { message: ctx.failure });
      return this.ran(run, action, row);
    }
    journal.settle(row, codePair(ctx.waitAt !== null ? 'delay' : 'action', ctx.code), ctx.params);
    if ((run.state as Run['state']) === 'ended') {
      // The action's own change met the unenrollment criteria: the ticket has left already.
      world.ready.shift();
      return this.ran(run, action, row);
    }
    run.actionId = next;
    if (ctx.waitAt !== null) {
      world.ready.shift();
      run.state = 'waiting';
      run.resumeAt = ctx.waitAt;
      run.awaiting = ctx.awaiting;
      world.scheduleResume(ctx.waitAt, run);
    } else if (next === null) {
      world.ready.shift();
      endRun(world, run, 'completed', COMPLETED.pathEnd);
    }
    return this.ran(run, action, row);
  }

  private ran(run: Run, action: Action, row: number): true {
    this.lastRun = run;
    this.lastAction = action;
    this.lastRow = row;
    return true;
  }

  /**
   * A waiting run's delay is over: it continues at the action after the delay, or on the timeout path of a
   * delay until an event. Returns false for a stale timer.
   */
  resume(run: Run): boolean {
    const world = this.world;
    if (run.state !== 'waiting') return false;
    const awaiting = run.awaiting;
    if (awaiting !== null) {
      run.awaiting = null;
      run.actionId = awaiting.timedOut;
      if (world.traceOn) world.trace('resume', 'delay.timedOut', { event: awaiting.event, status: awaiting.statusId, next: awaiting.timedOut }, run.ticket, run.wf.id);
    }
    const next = run.actionId;
    if (next === null) {
      endRun(world, run, 'completed', COMPLETED.delayLast);
      return true;
    }
    run.state = 'ready';
    if (world.traceOn && awaiting === null) {
      world.trace('resume', 'delay.resumed', world.shared('delay.resumed', next) ?? world.share('delay.resumed', next, null, null, null, { next }), run.ticket, run.wf.id, next);
    }
    world.ready.push(run);
    return true;
  }
}
