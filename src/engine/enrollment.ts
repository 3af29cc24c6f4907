import { definitionOf, type Action } from '../actions';
import { englishT } from '../actions/messages';
import type { ChannelKind } from '../model/common';
import type { FilterCondition, FilterGroup, Filters } from '../model/filters';
import type { Enrollment, Trigger, Workflow } from '../model/workflow';
import { compileFilters, evaluateFilters, filtersHold, firstHoldingGroup, outcomeParams, type CompiledFilters } from './filters';
import type { EnrollmentOutcome, TraceParams } from './types';
import { codePair } from './journal';
import { NO_PARAMS, runSlot, type CompiledAction, type CompiledWorkflow, type Run, type TicketState, type World } from './world';

/** Something that happened to a ticket, matched against workflows' enrollment triggers. */
export type TriggerEvent =
  | { type: 'ticketCreated' }
  | { type: 'statusChanged'; from: string | null; to: string }
  | { type: 'emailSentFromTicket' }
  | { type: 'contactReplied' }
  | { type: 'conversationStarted'; kind: ChannelKind }
  | { type: 'propertyChanged'; property: 'owner' | 'priority' | 'subject' }
  | { type: 'slaDuePassed'; target: 'firstResponse' | 'close' };

/**
 * [S-chat] Sources excluded from automated actions by default. Decision: a ticket from live chat or
 * Messenger enrolls in a workflow only when that workflow's enrollment names its source explicitly —
 * a conversationStarted trigger whose channel kinds list it (an empty list, "every kind", is not
 * explicit), or an enrollment filter condition on `source` with "is" / "is any of" whose value names it.
 * Naming chat does not include Messenger, nor the other way round. The pipeline's built-in status
 * updates are driven by emails and are not affected.
 */
export const CHAT_LIKE_SOURCES: ReadonlySet<ChannelKind> = new Set<ChannelKind>(['chat', 'messenger']);

/** The chat-like sources an enrollment names explicitly (what lifts their exclusion). */
function namedSources(enrollment: Enrollment): Set<ChannelKind> {
  const named = new Set<ChannelKind>();
  for (const trigger of enrollment.triggers) {
    if (trigger.type !== 'conversationStarted') continue;
    for (const kind of trigger.channelKinds) if (CHAT_LIKE_SOURCES.has(kind)) named.add(kind);
  }
  for (const group of enrollment.filters) {
    for (const c of group.conditions) if (namesChatLike(c)) for (const v of chatLikeValues(c)) named.add(v);
  }
  return named;
}

/** A source condition with "is" / "is any of": the kind that names sources. */
function namesChatLike(c: FilterCondition): boolean {
  return c.property === 'source' && (c.operator === 'is' || c.operator === 'isAnyOf');
}

function chatLikeValues(c: FilterCondition): ChannelKind[] {
  const values = Array.isArray(c.value) ? c.value : [c.value];
  return values.filter((v): v is ChannelKind => CHAT_LIKE_SOURCES.has(v as ChannelKind));
}

/** [S-chat] How the Chat and Messenger exclusion bears on a workflow, for its enrollment panel. */
export interface ChatExclusion {
  /**
   * Whether the rule changes what the workflow does: it has actions, a trigger that can fire for a
   * chat or Messenger ticket (any but a conversation-started trigger limited to other kinds), and
   * enrollment filters that can let such a ticket in.
   */
  applies: boolean;
  /** The chat-like sources the enrollment names, which it includes; the others stay excluded. */
  included: ChannelKind[];
}

/** [S-chat] Whether the exclusion applies to a workflow (with this enrollment), and what it includes. */
export function chatExclusion(workflow: Workflow, enrollment: Enrollment = workflow.enrollment): ChatExclusion {
  const named = namedSources(enrollment);
  const included = [...CHAT_LIKE_SOURCES].filter((k) => named.has(k));
  const fires = enrollment.triggers.some(
    (t) => t.type !== 'conversationStarted' || t.channelKinds.length === 0 || t.channelKinds.some((k) => CHAT_LIKE_SOURCES.has(k)),
  );
  return { applies: workflow.actions.length > 0 && fires && admitsChatLike(enrollment.filters), included };
}

/** Whether a ticket from live chat or Messenger could pass the filters, as far as its source goes. */
function admitsChatLike(filters: Filters): boolean {
  const bySource = filters.map((g) => ({ conditions: g.conditions.filter((c) => c.property === 'source') }));
  return [...CHAT_LIKE_SOURCES].some((kind) => filtersHold(bySource, (p) => (p === 'source' ? kind : null)));
}

