import type { Action } from '../actions';
import type { ActionRunContext, OutgoingEmail, PropertyChange, Rendered } from '../actions/types';
import type { Filters } from '../model/filters';
import type { Contact, EmailTemplate, Pipeline, Team, User, Workspace } from '../model/workspace';
import { compiled, describeOutcome, evaluateFilters, firstHoldingGroup } from './filters';
import { changeProperty, changeStatus } from './help-desk';
import { renderTokens, ticketLink } from './tokens';
import { iso, MINUTE_MS, type Run, type TicketState, type World } from './world';

/**
 * The capabilities lent to the action being run. One instance serves every step (no allocation per
 * action); `begin` points it at the run and action of the moment.
 */
class RunContext implements ActionRunContext {
  private run!: Run;
  private action!: Action;
  outcome: string | null = null;
  failure: string | null = null;
  waitAt: number | null = null;
  constructor(private readonly world: World) {}

  begin(run: Run, action: Action): void {
    this.run = run;
    this.action = action;
    this.outcome = null;
    this.failure = null;
    this.waitAt = null;
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
  evaluate(filters: Filters): { held: boolean; reason: string } {
    const c = compiled(filters);
    const read = this.world.reader(this.run.ticket);
    const outcome = evaluateFilters(c, read);
    return { held: outcome.held, reason: describeOutcome(c, outcome, read) };
  }
  sendEmail(email: OutgoingEmail): void {
    const at = this.world.nowText;
    const ticket = this.run.ticket;
    const to = this.contact!.email;
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
      text: `Automated email "${email.subject}" sent to ${to} at ${at}.`,
      link: (ticket.link ??= ticketLink(ticket.id)),
    });
  }
  notify(userId: string, subject: string, body: string): void {
    const { run, action } = this;
    this.world.notifications.push({ at: this.world.nowText, recipient: userId, ticket: run.ticket.id, workflow: run.wf.id, action: action.id, subject, body });
  }
  skipNotification(reason: string, subject: string): void {
    const { run, action } = this;
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
  recordWebhook(request: { method: string; url: string; body: string }): void {
    const { run, action } = this;
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
  note(outcome: string): void {
    this.outcome = outcome;
  }
  fail(message: string): null {
    this.failure = message;
    return null;
  }
}

/** Takes a ticket out of a workflow and records why. */
export function endRun(world: World, run: Run, outcome: 'completed' | 'unenrolled' | 'failed' | 'stopped', reason: string): void {
  if (run.state === 'ended') return;
  run.state = 'ended';
  const ticket = run.ticket;
  ticket.runs!.set(run.wf.id, null);
  ticket.activeRuns--;
  ticket.log.enrollments.push({ at: world.nowText, workflow: run.wf.id, trigger: run.trigger, outcome, reason });
  if (world.traceOn && outcome !== 'failed') {
    world.trace('unenrollment', `Left "${run.wf.name}" (${outcome}): ${reason}.`, { ticket: ticket.id, workflow: run.wf.id });
  }
}

/** A workflow as guard messages name it: "Name" (id), or "Name" (id, detail). */
function workflowName(world: World, id: string, detail?: string): string {
  return `"${world.workflows.find((w) => w.id === id)?.name ?? id}" (${id}${detail === undefined ? '' : `, ${detail}`})`;
}

/** Stops a ticket's runs after the runaway guard tripped; `until` is the minute its automation may resume. */
function haltTicket(world: World, ticket: TicketState, until: number): void {
  ticket.haltedUntil = until;
  for (const run of [...ticket.runs!.values()]) if (run) endRun(world, run, 'stopped', 'stopped by the runaway guard');
}

/**
 * The runaway guard: more actions on one ticket within one virtual minute than the limit means workflows
 * keep triggering each other; the ticket's runs stop, and it enrolls in nothing more during that minute.
 */
function tripMinuteGuard(world: World, ticket: TicketState, minute: number): void {
  // The workflows that ran actions on the ticket this minute: the tail of its action log (ISO times sort as text).
  const since = iso(minute * MINUTE_MS);
  const log = ticket.log.actions;
  const ids = new Set<string>();
  for (let i = log.length - 1; i >= 0 && log[i]!.at >= since; i--) ids.add(log[i]!.workflow);
  const involved = [...ids]
    .sort()
    .map((id) => workflowName(world, id))
    .join(', ');
  world.error(
    'guard.runaway',
    `Runaway automation stopped on ticket ${ticket.id}: more than ${world.maxActionsPerTicketMinute} actions within one virtual minute (from ${since}). Workflows involved: ${involved}. They keep triggering each other or loop without a delay; the ticket's runs are stopped.`,
    { ticket: ticket.id },
  );
  haltTicket(world, ticket, minute + 1);
}

/**
 * The runaway guard's limit per ticket: more actions on one ticket in the whole simulation than the limit
 * means a loop slow enough to pass the per-minute limit (workflows re-enrolling each other through delays,
 * a go-to loop through a short delay). The ticket's runs stop and it enrolls in nothing more, so the
 * records of one ticket stay bounded however long the scenario lasts.
 */
function tripTicketGuard(world: World, ticket: TicketState): void {
  const counts = new Map<string, number>();
  for (const entry of ticket.log.actions) counts.set(entry.workflow, (counts.get(entry.workflow) ?? 0) + 1);
  const busiest = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 5)
    .map(([id, count]) => workflowName(world, id, `${count} actions`));
  world.error(
    'guard.runaway',
    `Runaway automation stopped on ticket ${ticket.id}: more than ${world.maxActionsPerTicket} actions in this simulation. Workflows involved, busiest first: ${busiest.join(', ')}. They keep triggering each other or loop through a delay without end; the ticket's runs are stopped and it enrolls in no workflow for the rest of the simulation.`,
    { ticket: ticket.id },
  );
  haltTicket(world, ticket, Infinity);
}

