import type { ChannelKind, Priority } from '../model/common';
import type { Scenario } from '../model/scenario';
import type { Workflow } from '../model/workflow';
import type { Workspace } from '../model/workspace';

/** Limits and switches of a simulation run. */
export interface SimulationOptions {
  /** Record the trace (default true); a benchmark may turn it off. Errors are always recorded. */
  trace?: boolean;
  /** Most actions one ticket may run within one virtual minute before the runaway guard stops it (default 100). */
  maxActionsPerTicketMinute?: number;
  /**
   * Most actions one ticket may run in the whole simulation before the runaway guard stops its automation
   * for good (default 10,000): it catches loops slow enough to pass the per-minute limit, such as two
   * workflows re-enrolling each other through one-minute delays, and keeps the records bounded.
   */
  maxActionsPerTicket?: number;
  /** Most steps (events, timers and actions) before the whole simulation stops (default 50,000,000). */
  maxSteps?: number;
  /** Budgets of the whole run (see DEFAULT_BUDGETS); hitting one ends the run with the error guard.budget. */
  budgets?: Partial<Budgets>;
}

/** Global bounds of one run, so no input can exhaust memory (SPEC §6). */
export interface Budgets {
  /** Actions run by all tickets together. */
  maxActions: number;
  /** Records kept: trace entries, history entries, emails, notices, notifications, webhooks, errors, messages. */
  maxRecords: number;
  /** Bytes of text the run produces: emails, notifications and webhook bodies, as rendered (UTF-16 code units). */
  maxOutputBytes: number;
}

/** What the interpreter runs: a workspace, its workflows and a scenario. */
export interface SimulationInput {
  workspace: Workspace;
  workflows: readonly Workflow[];
  scenario: Scenario;
  options?: SimulationOptions;
}

/** Kinds of trace entry, so the UI can filter and colour them. */
export type TraceKind =
  | 'event'
  | 'conversation'
  | 'ticket'
  | 'status'
  | 'property'
  | 'automation'
  | 'enrollment'
  | 'action'
  | 'delay'
  | 'resume'
  | 'unenrollment'
  | 'sla'
  | 'move'
  | 'guard'
  | 'error';

/** The parameters of a trace entry: plain values only, ids rather than names (the renderer finds labels). */
export type TraceParams = Record<string, string | number | boolean | null>;

/**
 * One entry of the trace, in the order things happened, causes before their effects. It carries a code
 * from TRACE_CODES or ERROR_CODES and its parameters, never prose: renderTraceEntry makes the text in
 * the reader's language. `at` is the virtual clock in milliseconds since the epoch.
 */
export interface TraceEntry {
  at: number;
  kind: TraceKind;
  code: string;
  ticket?: string;
  workflow?: string;
  action?: string;
  params: TraceParams;
}

/** Parameters of an error: trace values, and for the guards the busiest workflows with their action counts. */
export type ErrorParams = Record<string, string | number | boolean | null | readonly { workflow: string; actions: number }[]>;

/** A problem met while simulating: bad scenario input, a refused operation, a failing action, the guard. */
export interface SimulationError {
  at: string;
  /** Stable code from ERROR_CODES, e.g. "move.notSuperAdmin". */
  code: string;
  /** The problem in English (made when it happens; errors are rare, so this is not the hot path). */
  message: string;
  /** The values the message names, for renderers and tools (guard.budget: budget, limit, busiest). */
  params: ErrorParams;
  ticket?: string;
  workflow?: string;
  action?: string;
  /** Index of the scenario event concerned, when there is one. */
  event?: number;
}

/** SLA due times of a ticket and how they went. */
export interface TicketSla {
  firstResponseDue: string;
  /** When the first agent email went out, or null while none has. */
  firstResponseAt: string | null;
  firstResponse: 'pending' | 'met' | 'breached';
  closeDue: string;
  close: 'pending' | 'met' | 'breached';
  breaches: { target: 'firstResponse' | 'close'; at: string }[];
}

/** A ticket at the end (or at the current step) of the simulation. */
export interface TicketResult {
  id: string;
  subject: string;
  pipeline: string;
  status: string;
  statusLabel: string;
  owner: string | null;
  priority: Priority;
  contact: string | null;
  source: ChannelKind | null;
  channel: string | null;
  conversation: string | null;
  thread: string | null;
  createdAt: string;
  closedAt: string | null;
  reopened: boolean;
  /** Whether the ticket is worked in the help desk (SLAs apply) or still in the conversations inbox. */
  location: 'helpDesk' | 'inbox';
  /** SLA due times; null while the ticket is in the inbox, where SLAs do not apply. */
  sla: TicketSla | null;
}

