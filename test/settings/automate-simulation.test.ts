import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine';
import { defaultWorkspace, type Scenario, type Workflow, type Workspace } from '../../src/model';
import { statusActionWorkflow } from '../../src/settings/built-in-workflows';

/** What an admin does in the Automate tab, through the same pure helpers the tab uses. */
function automate(ws: Workspace, on: boolean): Workspace {
  return {
    ...ws,
    pipelines: ws.pipelines.map((p) => ({
      ...p,
      automation: { ...p.automation, onEmailSent: { ...p.automation.onEmailSent, enabled: on }, onCustomerReply: { ...p.automation.onCustomerReply, enabled: on } },
    })),
  };
}

const closedEmail = (ws: Workspace, includeChat = false): Workflow =>
  statusActionWorkflow(ws, 'support', 'closed', { kind: 'sendEmail', template: 'ticketClosed' }, { includeChat, takenIds: [] }).workflow;

/** Jo writes on a channel, Marco answers from the ticket record, Jo replies on the same thread, Marco closes the ticket. */
function scenario(channelId: string): Scenario {
  return {
    format: 'ticketflow.scenario',
    schemaVersion: 1,
    id: 'automate-tab',
    name: 'Automate tab at work',
    start: '2026-01-05T09:00:00Z',
    end: '2026-01-06T09:00:00Z',
    initial: { contacts: [], conversations: [], tickets: [] },
    events: [
      { type: 'incomingMessage', at: '2026-01-05T09:00:00Z', channelId, contactId: 'c-jo', conversationId: 'conv-1', threadId: 'th-1', subject: 'Broken login', text: 'I cannot log in.' },
      { type: 'agentEmail', at: '2026-01-05T09:30:00Z', userId: 'u-marco', conversationId: 'conv-1', threadId: 'th-1', from: 'ticket', text: 'Which browser?' },
      { type: 'incomingMessage', at: '2026-01-05T10:00:00Z', channelId, contactId: 'c-jo', conversationId: 'conv-1', threadId: 'th-1', text: 'Firefox.' },
      { type: 'closeTicket', at: '2026-01-05T11:00:00Z', ticketId: 'ticket-1' },
    ],
  };
}

const statuses = (r: ReturnType<typeof simulate>) => r.history['ticket-1']!.statuses.map((s) => s.to);

describe('the Automate tab in the simulation', () => {
  it('[S-out] [S-in] [S-status-actions] with both triggers on and "Ticket closed" on Closed, the ticket moves and the contact gets the email', () => {
    const ws = automate(defaultWorkspace(), true);
    const r = simulate({ workspace: ws, workflows: [closedEmail(ws)], scenario: scenario('ch-email') });
    expect(r.errors).toEqual([]);
    expect(statuses(r)).toEqual(['new', 'waiting-contact', 'waiting-us', 'closed']);
    expect(r.outbox).toEqual([
      expect.objectContaining({ ticket: 'ticket-1', to: 'jo@example.test', subject: 'Your request is resolved: Broken login', template: 'tpl-closed', footer: 'Sent with Ticketflow' }),
    ]);
    expect(r.inboxNotices).toHaveLength(1);
  });

  it('with both triggers off, only the agent moves the ticket', () => {
    const ws = automate(defaultWorkspace(), false);
    const r = simulate({ workspace: ws, workflows: [closedEmail(ws)], scenario: scenario('ch-email') });
    expect(statuses(r)).toEqual(['new', 'closed']);
    expect(r.outbox).toHaveLength(1);
  });

  it('[S-chat] skips a chat ticket unless the workflow was created with Chat and Messenger included', () => {
    const ws = automate(defaultWorkspace(), true);
    expect(simulate({ workspace: ws, workflows: [closedEmail(ws)], scenario: scenario('ch-chat') }).outbox).toEqual([]);
    expect(simulate({ workspace: ws, workflows: [closedEmail(ws, true)], scenario: scenario('ch-chat') }).outbox).toHaveLength(1);
  });

  it('[S-chat] including Chat and Messenger does not turn away tickets of other sources', () => {
    const ws = automate(defaultWorkspace(), true);
    expect(simulate({ workspace: ws, workflows: [closedEmail(ws, true)], scenario: scenario('ch-email') }).outbox).toHaveLength(1);
  });
});
