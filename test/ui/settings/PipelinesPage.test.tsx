// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PipelinesPage } from '../../../src/ui/settings/PipelinesPage';
import { renderSettings } from './host';

function setup() {
  const r = renderSettings(PipelinesPage, { onViewWorkflow: vi.fn(), onCreateWorkflow: vi.fn() });
  return { ...r, user: userEvent.setup() };
}

const labels = (ws: { pipelines: { statuses: { label: string }[] }[] }) => ws.pipelines[0]!.statuses.map((s) => s.label);
const row = (label: string) => screen.getByLabelText(`Label of ${label}`).closest('tr')!;

describe('PipelinesPage statuses', () => {
  it('renames a status when the box is left, keeping its id', async () => {
    const { user, last } = setup();
    const box = screen.getByLabelText('Label of Waiting on us');
    await user.clear(box);
    await user.type(box, 'Needs an answer');
    await user.tab();
    expect(last().pipelines[0]!.statuses[2]).toEqual({ id: 'waiting-us', label: 'Needs an answer', category: 'open' });
  });

  it('shows which workflows and built-in updates use a status, and opens them', async () => {
    const { user, onOpenWorkflow } = setup();
    const waiting = row('Waiting on contact');
    expect(within(waiting).getByText('Update ticket status: an email is sent to a customer')).toBeInTheDocument();
    await user.click(within(waiting).getByRole('button', { name: 'Remind the contact every 2 days while we wait on them' }));
    expect(onOpenWorkflow).toHaveBeenCalledWith('wf-waiting-contact-reminder');
  });

  it('keeps an empty label in the box with the problem beside it, and emits nothing', async () => {
    const { user, emitted } = setup();
    const box = screen.getByLabelText('Label of New');
    await user.clear(box);
    await user.keyboard('{Enter}');
    expect(box.closest('td')).toHaveTextContent('This cannot be empty.');
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(emitted).toHaveLength(0);
  });

  it('brings the saved label back with Escape', async () => {
    const { user } = setup();
    const box = screen.getByLabelText('Label of New');
    await user.type(box, ' tickets');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('New');
  });

  it('changes the category of a status', async () => {
    const { user, last } = setup();
    await user.selectOptions(screen.getByLabelText('Category of Waiting on us'), 'Closed');
    expect(last().pipelines[0]!.statuses[2]!.category).toBe('closed');
  });

  it('reorders statuses', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'Move Waiting on us up' }));
    expect(labels(last())).toEqual(['New', 'Waiting on us', 'Waiting on contact', 'Closed']);
    expect(screen.getByRole('button', { name: 'Move New up' })).toBeDisabled();
  });

  it('adds a status and deletes it again', async () => {
    const { user, last } = setup();
    const form = screen.getByRole('form', { name: 'Add status' });
    await user.type(within(form).getByLabelText('New status'), 'On hold');
    await user.click(within(form).getByRole('button', { name: 'Add status' }));
    expect(labels(last())).toEqual(['New', 'Waiting on contact', 'Waiting on us', 'On hold', 'Closed']);
    expect(within(form).getByLabelText('New status')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Delete On hold' }));
    expect(labels(last())).toEqual(['New', 'Waiting on contact', 'Waiting on us', 'Closed']);
  });

  it('refuses to delete a status workflows use, naming them', async () => {
    const { user, emitted } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Closed' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Status “Closed” cannot be deleted while it is used by: Send "Ticket closed" when a ticket is closed, Close tickets the contact does not answer within 3 days.');
    expect(emitted).toHaveLength(0);
  });
});

describe('PipelinesPage pipelines', () => {
  it('adds a pipeline, shows it, renames it and deletes it', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'Add pipeline' }));
    expect(last().pipelines.map((p) => p.name)).toEqual(['Support pipeline', 'New pipeline']);
    expect(screen.getByLabelText('Select a pipeline')).toHaveValue('new-pipeline');
    const name = screen.getByLabelText('Pipeline name');
    await user.clear(name);
    await user.type(name, 'Billing{Enter}');
    expect(last().pipelines[1]!.name).toBe('Billing');
    await user.click(screen.getByRole('button', { name: 'Delete pipeline' }));
    expect(last().pipelines.map((p) => p.name)).toEqual(['Support pipeline']);
    expect(screen.getByLabelText('Select a pipeline')).toHaveValue('support');
  });

  it('refuses to delete the last pipeline', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete pipeline' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A workspace needs at least one pipeline.');
  });

  it('switches to the Automate tab', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('tab', { name: 'Automate' }));
    expect(screen.getByRole('tab', { name: 'Automate' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'Update ticket status' })).toBeInTheDocument();
  });
});
