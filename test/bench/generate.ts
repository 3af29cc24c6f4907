/**
 * Deterministic benchmark inputs: workflows of a given number of actions and scenarios of a given number
 * of tickets, valid against defaultWorkspace(). Everything comes from a seeded generator, so the same size
 * and seed always give the same bytes and figures from different runs measure the same work.
 */
import type { Action } from '../../src/actions';
import {
  defaultWorkspace,
  SCENARIO_FORMAT,
  SCENARIO_SCHEMA_VERSION,
  WORKFLOW_FORMAT,
  WORKFLOW_SCHEMA_VERSION,
  type Contact,
  type FilterCondition,
  type Filters,
  type Priority,
  type Scenario,
  type ScenarioEvent,
  type WorkflowDocument,
} from '../../src/model';

/** Workflow sizes the core benchmark measures. */
export const WORKFLOW_SIZES = [100, 1000, 5000] as const;
/** Ticket counts of the generated scenarios. */
export const SCENARIO_SIZES = [1000, 10000] as const;
/** The seed every benchmark input uses unless told otherwise. */
export const DEFAULT_SEED = 20260302;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2 March 2026, midnight UTC: the start of every generated scenario. */
export const SCENARIO_START = Date.parse('2026-03-02T00:00:00Z');
/** Length of every generated scenario on the virtual clock. */
export const SCENARIO_DAYS = 30;

/** A seeded pseudo-random generator (mulberry32): small, fast, and the same sequence on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key of a table of weights, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

// The workspace the generated documents are valid against; ids below all exist in it.
const WORKSPACE = defaultWorkspace();
const STATUS_IDS = WORKSPACE.pipelines[0]!.statuses.map((s) => s.id);
const OPEN_STATUS_IDS = WORKSPACE.pipelines[0]!.statuses.filter((s) => s.category === 'open').map((s) => s.id);
/** Users who may own help-desk tickets (a user without help-desk access would make setProperty fail). */
const AGENT_IDS = WORKSPACE.users.filter((u) => u.helpDeskAccess).map((u) => u.id);
const TEAM_IDS = WORKSPACE.teams.map((t) => t.id);
const TEMPLATE_IDS = WORKSPACE.templates.map((t) => t.id);
const PRIORITIES: readonly Priority[] = ['low', 'medium', 'high', 'urgent'];

/** Conditions a branch path or enrollment can test; every value fits its property and the workspace. */
function randomCondition(r: Random): FilterCondition {
  switch (r.int(0, 8)) {
    case 0:
      return { property: 'priority', operator: 'is', value: r.pick(PRIORITIES) };
    case 1:
      return { property: 'statusCategory', operator: 'is', value: r.pick(['open', 'closed']) };
    case 2:
      return { property: 'status', operator: 'isAnyOf', value: [r.pick(STATUS_IDS), r.pick(STATUS_IDS)] };
    case 3:
      return { property: 'source', operator: 'isNoneOf', value: ['chat', 'messenger'] };
    case 4:
      return { property: 'subject', operator: 'contains', value: r.pick(['refund', 'invoice', 'login', 'order']) };
    case 5:
      return { property: 'owner', operator: r.pick(['isKnown', 'isUnknown'] as const) };
    case 6:
      return { property: 'openMinutes', operator: 'greaterThan', value: r.pick([60, 600, 2880]) };
    case 7:
      return { property: 'priority', operator: 'isAnyOf', value: ['high', 'urgent'] };
    default:
      return { property: 'owner', operator: 'is', value: r.pick(AGENT_IDS) };
  }
}

function randomFilters(r: Random): Filters {
  const groups = r.int(1, 2);
  return Array.from({ length: groups }, () => ({ conditions: Array.from({ length: r.int(1, 2) }, () => randomCondition(r)) }));
}

/** Kinds of linear action and how often the generator picks them. */
const LINEAR_WEIGHTS = { sendEmail: 3, notify: 3, setStatus: 2, setProperty: 2, webhook: 2 } as const;
type LinearKind = keyof typeof LINEAR_WEIGHTS;

