/**
 * Benchmark-only peer for the interpreter: each workflow translated into an XState 5 machine, driven by a
 * small help desk of its own over the same scenario, so the two interpreters can be timed on the same work.
 *
 * What the XState side covers — the same as the engine for the workflow part:
 * - one machine per workflow and one actor per (ticket, workflow), created when a trigger first reaches it;
 * - enrollment: trigger matching and the "still enrolled" rule in the driver (as the engine's fire()), the
 *   re-enrollment rule, the [S-chat] exclusion and the enrollment filters as the machine's guard;
 * - unenrollment the moment a change to the ticket meets the criteria (HALT), and before each action:
 * - per action two states: `a:<id>` checks the unenrollment criteria and the runaway guard before the action,
 *   `x:<id>` runs it; next links, go-tos and branch paths are transitions, branch paths guarded by their
 *   filters (evaluated with the engine's own filter evaluator), delays wait for an explicit RESUME event
 *   that the driver sends from a timer heap on the virtual clock;
 * - action effects run through the very same action definitions (src/actions) against a context that this
 *   file implements, so emails are rendered with the same templates, notifications expanded the same way;
 * - the pipeline's built-in status updates ([S-out], [S-in], [S-reopen]) and status/close/reopen/owner/
 *   priority events, which feed status and property triggers back into the machines.
 *
 * What it leaves out, and the engine does: SLA due times and their timers, conversation threads' message
 * lists, reason sentences for enrollment decisions and branch choices, the result snapshot with ISO times,
 * channel moves (scenarios with a moveChannel or advance event are refused here), and the trace. The timing
 * comparison therefore gives the XState side less to do.
 */
import { createActor, setup, type Actor, type AnyStateMachine } from 'xstate';
import { definitionOf, type Action } from '../../src/actions';
import type { ActionRunContext, OutgoingEmail, PropertyChange, Rendered } from '../../src/actions/types';
import { compileFilters, evaluateFilters, TimerHeap, type CompiledFilters, type FactValue } from '../../src/engine';
import { triggerMatches, type TriggerEvent } from '../../src/engine/enrollment';
import { subjectFrom } from '../../src/engine/help-desk';
import type { ChannelKind, FilterProperty, Priority, Scenario, ScenarioEvent, Trigger, Workflow, Workspace } from '../../src/model';
import Mustache from 'mustache';

const MINUTE_MS = 60_000;
/** The engine's default runaway limit, so both sides stop runaway automation at the same point. */
const MAX_ACTIONS_PER_TICKET_MINUTE = 100;
const CHAT_LIKE: ReadonlySet<ChannelKind> = new Set<ChannelKind>(['chat', 'messenger']);

/** A trigger event as the engine's enrollment offers it. */

/** One ticket enrolled (or enrollable) in one workflow: what the machine's actions read and write. */
interface RunRecord {
  ticket: HarnessTicket;
  wf: CompiledHarnessWorkflow;
  actor: Actor<AnyStateMachine> | null;
  active: boolean;
  once: boolean;
  failed: boolean;
  /** Bumped at every delay, so a timer of an earlier wait is recognised as stale. */
  wait: number;
}

interface HarnessTicket {
  id: string;
  subject: string;
  pipelineId: string;
  statusId: string;
  statusCategory: 'open' | 'closed';
  ownerId: string | null;
  priority: Priority;
  contactId: string | null;
  source: ChannelKind | null;
  channelId: string;
  conversationId: string;
  threadId: string;
  createdAt: number;
  closedAt: number | null;
  reopened: boolean;
  reopenedAt: number | null;
  lastOpenStatusId: string | null;
  runs: (RunRecord | undefined)[];
  guardMinute: number;
  guardCount: number;
  haltedMinute: number;
  /** "workflow/action" of every action run, in order (compared with the engine's action log). */
  log: string[];
}

interface HarnessConversation {
  ticket: HarnessTicket | null;
  contactId: string;
  threadStarts: Map<string, number>;
}

interface CompiledHarnessWorkflow {
  index: number;
  source: Workflow;
  filters: CompiledFilters;
  unenroll: CompiledFilters | null;
  sources: ReadonlySet<ChannelKind>;
  machine: AnyStateMachine;
}

