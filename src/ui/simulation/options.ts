import type { Translate } from '../../actions';
import type { ConversationResult, TicketResult } from '../../engine';
import type { Scenario, Workspace } from '../../model';
import type { Option } from '../common/SelectField';
import type { Names } from './names';

/** Contacts of the workspace and those the scenario adds. */
export function contactOptions(ws: Workspace, scenario: Scenario): Option[] {
  return [...ws.contacts, ...scenario.initial.contacts].map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }));
}

/** Channels with their kind and where they are (inbox or help desk). */
export function channelOptions(ws: Workspace, t: Translate): Option[] {
  return ws.channels.map((c) => ({
    value: c.id,
    label: t('sim.channel.option', { name: c.name, kind: t(`channelKind.${c.kind}`), location: t(`sim.location.${c.location}`) }),
  }));
}

/** Conversations that exist at some moment, named by contact and channel. */
export function conversationOptions(conversations: readonly ConversationResult[], names: Names, t: Translate): Option[] {
  return conversations.map((c) => ({
    value: c.id,
    label: t('sim.conversation.option', { id: c.id, contact: names.contact(c.contact), channel: names.channel(c.channel) }),
  }));
}

/** Tickets that exist at some moment, with subject and status. */
export function ticketOptions(tickets: readonly TicketResult[], t: Translate): Option[] {
  return tickets.map((x) => ({ value: x.id, label: t('sim.ticket.option', { id: x.id, subject: x.subject, status: x.statusLabel }) }));
}
