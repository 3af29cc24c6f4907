// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ScenarioSchema, type Scenario } from '../../../src/model';
import { InitialStateEditor } from '../../../src/ui/simulation/InitialStateEditor';
import { emptyScenario } from '../../../src/ui/simulation/scenario-edit';
import { renderIn } from '../i18n/render-in';
import { example, workspace } from './fixtures';

function setup(scenario: Scenario) {
  const onChange = vi.fn<(next: Scenario) => void>();
  const user = userEvent.setup();
  renderIn(<InitialStateEditor workspace={workspace} scenario={scenario} onChange={onChange} />);
  /** The last scenario saved, checked against the scenario schema. */
  const saved = (): Scenario => {
    const next = onChange.mock.calls[onChange.mock.calls.length - 1]![0];
    const parsed = ScenarioSchema.safeParse(next);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    return next;
  };
  return { user, onChange, saved };
}

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('InitialStateEditor', { timeout: 30_000 }, () => {
  it('adds a contact with a generated id', async () => {
    const { user, saved } = setup(emptyScenario('s', 'S'));
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    const form = screen.getByRole('form', { name: 'Contact' });
    expect(within(form).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.type(within(form).getByLabelText('Name'), 'Kim <b>Prospect</b>');
    await user.type(within(form).getByLabelText('Email'), 'kim@example.test');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(saved().initial.contacts).toEqual([{ id: 'contact-1', name: 'Kim <b>Prospect</b>', email: 'kim@example.test' }]);
  });

  it('adds a conversation that moved from chat to email, with a reply from the contact record', async () => {
    const { user, saved } = setup(emptyScenario('s', 'S'));
    await user.click(screen.getByRole('button', { name: 'Add conversation' }));
    const form = screen.getByRole('form', { name: 'Conversation conv-1' });
    await user.selectOptions(within(form).getByLabelText('Started on'), 'ch-chat');
    await user.click(within(form).getByRole('button', { name: 'Add a later channel' }));
    await user.selectOptions(within(form).getByLabelText('Then on (channel 2)'), 'ch-sales');
    await user.selectOptions(within(form).getByLabelText('Owner'), 'u-sam');
    await user.type(within(form).getByLabelText('Message'), 'Hello from chat');
    await user.click(within(form).getByRole('button', { name: 'Add message' }));
    const second = within(form).getByRole('group', { name: 'Message 2' });
    await user.selectOptions(within(second).getByLabelText('Written by'), 'out-contact');
    await user.type(within(second).getByLabelText('Message'), 'Answer');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const conv = saved().initial.conversations[0]!;
    expect(conv).toMatchObject({ id: 'conv-1', ownerId: 'u-sam', channelHistory: ['ch-chat', 'ch-sales'], ticketId: null, status: 'open' });
    expect(conv.threads[0]!.messages.map((m) => [m.direction, m.from, m.text])).toEqual([
      ['in', undefined, 'Hello from chat'],
      ['out', 'contact', 'Answer'],
    ]);
  });

  it('adds a closed ticket on a conversation, and the conversation points back at it', async () => {
    const base = example('move-sales-inbox.json');
    const { user, saved } = setup(base);
    await user.click(screen.getByRole('button', { name: 'Add ticket' }));
    const form = screen.getByRole('form', { name: 'Ticket existing-ticket-1' });
    await user.type(within(form).getByLabelText('Subject'), 'Quote');
    await user.selectOptions(within(form).getByLabelText('Conversation'), 'conv-open-claire');
    expect(within(form).getByLabelText('Thread')).toHaveValue('th-open-claire');
    expect(within(form).getByLabelText('Contact')).toHaveValue('c-jo');
    await user.selectOptions(within(form).getByLabelText('Status'), 'closed');
    expect(within(form).getByLabelText('Closed at (UTC)')).toHaveValue('2026-01-05T08:00');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const next = saved();
    expect(next.initial.tickets.find((t) => t.id === 'existing-ticket-1')).toMatchObject({
      subject: 'Quote',
      statusId: 'closed',
      closedAt: '2026-01-05T08:00:00Z',
      conversationId: 'conv-open-claire',
      threadId: 'th-open-claire',
    });
    expect(next.initial.conversations.find((c) => c.id === 'conv-open-claire')!.ticketId).toBe('existing-ticket-1');
  });

  it('deletes a conversation and leaves its ticket without one', async () => {
    const { user, saved } = setup(example('move-sales-inbox.json'));
    await user.click(screen.getByRole('button', { name: 'Delete conv-with-ticket' }));
    const next = saved();
    expect(next.initial.conversations.some((c) => c.id === 'conv-with-ticket')).toBe(false);
    expect(next.initial.tickets[0]).toMatchObject({ id: 'T-sales-1', conversationId: null, threadId: null });
  });
});
