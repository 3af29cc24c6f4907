import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { defaultWorkspace, type Scenario, type Workflow } from '../../../src/model';
import { emptyScenario } from '../../../src/ui/simulation/scenario-edit';

/** The built-in workspace the example scenarios are written for. */
export const workspace = defaultWorkspace();

/** Every example workflow, as the app seeds them. */
export const workflows: Workflow[] = EXAMPLE_WORKFLOWS.map((x) => x.document.workflow);

/** An example scenario by file name. */
export function example(file: string): Scenario {
  const found = EXAMPLE_SCENARIOS.find((x) => x.file === file);
  if (!found) throw new Error(`No example scenario ${file}`);
  return found.scenario;
}

/**
 * The acceptance question as a scenario: a ticket arrives by chat, an agent replies from the ticket
 * record, and the customer answers on another thread.
 */
export function chatScenario(): Scenario {
  return {
    ...emptyScenario('chat-question', 'Chat question'),
    events: [
      {
        type: 'incomingMessage',
        at: '2026-01-05T09:00:00Z',
        channelId: 'ch-chat',
        contactId: 'c-jo',
        conversationId: 'conv-1',
        threadId: 'thread-1',
        subject: 'Where is my parcel?',
        text: 'Hi, my parcel has not arrived.',
      },
      {
        type: 'agentEmail',
        at: '2026-01-05T09:30:00Z',
        userId: 'u-marco',
        conversationId: 'conv-1',
        threadId: 'thread-1',
        from: 'ticket',
        text: 'We are looking into it.',
      },
      {
        type: 'incomingMessage',
        at: '2026-01-05T10:00:00Z',
        channelId: 'ch-chat',
        contactId: 'c-jo',
        conversationId: 'conv-1',
        threadId: 'thread-2',
        text: 'Also: can I change my address?',
      },
    ],
  };
}
