// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine';
import type { Workflow } from '../../../src/model';
import { inThreadClient } from '../../../src/ui/simulation/simulation-client';
import { SimulationPanel } from '../../../src/ui/simulation/SimulationPanel';
import { createSimulationStore } from '../../../src/ui/simulation/simulation-store';
import { renderIn } from '../i18n/render-in';
import { chatScenario, example, workflows, workspace } from './fixtures';

function setup(opts: { scenarios?: ReturnType<typeof chatScenario>[]; workflows?: Workflow[]; current?: string | null } = {}) {
  const store = createSimulationStore(inThreadClient());
  if (opts.scenarios) store.getState().loadScenarios(opts.scenarios);
  const user = userEvent.setup();
  const wfs = opts.workflows ?? workflows;
  const view = renderIn(<SimulationPanel workspace={workspace} workflows={wfs} currentWorkflowId={opts.current ?? null} store={store} />);
  const tab = (name: RegExp) => user.click(screen.getByRole('tab', { name }));
  const runToEnd = async () => {
    await user.click(screen.getByRole('button', { name: 'Run to the end' }));
    await waitFor(() => expect(screen.getByText('Finished')).toBeInTheDocument());
  };
  return { store, user, view, tab, runToEnd };
}

// Rendering with jsdom on a machine shared with other test runs can take seconds.
describe('SimulationPanel', { timeout: 30_000 }, () => {
  it('answers "what happens to a ticket that arrives by chat, gets a reply from the ticket record and a customer answer on another thread?"', async () => {
    const { user, tab, runToEnd, store } = setup();
    await user.click(screen.getByRole('button', { name: 'New empty' }));

    // The chat arrives.
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    let form = screen.getByRole('form', { name: 'Incoming message' });
    await user.selectOptions(within(form).getByLabelText('Channel'), 'ch-chat');
    await user.selectOptions(within(form).getByLabelText('Contact'), 'c-jo');
    await user.type(within(form).getByLabelText('Subject'), 'Where is my parcel?');
    await user.type(within(form).getByLabelText('Message'), 'It has not arrived.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    // An agent answers from the ticket record.
    await user.selectOptions(screen.getByLabelText('New event'), 'agentEmail');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    form = screen.getByRole('form', { name: 'Agent email' });
    expect(within(form).getByRole('radio', { name: 'The ticket record' })).toBeChecked();
    await user.type(within(form).getByLabelText('Message'), 'We are on it.');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    // The customer answers on another thread.
    await user.selectOptions(screen.getByLabelText('New event'), 'incomingMessage');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    form = screen.getByRole('form', { name: 'Incoming message' });
    await user.click(within(form).getByRole('radio', { name: 'On a new thread of a conversation' }));
    await user.type(within(form).getByLabelText('Message'), 'Also, can I change my address?');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const scenario = store.getState().scenarios[0]!;
    expect(scenario.events.map((e) => e.type)).toEqual(['incomingMessage', 'agentEmail', 'incomingMessage']);
    expect(scenario.events[2]).toMatchObject({ conversationId: 'conv-1', threadId: 'thread-2', channelId: 'ch-chat', contactId: 'c-jo' });

    await runToEnd();
    await tab(/^Tickets/);
    await user.click(screen.getByRole('button', { name: /^ticket-1 Where is my parcel\?/ }));
    const ticket = screen.getByRole('article', { name: 'Ticket ticket-1' });
    const statuses = within(ticket).getByRole('table', { name: 'Status history' });
    const rows = within(statuses).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(1).map((c) => c.textContent));
    // Created New; the agent's email from the ticket record moves it; the answer on another thread changes nothing.
    const expected = simulate({ workspace, workflows, scenario }).history['ticket-1']!.statuses;
    expect(rows.length).toBe(expected.length);
    expect(rows[0]).toEqual(['none', 'New', 'Ticket creation']);
    expect(rows[1]).toEqual(['New', 'Waiting on contact', 'Built-in: update status when an email is sent (Support pipeline)']);
    expect(within(ticket).getByText('Waiting on contact', { selector: 'dd' })).toBeInTheDocument();

    await tab(/^Trace/);
    expect(screen.getByText(/Built-in rule “status on a reply on the ticket’s thread” not applied: the reply is on thread thread-2/)).toBeInTheDocument();
    // The rule is named in words beside its line, and its explanation is one click away.
    const rule = screen.getAllByText('Rule: Status on a reply on the ticket’s thread')[0]!;
    await userEvent.setup().click(rule);
    expect(rule.closest('details')).toHaveAttribute('open');
    expect(within(rule.closest('details')!).getByText(/A reply on another thread changes nothing/)).toBeVisible();
  });

  it('shows each email rendered in an empty sandbox, every value escaped', async () => {
    const hostile = { ...workspace, contacts: [{ id: 'c-x', name: '<img src=x onerror=alert(1)>', email: 'x@example.test' }, ...workspace.contacts] };
    const scenario = {
      ...chatScenario(),
      events: [{ ...chatScenario().events[0]!, channelId: 'ch-email', contactId: 'c-x', subject: '<script>alert(2)</script>' }],
    } as ReturnType<typeof chatScenario>;
    const store = createSimulationStore(inThreadClient());
    store.getState().loadScenarios([scenario]);
    const user = userEvent.setup();
    renderIn(<SimulationPanel workspace={hostile} workflows={workflows} currentWorkflowId={null} store={store} />);
    await user.click(screen.getByRole('button', { name: 'Run to the end' }));
    await waitFor(() => expect(screen.getByText('Finished')).toBeInTheDocument());
    await user.click(screen.getByRole('tab', { name: /^Outbox/ }));
    const frame = screen.getByTitle(/as the contact sees it/) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    const doc = frame.getAttribute('srcdoc')!;
    expect(doc).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
    expect(doc).not.toMatch(/<script|<img/);
    expect(doc).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(doc).toContain('<footer>Sent with Ticketflow</footer>');
  });

  it('lists notifications per recipient and the board of tickets by status', async () => {
    const { tab, runToEnd } = setup({ scenarios: [example('email-ticket-life.json')] });
    await runToEnd();
    const expected = simulate({ workspace, workflows, scenario: example('email-ticket-life.json') });
    await tab(/^Notifications/);
    const recipients = new Set(expected.notifications.filter((n) => n.recipient).map((n) => n.recipient!));
    for (const id of recipients) {
      const name = workspace.users.find((u) => u.id === id)!.name;
      const count = expected.notifications.filter((n) => n.recipient === id).length;
      expect(screen.getByRole('heading', { name: `${name} (${count})` })).toBeInTheDocument();
    }
    await tab(/^Board/);
    for (const t of expected.tickets) {
      const column = screen.getByRole('region', { name: new RegExp(`^${t.statusLabel}:`) });
      expect(within(column).getByRole('button', { name: t.id })).toBeInTheDocument();
    }
  });

  it('names the workflows of a runaway loop and stays usable', async () => {
    const loop = (id: string, from: string, to: string): Workflow => ({
      id,
      name: `Set ${to}`,
      enrollment: { triggers: [{ type: 'statusChanged', toStatusId: from }], filters: [], reenroll: true, unenroll: [] },
      actions: [{ id: 'set', kind: 'setStatus', statusId: to, next: null }],
      startActionId: 'set',
    });
    // By email: chat tickets are kept out of automated actions [S-chat], so they would not loop.
    const byEmail = chatScenario();
    byEmail.events = byEmail.events.map((e) => ('channelId' in e ? { ...e, channelId: 'ch-email' } : e));
    const { runToEnd, user } = setup({
      scenarios: [byEmail],
      workflows: [loop('wf-a', 'waiting-us', 'waiting-contact'), loop('wf-b', 'waiting-contact', 'waiting-us')],
    });
    await runToEnd();
    const alert = screen.getByText('Runaway automation stopped.').closest('[role="alert"]')!;
    expect(alert.textContent).toContain('Actions counted by workflow: Set waiting-contact 50, Set waiting-us 50');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getByText('0 of 3 events applied')).toBeInTheDocument());
  });

  it('shows the virtual clock and what the next step runs while stepping', async () => {
    const { user } = setup({ scenarios: [chatScenario()] });
    await user.click(screen.getByRole('button', { name: 'Step one event' }));
    await waitFor(() => expect(screen.getByTestId('sim-clock')).toHaveTextContent('Clock: Mon, Jan 5, 2026, 09:00 UTC'));
    expect(screen.getByText(/^Next: Send email: Ticket received in "Acknowledge chat conversations" for ticket ticket-1$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Step one action' }));
    await waitFor(() => expect(screen.getByText(/^Next: Notify Tier 1/)).toBeInTheDocument());
  });

  it('compares the scenario against another version of the open workflow', async () => {
    const current = workflows.find((w) => w.id === 'wf-ticket-closed-email')!;
    const store = createSimulationStore(inThreadClient());
    store.getState().loadScenarios([example('email-ticket-life.json')]);
    const user = userEvent.setup();
    renderIn(
      <SimulationPanel
        workspace={workspace}
        workflows={workflows}
        currentWorkflowId={current.id}
        versions={[{ id: 'v1', label: 'Copy without triggers', workflow: { ...current, enrollment: { ...current.enrollment, triggers: [] } } }]}
        store={store}
      />,
    );
    await user.click(screen.getByRole('tab', { name: 'Compare' }));
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const emails = await screen.findByRole('region', { name: 'Emails' });
    expect(within(emails).getByRole('heading', { name: /^Only with the current workflow/ })).toBeInTheDocument();
    expect(within(emails).queryByRole('heading', { name: /^Only with Copy without triggers/ })).toBeNull();
  });

  it('runs another scenario after one has finished', async () => {
    const { user, runToEnd, store } = setup({ scenarios: [chatScenario(), example('email-ticket-life.json')] });
    await runToEnd();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'email-ticket-life');
    expect(screen.getByText(/^The scenario or the workflows changed since this run/)).toBeInTheDocument();
    // The stale run's progress counts its own scenario's events, not the newly chosen one's.
    const ran = chatScenario().events.length;
    expect(screen.getByText(`${ran} of ${ran} events applied`)).toBeInTheDocument();
    await runToEnd();
    expect(store.getState().snapshot?.result).toEqual(simulate({ workspace, workflows, scenario: example('email-ticket-life.json') }));
  });

  it('speaks the chosen language', () => {
    const store = createSimulationStore(inThreadClient());
    renderIn(<SimulationPanel workspace={workspace} workflows={workflows} currentWorkflowId={null} store={store} />, 'es');
    expect(screen.getByRole('button', { name: 'Ejecutar hasta el final' })).toBeDisabled();
    expect(screen.getByText('Primero elige o crea un escenario.')).toBeInTheDocument();
  });
});
