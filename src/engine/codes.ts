import type { TraceKind } from './types';

/**
 * Every code a trace entry can carry (SPEC §6), with the kind it is filed under and what it means. The
 * list is the documented contract of the trace: codes are stable, parameters are named here, and the
 * text a reader sees is made from them by renderTraceEntry in the reader's language.
 */
export const TRACE_CODES = {
  'event.incomingMessage': { kind: 'event', description: 'Scenario event: the contact writes (params: index, contact, channel, conversation, thread).' },
  'event.agentEmail': { kind: 'event', description: 'Scenario event: an agent emails the contact (params: index, user, from, conversation, thread).' },
  'event.setStatus': { kind: 'event', description: 'Scenario event: an agent sets the status of the ticket (params: index, status).' },
  'event.setOwner': { kind: 'event', description: 'Scenario event: an agent sets the owner (params: index, owner).' },
  'event.setPriority': { kind: 'event', description: 'Scenario event: an agent sets the priority (params: index, priority).' },
  'event.closeTicket': { kind: 'event', description: 'Scenario event: an agent closes the ticket (params: index).' },
  'event.reopenTicket': { kind: 'event', description: 'Scenario event: an agent reopens the ticket (params: index).' },
  'event.advance': { kind: 'event', description: 'Scenario event: time passes (params: index).' },
  'event.moveChannel': { kind: 'event', description: 'Scenario event: an admin moves a channel to the help desk (params: index, user, channel, history).' },
  'conversation.started': { kind: 'conversation', description: 'A new conversation arrived (params: conversation, contact, channel, location).' },
  'conversation.channelChanged': { kind: 'conversation', description: 'A conversation went on on another channel, now its most recent (params: conversation, channel).' },
  'conversation.reply': { kind: 'conversation', description: 'The contact replied (params: conversation, thread, newThread, hasTicket).' },
  'conversation.agentEmail': { kind: 'conversation', description: 'An agent emailed the contact (params: user, from, conversation, thread, hasTicket).' },
  'automation.noTicket': { kind: 'automation', description: '[S-create] No ticket for a new conversation (params: reason "channelOff" | "pipelineOff", channel, pipeline).' },
  'automation.notApplied': { kind: 'automation', description: '[S-in]/[S-out] A built-in status update does not apply (params: rule, reason, thread, ticketThread).' },
  'automation.off': { kind: 'automation', description: 'A built-in status update is turned off in the pipeline (params: rule, pipeline).' },
  'automation.already': { kind: 'automation', description: 'A built-in status update finds the ticket already in its status (params: rule, status).' },
  'automation.apply': { kind: 'automation', description: 'A built-in status update applies (params: rule, status); the status change follows.' },
  'ticket.created': { kind: 'ticket', description: 'A ticket was created (params: subject, pipeline, status, owner, cause, channel, conversation, state, ownerRule).' },
  'status.changed': { kind: 'status', description: 'The status changed (params: from, to, by, closed, reopened).' },
  'status.unchanged': { kind: 'status', description: 'A status change to the status the ticket already has (params: status).' },
  'property.changed': { kind: 'property', description: 'A property changed (params: property, value, by).' },
  'sla.started': { kind: 'sla', description: 'SLAs apply from now (params: priority, firstResponseDue, closeDue, from).' },
  'sla.moved': { kind: 'sla', description: 'SLA due times moved after a priority change (params: priority, firstResponseDue, closeDue).' },
  'sla.met': { kind: 'sla', description: 'An SLA target was met (params: target, due, byClose).' },
  'sla.breached': { kind: 'sla', description: 'An SLA target was breached (params: target, due).' },
  'enrollment.enrolled': { kind: 'enrollment', description: 'The ticket enrolled (params: trigger…, group).' },
  'enrollment.rejected': {
    kind: 'enrollment',
    description: 'The ticket did not enroll (params: trigger…, reason "halted" | "haltedMinute" | "stillEnrolled" | "noReenroll" | "filters", and for filters the first failing condition).',
  },
  'enrollment.excluded': { kind: 'enrollment', description: '[S-chat] The ticket is excluded by its chat-like source (params: trigger…, source).' },
  'unenrollment.completed': { kind: 'unenrollment', description: 'The ticket reached the end of its path (params: reason "pathEnd" | "delayLast").' },
  'unenrollment.unenrolled': {
    kind: 'unenrollment',
    description: 'The ticket met the unenrollment criteria and left at once (params: when "change" | "beforeAction", next, group, property, delayCancelled).',
  },
  'unenrollment.stopped': { kind: 'unenrollment', description: 'The runaway guard stopped the run.' },
  'unenrollment.failed': { kind: 'unenrollment', description: 'An action failed and the ticket left (params: message); the error says more.' },
  'action.sendEmail.sent': { kind: 'action', description: 'An automated email went to the contact (params: subject, to, template, footer).' },
  'action.notify.sent': { kind: 'action', description: 'Internal notifications went out (params: users, owner, ownerSkipped).' },
  'action.setStatus.set': { kind: 'action', description: 'The action set the status (params: status).' },
  'action.setStatus.already': { kind: 'action', description: 'The ticket already had the status (params: status).' },
  'action.setProperty.set': { kind: 'action', description: 'The action set a property (params: property, value).' },
  'action.delay.duration': { kind: 'delay', description: 'The ticket waits a length of time (params: amount, unit, until).' },
  'action.delay.until': { kind: 'delay', description: 'The ticket waits until a day and time (params: days, time, until).' },
  'action.delayUntilDate.waits': { kind: 'delay', description: 'The ticket waits until a date of its own (params: property, offset, unit, until).' },
  'action.delayUntilDate.past': { kind: 'action', description: 'The date is already past: the ticket goes on at once (params: property, offset, unit, date).' },
  'action.delayUntilDate.unknown': { kind: 'action', description: 'The ticket has no such date: it goes on at once (params: property).' },
  'action.delayUntilEvent.waits': { kind: 'delay', description: 'The ticket waits for an event or the timeout (params: event, status, until).' },
  'action.branch.path': { kind: 'action', description: 'A branch took a path (params: label, group).' },
  'action.branch.default': { kind: 'action', description: 'No branch path matched: the default path (params: label, paths).' },
  'action.valueBranch.path': { kind: 'action', description: 'A value branch took the path of the ticket value (params: property, value, label).' },
  'action.valueBranch.default': { kind: 'action', description: 'The ticket value has no path: the default path (params: property, value, label).' },
  'action.goto': { kind: 'action', description: 'The ticket continues at another action (params: target).' },
  'action.webhook.recorded': { kind: 'action', description: 'An outbound request was recorded, not sent (params: method, url).' },
  'action.failed': { kind: 'action', description: 'An action failed (params: message); the ticket leaves the workflow.' },
  'delay.resumed': { kind: 'resume', description: 'A delay is over: the ticket continues (params: next).' },
  'delay.happened': { kind: 'resume', description: 'The awaited event happened: the ticket takes the "happened" path (params: event, next).' },
  'delay.timedOut': { kind: 'resume', description: 'The awaited event did not happen in time: the timeout path (params: event, next).' },
  'move.started': { kind: 'move', description: 'A channel move started (params: user, channel, history, openStatus, closedStatus, endsAt).' },
  'move.finished': { kind: 'move', description: 'A channel is now in the help desk (params: channel, createTickets).' },
  'move.detected': { kind: 'move', description: 'A conversation arrived while its channel moves: moved too (params: conversation, channel).' },
  'move.notWithChannel': { kind: 'move', description: 'A conversation now on another channel does not move (params: conversation, channel, current).' },
  'move.historyStays': { kind: 'move', description: 'Historical conversations stay in the inbox, as chosen (params: channel, count).' },
  'move.withTicket': { kind: 'move', description: 'A conversation moved with its ticket as it is (params: conversation, ownerWithoutAccess).' },
} as const satisfies Record<string, { kind: TraceKind; description: string }>;

