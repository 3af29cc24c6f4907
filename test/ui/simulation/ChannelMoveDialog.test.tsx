// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../../src/model';
import { ChannelMoveDialog } from '../../../src/ui/simulation/ChannelMoveDialog';
import { renderIn } from '../i18n/render-in';
import { example, workspace } from './fixtures';

const sales = example('move-sales-inbox.json');
const empty: Scenario = { ...sales, events: [] };

function setup(scenario: Scenario = empty, editing?: { index: number }) {
  const onConfirm = vi.fn<(next: Scenario, index: number, run: boolean) => void>();
  const user = userEvent.setup();
  const event = editing ? scenario.events[editing.index] : undefined;
  renderIn(
    <ChannelMoveDialog
      workspace={workspace}
      scenario={scenario}
      editing={editing && event?.type === 'moveChannel' ? { index: editing.index, event } : undefined}
      onConfirm={onConfirm}
      onCancel={() => {}}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Move a channel to the help desk' });
  const add = within(dialog).getByRole('button', { name: editing ? 'Save the move' : 'Add to scenario' });
  const understand = () => user.click(within(dialog).getByRole('checkbox', { name: 'I understand that the move cannot be stopped or undone.' }));
  return { user, dialog, add, understand, onConfirm };
}

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('ChannelMoveDialog', { timeout: 30_000 }, () => {
  it('lists the rules of a move before anything is chosen', () => {
    const { dialog } = setup();
    for (const rule of [
      'Only super admins can move a channel.',
      'Only chatflows (chat), connected email and form channels can move; WhatsApp and Messenger chatflows cannot.',
      'One channel moves at a time.',
      'A moved channel never moves back, and a move, once started, cannot be stopped.',
      'Conversations that arrive while the move is under way are detected and moved too.',
    ]) {
      expect(within(dialog).getByText(rule)).toBeInTheDocument();
    }
  });

  it('starts with a super admin and the inbox channel that can move', () => {
    const { dialog } = setup();
    expect(within(dialog).getByLabelText('Moved by')).toHaveValue('u-ana');
    expect(within(dialog).getByLabelText('Channel')).toHaveValue('ch-sales');
  });

  it('shows the refusal for someone who is not a super admin, and cannot be confirmed', async () => {
    const { user, dialog, add, understand } = setup();
    await user.selectOptions(within(dialog).getByLabelText('Moved by'), 'u-marco');
    await understand();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Only super admins can move a channel.');
    expect(add).toBeDisabled();
  });

  it('marks WhatsApp and Messenger as channels that cannot move, and refuses them', async () => {
    const { user, dialog, add, understand } = setup();
    const channel = within(dialog).getByLabelText('Channel');
    const label = (v: string) => within(channel).getAllByRole('option').find((o) => o.getAttribute('value') === v)!.textContent;
    expect(label('ch-whatsapp')).toBe('+1 555 0100 (WhatsApp) — cannot move now');
    expect(label('ch-messenger')).toBe('Acme on Messenger (Messenger) — cannot move now');
    expect(label('ch-sales')).toBe('sales@acme.test (Email)');
    await user.selectOptions(channel, 'ch-whatsapp');
    await understand();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('This kind of channel cannot move to the help desk.');
    expect(add).toBeDisabled();
  });

  it('refuses a second move while another is under way', async () => {
    const moving: Scenario = {
      ...empty,
      events: [{ type: 'moveChannel', at: '2026-01-05T09:00:00Z', userId: 'u-ana', channelId: 'ch-sales', history: 'none', durationMinutes: 120 }],
    };
    const { user, dialog, understand } = setup(moving);
    await user.selectOptions(within(dialog).getByLabelText('Channel'), 'ch-chat');
    await understand();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Another channel is still moving: only one channel moves at a time.');
  });

  it('maps Open and Closed to ticket statuses and previews what each historical conversation becomes', async () => {
    const { user, dialog } = setup();
    await user.click(within(dialog).getByRole('radio', { name: 'All conversations of sales@acme.test' }));
    expect(within(dialog).getByLabelText('Open conversations become tickets with status')).toHaveValue('new');
    await user.selectOptions(within(dialog).getByLabelText('Open conversations become tickets with status'), 'waiting-us');
    expect(within(dialog).getByLabelText('Closed conversations become tickets with status')).toHaveValue('closed');
    const preview = within(dialog).getByRole('region', { name: /^Conversations in the inbox on this channel now/ });
    expect(within(preview).getByText('conv-open-claire (Open) gets a new ticket in Waiting on us, owned by Claire Martin (has help-desk access).')).toBeInTheDocument();
    expect(within(preview).getByText('conv-closed-sam (Closed) gets a new ticket in Closed, unassigned: Sam Lee has no help-desk access.')).toBeInTheDocument();
    expect(within(preview).getByText('conv-with-ticket moves with its ticket T-sales-1, as it is.')).toBeInTheDocument();
    expect(within(preview).getByText('conv-from-chat (Open) gets a new ticket in Waiting on us, unassigned (no owner).')).toBeInTheDocument();
    // It went on to another channel: it counts under that one and does not move.
    expect(within(preview).queryByText(/conv-went-on/)).toBeNull();
  });

  it('asks the admin to acknowledge that the move is irreversible, then adds it in time order', async () => {
    const { user, dialog, add, understand, onConfirm } = setup();
    expect(add).toBeDisabled();
    await understand();
    await user.click(add);
    const [next, index, run] = onConfirm.mock.calls[0]!;
    expect(index).toBe(0);
    expect(run).toBe(false);
    expect(next.events).toEqual([
      { type: 'moveChannel', at: empty.start, userId: 'u-ana', channelId: 'ch-sales', history: 'none', durationMinutes: 30 },
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Add and run to the move' }));
    expect(onConfirm.mock.calls[1]![2]).toBe(true);
  });

  it('changes an existing move in place', async () => {
    const { user, dialog, add, understand, onConfirm } = setup(sales, { index: 2 });
    expect(within(dialog).getByLabelText('Moved by')).toHaveValue('u-ana');
    await user.clear(within(dialog).getByLabelText('Takes (minutes)'));
    await user.type(within(dialog).getByLabelText('Takes (minutes)'), '90');
    await understand();
    await user.click(add);
    const [next, index] = onConfirm.mock.calls[0]!;
    expect(index).toBe(2);
    expect(next.events.length).toBe(sales.events.length);
    expect(next.events[2]).toMatchObject({ type: 'moveChannel', channelId: 'ch-sales', durationMinutes: 90 });
  });
});