/** An automated email in the outbox. */
export interface OutboxEmail {
  at: string;
  ticket: string;
  workflow: string;
  action: string;
  to: string;
  subject: string;
  body: string;
  template: string | null;
  /** The branding footer below the body, or null when the workspace removes it [S-branding]. */
  footer: string | null;
}

/** The notice the conversations inbox shows after an automated email [S-status-actions]. */
export interface InboxNotice {
  at: string;
  ticket: string;
  conversation: string | null;
  /** The subject of the email and where it went; the inbox shows "Automated email … sent to … at …". */
  subject: string;
  to: string;
  link: string;
}

/** An internal notification, or one that was skipped (recipient null, with the reason). */
export interface NotificationResult {
  at: string;
  recipient: string | null;
  ticket: string;
  workflow: string;
  action: string;
  subject: string;
  body: string;
  skipped?: string;
}

/** An outbound request a webhook action would make; nothing is sent. */
export interface WebhookResult {
  at: string;
  ticket: string;
  workflow: string;
  action: string;
  method: string;
  url: string;
  body: string;
}

/** A message of a conversation thread. */
export interface MessageResult {
  id: string;
  direction: 'in' | 'out';
  at: string;
  from?: 'ticket' | 'contact';
  text: string;
}

/** A conversation at the end of the simulation. */
export interface ConversationResult {
  id: string;
  contact: string;
  owner: string | null;
  status: 'open' | 'closed';
  channel: string;
  channelHistory: string[];
  location: 'inbox' | 'helpDesk';
  ticket: string | null;
  startedAt: string;
  threads: { id: string; messages: MessageResult[] }[];
}

/** A channel and where it is now. */
export interface ChannelResult {
  id: string;
  kind: ChannelKind;
  location: 'inbox' | 'helpDesk';
  /** Whether ticket creation is on; kept as it was through a move [S-move]. */
  createTickets: boolean;
  moving: boolean;
  movedAt: string | null;
}

/** A status a ticket entered, and what moved it there. */
export interface StatusChange {
  at: string;
  from: string | null;
  to: string;
  /** "creation", "scenario", "move", a built-in automation id or a workflow id. */
  by: string;
}

/** How an enrollment decision or exit came out: the part of its code after the dot. */
export type EnrollmentOutcome = 'enrolled' | 'rejected' | 'excluded' | 'completed' | 'unenrolled' | 'failed' | 'stopped';

/**
 * One enrollment decision or exit of a ticket in a workflow: the very trace entry of it (code
 * "enrollment.<outcome>" or "unenrollment.<outcome>", the trigger and the reason in its params).
 */
export type EnrollmentRecord = TraceEntry & { workflow: string };

/** One action a ticket went through: the very trace entry of it (code "action.<kind>.<outcome>"). */
export type ActionLogEntry = TraceEntry & { workflow: string; action: string };

/** Everything that happened to one ticket. */
export interface TicketHistory {
  statuses: StatusChange[];
  enrollments: EnrollmentRecord[];
  actions: ActionLogEntry[];
}

/** A ticket still enrolled in a workflow when the simulation stopped. */
export interface ActiveEnrollment {
  ticket: string;
  workflow: string;
  /** The action it will run next. */
  action: string | null;
  /** When it resumes, if it waits on a delay. */
  waitingUntil: string | null;
}

/** Everything a simulation produced, as plain JSON-ready data. */
export interface SimulationResult {
  clock: string;
  done: boolean;
  tickets: TicketResult[];
  conversations: ConversationResult[];
  channels: ChannelResult[];
  outbox: OutboxEmail[];
  inboxNotices: InboxNotice[];
  notifications: NotificationResult[];
  webhooks: WebhookResult[];
  history: Record<string, TicketHistory>;
  enrolled: ActiveEnrollment[];
  trace: TraceEntry[];
  errors: SimulationError[];
  stats: { events: number; timers: number; actions: number };
}

/** The action the stepper will run next, for the canvas to highlight. */
export interface RunningAction {
  ticket: string;
  workflow: string;
  action: string;
}

/** What one step of the stepper did: the trace entry that says it (render it with renderTraceEntry). */
export interface StepInfo {
  type: 'event' | 'timer' | 'action';
  at: string;
  entry: TraceEntry;
  ticket?: string;
  workflow?: string;
  action?: string;
}