/** Runs actions of the world's queued runs; owns the one reusable context. */
export class Runner {
  private readonly ctx: RunContext;
  /** The run, action and outcome of the last step that ran an action (kept here: a step allocates nothing to report them). */
  lastRun: Run | null = null;
  lastAction: Action | null = null;
  lastOutcome = '';

  constructor(private readonly world: World) {
    this.ctx = new RunContext(world);
  }

  /**
   * Runs the next action of the run at the head of the queue. Returns whether it ran an action (then
   * lastRun, lastAction and lastOutcome say which), or false when the step only took a ticket out of its
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
      endRun(world, run, 'completed', 'reached the end of its path');
      return false;
    }
    // Checked before every action, so the common "still enrolled" answer allocates nothing.
    if (wf.unenroll && firstHoldingGroup(wf.unenroll, world.reader(ticket)) >= 0) {
      const read = world.reader(ticket);
      const why = describeOutcome(wf.unenroll, evaluateFilters(wf.unenroll, read), read);
      world.ready.shift();
      endRun(world, run, 'unenrolled', `met the unenrollment criteria before ${run.actionId}: ${why}`);
      return false;
    }
    const minute = world.minute;
    if (ticket.guardMinute !== minute) {
      ticket.guardMinute = minute;
      ticket.guardCount = 0;
    }
    if (++ticket.guardCount > world.maxActionsPerTicketMinute) {
      world.ready.shift();
      tripMinuteGuard(world, ticket, minute);
      return false;
    }
    if (++ticket.actionsRun > world.maxActionsPerTicket) {
      world.ready.shift();
      tripTicketGuard(world, ticket);
      return false;
    }
    const step = wf.actions.get(run.actionId)!;
    const action = step.action;
    const ctx = this.ctx;
    ctx.begin(run, action);
    const next = step.def.run(action, ctx);
    world.stats.actions++;
    wf.actionsRun++;
    if (ctx.failure !== null) {
      const failed = `failed: ${ctx.failure}`;
      ticket.log.actions.push({ at: world.nowText, workflow: wf.id, action: action.id, kind: action.kind, outcome: failed });
      world.error('action.failed', `Action ${action.id} (${action.kind}) of "${wf.name}" failed on ticket ${ticket.id}: ${ctx.failure}.`, {
        ticket: ticket.id,
        workflow: wf.id,
        action: action.id,
      });
      world.ready.shift();
      endRun(world, run, 'failed', ctx.failure);
      return this.ran(run, action, failed);
    }
    const outcome = ctx.outcome ?? 'done';
    ticket.log.actions.push({ at: world.nowText, workflow: wf.id, action: action.id, kind: action.kind, outcome });
    if (world.traceOn) {
      const detail = ctx.waitAt === null ? `${action.kind} ${action.id}: ${outcome}.` : `${action.kind} ${action.id}: ${outcome}; resumes at ${iso(ctx.waitAt)}.`;
      world.trace(ctx.waitAt === null ? 'action' : 'delay', detail, { ticket: ticket.id, workflow: wf.id, action: action.id });
    }
    run.actionId = next;
    if (ctx.waitAt !== null) {
      world.ready.shift();
      run.state = 'waiting';
      run.resumeAt = ctx.waitAt;
      world.scheduleResume(ctx.waitAt, run);
    } else if (next === null) {
      world.ready.shift();
      endRun(world, run, 'completed', 'reached the end of its path');
    }
    return this.ran(run, action, outcome);
  }

  private ran(run: Run, action: Action, outcome: string): true {
    this.lastRun = run;
    this.lastAction = action;
    this.lastOutcome = outcome;
    return true;
  }

  /** A waiting run's delay is over: it continues at the action after the delay. Returns false for a stale timer. */
  resume(run: Run): boolean {
    const world = this.world;
    if (run.state !== 'waiting') return false;
    const next = run.actionId;
    if (next === null) {
      endRun(world, run, 'completed', 'the delay was the last action of its path');
      return true;
    }
    run.state = 'ready';
    if (world.traceOn) world.trace('resume', `Resumed "${run.wf.name}" after its delay, at ${next}.`, { ticket: run.ticket.id, workflow: run.wf.id, action: next });
    world.ready.push(run);
    return true;
  }
}