const CHAT_LIKE_CONDITION: FilterCondition = { property: 'source', operator: 'isAnyOf', value: [...CHAT_LIKE_SOURCES] };

/**
 * [S-chat] The enrollment with Chat and Messenger included (named as sources, which lifts their
 * exclusion) or left out again, letting in the same other tickets as before.
 * Including adds, beside each filter group that lets them in, the same group limited to them — or, with
 * no filters, the two groups "source is none of" and "source is any of" them, which together let
 * every ticket in. Leaving out removes the chat-like sources wherever the enrollment names them:
 * a condition left naming none drops its group (with the exclusion back, that group let nobody in),
 * a conversation-started trigger left without kinds goes too.
 */
export function withChatIncluded(enrollment: Enrollment, include: boolean): Enrollment {
  if (include) {
    // A group that names both already, or lets no chat-like ticket in, needs no copy.
    const copied = (g: FilterGroup) =>
      !g.conditions.some((c) => namesChatLike(c) && chatLikeValues(c).length === CHAT_LIKE_SOURCES.size) && admitsChatLike([g]);
    const filters: Filters = enrollment.filters.length
      ? [...enrollment.filters, ...enrollment.filters.filter(copied).map((g) => ({ conditions: [...g.conditions, CHAT_LIKE_CONDITION] }))]
      : [{ conditions: [{ ...CHAT_LIKE_CONDITION, operator: 'isNoneOf' }] }, { conditions: [CHAT_LIKE_CONDITION] }];
    return { ...enrollment, filters };
  }
  const filters: Filters = [];
  for (const g of enrollment.filters) {
    const conditions: FilterCondition[] = [];
    let empty = false;
    for (const c of g.conditions) {
      if (!namesChatLike(c) || chatLikeValues(c).length === 0) {
        conditions.push(c);
        continue;
      }
      const rest = (Array.isArray(c.value) ? c.value : [String(c.value)]).filter((v) => !CHAT_LIKE_SOURCES.has(v as ChannelKind));
      if (rest.length === 0) empty = true;
      else conditions.push(c.operator === 'is' ? c : { ...c, value: rest });
    }
    if (!empty) filters.push({ conditions });
  }
  // What including added to no filters, and nothing else: back to no filters.
  const none = filters.length === 1 && filters[0]!.conditions.length === 1 && sameNoneOf(filters[0]!.conditions[0]!);
  const triggers: Trigger[] = [];
  for (const t of enrollment.triggers) {
    if (t.type !== 'conversationStarted' || !t.channelKinds.some((k) => CHAT_LIKE_SOURCES.has(k))) {
      triggers.push(t);
      continue;
    }
    const channelKinds = t.channelKinds.filter((k) => !CHAT_LIKE_SOURCES.has(k));
    if (channelKinds.length) triggers.push({ ...t, channelKinds });
  }
  return { ...enrollment, triggers, filters: none ? [] : filters };
}

function sameNoneOf(c: FilterCondition): boolean {
  return (
    c.property === 'source' &&
    c.operator === 'isNoneOf' &&
    Array.isArray(c.value) &&
    c.value.length === CHAT_LIKE_SOURCES.size &&
    c.value.every((v) => CHAT_LIKE_SOURCES.has(v as ChannelKind))
  );
}

/** Why a workflow cannot run: placeholders, dangling links, filters whose values do not fit. */
function workflowProblems(workflow: Workflow): { actions: Map<string, Action>; problems: string[]; filters: CompiledFilters; unenroll: CompiledFilters } {
  const problems: string[] = [];
  const actions = new Map<string, Action>();
  for (const a of workflow.actions) {
    if (actions.has(a.id)) problems.push(`two actions have the id "${a.id}"`);
    actions.set(a.id, a);
  }
  if (workflow.startActionId !== null && !actions.has(workflow.startActionId)) {
    problems.push(`the start action "${workflow.startActionId}" does not exist`);
  }
  const filterProblems = (filters: Filters, where: string): CompiledFilters => {
    const { compiled, problems: found } = compileFilters(filters);
    for (const p of found) problems.push(`${where}${p.pointer}: ${p.message}`);
    return compiled;
  };
  for (const a of workflow.actions) {
    const def = definitionOf(a);
    for (const m of def.missing(a)) problems.push(`action ${a.id} (${a.kind}) is incomplete at ${m.pointer}: ${englishT(m.message)}`);
    for (const link of def.links(a)) {
      if (link.target !== null && !actions.has(link.target)) problems.push(`action ${a.id} leads to "${link.target}", which does not exist`);
    }
    if (a.kind === 'branch') a.paths.forEach((p, i) => filterProblems(p.filters, `action ${a.id} path ${i + 1} filters`));
  }
  workflow.enrollment.triggers.forEach((t, i) => {
    if (t.type === 'statusChanged' && t.toStatusId === null) problems.push(`trigger ${i + 1} has no status chosen`);
  });
  const filters = filterProblems(workflow.enrollment.filters, 'enrollment filters');
  const unenroll = filterProblems(workflow.enrollment.unenroll, 'unenrollment criteria');
  return { actions, problems, filters, unenroll };
}