/** Most actions a path runs without passing a delay, well below the runaway guard's 100 per ticket-minute. */
const MAX_ACTIONS_BETWEEN_DELAYS = 12;

/**
 * A workflow of exactly `size` actions, valid against defaultWorkspace() with no warnings: linear actions
 * of every kind, delays (a duration or a day of the week) at least every few actions, branches with one to
 * three filtered paths plus the default, and go-tos that jump back to a delay (so every loop waits).
 * Branch budgets are split fairly evenly, so the tree is wide rather than a single long chain.
 */
export function generateWorkflowDocument(size: number, seed = DEFAULT_SEED): WorkflowDocument {
  if (!Number.isInteger(size) || size < 1) throw new Error(`generateWorkflowDocument: size must be a positive whole number, not ${size}.`);
  const r = new Random(seed ^ size);
  const actions: Action[] = [];
  let counter = 0;
  const newId = (kind: string) => `${kind}-${++counter}`;

  const linear = (kind: LinearKind, id: string): Action => {
    switch (kind) {
      case 'sendEmail':
        return r.chance(0.6)
          ? { id, kind, templateId: r.pick(TEMPLATE_IDS), subject: '', body: '', next: null }
          : {
              id,
              kind,
              templateId: null,
              subject: 'Update on {{ticket.subject}}',
              body: 'Hi {{contact.name}},\n\nYour ticket {{ticket.id}} is now {{ticket.status}}.\n\n{{workspace.name}}',
              next: null,
            };
      case 'notify':
        return {
          id,
          kind,
          recipients: r.chance(0.5)
            ? { userIds: [], teamIds: [r.pick(TEAM_IDS)], owner: r.chance(0.3) }
            : { userIds: [r.pick(AGENT_IDS)], teamIds: [], owner: r.chance(0.5) },
          subject: 'Ticket {{ticket.id}}: {{ticket.subject}}',
          body: '{{contact.name}} is waiting; the ticket is {{ticket.status}} ({{ticket.priority}}).',
          next: null,
        };
      case 'setStatus':
        return { id, kind, statusId: r.chance(0.1) ? 'closed' : r.pick(OPEN_STATUS_IDS), next: null };
      case 'setProperty':
        return {
          id,
          kind,
          change: r.chance(0.5)
            ? { property: 'priority', priority: r.pick(PRIORITIES) }
            : r.chance(0.8)
              ? { property: 'owner', ownerId: r.pick(AGENT_IDS) }
              : { property: 'subject', subject: 'Follow-up: {{contact.name}}' },
          next: null,
        };
      case 'webhook':
        return {
          id,
          kind,
          method: r.pick(['POST', 'PUT', 'PATCH'] as const),
          url: 'https://hooks.example.test/tickets/{{ticket.id}}',
          body: '{"ticket":"{{ticket.id}}","status":"{{ticket.statusId}}","priority":"{{ticket.priority}}"}',
          next: null,
        };
    }
  };

  const delay = (id: string): Action =>
    r.chance(0.8)
      ? { id, kind: 'delay', wait: { type: 'duration', duration: r.pick([{ amount: r.int(2, 12), unit: 'hours' }, { amount: r.int(1, 3), unit: 'days' }] as const) }, next: null }
      : { id, kind: 'delay', wait: { type: 'until', days: [r.pick(['mon', 'tue', 'wed', 'thu', 'fri'] as const)], time: r.pick(['09:00', '13:30', '17:00']) }, next: null };

  /** Sets the link that leads into `id` from the previous action of a path (or makes it the start). */
  type Link = (id: string | null) => void;

  /**
   * Builds a path of exactly `budget` actions hanging from `link`. `delays` are the delays above it (go-to
   * targets that make a loop through a delay); `since` counts actions since the last delay.
   */
  const buildPath = (budget: number, link: Link, delays: readonly string[], since: number): void => {
    let into = link;
    const above = [...delays];
    let run = since;
    while (budget > 0) {
      if (budget === 1 && above.length > 0 && r.chance(0.35)) {
        const id = newId('goto');
        actions.push({ id, kind: 'goto', target: r.pick(above) });
        into(id);
        return;
      }
      if (run >= MAX_ACTIONS_BETWEEN_DELAYS || (budget > 1 && r.chance(0.12))) {
        const id = newId('delay');
        const a = delay(id);
        actions.push(a);
        into(id);
        into = (next) => ((a as Extract<Action, { kind: 'delay' }>).next = next);
        above.push(id);
        run = 0;
        budget--;
        continue;
      }
      if (budget >= 4 && r.chance(0.1)) {
        const id = newId('branch');
        const pathCount = r.int(1, 3);
        const branch: Extract<Action, { kind: 'branch' }> = {
          id,
          kind: 'branch',
          paths: Array.from({ length: pathCount }, (_, i) => ({ id: `p${i + 1}`, label: `Path ${i + 1}`, filters: randomFilters(r), next: null })),
          defaultLabel: 'Otherwise',
          defaultNext: null,
        };
        actions.push(branch);
        into(id);
        // The rest of the budget is shared between the paths and the default path, in fair shares.
        let rest = budget - 1;
        const shares = branch.paths.length + 1;
        const weights = Array.from({ length: shares }, () => 0.5 + r.next());
        const total = weights.reduce((a, b) => a + b, 0);
        const sizes = weights.map((w) => Math.floor(((budget - 1) * w) / total));
        sizes[sizes.length - 1]! += budget - 1 - sizes.reduce((a, b) => a + b, 0);
        branch.paths.forEach((p, i) => {
          buildPath(sizes[i]!, (next) => (p.next = next), above, run + 1);
          rest -= sizes[i]!;
        });
        buildPath(rest, (next) => (branch.defaultNext = next), above, run + 1);
        return;
      }
      const id = newId('action');
      const a = linear(r.weighted(LINEAR_WEIGHTS), id);
      actions.push(a);
      into(id);
      into = (next) => ((a as { next: string | null }).next = next);
      run++;
      budget--;
    }
  };

  let startActionId: string | null = null;
  buildPath(size, (id) => (startActionId = id), [], 0);
  return {
    format: WORKFLOW_FORMAT,
    schemaVersion: WORKFLOW_SCHEMA_VERSION,
    workflow: {
      id: `wf-bench-${size}`,
      name: `Benchmark workflow (${size} actions)`,
      enrollment: {
        triggers: [{ type: 'ticketCreated' }],
        filters: [],
        reenroll: false,
        unenroll: [{ conditions: [{ property: 'statusCategory', operator: 'is', value: 'closed' }] }],
      },
      actions,
      startActionId,
    },
  };
}

