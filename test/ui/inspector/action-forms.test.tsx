// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionSchema, type Action } from '../../../src/actions';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { renderIn } from '../i18n/render-in';
import { inspectorCallbacks, workflow, workspace } from './fixtures';

function editAction(id: string) {
  const calls = inspectorCallbacks();
  const user = userEvent.setup();
  renderIn(
    <Inspector workspace={workspace} workflow={workflow} selection={{ kind: 'action', id }} readOnly={false} {...calls} />,
  );
  const original = workflow.actions.find((a) => a.id === id)!;
  /** The one action emitted by Save, checked to be a whole valid Action of the same id and kind. */
  const saved = (): Action => {
    expect(calls.onChangeAction).toHaveBeenCalledTimes(1);
    const action = calls.onChangeAction.mock.calls[0]![0] as Action;
    expect(ActionSchema.safeParse(action).success).toBe(true);
    expect(action.id).toBe(original.id);
    expect(action.kind).toBe(original.kind);
    return action;
  };
  const save = () => user.click(screen.getByRole('button', { name: 'Save' }));
  return { calls, user, saved, save, original };
}

describe('Inspector action forms', () => {
  describe('send email', () => {
    it('switches to a built-in template by its radio button', async () => {
      const { user, save, saved } = editAction('email');
      expect(screen.getByRole('radio', { name: 'Ticket received (built-in)' })).toBeChecked();
      await user.click(screen.getByRole('radio', { name: 'Ticket closed (built-in)' }));
      await save();
      expect(saved()).toEqual({ id: 'email', kind: 'sendEmail', templateId: 'tpl-closed', subject: '', body: '', next: 'notify' });
    });

    it('writes a custom subject and body, with help on tokens', async () => {
      const { user, save, saved } = editAction('email');
      await user.click(screen.getByRole('radio', { name: 'Custom email' }));
      expect(screen.getByText('{{ticket.subject}}')).toBeInTheDocument();
      await user.type(screen.getByLabelText('Subject'), 'About {{{{ticket.subject}}');
      await user.type(screen.getByLabelText('Body'), 'Hello');
      await save();
      expect(saved()).toMatchObject({ templateId: null, subject: 'About {{ticket.subject}}', body: 'Hello', next: 'notify' });
    });

    it('marks a custom email without a body as incomplete next to the template choice', async () => {
      const { user } = editAction('email');
      await user.click(screen.getByRole('radio', { name: 'Custom email' }));
      expect(screen.getByText('Choose a template, or write a subject and body.')).toBeInTheDocument();
    });
  });

  describe('send internal notification', () => {
    it('adds a team and the ticket owner to the recipients', async () => {
      const { user, save, saved } = editAction('notify');
      await user.click(screen.getByRole('checkbox', { name: 'Tier 1' }));
      await user.click(screen.getByRole('checkbox', { name: 'Ticket owner' }));
      await save();
      expect(saved()).toMatchObject({ recipients: { userIds: ['u-ana'], teamIds: ['t-tier1'], owner: true } });
    });

    it('says a recipient is missing, and still saves the placeholder', async () => {
      const { user, save, saved } = editAction('notify');
      await user.click(screen.getByRole('checkbox', { name: 'Ana García' }));
      expect(screen.getByText('Choose at least one recipient.')).toBeInTheDocument();
      await save();
      expect(saved()).toMatchObject({ recipients: { userIds: [], teamIds: [], owner: false } });
    });

    it('offers users from the workspace, marking those without help-desk access', () => {
      editAction('notify');
      const users = screen.getByRole('group', { name: 'Users' });
      expect(within(users).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual([
        'Ana García',
        'Marco Rossi',
        'Claire Martin',
        'Sam Lee (no help-desk access)',
      ]);
    });
  });

  describe('set ticket status', () => {
    it('picks a status of the pipeline', async () => {
      const { user, save, saved } = editAction('status');
      await user.selectOptions(screen.getByLabelText('Status'), 'Closed');
      await save();
      expect(saved()).toEqual({ id: 'status', kind: 'setStatus', statusId: 'closed', next: 'prop' });
    });
  });

  describe('set ticket property', () => {
    it('switches to the owner and picks a user', async () => {
      const { user, save, saved } = editAction('prop');
      await user.selectOptions(screen.getByLabelText('Property'), 'Owner');
      await user.selectOptions(screen.getByLabelText('New owner'), 'Marco Rossi');
      await save();
      expect(saved()).toEqual({ id: 'prop', kind: 'setProperty', change: { property: 'owner', ownerId: 'u-marco' }, next: 'wait' });
    });

    it('unassigns the ticket with the "Unassigned" owner', async () => {
      const { user, save, saved } = editAction('prop');
      await user.selectOptions(screen.getByLabelText('Property'), 'Owner');
      await user.selectOptions(screen.getByLabelText('New owner'), 'Unassigned');
      await save();
      expect(saved()).toMatchObject({ change: { property: 'owner', ownerId: null } });
    });

    it('sets a new subject', async () => {
      const { user, save, saved } = editAction('prop');
      await user.selectOptions(screen.getByLabelText('Property'), 'Subject');
      await user.type(screen.getByLabelText('New subject'), '[[VIP] urgent');
      await save();
      expect(saved()).toMatchObject({ change: { property: 'subject', subject: '[VIP] urgent' } });
    });
  });

  describe('delay', () => {
    it('changes the amount and unit of a duration', async () => {
      const { user, save, saved } = editAction('wait');
      await user.clear(screen.getByLabelText('Amount'));
      await user.type(screen.getByLabelText('Amount'), '3');
      await user.selectOptions(screen.getByLabelText('Unit'), 'days');
      await save();
      expect(saved()).toEqual({ id: 'wait', kind: 'delay', wait: { type: 'duration', duration: { amount: 3, unit: 'days' } }, next: 'split' });
    });

    it('waits until chosen weekdays at a time of day', async () => {
      const { user, save, saved } = editAction('wait');
      await user.click(screen.getByRole('radio', { name: 'Until a day and time' }));
      await user.click(screen.getByRole('checkbox', { name: 'Wed' }));
      await user.click(screen.getByRole('checkbox', { name: 'Sat' }));
      await save();
      expect(saved()).toMatchObject({ wait: { type: 'until', days: ['mon', 'tue', 'thu', 'fri', 'sat'], time: '09:00' } });
    });

    it('shows an empty amount as an error and emits nothing, not even on Enter', async () => {
      const { user, calls } = editAction('wait');
      const amount = screen.getByLabelText('Amount');
      await user.clear(amount);
      expect(screen.getByText('Enter a number.')).toBeInTheDocument();
      expect(amount).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
      await user.type(amount, '{Enter}');
      expect(calls.onChangeAction).not.toHaveBeenCalled();
    });

    it('refuses a negative amount with the limit', async () => {
      const { user, calls } = editAction('wait');
      await user.clear(screen.getByLabelText('Amount'));
      await user.type(screen.getByLabelText('Amount'), '-4');
      expect(screen.getByText('Enter 0 or more.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(calls.onChangeAction).not.toHaveBeenCalled();
    });

    it('needs at least one day to wait until', async () => {
      const { user } = editAction('wait');
      await user.click(screen.getByRole('radio', { name: 'Until a day and time' }));
      for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await user.click(screen.getByRole('checkbox', { name: day }));
      expect(screen.getByText('Choose at least one day.')).toBeInTheDocument();
    });
  });

  describe('branch', () => {
    it('moves a path up, keeping the action each path leads to', async () => {
      const { user, save, saved } = editAction('split');
      await user.click(screen.getByRole('button', { name: 'Move "By email" up' }));
      await save();
      const action = saved();
      expect(action.kind === 'branch' && action.paths.map((p) => [p.id, p.label, p.next])).toEqual([
        ['p2', 'By email', null],
        ['p1', 'Urgent', 'hook'],
      ]);
    });

    it('adds a path with an empty filter group to fill in', async () => {
      const { user, save, saved } = editAction('split');
      await user.click(screen.getByRole('button', { name: 'Add path' }));
      expect(screen.getByText('Add at least one condition to every group.')).toBeInTheDocument();
      await save();
      const action = saved();
      expect(action.kind === 'branch' && action.paths[2]).toEqual({ id: 'p3', label: 'Path 3', filters: [{ conditions: [] }], next: null });
    });

    it('removes an empty path, but not one that still leads to actions', async () => {
      const { user, save, saved } = editAction('split');
      const removeUrgent = screen.getByRole('button', { name: 'Remove "Urgent"' });
      expect(removeUrgent).toBeDisabled();
      expect(removeUrgent).toHaveAccessibleDescription('Delete the actions on this path first.');
      await user.click(screen.getByRole('button', { name: 'Remove "By email"' }));
      await save();
      const action = saved();
      expect(action.kind === 'branch' && action.paths.map((p) => p.id)).toEqual(['p1']);
    });

    it('edits the label of a path and of the default path', async () => {
      const { user, save, saved } = editAction('split');
      const labels = screen.getAllByLabelText('Label');
      await user.clear(labels[0]!);
      await user.type(labels[0]!, 'Very urgent');
      await user.clear(screen.getByLabelText('Default path label'));
      await user.type(screen.getByLabelText('Default path label'), 'Everything else');
      await save();
      expect(saved()).toMatchObject({ paths: [{ label: 'Very urgent' }, { label: 'By email' }], defaultLabel: 'Everything else' });
    });

    it('refuses an empty path label', async () => {
      const { user, calls } = editAction('split');
      await user.clear(screen.getAllByLabelText('Label')[0]!);
      expect(screen.getByText('This cannot be empty.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save' }));
      expect(calls.onChangeAction).not.toHaveBeenCalled();
    });

    it("edits a path's filters with inputs suited to the property", async () => {
      const { user, save, saved } = editAction('split');
      const path = screen.getByRole('region', { name: 'Path 2: By email' });
      await user.selectOptions(within(path).getByLabelText('Operator (group 1, condition 1)'), 'is any of');
      const value = within(path).getByRole('group', { name: 'Value (group 1, condition 1)' });
      await user.click(within(value).getByRole('checkbox', { name: 'Form' }));
      await save();
      expect(saved()).toMatchObject({
        paths: [{ id: 'p1' }, { id: 'p2', filters: [{ conditions: [{ property: 'source', operator: 'isAnyOf', value: ['email', 'form'] }] }] }],
      });
    });
  });

  describe('branch filters on text', () => {
    it('takes a list of addresses, one per line, for "contact email is any of"', async () => {
      const { user, save, saved } = editAction('split');
      const path = screen.getByRole('region', { name: 'Path 2: By email' });
      await user.selectOptions(within(path).getByLabelText('Property (group 1, condition 1)'), 'contactEmail');
      await user.selectOptions(within(path).getByLabelText('Operator (group 1, condition 1)'), 'is any of');
      const list = within(path).getByRole('textbox', { name: 'Value (group 1, condition 1)' });
      await user.type(list, 'a@acme.test{Enter}');
      expect(within(path).getByText('Enter one value per line, with no blank lines.')).toBeTruthy();
      await user.type(list, 'b@acme.test');
      await save();
      expect(saved()).toMatchObject({
        paths: [{ id: 'p1' }, { id: 'p2', filters: [{ conditions: [{ property: 'contactEmail', operator: 'isAnyOf', value: ['a@acme.test', 'b@acme.test'] }] }] }],
      });
    });
  });

  describe('go to', () => {
    it('lists the other actions by their summary and picks one', async () => {
      const { user, save, saved } = editAction('back');
      const select = screen.getByLabelText('Continue at');
      const labels = within(select).getAllByRole('option').map((o) => o.textContent);
      expect(labels).toContain('Send email: Ticket received');
      expect(labels).toContain('Delay 2 hours');
      expect(labels).not.toContain('Go to wait');
      await user.selectOptions(select, 'Send email: Ticket received');
      await save();
      expect(saved()).toEqual({ id: 'back', kind: 'goto', target: 'email' });
    });

    it('tells apart actions whose summaries read the same by their ids', () => {
      const twins = {
        ...workflow,
        actions: [
          ...workflow.actions,
          { id: 'wait2', kind: 'delay' as const, wait: { type: 'duration' as const, duration: { amount: 2, unit: 'hours' as const } }, next: null },
        ],
      };
      renderIn(
        <Inspector workspace={workspace} workflow={twins} selection={{ kind: 'action', id: 'back' }} readOnly={false} {...inspectorCallbacks()} />,
      );
      const labels = within(screen.getByLabelText('Continue at')).getAllByRole('option').map((o) => o.textContent);
      expect(labels).toEqual(expect.arrayContaining(['Delay 2 hours (wait)', 'Delay 2 hours (wait2)', 'Set status → Waiting on us']));
    });
  });

  describe('webhook', () => {
    it('changes the method, URL and body', async () => {
      const { user, save, saved } = editAction('hook');
      await user.selectOptions(screen.getByLabelText('Method'), 'PUT');
      await user.clear(screen.getByLabelText('URL'));
      await user.type(screen.getByLabelText('URL'), 'https://api.example.test/tickets');
      await user.clear(screen.getByLabelText('Request body'));
      await user.type(screen.getByLabelText('Request body'), 'id={{{{ticket.id}}');
      await save();
      expect(saved()).toEqual({
        id: 'hook',
        kind: 'webhook',
        method: 'PUT',
        url: 'https://api.example.test/tickets',
        body: 'id={{ticket.id}}',
        next: null,
      });
    });

    it('tells a URL that is not http(s) as the user types it', async () => {
      const { user } = editAction('hook');
      await user.clear(screen.getByLabelText('URL'));
      expect(screen.getByText('Enter the URL.')).toBeInTheDocument();
      await user.type(screen.getByLabelText('URL'), 'javascript:alert(1)');
      expect(screen.getByText(/The URL must start with http:\/\/ or https:\/\//)).toBeInTheDocument();
      expect(screen.queryByText('Enter the URL.')).toBeNull();
    });
  });
});
