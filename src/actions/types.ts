import type { z } from 'zod';
import type { ChannelKind, Priority } from '../model/common';
import type { Filters } from '../model/filters';
import type { Contact, EmailTemplate, Pipeline, Team, User, Workspace } from '../model/workspace';

/** A message key with English text; the UI translates the same keys. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One outgoing link of an action: where it leads from a given slot. */
export interface ActionLink {
  /** 'next' for linear actions, 'branch:<id>' and 'default' for branches, 'target' for go-to. */
  slot: string;
  /** The action it leads to; null at a path end. */
  target: string | null;
  /** A go-to jump (drawn distinctly, and not part of the action's own subtree). */
  jump: boolean;
  /** Label shown on the edge (branch paths), in English when the core gives it. */
  label?: string;
  /**
   * The message key of a label the core gives rather than the user ("delayUntilEvent.happened", a
   * branch's untouched default label), so that the app words it in the reader's language.
   */
  labelKey?: string;
}

/** A workspace entity an action refers to, for semantic validation. */
export interface ActionReference {
  type: 'status' | 'user' | 'team' | 'template';
  id: string;
  /** JSON pointer below the action, e.g. "/statusId". */
  pointer: string;
}

/** Everything the headless core knows about one action kind. */
export interface ActionDefinition<A extends { id: string; kind: string }> {
  kind: A['kind'];
  /** zod schema of the whole action (kind, id, settings, links). */
  schema: z.ZodType<A>;
  /** A new action of this kind with default settings, leading nowhere. */
  create(id: string): A;
  /** One-line summary of the settings, e.g. "Send email: Ticket received". */
  summary(action: A, workspace: Workspace, t: Translate): string;
  /** Settings still to fill in: a non-empty list marks the action as a placeholder. */
  missing(action: A): { pointer: string; message: string }[];
  /** Workspace entities the settings refer to. */
  references(action: A): ActionReference[];
  /** Outgoing links, in display order. */
  links(action: A): ActionLink[];
  /** A copy with one link slot pointed elsewhere. */
  withLink(action: A, slot: string, target: string | null): A;
  /**
   * What the action does when a ticket reaches it in the interpreter: it acts through `ctx` and returns
   * the id of the action to continue at (null ends the path). A refusal returns `ctx.fail(message)`.
   */
  run(action: A, ctx: ActionRunContext): string | null;
}

/** The enrolled ticket as a running action sees it (read-only). */
export interface RunTicket {
  readonly id: string;
  readonly subject: string;
  readonly pipelineId: string;
  readonly statusId: string;
  readonly ownerId: string | null;
  readonly priority: Priority;
  readonly contactId: string | null;
  readonly source: ChannelKind | null;
}

/** A new value for one ticket property, as set by an action. */
export type PropertyChange =
  | { property: 'owner'; ownerId: string | null }
  | { property: 'priority'; priority: Priority }
  | { property: 'subject'; subject: string };

/** The events a "delay until an event" can wait for. */
export type AwaitedEvent = 'contactReplied' | 'statusChanged';

/** Text with its tokens filled, or why the template could not be read. */
export type Rendered = { text: string; error?: undefined } | { text?: undefined; error: string };

/**
 * A text only the run's records keep (the body of an email, a notification or a webhook request): either
 * the text, or its tokens' values read now with the characters joined when the result is taken (see
 * ActionRunContext.renderLater). Either way `length` is its length in UTF-16 code units.
 */
export type LaterText = string | PendingText;

/** A filled text whose characters are not joined yet; only the interpreter reads it. */
export interface PendingText {
  readonly pending: true;
  readonly length: number;
}

/** A record's text filled, or why the template could not be read. */
export type RenderedLater = { text: LaterText; error?: undefined } | { text?: undefined; error: string };

/** An automated email to the ticket's contact. */
export interface OutgoingEmail {
  templateId: string | null;
  subject: string;
  body: LaterText;
  /** The branding footer appended below the body, or null when the workspace removes it. */
  footer: string | null;
}

/**
 * Capabilities the interpreter lends an action while it runs (SPEC §6). Actions decide what to do;
 * the interpreter owns the world, the clock and the trace.
 */
export interface ActionRunContext {
  /** The virtual clock, in milliseconds since the Unix epoch. */
  readonly now: number;
  readonly workspace: Workspace;
  readonly ticket: RunTicket;
  /** The ticket's pipeline; undefined when the ticket names a pipeline the workspace lacks. */
  readonly pipeline: Pipeline | undefined;
  /** The ticket's contact, or null when it has none. */
  readonly contact: Contact | null;
  user(id: string): User | undefined;
  team(id: string): Team | undefined;
  template(id: string): EmailTemplate | undefined;
  /** Fills personalization tokens such as {{ticket.subject}} for this ticket. */
  render(text: string): Rendered;
  /**
   * Fills the tokens of a text that only the run's records keep, with the values they have now; the
   * characters are joined when the result is taken, so a long run does not hold tens of thousands of
   * half-built strings. Fails as render does.
   */
  renderLater(text: string): RenderedLater;
  /**
   * Whether filter groups hold for the ticket now, and which group held (1-based; 0 for no filters or none).
   * The answer object is reused: read it before the next call.
   */
  evaluate(filters: Filters): { held: boolean; group: number };
  /** A property of the ticket now, as filters read it (dates in milliseconds; unknown is null). */
  fact(property: 'status' | 'priority' | 'owner' | 'source' | 'createdAt' | 'closedAt'): string | number | null;
  /** An SLA due time of the ticket in milliseconds, or null when no SLA applies to it. */
  slaDue(target: 'firstResponse' | 'close'): number | null;
  sendEmail(email: OutgoingEmail): void;
  notify(userId: string, subject: string, body: LaterText): void;
  /** Records a notification that could not go out (for example: the ticket has no owner); not an error. */
  skipNotification(reason: string, subject: string): void;
  /** Moves the ticket to a status; returns why it was refused, or null. */
  setStatus(statusId: string): string | null;
  /** Changes a ticket property; returns why it was refused, or null. */
  setProperty(change: PropertyChange): string | null;
  /** Pauses the ticket on the virtual clock until `at`, then continues at the returned action. */
  waitUntil(at: number): void;
  /**
   * Pauses the ticket until an event happens to it (continuing at `happened`) or until `timeoutAt`
   * (continuing at `timedOut`); the action's return value is then ignored.
   */
  awaitEvent(event: AwaitedEvent, statusId: string | null, timeoutAt: number, happened: string | null, timedOut: string | null): void;
  recordWebhook(request: { method: string; url: string; body: LaterText }): void;
  /**
   * The outcome of the action as a trace code (see TRACE_CODES) and its parameters, for the trace and the
   * ticket's action log; ids, not names, and no prose (the renderer makes the text).
   */
  note(code: string, params?: Record<string, string | number | boolean | null>): void;
  /** Records the action as failed with a clear message; the ticket leaves the workflow. Returns null to end the path. */
  fail(message: string): null;
}