type HarnessEvent = { type: 'TRIGGER' } | { type: 'GO' } | { type: 'RESUME' } | { type: 'HALT' };

/** What the XState run produced, in the shape compared with the engine's result. */
export interface PeerSummary {
  actions: number;
  emails: number;
  notifications: number;
  webhooks: number;
  enrollments: number;
  /** Per ticket: "workflow/action" of every action run, in order. */
  paths: Map<string, string[]>;
  statuses: Map<string, string>;
}

/** The help desk the machines act on (bench-only, deliberately small; see the file comment). */
class Harness {
  now: number;
  readonly end: number;
  private readonly users: Map<string, Workspace['users'][number]>;
  private readonly teams: Map<string, Workspace['teams'][number]>;
  private readonly templates: Map<string, Workspace['templates'][number]>;
  private readonly contacts = new Map<string, { id: string; name: string; email: string }>();
  private readonly statuses = new Map<string, { label: string; category: 'open' | 'closed' }>();
  readonly tickets = new Map<string, HarnessTicket>();
  private readonly conversations = new Map<string, HarnessConversation>();
  private ticketNo = 0;
  readonly timers = new TimerHeap<{ run: RunRecord; wait: number }>();
  private readonly ready: RunRecord[] = [];
  private readyHead = 0;
  readonly workflows: CompiledHarnessWorkflow[] = [];
  private readonly index = new Map<string, { wf: CompiledHarnessWorkflow; trigger: Trigger }[]>();
  readonly counts = { actions: 0, emails: 0, notifications: 0, webhooks: 0, enrollments: 0 };
  private readonly ctx: HarnessContext;

  constructor(
    readonly workspace: Workspace,
    scenario: Scenario,
  ) {
    this.users = new Map(workspace.users.map((u) => [u.id, u]));
    this.teams = new Map(workspace.teams.map((t) => [t.id, t]));
    this.templates = new Map(workspace.templates.map((t) => [t.id, t]));
    for (const c of [...workspace.contacts, ...scenario.initial.contacts]) this.contacts.set(c.id, c);
    if (workspace.pipelines.length !== 1) throw new Error('The XState peer supports a workspace with one pipeline.');
    for (const s of workspace.pipelines[0]!.statuses) this.statuses.set(s.id, { label: s.label, category: s.category });
    if (scenario.initial.tickets.length || scenario.initial.conversations.length) {
      throw new Error('The XState peer runs scenarios without initial tickets or conversations.');
    }
    this.now = Date.parse(scenario.start);
    this.end = scenario.end === undefined ? Number.POSITIVE_INFINITY : Date.parse(scenario.end);
    this.ctx = new HarnessContext(this);
  }

  user(id: string) {
    return this.users.get(id);
  }
  team(id: string) {
    return this.teams.get(id);
  }
  template(id: string) {
    return this.templates.get(id);
  }
  contact(id: string | null) {
    return id === null ? null : (this.contacts.get(id) ?? null);
  }
  statusLabel(id: string): string {
    return this.statuses.get(id)?.label ?? id;
  }

  /** Compiles the workflows (the live set) into machines and indexes their triggers. */
  addWorkflows(workflows: readonly Workflow[]): void {
    for (const source of workflows) {
      const wf: CompiledHarnessWorkflow = {
        index: this.workflows.length,
        source,
        filters: compileFilters(source.enrollment.filters).compiled,
        unenroll: source.enrollment.unenroll.length ? compileFilters(source.enrollment.unenroll).compiled : null,
        sources: namedSources(source),
        machine: null as unknown as AnyStateMachine,
      };
      wf.machine = translateWorkflow(wf, this);
      this.workflows.push(wf);
      for (const trigger of source.enrollment.triggers) {
        const list = this.index.get(trigger.type) ?? [];
        list.push({ wf, trigger });
        this.index.set(trigger.type, list);
      }
    }
  }

