import type { z } from 'zod';
import { ScenarioSchema, WorkflowDocumentSchema, type Scenario, type WorkflowDocument } from '../model';
import chatAndMessenger from './scenarios/chat-and-messenger.json';
import emailTicketLife from './scenarios/email-ticket-life.json';
import moveSalesInbox from './scenarios/move-sales-inbox.json';
import prioritiesDeadlinesReplies from './scenarios/priorities-deadlines-replies.json';
import awaitContactReply from './workflows/await-contact-reply.json';
import chatTicketAcknowledge from './workflows/chat-ticket-acknowledge.json';
import firstResponseWarning from './workflows/first-response-warning.json';
import notifyWaitingOnUs from './workflows/notify-waiting-on-us.json';
import routeByPriority from './workflows/route-by-priority.json';
import ticketClosedEmail from './workflows/ticket-closed-email.json';
import ticketReceivedEmail from './workflows/ticket-received-email.json';
import urgentEscalation from './workflows/urgent-escalation.json';
import waitingContactReminder from './workflows/waiting-contact-reminder.json';

export { defaultWorkspace } from '../model';

/** An example workflow that ships with the app, with the file it comes from. */
export interface WorkflowExample {
  /** File name under src/examples/workflows/. */
  file: string;
  document: WorkflowDocument;
}

/** An example scenario that ships with the app, with the file it comes from. */
export interface ScenarioExample {
  /** File name under src/examples/scenarios/. */
  file: string;
  scenario: Scenario;
}

// Explicit imports rather than import.meta.glob: the CLI loads this module through tsx in plain Node,
// where glob imports do not exist. Parsing here turns a broken example into a load error, not a silent gap.
function parseExample<T>(schema: z.ZodType<T>, file: string, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`Example ${file} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

function workflowExample(file: string, json: unknown): WorkflowExample {
  return { file, document: parseExample(WorkflowDocumentSchema, `workflows/${file}`, json) };
}

function scenarioExample(file: string, json: unknown): ScenarioExample {
  return { file, scenario: parseExample(ScenarioSchema, `scenarios/${file}`, json) };
}

/** The example workflows, in the order the help-center articles introduce them. */
export const EXAMPLE_WORKFLOWS: readonly WorkflowExample[] = [
  workflowExample('ticket-received-email.json', ticketReceivedEmail),
  workflowExample('ticket-closed-email.json', ticketClosedEmail),
  workflowExample('notify-waiting-on-us.json', notifyWaitingOnUs),
  workflowExample('chat-ticket-acknowledge.json', chatTicketAcknowledge),
  workflowExample('urgent-escalation.json', urgentEscalation),
  workflowExample('waiting-contact-reminder.json', waitingContactReminder),
  workflowExample('route-by-priority.json', routeByPriority),
  workflowExample('first-response-warning.json', firstResponseWarning),
  workflowExample('await-contact-reply.json', awaitContactReply),
];

/** The example scenarios to run the workflows against. */
export const EXAMPLE_SCENARIOS: readonly ScenarioExample[] = [
  scenarioExample('email-ticket-life.json', emailTicketLife),
  scenarioExample('chat-and-messenger.json', chatAndMessenger),
  scenarioExample('move-sales-inbox.json', moveSalesInbox),
  scenarioExample('priorities-deadlines-replies.json', prioritiesDeadlinesReplies),
];