/**
 * Compiles the workflows (the live revisions, SPEC §10) and indexes their triggers by type. One that is
 * incomplete is reported and left out (SPEC §3.2: it could not have been published).
 */
export function compileWorkflows(world: World, workflows: readonly Workflow[]): void {
  const seen = new Set<string>();
  for (const workflow of workflows) {
    const refs = { workflow: workflow.id };
    if (seen.has(workflow.id)) {
      world.error('workflow.duplicateId', `Two workflows have the id "${workflow.id}"; the second ("${workflow.name}") is left out.`, { name: workflow.name }, refs);
      continue;
    }
    seen.add(workflow.id);
    const { actions, problems, filters, unenroll } = workflowProblems(workflow);
    if (problems.length) {
      world.error(
        'workflow.incomplete',
        `Workflow "${workflow.name}" (${workflow.id}) is live but cannot run: ${problems.join('; ')}.`,
        { name: workflow.name, problems: problems.length },
        refs,
      );
      continue;
    }
    const compiledActions = new Map<string, CompiledAction>();
    for (const [id, action] of actions) compiledActions.set(id, { action, def: definitionOf(action), journalNo: world.journal.actionNo(id) });
    const wf: CompiledWorkflow = {
      id: workflow.id,
      name: workflow.name,
      journalNo: world.journal.workflowNo(workflow.id),
      actions: compiledActions,
      start: workflow.startActionId,
      filters,
      unenroll: workflow.enrollment.unenroll.length ? unenroll : null,
      reenroll: workflow.enrollment.reenroll,
      sources: namedSources(workflow.enrollment),
      actionsRun: 0,
      lastFire: 0,
    };
    world.workflows.push(wf);
    world.workflowsById.set(wf.id, wf);
    for (const trigger of workflow.enrollment.triggers) {
      let list = world.triggerIndex.get(trigger.type);
      if (!list) world.triggerIndex.set(trigger.type, (list = []));
      list.push({ wf, trigger });
    }
  }
}

/** Whether an enrollment trigger fires on a trigger event. */
export function triggerMatches(trigger: Trigger, event: TriggerEvent): boolean {
  switch (trigger.type) {
    case 'statusChanged':
      return (
        event.type === 'statusChanged' &&
        trigger.toStatusId === event.to &&
        (trigger.fromStatusId === undefined || trigger.fromStatusId === event.from)
      );
    case 'conversationStarted':
      return event.type === 'conversationStarted' && (trigger.channelKinds.length === 0 || trigger.channelKinds.includes(event.kind));
    case 'propertyChanged':
      return event.type === 'propertyChanged' && trigger.property === event.property;
    case 'slaDuePassed':
      return event.type === 'slaDuePassed' && trigger.target === event.target;
    default:
      return trigger.type === event.type;
  }
}

/**
 * The trigger that fired, as the parameters of an enrollment entry: `trigger` (its type) and what it
 * names (`from`/`to` statuses, `channelKind`, `property`, `target`). `reason` and the filter outcome are
 * added by the decision.
 */
function triggerParams(event: TriggerEvent): TraceParams {
  switch (event.type) {
    case 'statusChanged':
      return { trigger: event.type, from: event.from, to: event.to };
    case 'conversationStarted':
      return { trigger: event.type, channelKind: event.kind };
    case 'propertyChanged':
      return { trigger: event.type, property: event.property };
    case 'slaDuePassed':
      return { trigger: event.type, target: event.target };
    default:
      return { trigger: event.type };
  }
}

/**
 * Offers a trigger event to the workflows listening for it. A workflow decides at most once per offer
 * round (see fireEach), in the order the workflows were given.
 */
function offer(world: World, ticket: TicketState, event: TriggerEvent, call: number): void {
  const candidates = world.triggerIndex.get(event.type);
  if (!candidates) return;
  for (let i = 0; i < candidates.length; i++) {
    const { wf, trigger } = candidates[i]!;
    if (wf.lastFire === call || !triggerMatches(trigger, event)) continue;
    wf.lastFire = call;
    decide(world, ticket, wf, event);
  }
}

