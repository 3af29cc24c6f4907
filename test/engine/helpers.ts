import { ACTIONS, type Action, type ActionKind } from '../../src/actions';
import { enrollmentOutcome, labelsOf, renderTraceEntry, simulate, type SimulationOptions, type SimulationResult, type TraceEntry } from '../../src/engine';
import {
  defaultWorkspace,
  type Conversation,
  type Filters,
  type Scenario,
  type ScenarioEvent,
  type Ticket,
  type Trigger,
  type Workflow,
  type Workspace,
} from '../../src/model';

/** Monday 5 January 2026, 09:00 UTC: the start of every test scenario. */
export const T0 = Date.parse('2026-01-05T09:00:00Z');

/** The ISO time `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(T0 + minutes * 60_000).toISOString();
}

/** An action of a kind with its defaults, settings overridden. */
export function action<K extends ActionKind>(kind: K, id: string, settings: Partial<Extract<Action, { kind: K }>> = {}): Extract<Action, { kind: K }> {
  return { ...(ACTIONS[kind].create(id) as Extract<Action, { kind: K }>), ...settings };
}

/** A workflow (run as live); actions are chained in the order given unless they set their own links. */
export function workflow(
  id: string,
  spec: {
    triggers: Trigger[];
    actions?: Action[];
    filters?: Filters;
    reenroll?: boolean;
    unenroll?: Filters;
    start?: string | null;
  },
): Workflow {
  const actions = spec.actions ?? [];
  return {
    id,
    name: `Workflow ${id}`,
    enrollment: { triggers: spec.triggers, filters: spec.filters ?? [], reenroll: spec.reenroll ?? false, unenroll: spec.unenroll ?? [] },
    actions,
    startActionId: spec.start !== undefined ? spec.start : (actions[0]?.id ?? null),
  };
}

/** Actions linked one after the other through their "next" slots. */
export function chain(...actions: Action[]): Action[] {
  return actions.map((a, i) => {
    const next = actions[i + 1]?.id ?? null;
    return 'next' in a && a.next === null ? { ...a, next } : a;
  });
}

/** A scenario starting at T0 with the given events and initial state. */
export function scenario(events: ScenarioEvent[], initial: Partial<Scenario['initial']> = {}, end?: string): Scenario {
  return {
    format: 'ticketflow.scenario',
    schemaVersion: 1,
    id: 'test',
    name: 'Test scenario',
    start: at(0),
    ...(end ? { end } : {}),
    initial: { contacts: [], conversations: [], tickets: [], ...initial },
    events,
  };
}

/** The contact writes on a conversation (new or existing) and thread. */
export function incoming(minutes: number, conversationId: string, threadId: string, channelId = 'ch-email', contactId = 'c-jo'): ScenarioEvent {
  return { type: 'incomingMessage', at: at(minutes), channelId, contactId, conversationId, threadId, subject: `Subject of ${conversationId}`, text: `Message at ${minutes}` };
}

/** An agent emails the contact from the ticket or the contact record. */
export function agentEmail(minutes: number, conversationId: string, threadId: string, from: 'ticket' | 'contact', userId = 'u-marco'): ScenarioEvent {
  return { type: 'agentEmail', at: at(minutes), userId, conversationId, threadId, from, text: `Reply at ${minutes}` };
}

/** Runs a simulation on the default workspace (or a given one). */
export function run(spec: {
  events: ScenarioEvent[];
  workflows?: Workflow[];
  workspace?: Workspace;
  initial?: Partial<Scenario['initial']>;
  end?: string;
  options?: SimulationOptions;
}): SimulationResult {
  return simulate({
    workspace: spec.workspace ?? defaultWorkspace(),
    workflows: spec.workflows ?? [],
    scenario: scenario(spec.events, spec.initial, spec.end),
    ...(spec.options ? { options: spec.options } : {}),
  });
}

/** The statuses a ticket went through, in order. */
export function statusPath(result: SimulationResult, ticketId: string): string[] {
  return result.history[ticketId]!.statuses.map((s) => s.to);
}

/** The ticket of a result by id. */
export function ticket(result: SimulationResult, id: string) {
  const t = result.tickets.find((x) => x.id === id);
  if (!t) throw new Error(`no ticket ${id} in the result`);
  return t;
}

/** The enrollment records of a ticket in a workflow. */
export function enrollments(result: SimulationResult, ticketId: string, workflowId: string) {
  return result.history[ticketId]!.enrollments.filter((e) => e.workflow === workflowId);
}

/** A conversation of the initial state. */
export function conversation(id: string, fields: Partial<Conversation> = {}): Conversation {
  return {
    id,
    contactId: 'c-jo',
    ownerId: null,
    status: 'open',
    channelHistory: ['ch-sales'],
    threads: [{ id: `${id}-th`, messages: [{ id: `${id}-m1`, direction: 'in', at: at(-1440), text: `First message of ${id}` }] }],
    startedAt: at(-1440),
    ticketId: null,
    ...fields,
  };
}

/** A ticket of the initial state. */
export function initialTicket(id: string, fields: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Ticket ${id}`,
    pipelineId: 'support',
    statusId: 'new',
    ownerId: null,
    priority: 'medium',
    contactId: 'c-jo',
    source: 'email',
    conversationId: null,
    threadId: null,
    createdAt: at(0),
    closedAt: null,
    reopened: false,
    ...fields,
  };
}

/** A workflow that records a webhook every minute from a ticket's creation on: a delay, the webhook, a go-to back. */
export function webhookEveryMinute(id: string): Workflow {
  return workflow(id, {
    triggers: [{ type: 'ticketCreated' }],
    actions: [
      action('delay', 'wait', { wait: { type: 'duration', duration: { amount: 1, unit: 'minutes' } }, next: 'hook' }),
      action('webhook', 'hook', { url: 'https://example.test/x', next: 'again' }),
      action('goto', 'again', { target: 'wait' }),
    ],
  });
}

/** The trace as English lines with the default workspace's names (the renderer the CLI uses), optionally of one kind. */
export function traceLines(result: SimulationResult, kind?: TraceEntry['kind'], workspace: Workspace = defaultWorkspace()): string[] {
  const labels = labelsOf(workspace);
  return result.trace.filter((e) => kind === undefined || e.kind === kind).map((e) => renderTraceEntry(e, { labels }));
}

/** An entry (trace, history) rendered in English with the default workspace's names. */
export function text(entry: TraceEntry, workspace: Workspace = defaultWorkspace()): string {
  return renderTraceEntry(entry, { labels: labelsOf(workspace) });
}

/** The outcomes of a ticket's enrollment records in a workflow, in order. */
export function outcomes(result: SimulationResult, ticketId: string, workflowId: string): string[] {
  return enrollments(result, ticketId, workflowId).map(enrollmentOutcome);
}

/** The virtual-clock milliseconds `minutes` after T0, as trace and history entries carry them. */
export function ms(minutes: number): number {
  return T0 + minutes * 60_000;
}
