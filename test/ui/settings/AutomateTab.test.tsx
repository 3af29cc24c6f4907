// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AutomateTab } from '../../../src/ui/settings/AutomateTab';
import { renderSettings } from './host';

function setup(lang?: 'en' | 'it') {
  const onViewWorkflow = vi.fn();
  const onCreateWorkflow = vi.fn();
  const r = renderSettings(AutomateTab, { pipelineId: 'support', onViewWorkflow, onCreateWorkflow, lang });
  return { ...r, onViewWorkflow, onCreateWorkflow, user: userEvent.setup() };
}

const statusRow = (label: string) => screen.getByText(label, { selector: 'strong' }).closest('li')!;

describe('AutomateTab', () => {
  it('[S-create] lists the channels that send tickets to the pipeline and turns ticket creation off per channel', async () => {
    const { user, last } = setup();
    const chat = screen.getByRole('button', { name: 'Website chat' });
    expect(chat).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'sales@acme.test' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(chat);
    expect(last().channels.find((c) => c.id === 'ch-chat')!.createTickets).toBe(false);
    expect(screen.getByRole('button', { name: 'Website chat' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('[S-create] turns ticket creation for new conversations off for the pipeline', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Create tickets for new conversations' }));
    expect(last().pipelines[0]!.automation.createTickets).toBe(false);
  });

  it('[S-out] [S-in] shows both default triggers on, with their target statuses', () => {
    setup();
    expect(screen.getByRole('checkbox', { name: 'An email is sent to a customer' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'A customer replies to an email' })).toBeChecked();
    expect(screen.getByText('Set ticket status to Waiting on contact')).toBeInTheDocument();
    expect(screen.getByText('Set ticket status to Waiting on us')).toBeInTheDocument();
    expect(screen.getByText(/Emails sent from the contact record do not change the status/)).toBeInTheDocument();
  });

  it('turns a trigger off with its checkbox', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'An email is sent to a customer' }));
    expect(last().pipelines[0]!.automation.onEmailSent).toEqual({ enabled: false, statusId: 'waiting-contact' });
  });

  it('edits the action of a trigger: choose a status, save', async () => {
    const { user, last, emitted } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit action of “A customer replies to an email”' }));
    await user.selectOptions(screen.getByLabelText('Ticket status'), 'New');
    expect(emitted).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(last().pipelines[0]!.automation.onCustomerReply).toEqual({ enabled: true, statusId: 'new' });
    expect(screen.getByText('Set ticket status to New')).toBeInTheDocument();
  });

  it('cancels an edit without changing anything', async () => {
    const { user, emitted } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit action of “An email is sent to a customer”' }));
    await user.selectOptions(screen.getByLabelText('Ticket status'), 'Closed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(emitted).toHaveLength(0);
    expect(screen.getByText('Set ticket status to Waiting on contact')).toBeInTheDocument();
  });

  it('opens a default trigger as a workflow', async () => {
    const { user, onViewWorkflow } = setup();
    await user.click(screen.getByRole('button', { name: 'View workflow of “An email is sent to a customer”' }));
    const [which, doc] = onViewWorkflow.mock.calls[0]!;
    expect(which).toBe('onEmailSent');
    expect(doc.workflow.enrollment.triggers).toEqual([{ type: 'emailSentFromTicket' }]);
    expect(doc.workflow.actions[0]).toMatchObject({ kind: 'setStatus', statusId: 'waiting-contact' });
  });

  it('[S-chat] says that Chat and Messenger are left out by default', () => {
    setup();
    expect(screen.getByText(/do not apply to conversations from live chat or Messenger/)).toBeInTheDocument();
  });

  it('lists the workflows of each status and opens them', async () => {
    const { user, onOpenWorkflow } = setup();
    const closed = statusRow('Closed');
    expect(within(closed).getByText('Send "Ticket closed" when a ticket is closed')).toBeInTheDocument();
    await user.click(within(closed).getByRole('button', { name: 'Open “Send "Ticket closed" when a ticket is closed” in workflows' }));
    expect(onOpenWorkflow).toHaveBeenCalledWith('wf-ticket-closed-email');
  });

  it('[S-status-actions] creates a "Ticket closed" email workflow for Closed', async () => {
    const { user, onCreateWorkflow } = setup();
    await user.click(screen.getByRole('button', { name: 'Add an action when a ticket reaches Closed' }));
    const form = screen.getByRole('form', { name: 'New action for Closed' });
    expect(within(form).getByRole('radio', { name: 'Ticket closed' })).toBeChecked();
    await user.click(within(form).getByRole('button', { name: 'Create workflow' }));
    const doc = onCreateWorkflow.mock.calls[0]![0];
    expect(doc.workflow.enrollment.triggers).toEqual([{ type: 'statusChanged', toStatusId: 'closed' }]);
    expect(doc.workflow.actions).toEqual([expect.objectContaining({ kind: 'sendEmail', templateId: 'tpl-closed' })]);
    expect(screen.queryByRole('form', { name: 'New action for Closed' })).not.toBeInTheDocument();
  });

  it('[S-status-actions] creates an internal notification to a team and the owner, Chat and Messenger included', async () => {
    const { user, onCreateWorkflow } = setup();
    await user.click(screen.getByRole('button', { name: 'Add an action when a ticket reaches Waiting on us' }));
    const form = screen.getByRole('form', { name: 'New action for Waiting on us' });
    await user.click(within(form).getByRole('radio', { name: 'Send internal notification' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Tier 1' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Ticket owner' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Include Chat and Messenger conversations' }));
    await user.click(within(form).getByRole('button', { name: 'Create workflow' }));
    const wf = onCreateWorkflow.mock.calls[0]![0].workflow;
    expect(wf.actions[0]).toMatchObject({ kind: 'notify', recipients: { userIds: [], teamIds: ['t-tier1'], owner: true } });
    expect(JSON.stringify(wf.enrollment.filters)).toContain('"messenger"');
    expect(wf.id).toBe('wf-support-waiting-us-1');
  });

  it('refuses a notification without recipients and says why', async () => {
    const { user, onCreateWorkflow } = setup();
    await user.click(screen.getByRole('button', { name: 'Add an action when a ticket reaches New' }));
    await user.click(screen.getByRole('radio', { name: 'Send internal notification' }));
    await user.click(screen.getByRole('button', { name: 'Create workflow' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one recipient: a user, a team or the ticket owner.');
    expect(onCreateWorkflow).not.toHaveBeenCalled();
  });

  it('speaks Italian', () => {
    setup('it');
    expect(screen.getByRole('heading', { name: 'Aggiorna lo stato del ticket' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Un cliente risponde a un’e-mail' })).toBeChecked();
  });
});
