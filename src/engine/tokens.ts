import Mustache from 'mustache';
import type { Rendered } from '../actions/types';
import { iso, type TicketState, type World } from './world';

/** The link to a ticket that inbox notices and the {{ticket.link}} token carry (an in-app route, never a network address). */
export function ticketLink(ticketId: string): string {
  return `#/tickets/${encodeURIComponent(ticketId)}`;
}

/** The values personalization tokens read, e.g. {{ticket.subject}}, {{contact.name}}, {{owner.name}}. */
function tokenView(world: World, ticket: TicketState): object {
  const contact = ticket.contactId === null ? undefined : world.contacts.get(ticket.contactId);
  const owner = ticket.ownerId === null ? undefined : world.users.get(ticket.ownerId);
  return {
    ticket: {
      id: ticket.id,
      subject: ticket.subject,
      status: world.statusLabel(ticket.pipelineId, ticket.statusId),
      statusId: ticket.statusId,
      pipeline: world.pipelines.get(ticket.pipelineId)?.pipeline.name ?? ticket.pipelineId,
      priority: ticket.priority,
      owner: owner?.name ?? '',
      source: ticket.source ?? '',
      createdAt: iso(ticket.createdAt),
      closedAt: ticket.closedAt === null ? '' : iso(ticket.closedAt),
      link: ticketLink(ticket.id),
    },
    contact: { name: contact?.name ?? '', email: contact?.email ?? '' },
    owner: { name: owner?.name ?? '', email: owner?.email ?? '' },
    workspace: { name: world.workspace.name },
  };
}

// Emails and notifications are plain text: values go in as they are, never HTML-escaped.
const PLAIN = { escape: (value: unknown) => String(value) };

/** Fills the mustache tokens of a text for a ticket; a template that cannot be parsed comes back as an error. */
export function renderTokens(world: World, ticket: TicketState, text: string): Rendered {
  if (!text.includes('{{')) return { text };
  try {
    return { text: Mustache.render(text, tokenView(world, ticket), undefined, PLAIN) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
