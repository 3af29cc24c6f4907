import type { Translate } from '../../actions';
import type { ScenarioEvent } from '../../model';
import type { Names } from './names';
import type { MessageShape } from './scenario-edit';

/** One line saying what a timeline event does, in the UI language. */
export function describeScenarioEvent(e: ScenarioEvent, shape: MessageShape | null, names: Names, t: Translate): string {
  switch (e.type) {
    case 'incomingMessage': {
      const params = { contact: names.contact(e.contactId), channel: names.channel(e.channelId), conversation: e.conversationId, thread: e.threadId };
      if (shape === 'conversation') return t('sim.event.text.newConversation', { ...params, subject: e.subject ?? e.text.slice(0, 60) });
      return t(shape === 'thread' ? 'sim.event.text.newThread' : 'sim.event.text.reply', params);
    }
    case 'agentEmail':
      return t(e.from === 'ticket' ? 'sim.event.text.emailFromTicket' : 'sim.event.text.emailFromContact', {
        user: names.user(e.userId),
        conversation: e.conversationId,
        thread: e.threadId,
      });
    case 'setStatus':
      return t('sim.event.text.setStatus', { ticket: ticketName(e, t), status: names.status(e.statusId) });
    case 'setOwner':
      return t('sim.event.text.setOwner', { ticket: ticketName(e, t), owner: names.user(e.ownerId) });
    case 'setPriority':
      return t('sim.event.text.setPriority', { ticket: ticketName(e, t), priority: t(`priority.${e.priority}`) });
    case 'closeTicket':
      return t('sim.event.text.close', { ticket: ticketName(e, t) });
    case 'reopenTicket':
      return t('sim.event.text.reopen', { ticket: ticketName(e, t) });
    case 'advance':
      return t('sim.event.text.advance');
    case 'moveChannel':
      return t(e.history === 'all' ? 'sim.event.text.moveAll' : 'sim.event.text.moveNone', {
        user: names.user(e.userId),
        channel: names.channel(e.channelId),
        open: names.status(e.openStatusId ?? null),
        closed: names.status(e.closedStatusId ?? null),
      });
  }
}

/** The ticket an event names: its id, or "the ticket of conversation …" for `ticketOf`. */
function ticketName(e: { ticketId?: string | undefined; ticketOf?: string | undefined }, t: Translate): string {
  return e.ticketOf !== undefined ? t('sim.event.ticketOf', { conversation: e.ticketOf }) : (e.ticketId ?? '');
}
