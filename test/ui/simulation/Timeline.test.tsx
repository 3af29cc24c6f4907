// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ScenarioEventSchema, type Scenario } from '../../../src/model';
import { Timeline } from '../../../src/ui/simulation/Timeline';
import { renderIn } from '../i18n/render-in';
import { chatScenario, workspace } from './fixtures';

function setup(scenario: Scenario = chatScenario()) {
  const onChange = vi.fn<(next: Scenario) => void>();
  const onRunThrough = vi.fn<(index: number) => void>();
  const user = userEvent.setup();
  renderIn(<Timeline workspace={workspace} scenario={scenario} onChange={onChange} onRunThrough={onRunThrough} errorsByEvent={new Map()} />);
  /** The one scenario passed to onChange, with every event valid. */
  const changed = (): Scenario => {
    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0]![0];
    for (const e of next.events) expect(ScenarioEventSchema.safeParse(e).success).toBe(true);
    return next;
  };
  return { user, onChange, onRunThrough, changed, scenario };
}

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('Timeline', { timeout: 30_000 }, () => {
  it('lists each event in words', () => {
    setup();
    expect(screen.getByText('Jo Customer starts conversation conv-1 on Website chat: "Where is my parcel?"')).toBeInTheDocument();
    expect(screen.getByText('Marco Rossi emails the contact from the ticket record (thread thread-1 of conv-1)')).toBeInTheDocument();
    expect(screen.getByText('Jo Customer writes on a new thread thread-2 of conv-1 (Website chat)')).toBeInTheDocument();
  });

  it('adds a reply on an existing thread, picked from the conversations that exist then', async () => {
    const { user, changed } = setup();
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Incoming message' });
    await user.click(within(form).getByRole('radio', { name: 'A reply on a thread' }));
    const threads = within(form).getByLabelText('Thread');
    expect(within(threads).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['thread-1', 'thread-2']);
    await user.selectOptions(threads, 'thread-1');
    await user.type(within(form).getByLabelText('Message'), 'Any news?');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(changed().events[3]).toMatchObject({
      type: 'incomingMessage',
      conversationId: 'conv-1',
      threadId: 'thread-1',
      contactId: 'c-jo',
      channelId: 'ch-chat',
      text: 'Any news?',
    });
  });

  it('adds an agent email from the contact record, which it explains never changes the status', async () => {
    const { user, changed } = setup();
    await user.selectOptions(screen.getByLabelText('New event'), 'agentEmail');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Agent email' });
    await user.click(within(form).getByRole('radio', { name: 'The contact record' }));
    expect(within(form).getByText('Never changes the ticket status.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByLabelText('Agent'), 'u-claire');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(changed().events[3]).toMatchObject({ type: 'agentEmail', from: 'contact', userId: 'u-claire', conversationId: 'conv-1' });
  });

  it('offers only tickets that exist at that moment, and the statuses of their pipeline', async () => {
    const { user, changed } = setup();
    await user.selectOptions(screen.getByLabelText('New event'), 'setStatus');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Status change' });
    const tickets = within(form).getByLabelText('Ticket');
    expect(within(tickets).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['ticket-1']);
    expect(within(within(form).getByLabelText('Status')).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'New',
      'Waiting on contact',
      'Waiting on us',
      'Closed',
    ]);
    await user.selectOptions(within(form).getByLabelText('Status'), 'closed');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(changed().events[3]).toMatchObject({ type: 'setStatus', ticketId: 'ticket-1', statusId: 'closed' });
  });

  it('cannot save a ticket event before any ticket exists, and says why', async () => {
    const { user, onChange } = setup({ ...chatScenario(), events: [] });
    await user.selectOptions(screen.getByLabelText('New event'), 'closeTicket');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Close ticket' });
    expect(within(form).getByText('No ticket exists at this moment.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Save' })).toBeDisabled();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('warns, before saving, how the engine would refuse an event', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('New event'), 'reopenTicket');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Reopen ticket' });
    expect(within(form).getByRole('status')).toHaveTextContent('When it runs: events[3] (reopenTicket) on ticket ticket-1: the ticket is not closed.');
  });

  it('keeps the form from saving while the time is incomplete', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByLabelText('New event'), 'advance');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const form = screen.getByRole('form', { name: 'Time passes' });
    fireEvent.change(within(form).getByLabelText('When (UTC)'), { target: { value: '' } });
    expect(within(form).getByText('Enter a full date and time.')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('edits an event in place', async () => {
    const { user, changed } = setup();
    await user.click(screen.getByRole('button', { name: 'Edit event 2' }));
    const form = screen.getByRole('form', { name: 'Agent email' });
    fireEvent.change(within(form).getByLabelText('When (UTC)'), { target: { value: '2026-01-05T09:45' } });
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(changed().events[1]).toMatchObject({ type: 'agentEmail', at: '2026-01-05T09:45:00Z' });
  });

  it('reorders and deletes events', async () => {
    const { user, onChange, scenario } = setup();
    await user.click(screen.getByRole('button', { name: 'Move event 3 earlier' }));
    expect(onChange.mock.calls[0]![0].events.map((e) => e.type)).toEqual(['incomingMessage', 'incomingMessage', 'agentEmail']);
    await user.click(screen.getByRole('button', { name: 'Delete event 1' }));
    expect(onChange.mock.calls[1]![0].events).toEqual(scenario.events.slice(1));
    expect(screen.getByRole('button', { name: 'Move event 1 earlier' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move event 3 later' })).toBeDisabled();
  });

  it('runs up to an event', async () => {
    const { user, onRunThrough } = setup();
    await user.click(screen.getByRole('button', { name: 'Run until event 2 has happened' }));
    expect(onRunThrough).toHaveBeenCalledWith(1);
  });

  it('lists a long timeline a page at a time', async () => {
    const long = { ...chatScenario(), events: Array.from({ length: 250 }, () => ({ type: 'advance' as const, at: '2026-01-06T09:00:00Z' })) };
    const { user } = setup(long);
    expect(screen.getAllByText('Time passes', { selector: '.tf-sim-timeline__text' })).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: 'Show 50 more of 250 events' }));
    expect(screen.getAllByText('Time passes', { selector: '.tf-sim-timeline__text' })).toHaveLength(250);
  });
});