/** A code of a trace entry that is not an error. */
export type TraceCode = keyof typeof TRACE_CODES;

/** Every code of a simulation error (also the code of its trace entry, filed under kind "error"). */
export const ERROR_CODES = {
  'scenario.badTime': 'A time of the scenario is not a date.',
  'scenario.beforeStart': 'An event comes before the scenario start and is skipped.',
  'scenario.unsorted': 'Events are not in time order; they run sorted.',
  'scenario.duplicateContact': 'Two initial contacts share an id.',
  'scenario.badConversation': 'An initial conversation cannot be loaded.',
  'scenario.badTicket': 'An initial ticket cannot be loaded.',
  'workspace.emptyPipeline': 'A pipeline has no status.',
  'workflow.duplicateId': 'Two workflows share an id.',
  'workflow.incomplete': 'A live workflow cannot run (placeholders, dangling links, bad filters).',
  'event.unknownTicket': 'An event names a ticket that does not exist.',
  'event.unknownConversation': 'An event names a conversation that does not exist.',
  'event.conversationWithoutTicket': 'An event names the ticket of a conversation that has no ticket at that time.',
  'event.unknownChannel': 'An event names a channel that does not exist.',
  'event.unknownContact': 'An event names a contact that does not exist.',
  'event.unknownUser': 'An event names a user that does not exist.',
  'event.wrongContact': 'A reply comes from another contact than the conversation’s.',
  'event.noTicket': 'An email from the ticket record on a conversation without a ticket.',
  'event.refused': 'The help desk refused a change an event asked for.',
  'channel.unknownPipeline': 'A channel sends tickets to a pipeline that does not exist.',
  'automation.badStatus': 'A built-in status update names a status the pipeline lacks.',
  'action.failed': 'An action failed; the ticket left the workflow.',
  'move.unknownUser': 'Move refused: the user does not exist.',
  'move.notSuperAdmin': 'Move refused: only super admins move channels.',
  'move.unknownChannel': 'Move refused: the channel does not exist.',
  'move.kindNotMovable': 'Move refused: this kind of channel cannot move.',
  'move.inProgress': 'Move refused: the channel is already moving.',
  'move.oneAtATime': 'Move refused: another channel is moving.',
  'move.alreadyMoved': 'Move refused: the channel has moved already.',
  'move.alreadyInHelpDesk': 'Move refused: the channel is in the help desk already.',
  'move.unknownPipeline': 'Move refused: the channel’s pipeline does not exist.',
  'move.statusMissing': 'Move refused: a status for Open or Closed conversations is missing.',
  'move.unknownStatus': 'Move refused: a chosen status is not in the pipeline.',
  'guard.runaway': 'The runaway guard stopped a ticket’s automation (params: ticket, counted, limit, per "minute" | "simulation", since, workflows).',
  'guard.maxSteps': 'The simulation stopped at its step limit (params: limit, busiest).',
  'guard.budget': 'The run hit one of its budgets and stopped (params: budget, limit, busiest).',
} as const satisfies Record<string, string>;

/** A code of a simulation error. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code of the trace with its kind and description, errors included, for the documented list. */
export function documentedCodes(): { code: string; kind: TraceKind; description: string }[] {
  return [
    ...Object.entries(TRACE_CODES).map(([code, c]) => ({ code, kind: c.kind as TraceKind, description: c.description as string })),
    ...Object.entries(ERROR_CODES).map(([code, description]) => ({ code, kind: 'error' as TraceKind, description: description as string })),
  ];
}