/** Channels that create tickets in the default workspace, and how often conversations start on each. */
const CHANNEL_WEIGHTS = { 'ch-email': 50, 'ch-form': 15, 'ch-chat': 15, 'ch-whatsapp': 10, 'ch-messenger': 10 } as const;
const SUBJECTS = ['Refund for order', 'Cannot log in', 'Invoice question', 'Order not delivered', 'Change my plan', 'Bug report'];
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * A scenario of exactly `tickets` tickets over 30 virtual days: each ticket comes from a new incoming
 * conversation on a ticket-creating channel, then gets a mix of agent emails (mostly from the ticket
 * record), contact replies (mostly on the ticket's thread, sometimes a new one), owner, priority and
 * status changes, closes, and a few reopens. Ticket ids are predicted from creation order, as the engine
 * numbers them (ticket-1, ticket-2, ...). Compact event texts keep the 10,000-ticket file under the
 * import size limit.
 */
export function generateScenario(tickets: number, seed = DEFAULT_SEED): Scenario {
  if (!Number.isInteger(tickets) || tickets < 1) throw new Error(`generateScenario: tickets must be a positive whole number, not ${tickets}.`);
  const r = new Random(seed ^ (tickets * 7919));
  const end = SCENARIO_START + SCENARIO_DAYS * DAY;
  const contactCount = Math.max(10, Math.min(2000, Math.floor(tickets / 5)));
  const contacts: Contact[] = Array.from({ length: contactCount }, (_, i) => ({
    id: `c-bench-${i + 1}`,
    name: `Customer ${i + 1}`,
    email: `customer${i + 1}@example.test`,
  }));
  // Creation minutes, sorted, so ticket numbers follow creation order as the engine assigns them.
  const created = Array.from({ length: tickets }, () => r.int(0, (SCENARIO_DAYS - 2) * 24 * 60)).sort((a, b) => a - b);
  const timed: { at: number; seq: number; event: ScenarioEvent }[] = [];
  let seq = 0;
  const add = (at: number, event: ScenarioEvent) => {
    if (at < end) timed.push({ at, seq: seq++, event });
  };

  created.forEach((minute, i) => {
    const n = i + 1;
    const ticketId = `ticket-${n}`;
    const conversationId = `conv-${n}`;
    const threadId = `th-${n}`;
    const contactId = r.pick(contacts).id;
    const t0 = SCENARIO_START + minute * MINUTE;
    const channelId = r.weighted(CHANNEL_WEIGHTS);
    add(t0, { type: 'incomingMessage', at: iso(t0), channelId, contactId, conversationId, threadId, subject: `${r.pick(SUBJECTS)} #${n}`, text: 'Hello, I need help.' });
    let t = t0;
    const later = (minMinutes: number, maxMinutes: number) => (t += r.int(minMinutes, maxMinutes) * MINUTE);
    const agent = r.pick(AGENT_IDS);
    if (r.chance(0.1)) add(later(1, 30), { type: 'setPriority', at: iso(t), ticketId, priority: r.pick(['high', 'urgent'] as const) });
    if (r.chance(0.6)) add(later(5, 60), { type: 'setOwner', at: iso(t), ticketId, ownerId: agent });
    if (r.chance(0.85)) {
      const from = r.chance(0.88) ? 'ticket' : 'contact';
      add(later(10, 480), { type: 'agentEmail', at: iso(t), userId: agent, conversationId, threadId, from, text: 'Thanks, we are on it.' });
    }
    if (r.chance(0.6)) {
      const newThread = r.chance(0.15);
      add(later(60, 2880), { type: 'incomingMessage', at: iso(t), channelId, contactId, conversationId, threadId: newThread ? `${threadId}-b` : threadId, text: 'Any news?' });
      if (r.chance(0.5)) add(later(10, 240), { type: 'agentEmail', at: iso(t), userId: agent, conversationId, threadId, from: 'ticket', text: 'Here is an update.' });
    }
    if (r.chance(0.15)) add(later(30, 600), { type: 'setStatus', at: iso(t), ticketId, statusId: r.pick(OPEN_STATUS_IDS) });
    if (r.chance(0.75)) {
      add(later(120, 4320), { type: 'closeTicket', at: iso(t), ticketId });
      if (r.chance(0.07)) {
        add(later(600, 2880), { type: 'reopenTicket', at: iso(t), ticketId });
        add(later(5, 120), { type: 'incomingMessage', at: iso(t), channelId, contactId, conversationId, threadId: `${threadId}-r`, text: 'It broke again.' });
      }
    }
  });
  timed.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return {
    format: SCENARIO_FORMAT,
    schemaVersion: SCENARIO_SCHEMA_VERSION,
    id: `bench-${tickets}`,
    name: `Benchmark scenario (${tickets} tickets)`,
    start: iso(SCENARIO_START),
    end: iso(end),
    initial: { contacts, conversations: [], tickets: [] },
    events: timed.map((e) => e.event),
  };
}