/** Offers one trigger event to the workflows listening for it, in the order the workflows were given. */
export function fire(world: World, ticket: TicketState, event: TriggerEvent): void {
  if (ticket.activeRuns > 0) wakeAwaiting(world, ticket, event);
  if (world.workflows.length === 0) return;
  offer(world, ticket, event, ++world.fireNo);
}

/**
 * Offers several trigger events of one change to the workflows. Each workflow decides once (a workflow
 * with several matching triggers enrolls at most once), in the order the events are given and then the
 * order the workflows were given.
 */
export function fireEach(world: World, ticket: TicketState, events: readonly TriggerEvent[]): void {
  if (world.workflows.length === 0) return;
  const call = ++world.fireNo;
  for (const event of events) offer(world, ticket, event, call);
}

/** Keeps an enrollment decision in the ticket's history and in the trace (the same entry). */
function record(world: World, ticket: TicketState, wf: CompiledWorkflow, outcome: 'enrolled' | 'rejected' | 'excluded', params: TraceParams): void {
  const row = (ticket.lastEnrollment = world.journal.addIds(ticket.lastEnrollment, world.now, ENROLLMENT_PAIRS[outcome], params, ticket.journalNo, wf.journalNo, 0));
  world.records++;
  world.traceRow(row);
}

const ENROLLMENT_PAIRS = {
  enrolled: codePair('enrollment', 'enrollment.enrolled'),
  rejected: codePair('enrollment', 'enrollment.rejected'),
  excluded: codePair('enrollment', 'enrollment.excluded'),
};

/** The tables shared decision parameters are kept in, by the field the outcome adds. */
const DECISION_KEYS = { reason: 'decision.reason', source: 'decision.source', group: 'decision.group' } as const;

/**
 * The parameters of a decision that depend only on the trigger and the outcome: the trigger's, then
 * `reason` or `source`, or for an enrollment `held` and the group that held. Every ticket that comes to
 * the same decision shares one frozen object (tens of thousands of decisions, a handful of distinct ones).
 */
function decisionParams(world: World, event: TriggerEvent, field: 'reason' | 'source' | 'group', value: string | number): TraceParams {
  // What the trigger names besides its type: at most two values (a status change's from and to).
  const first = event.type === 'statusChanged' ? event.from : event.type === 'conversationStarted' ? event.kind : event.type === 'propertyChanged' ? event.property : event.type === 'slaDuePassed' ? event.target : null;
  const second = event.type === 'statusChanged' ? event.to : null;
  const code = DECISION_KEYS[field];
  const shared = world.shared(code, event.type, first, second, value);
  if (shared !== undefined) return shared;
  const params = triggerParams(event);
  if (field === 'group') {
    params.held = true;
    params.group = value;
  } else params[field] = value;
  return world.share(code, event.type, first, second, value, params);
}

/** Enrollment decision of one ticket in one workflow whose trigger fired. */
function decide(world: World, ticket: TicketState, wf: CompiledWorkflow, event: TriggerEvent): void {
  if (world.minute < ticket.haltedUntil) {
    record(world, ticket, wf, 'rejected', decisionParams(world, event, 'reason', ticket.haltedUntil === Infinity ? 'halted' : 'haltedMinute'));
    return;
  }
  const slot = runSlot(ticket, wf);
  const prior = slot < 0 ? null : ticket.runs![slot]!;
  if (prior !== null && prior.state !== 'ended') {
    record(world, ticket, wf, 'rejected', decisionParams(world, event, 'reason', 'stillEnrolled'));
    return;
  }
  if (!wf.reenroll && prior !== null) {
    record(world, ticket, wf, 'rejected', decisionParams(world, event, 'reason', 'noReenroll'));
    return;
  }
  if (ticket.source !== null && CHAT_LIKE_SOURCES.has(ticket.source) && !wf.sources.has(ticket.source)) {
    record(world, ticket, wf, 'excluded', decisionParams(world, event, 'source', ticket.source));
    return;
  }
  const read = world.reader(ticket);
  // The group that held is all an enrollment needs (none when there are no filters, which hold); the full
  // outcome is made only to say why not.
  const unfiltered = wf.filters.groups.length === 0;
  const group = unfiltered ? -1 : firstHoldingGroup(wf.filters, read);
  if (!unfiltered && group < 0) {
    // The filter outcome names the ticket's own values: these parameters are the ticket's alone.
    const params = triggerParams(event);
    params.reason = 'filters';
    outcomeParams(wf.filters, evaluateFilters(wf.filters, read), read, params);
    record(world, ticket, wf, 'rejected', params);
    return;
  }
  const run = world.newRun(ticket, wf);
  if (slot >= 0) ticket.runs![slot] = run;
  else (ticket.runs ??= []).push(run);
  ticket.activeRuns++;
  record(world, ticket, wf, 'enrolled', decisionParams(world, event, 'group', group + 1));
  world.ready.push(run);
}

