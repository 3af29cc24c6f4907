import Mustache from 'mustache';
import type { Rendered } from '../actions/types';
import { iso, type TicketState, type World } from './world';

/** The link to a ticket that inbox notices and the {{ticket.link}} token carry (an in-app route, never a network address). */
export function ticketLink(ticketId: string): string {
  return `#/tickets/${encodeURIComponent(ticketId)}`;
}

/** {{ticket.*}} tokens, read only when a template uses them. */
class TicketTokens {
  constructor(
    private readonly world: World,
    private readonly t: TicketState,
  ) {}
  get id(): string {
    return this.t.id;
  }
  get subject(): string {
    return this.t.subject;
  }
  get status(): string {
    return this.world.statusLabel(this.t.pipelineId, this.t.statusId);
  }
  get statusId(): string {
    return this.t.statusId;
  }
  get pipeline(): string {
    return this.world.pipelines.get(this.t.pipelineId)?.pipeline.name ?? this.t.pipelineId;
  }
  get priority(): string {
    return this.t.priority;
  }
  get owner(): string {
    return this.t.ownerId === null ? '' : (this.world.users.get(this.t.ownerId)?.name ?? '');
  }
  get source(): string {
    return this.t.source ?? '';
  }
  get createdAt(): string {
    return iso(this.t.createdAt);
  }
  get closedAt(): string {
    return this.t.closedAt === null ? '' : iso(this.t.closedAt);
  }
  get link(): string {
    return ticketLink(this.t.id);
  }
}

const NOBODY = { name: '', email: '' };

/** The values personalization tokens read: {{ticket.*}}, {{contact.name|email}}, {{owner.name|email}}, {{workspace.name}}. */
class TokenView {
  constructor(
    private readonly world: World,
    private readonly t: TicketState,
  ) {}
  get ticket(): TicketTokens {
    return new TicketTokens(this.world, this.t);
  }
  get contact(): { name: string; email: string } {
    return (this.t.contactId === null ? undefined : this.world.contacts.get(this.t.contactId)) ?? NOBODY;
  }
  get owner(): { name: string; email: string } {
    return (this.t.ownerId === null ? undefined : this.world.users.get(this.t.ownerId)) ?? NOBODY;
  }
  get workspace(): { name: string } {
    return { name: this.world.workspace.name };
  }
}

// Emails and notifications are plain text: values go in as they are, never HTML-escaped.
const PLAIN = { escape: (value: unknown) => String(value) };

/** Fills the mustache tokens of a text for a ticket; a template that cannot be parsed comes back as an error. */
export function renderTokens(world: World, ticket: TicketState, text: string): Rendered {
  if (!text.includes('{{')) return { text };
  try {
    return { text: Mustache.render(text, new TokenView(world, ticket), undefined, PLAIN) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
