import type { Translate } from '../../actions';
import type { Trigger, Workspace } from '../../model';

/** One line describing an enrollment trigger, e.g. "Status becomes Closed". */
export function triggerSummary(trigger: Trigger, workspace: Workspace, t: Translate): string {
  const status = (id: string | null | undefined) =>
    id ? (workspace.pipelines.flatMap((p) => p.statuses).find((s) => s.id === id)?.label ?? id) : t('canvas.trigger.notChosen');
  switch (trigger.type) {
    case 'ticketCreated':
      return t('canvas.trigger.ticketCreated');
    case 'statusChanged':
      return trigger.fromStatusId
        ? t('canvas.trigger.statusChangedFrom', { to: status(trigger.toStatusId), from: status(trigger.fromStatusId) })
        : t('canvas.trigger.statusChanged', { to: status(trigger.toStatusId) });
    case 'emailSentFromTicket':
      return t('canvas.trigger.emailSentFromTicket');
    case 'contactReplied':
      return t('canvas.trigger.contactReplied');
    case 'conversationStarted':
      return trigger.channelKinds.length
        ? t('canvas.trigger.conversationStartedOn', { kinds: trigger.channelKinds.join(', ') })
        : t('canvas.trigger.conversationStarted');
    case 'propertyChanged':
      return t('canvas.trigger.propertyChanged', { property: t(`property.${trigger.property}`) });
    case 'slaDuePassed':
      return t(trigger.target === 'close' ? 'canvas.trigger.slaClose' : 'canvas.trigger.slaFirstResponse');
  }
}