const EXIT_PAIRS = {
  completed: codePair('unenrollment', 'unenrollment.completed'),
  unenrolled: codePair('unenrollment', 'unenrollment.unenrolled'),
  failed: codePair('unenrollment', 'unenrollment.failed'),
  stopped: codePair('unenrollment', 'unenrollment.stopped'),
};

/** Takes a ticket out of a workflow and records why (in its history, and in the trace unless it failed: the error says that). */
export function endRun(world: World, run: Run, outcome: 'completed' | 'unenrolled' | 'failed' | 'stopped', params: TraceParams): void {
  if (run.state === 'ended') return;
  run.state = 'ended';
  run.awaiting = null;
  const ticket = run.ticket;
  ticket.activeRuns--;
  const row = (ticket.lastEnrollment = world.journal.addIds(ticket.lastEnrollment, world.now, EXIT_PAIRS[outcome], params, ticket.journalNo, run.wf.journalNo, 0));
  world.records++;
  if (outcome !== 'failed') world.traceRow(row);
}

const PATH_END: TraceParams = Object.freeze({ reason: 'pathEnd' }) as TraceParams;
const DELAY_LAST: TraceParams = Object.freeze({ reason: 'delayLast' }) as TraceParams;
/** Exit parameters shared by every ticket that completes a workflow. */
export const COMPLETED = { pathEnd: PATH_END, delayLast: DELAY_LAST };

/**
 * Checks the unenrollment criteria of every workflow a ticket is enrolled in (SPEC §3.1), after a change to
 * the ticket by anyone: a ticket that meets them leaves at once, and a delay it waits in is cancelled.
 * `when` is "change" here, or "beforeAction" from the runner.
 */
export function unenrollOnChange(world: World, ticket: TicketState): void {
  for (const run of ticket.runs!) {
    if (run.state === 'ended' || run.wf.unenroll === null) continue;
    unenrollIfMet(world, run, 'change');
  }
}

/** Takes a run out of its workflow when the ticket meets the unenrollment criteria; returns whether it did. */
export function unenrollIfMet(world: World, run: Run, when: 'change' | 'beforeAction'): boolean {
  const criteria = run.wf.unenroll;
  if (criteria === null) return false;
  const read = world.reader(run.ticket);
  // Checked on every action and change, so the common "still enrolled" answer allocates nothing.
  if (firstHoldingGroup(criteria, read) < 0) return false;
  const params: TraceParams = { when, next: run.actionId, delayCancelled: run.state === 'waiting' };
  if (run.state === 'waiting') params.until = run.resumeAt;
  outcomeParams(criteria, evaluateFilters(criteria, read), read, params);
  endRun(world, run, 'unenrolled', params);
  return true;
}

/**
 * A trigger event reaches the runs of the ticket that wait for it (delay until an event): each continues
 * on its "happened" path at once, ahead of the enrollments the same event causes.
 */
function wakeAwaiting(world: World, ticket: TicketState, event: TriggerEvent): void {
  for (const run of ticket.runs!) {
    const awaiting = run.awaiting;
    if (!awaiting || run.state !== 'waiting' || awaiting.event !== event.type) continue;
    if (awaiting.event === 'statusChanged' && awaiting.statusId !== null && (event.type !== 'statusChanged' || event.to !== awaiting.statusId)) continue;
    run.awaiting = null;
    run.actionId = awaiting.happened;
    if (world.traceOn) world.trace('resume', 'delay.happened', { event: awaiting.event, status: awaiting.statusId, next: awaiting.happened }, ticket, run.wf.id);
    if (awaiting.happened === null) {
      endRun(world, run, 'completed', COMPLETED.pathEnd);
      continue;
    }
    run.state = 'ready';
    world.ready.push(run);
  }
}

/** The outcome of an enrollment record: the part of its code after the dot. */
export function enrollmentOutcome(entry: { code: string }): EnrollmentOutcome {
  return entry.code.slice(entry.code.indexOf('.') + 1) as EnrollmentOutcome;
}
