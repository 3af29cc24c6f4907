import { definitionOf, type Action } from '../actions';
import { englishT } from '../actions/messages';
import type { ChannelKind } from '../model/common';
import type { Filters } from '../model/filters';
import type { Trigger, Workflow } from '../model/workflow';
import { compileFilters, describeOutcome, evaluateFilters, type CompiledFilters } from './filters';
import type { CompiledAction, CompiledWorkflow, TicketState, World } from './world';

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

const CHAT_EXCLUSIONS = new Map(
  [...CHAT_LIKE_SOURCES].map((kind) => [
    kind,
    `[S-chat] the ticket's source is ${kind}, and tickets from live chat and Messenger are excluded from automated actions unless the workflow's enrollment names that source (a conversation-started trigger listing it, or a source filter naming it)`,
  ]),
);

/** Why a chat-like ticket is excluded; one text per source, shared by every record that gives it. */
function chatExclusion(kind: ChannelKind): string {
  return CHAT_EXCLUSIONS.get(kind)!;
}

function namedSources(workflow: Workflow): Set<ChannelKind> {
  const named = new Set<ChannelKind>();
  for (const trigger of workflow.enrollment.triggers) {
    if (trigger.type !== 'conversationStarted') continue;
    for (const kind of trigger.channelKinds) if (CHAT_LIKE_SOURCES.has(kind)) named.add(kind);
  }
  for (const group of workflow.enrollment.filters) {
    for (const c of group.conditions) {
      if (c.property !== 'source' || (c.operator !== 'is' && c.operator !== 'isAnyOf')) continue;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      for (const v of values) if (CHAT_LIKE_SOURCES.has(v as ChannelKind)) named.add(v as ChannelKind);
    }
  }
  return named;
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
      world.error('workflow.duplicateId', `Two workflows have the id "${workflow.id}"; the second ("${workflow.name}") is left out.`, refs);
      continue;
    }
    seen.add(workflow.id);
    const { actions, problems, filters, unenroll } = workflowProblems(workflow);
    if (problems.length) {
      world.error(
        'workflow.incomplete',
        `Workflow "${workflow.name}" (${workflow.id}) is live but cannot run: ${problems.join('; ')}.`,
        refs,
      );
      continue;
    }
    const compiledActions = new Map<string, CompiledAction>();
    for (const [id, action] of actions) compiledActions.set(id, { action, def: definitionOf(action) });
    const wf: CompiledWorkflow = {
      id: workflow.id,
      name: workflow.name,
      actions: compiledActions,
      start: workflow.startActionId,
      filters,
      unenroll: workflow.enrollment.unenroll.length ? unenroll : null,
      reenroll: workflow.enrollment.reenroll,
      sources: namedSources(workflow),
      enrolledReasons: [],
      actionsRun: 0,
      lastFire: 0,
    };
    world.workflows.push(wf);
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

/** Trigger descriptions that depend on the event alone, each made once. */
const FIXED_TRIGGER_TEXTS = new Map<string, string>();

/** A description made once per key and shared by every record that gives it. */
function fixedText(key: string, make: (key: string) => string): string {
  let text = FIXED_TRIGGER_TEXTS.get(key);
  if (text === undefined) FIXED_TRIGGER_TEXTS.set(key, (text = make(key)));
  return text;
}

const conversationText = (kind: string) => `conversation started on a channel of kind ${kind}`;
const propertyText = (property: string) => `${property} changed`;

/** The trigger that fired, in words, for the trace and the enrollment history. */
export function describeTrigger(world: World, ticket: TicketState, event: TriggerEvent): string {
  switch (event.type) {
    case 'ticketCreated':
      return 'ticket created';
    case 'statusChanged': {
      // Few distinct texts, many tickets: each is made once per pipeline and pair of statuses.
      let byTo = world.phrases.get(ticket.pipelineId);
      if (!byTo) world.phrases.set(ticket.pipelineId, (byTo = new Map()));
      let byFrom = byTo.get(event.to);
      if (!byFrom) byTo.set(event.to, (byFrom = new Map()));
      let text = byFrom.get(event.from);
      if (text === undefined) {
        const to = world.statusLabel(ticket.pipelineId, event.to);
        text = event.from === null ? `status became ${to} (new ticket)` : `status changed from ${world.statusLabel(ticket.pipelineId, event.from)} to ${to}`;
        byFrom.set(event.from, text);
      }
      return text;
    }
    case 'emailSentFromTicket':
      return 'email sent to the contact from the ticket record';
    case 'contactReplied':
      return "contact replied on the ticket's thread";
    case 'conversationStarted':
      return fixedText(event.kind, conversationText);
    case 'propertyChanged':
      return fixedText(event.property, propertyText);
    case 'slaDuePassed':
      return event.target === 'firstResponse' ? 'SLA first response due time passed' : 'SLA close due time passed';
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
    decide(world, ticket, wf, describeTrigger(world, ticket, event));
  }
}

/** Offers one trigger event to the workflows listening for it, in the order the workflows were given. */
export function fire(world: World, ticket: TicketState, event: TriggerEvent): void {
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

function record(world: World, ticket: TicketState, wf: CompiledWorkflow, trigger: string, outcome: 'enrolled' | 'rejected' | 'excluded', reason: string): void {
  ticket.log.enrollments.push({ at: world.nowText, workflow: wf.id, trigger, outcome, reason });
  if (world.traceOn) {
    const verb = outcome === 'enrolled' ? 'Enrolled in' : outcome === 'excluded' ? 'Excluded from' : 'Not enrolled in';
    world.trace('enrollment', `${verb} "${wf.name}" on ${trigger}: ${reason}.`, { ticket: ticket.id, workflow: wf.id });
  }
}

/** Enrollment decision of one ticket in one workflow whose trigger fired. */
function decide(world: World, ticket: TicketState, wf: CompiledWorkflow, trigger: string): void {
  if (world.minute < ticket.haltedUntil) {
    const reason =
      ticket.haltedUntil === Infinity
        ? 'the runaway guard stopped automation on this ticket for the rest of the simulation'
        : 'the runaway guard stopped automation on this ticket for the rest of this minute';
    record(world, ticket, wf, trigger, 'rejected', reason);
    return;
  }
  const prior = ticket.runs?.get(wf.id);
  if (prior) {
    record(world, ticket, wf, trigger, 'rejected', 'the ticket is still enrolled (never re-enrolled while enrolled)');
    return;
  }
  if (!wf.reenroll && prior === null) {
    record(world, ticket, wf, trigger, 'rejected', 'the ticket enrolled before and re-enrollment is off');
    return;
  }
  if (ticket.source !== null && CHAT_LIKE_SOURCES.has(ticket.source) && !wf.sources.has(ticket.source)) {
    record(world, ticket, wf, trigger, 'excluded', chatExclusion(ticket.source));
    return;
  }
  const read = world.reader(ticket);
  const outcome = evaluateFilters(wf.filters, read);
  if (!outcome.held) {
    record(world, ticket, wf, trigger, 'rejected', `enrollment filters failed: ${describeOutcome(wf.filters, outcome, read)}`);
    return;
  }
  const run = world.newRun(ticket, wf, trigger);
  (ticket.runs ??= new Map()).set(wf.id, run);
  ticket.activeRuns++;
  // The reason of an enrollment depends on the filters and the group that held only: made once per group.
  const reason = (wf.enrolledReasons[outcome.group + 1] ??= `enrollment filters: ${describeOutcome(wf.filters, outcome, read)}`);
  record(world, ticket, wf, trigger, 'enrolled', reason);
  world.ready.push(run);
}