  fact(t: HarnessTicket, p: FilterProperty): FactValue {
    switch (p) {
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
      case 'channel':
        return t.channelId;
      case 'contact':
        return t.contactId;
      case 'contactEmail':
        return this.contact(t.contactId)?.email ?? null;
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

  holds(filters: CompiledFilters, ticket: HarnessTicket): boolean {
    return evaluateFilters(filters, (p) => this.fact(ticket, p)).held;
  }

  // ---- enrollment -------------------------------------------------------------------------------

  /** Offers trigger events to the workflows listening, each deciding once per call (as the engine's fire). */
  fire(ticket: HarnessTicket, events: readonly TriggerEvent[]): void {
    let considered: Set<number> | null = null;
    for (const event of events) {
      const candidates = this.index.get(event.type);
      if (!candidates) continue;
      for (const { wf, trigger } of candidates) {
        if (considered?.has(wf.index) || !triggerMatches(trigger, event)) continue;
        (considered ??= new Set()).add(wf.index);
        let run = ticket.runs[wf.index];
        // Never re-enrolled while still enrolled; decided now, as the engine does, not when a busy actor gets to it.
        if (run?.active) continue;
        if (!run) {
          run = { ticket, wf, actor: null, active: false, once: false, failed: false, wait: 0 };
          run.actor = createActor(wf.machine, { input: { run } });
          run.actor.start();
          ticket.runs[wf.index] = run;
        }
        run.actor!.send({ type: 'TRIGGER' });
      }
    }
  }

  /** The machine's enrollment guard: halted minute, re-enrollment, [S-chat], filters. */
  enrolls(run: RunRecord): boolean {
    const t = run.ticket;
    if (t.haltedMinute === Math.floor(this.now / MINUTE_MS)) return false;
    if (!run.wf.source.enrollment.reenroll && run.once) return false;
    if (t.source !== null && CHAT_LIKE.has(t.source) && !run.wf.sources.has(t.source)) return false;
    return this.holds(run.wf.filters, t);
  }

  enroll(run: RunRecord): void {
    run.active = true;
    run.once = true;
    run.failed = false;
    this.counts.enrollments++;
    this.ready.push(run);
  }

  finish(run: RunRecord): void {
    run.active = false;
  }

  /** The runaway guard, counted before each action as the engine does; true stops the ticket's runs. */
  trips(run: RunRecord): boolean {
    const t = run.ticket;
    const minute = Math.floor(this.now / MINUTE_MS);
    if (t.guardMinute !== minute) {
      t.guardMinute = minute;
      t.guardCount = 0;
    }
    if (++t.guardCount <= MAX_ACTIONS_PER_TICKET_MINUTE) return false;
    t.haltedMinute = minute;
    return true;
  }

  halt(run: RunRecord): void {
    run.active = false;
    for (const other of run.ticket.runs) {
      if (!other || other === run || !other.active) continue;
      other.active = false;
      other.actor!.send({ type: 'HALT' });
    }
  }

  leaves(run: RunRecord): boolean {
    return run.wf.unenroll !== null && this.holds(run.wf.unenroll, run.ticket);
  }

  /** As the engine: after any change to a ticket, a run whose unenrollment criteria now hold leaves at once (its delay cancelled). */
  unenrollOnChange(ticket: HarnessTicket): void {
    for (const run of ticket.runs) {
      if (!run || !run.active || !this.leaves(run)) continue;
      run.active = false;
      run.wait++;
      run.actor!.send({ type: 'HALT' });
    }
  }

  /** Runs one action's effect through its definition; a delay schedules the RESUME event. */
  runAction(run: RunRecord, action: Action): void {
    const ctx = this.ctx;
    ctx.begin(run);
    definitionOf(action).run(action, ctx);
    this.counts.actions++;
    run.ticket.log.push(`${run.wf.source.id}/${action.id}`);
    if (ctx.failure !== null) {
      run.failed = true;
      return;
    }
    if (ctx.waitAt !== null) this.timers.push(ctx.waitAt, { run, wait: ++run.wait });
  }

  /** A branch is counted and logged as an action; its path is chosen by the machine's guarded transitions. */
  countBranch(run: RunRecord, action: Action): void {
    this.counts.actions++;
    run.ticket.log.push(`${run.wf.source.id}/${action.id}`);
  }

  private drain(): void {
    while (this.readyHead < this.ready.length) {
      const run = this.ready[this.readyHead++]!;
      if (run.active) run.actor!.send({ type: 'GO' });
    }
    this.ready.length = 0;
    this.readyHead = 0;
  }

  // ---- help desk --------------------------------------------------------------------------------

  changeStatus(ticket: HarnessTicket, statusId: string): string | null {
    const status = this.statuses.get(statusId);
    if (!status) return `status "${statusId}" is not in the ticket's pipeline`;
    const from = ticket.statusId;
    if (from === statusId) return null;
    const wasClosed = ticket.statusCategory === 'closed';
    ticket.statusId = statusId;
    ticket.statusCategory = status.category;
    if (!wasClosed && status.category === 'closed') {
      ticket.closedAt = this.now;
      ticket.lastOpenStatusId = from;
    } else if (wasClosed && status.category === 'open') {
      ticket.closedAt = null;
      ticket.reopened = true;
      ticket.reopenedAt = this.now;
    }
    this.unenrollOnChange(ticket);
    this.fire(ticket, [{ type: 'statusChanged', from, to: statusId }]);
    return null;
  }

  changeProperty(ticket: HarnessTicket, change: PropertyChange): string | null {
    switch (change.property) {
      case 'owner': {
        if (change.ownerId !== null) {
          const user = this.users.get(change.ownerId);
          if (!user) return `user "${change.ownerId}" does not exist in the workspace`;
          if (!user.helpDeskAccess) return `${user.name} has no help-desk access`;
        }
        if (ticket.ownerId === change.ownerId) return null;
        ticket.ownerId = change.ownerId;
        break;
      }
      case 'priority':
        if (ticket.priority === change.priority) return null;
        ticket.priority = change.priority;
        break;
      case 'subject':
        if (ticket.subject === change.subject) return null;
        ticket.subject = change.subject;
        break;
    }
    this.unenrollOnChange(ticket);
    this.fire(ticket, [{ type: 'propertyChanged', property: change.property }]);
    return null;
  }

  private builtInStatus(ticket: HarnessTicket, which: 'onEmailSent' | 'onCustomerReply'): void {
    const setting = this.workspace.pipelines[0]!.automation[which];
    if (setting.enabled && ticket.statusId !== setting.statusId) this.changeStatus(ticket, setting.statusId);
  }

  private apply(ev: ScenarioEvent): void {
    switch (ev.type) {
      case 'incomingMessage': {
        const conv = this.conversations.get(ev.conversationId);
        if (!conv) {
          this.newConversation(ev);
          return;
        }
        const isNew = !conv.threadStarts.has(ev.threadId);
        if (isNew) conv.threadStarts.set(ev.threadId, this.now);
        const ticket = conv.ticket;
        if (!ticket) return;
        const onThread = ev.threadId === ticket.threadId;
        const afterReopen = !onThread && ticket.reopenedAt !== null && conv.threadStarts.get(ev.threadId)! >= ticket.reopenedAt;
        if (!onThread && !afterReopen) return;
        this.builtInStatus(ticket, 'onCustomerReply');
        this.fire(ticket, [{ type: 'contactReplied' }]);
        return;
      }
      case 'agentEmail': {
        const conv = this.conversations.get(ev.conversationId);
        if (!conv) throw new Error(`agentEmail on unknown conversation ${ev.conversationId}`);
        if (!conv.threadStarts.has(ev.threadId)) conv.threadStarts.set(ev.threadId, this.now);
        if (!conv.ticket || ev.from !== 'ticket') return;
        this.builtInStatus(conv.ticket, 'onEmailSent');
        this.fire(conv.ticket, [{ type: 'emailSentFromTicket' }]);
        return;
      }
      case 'setStatus': {
        const ticket = this.ticket(ev);
        if (ticket.statusId !== ev.statusId) this.changeStatus(ticket, ev.statusId);
        return;
      }
      case 'setOwner':
        this.changeProperty(this.ticket(ev), { property: 'owner', ownerId: ev.ownerId });
        return;
      case 'setPriority':
        this.changeProperty(this.ticket(ev), { property: 'priority', priority: ev.priority });
        return;
      case 'closeTicket': {
        const ticket = this.ticket(ev);
        const closed = this.workspace.pipelines[0]!.statuses.find((s) => s.category === 'closed');
        if (ticket.statusCategory !== 'closed' && closed) this.changeStatus(ticket, closed.id);
        return;
      }
      case 'reopenTicket': {
        const ticket = this.ticket(ev);
        if (ticket.statusCategory !== 'closed') return;
        const target = ticket.lastOpenStatusId ?? this.workspace.pipelines[0]!.statuses.find((s) => s.category === 'open')?.id;
        if (target) this.changeStatus(ticket, target);
        return;
      }
      case 'advance':
      case 'moveChannel':
        throw new Error(`The XState peer does not simulate "${ev.type}" events.`);
    }
  }

  private ticket(ref: { ticketId?: string | undefined; ticketOf?: string | undefined }): HarnessTicket {
    const id = ref.ticketOf !== undefined ? (this.conversations.get(ref.ticketOf)?.ticket?.id ?? `of ${ref.ticketOf}`) : (ref.ticketId ?? '');
    const t = this.tickets.get(id);
    if (!t) throw new Error(`The scenario names ticket ${id}, which the XState peer did not create.`);
    return t;
  }

  private newConversation(ev: Extract<ScenarioEvent, { type: 'incomingMessage' }>): void {
    const channel = this.workspace.channels.find((c) => c.id === ev.channelId);
    if (!channel) throw new Error(`Unknown channel ${ev.channelId}`);
    const conv: HarnessConversation = { ticket: null, contactId: ev.contactId, threadStarts: new Map([[ev.threadId, this.now]]) };
    this.conversations.set(ev.conversationId, conv);
    const pipeline = this.workspace.pipelines[0]!;
    if (channel.location !== 'helpDesk' || !channel.createTickets || !pipeline.automation.createTickets) return;
    const first = pipeline.statuses[0]!;
    const ticket: HarnessTicket = {
      id: `ticket-${++this.ticketNo}`,
      subject: ev.subject ?? subjectFrom(ev.text),
      pipelineId: pipeline.id,
      statusId: first.id,
      statusCategory: first.category,
      ownerId: null,
      priority: this.workspace.defaultPriority,
      contactId: ev.contactId,
      source: channel.kind,
      channelId: channel.id,
      conversationId: ev.conversationId,
      threadId: ev.threadId,
      createdAt: this.now,
      closedAt: null,
      reopened: false,
      reopenedAt: null,
      lastOpenStatusId: null,
      runs: [],
      guardMinute: -1,
      guardCount: 0,
      haltedMinute: -1,
      log: [],
    };
    this.tickets.set(ticket.id, ticket);
    conv.ticket = ticket;
    this.fire(ticket, [{ type: 'ticketCreated' }, { type: 'conversationStarted', kind: channel.kind }, { type: 'statusChanged', from: null, to: first.id }]);
  }

  private resumeDue(until: number): void {
    for (let at = this.timers.peekAt(); at <= until && at <= this.end; at = this.timers.peekAt()) {
      const t = this.timers.pop()!;
      if (!t.run.active || t.run.wait !== t.wait) continue;
      this.now = Math.max(this.now, at);
      t.run.actor!.send({ type: 'RESUME' });
      this.drain();
    }
  }

  /** Plays the scenario: timers due at an event's moment first, then the event, then the queued runs. */
  run(scenario: Scenario): void {
    for (const ev of scenario.events) {
      const at = Date.parse(ev.at);
      this.resumeDue(at);
      this.now = Math.max(this.now, at);
      this.apply(ev);
      this.drain();
    }
    this.resumeDue(this.end);
  }

  summary(): PeerSummary {
    const paths = new Map<string, string[]>();
    const statuses = new Map<string, string>();
    for (const t of this.tickets.values()) {
      paths.set(t.id, t.log);
      statuses.set(t.id, t.statusId);
      for (const run of t.runs) run?.actor?.stop();
    }
    const c = this.counts;
    return { actions: c.actions, emails: c.emails, notifications: c.notifications, webhooks: c.webhooks, enrollments: c.enrollments, paths, statuses };
  }

  recordEmail(): void {
    this.counts.emails++;
  }
  recordNotification(): void {
    this.counts.notifications++;
  }
  recordWebhook(): void {
    this.counts.webhooks++;
  }
}

// Plain text, as the engine renders emails and notifications.
const PLAIN = { escape: (value: unknown) => String(value) };
const isoOf = (ms: number) => new Date(ms).toISOString();

/** The capabilities the action definitions act through, pointed at the harness ticket of the moment. */
class HarnessContext implements ActionRunContext {
  private run!: RunRecord;
  failure: string | null = null;
  waitAt: number | null = null;

  constructor(private readonly h: Harness) {}

  begin(run: RunRecord): void {
    this.run = run;
    this.failure = null;
    this.waitAt = null;
  }
  get now() {
    return this.h.now;
  }
  get workspace() {
    return this.h.workspace;
  }
  get ticket() {
    return this.run.ticket;
  }
  get pipeline() {
    return this.h.workspace.pipelines[0];
  }
  get contact() {
    return this.h.contact(this.run.ticket.contactId);
  }
  user(id: string) {
    return this.h.user(id);
  }
  team(id: string) {
    return this.h.team(id);
  }
  template(id: string) {
    return this.h.template(id);
  }
  /** The peer fills record texts at once, as it fills every other text. */
  renderLater(text: string): Rendered {
    return this.render(text);
  }
  render(text: string): Rendered {
    if (!text.includes('{{')) return { text };
    const t = this.run.ticket;
    const contact = this.h.contact(t.contactId);
    const owner = t.ownerId === null ? undefined : this.h.user(t.ownerId);
    const view = {
      ticket: {
        id: t.id,
        subject: t.subject,
        status: this.h.statusLabel(t.statusId),
        statusId: t.statusId,
        pipeline: this.h.workspace.pipelines[0]!.name,
        priority: t.priority,
        owner: owner?.name ?? '',
        source: t.source ?? '',
        createdAt: isoOf(t.createdAt),
        closedAt: t.closedAt === null ? '' : isoOf(t.closedAt),
        link: `#/tickets/${encodeURIComponent(t.id)}`,
      },
      contact: { name: contact?.name ?? '', email: contact?.email ?? '' },
      owner: { name: owner?.name ?? '', email: owner?.email ?? '' },
      workspace: { name: this.h.workspace.name },
    };
    try {
      return { text: Mustache.render(text, view, undefined, PLAIN) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
  evaluate(): { held: boolean; group: number } {
    throw new Error('Branches are guarded transitions in the XState peer; no action evaluates filters itself.');
  }
  fact(): string | number | null {
    throw new Error('Value branches and dated delays are not translated to the XState peer.');
  }
  slaDue(): number | null {
    throw new Error('Dated delays are not translated to the XState peer.');
  }
  awaitEvent(): void {
    throw new Error('Delays until an event are not translated to the XState peer.');
  }
  sendEmail(_email: OutgoingEmail): void {
    this.h.recordEmail();
  }
  notify(): void {
    this.h.recordNotification();
  }
  skipNotification(): void {
    this.h.recordNotification();
  }
  setStatus(statusId: string): string | null {
    return this.h.changeStatus(this.run.ticket, statusId);
  }
  setProperty(change: PropertyChange): string | null {
    return this.h.changeProperty(this.run.ticket, change);
  }
  waitUntil(at: number): void {
    this.waitAt = Math.max(at, this.h.now);
  }
  recordWebhook(): void {
    this.h.recordWebhook();
  }
  /** The action has already made its code and parameters (the same work as in the engine); the peer keeps no log of them. */
  note(): void {}
  fail(message: string): null {
    this.failure = message;
    return null;
  }
}

// The engine keeps [S-chat] source naming, the fact reader and the token view inside its
// World and enrollment modules without exporting them; the peer needs the same rules over its own ticket
// record, so it states them again here, line for line.

/** Chat-like sources a workflow's enrollment names, as the engine reads [S-chat]. */
function namedSources(workflow: Workflow): Set<ChannelKind> {
  const named = new Set<ChannelKind>();
  for (const t of workflow.enrollment.triggers) {
    if (t.type === 'conversationStarted') for (const k of t.channelKinds) if (CHAT_LIKE.has(k)) named.add(k);
  }
  for (const g of workflow.enrollment.filters) {
    for (const c of g.conditions) {
      if (c.property !== 'source' || (c.operator !== 'is' && c.operator !== 'isAnyOf')) continue;
      for (const v of Array.isArray(c.value) ? c.value : [c.value]) if (CHAT_LIKE.has(v as ChannelKind)) named.add(v as ChannelKind);
    }
  }
  return named;
}

interface MachineContext {
  run: RunRecord;
}

const machineSetup = setup({ types: {} as { context: MachineContext; events: HarnessEvent; input: MachineContext } });
type MachineStates = NonNullable<Parameters<typeof machineSetup.createMachine>[0]['states']>;

type Transition = { target: string; guard?: (args: { context: MachineContext }) => boolean; actions?: (args: { context: MachineContext }) => void };
type StateConfig = {
  entry?: (args: { context: MachineContext }) => void;
  always?: Transition[];
  on?: Partial<Record<HarnessEvent['type'], Transition | Transition[]>>;
};

/**
 * The XState machine of one workflow: `idle` → (TRIGGER, enrollment guard) → `queued` → (GO) → the start
 * action; per action a check state `a:<id>` and a run state `x:<id>`; HALT (runaway guard) from anywhere.
 */
function translateWorkflow(wf: CompiledHarnessWorkflow, h: Harness): AnyStateMachine {
  const workflow = wf.source;
  const byId = new Map(workflow.actions.map((a) => [a.id, a]));
  const complete = ({ context }: { context: MachineContext }) => h.finish(context.run);
  const enter = (id: string | null): Transition => (id === null ? { target: 'idle', actions: complete } : { target: `a:${id}` });
  const states: Record<string, StateConfig> = {
    idle: { on: { TRIGGER: { guard: ({ context }) => h.enrolls(context.run), target: 'queued', actions: ({ context }) => h.enroll(context.run) } } },
    queued: { on: { GO: enter(workflow.startActionId) } },
  };
  for (const action of workflow.actions) {
    const check: Transition[] = [];
    if (wf.unenroll) check.push({ guard: ({ context }) => h.leaves(context.run), target: 'idle', actions: complete });
    check.push({ guard: ({ context }) => h.trips(context.run), target: 'idle', actions: ({ context }) => h.halt(context.run) });
    check.push({ target: `x:${action.id}` });
    states[`a:${action.id}`] = { always: check };
    const failed: Transition = { guard: ({ context }) => context.run.failed, target: 'idle', actions: complete };
    switch (action.kind) {
      case 'branch':
        states[`x:${action.id}`] = {
          entry: ({ context }) => h.countBranch(context.run, action),
          always: [
            ...action.paths.map((p): Transition => {
              const filters = compileFilters(p.filters).compiled;
              return { ...enter(p.next), guard: ({ context }) => h.holds(filters, context.run.ticket) };
            }),
            enter(action.defaultNext),
          ],
        };
        break;
      case 'delay':
        states[`x:${action.id}`] = {
          entry: ({ context }) => h.runAction(context.run, action),
          always: [failed],
          on: { RESUME: enter(action.next) },
        };
        break;
      case 'goto':
        if (action.target === null || !byId.has(action.target)) throw new Error(`Go-to ${action.id} has no target the peer can follow.`);
        states[`x:${action.id}`] = { entry: ({ context }) => h.runAction(context.run, action), always: [failed, enter(action.target)] };
        break;
      default:
        if (!('next' in action)) throw new Error(`The peer does not translate ${action.kind} actions (${action.id}).`);
        states[`x:${action.id}`] = { entry: ({ context }) => h.runAction(context.run, action), always: [failed, enter(action.next)] };
    }
  }
  return machineSetup.createMachine({
    id: workflow.id,
    context: ({ input }) => input,
    initial: 'idle',
    on: { HALT: { target: '.idle' } },
    // The states are built from the workflow at run time; their shape is checked by StateConfig above.
    states: states as MachineStates,
  });
}

/** Runs the scenario with every enabled workflow translated into an XState machine. */
export function runWithXState(input: { workspace: Workspace; workflows: readonly Workflow[]; scenario: Scenario }): PeerSummary {
  const h = new Harness(input.workspace, input.scenario);
  h.addWorkflows(input.workflows);
  h.run(input.scenario);
  return h.summary();
}
