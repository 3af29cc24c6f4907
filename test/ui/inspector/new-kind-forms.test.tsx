// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionSchema, type Action } from '../../../src/actions';
import { WorkflowSchema } from '../../../src/model';
import { Inspector } from '../../../src/ui/inspector/Inspector';
import { renderIn } from '../i18n/render-in';
import { inspectorCallbacks, workspace } from './fixtures';

/** A valid workflow with one action of each of the newer kinds. */
const workflow = WorkflowSchema.parse({
  id: 'wf-new',
  name: 'Newer kinds',
  enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [], reenroll: false, unenroll: [] },
  startActionId: 'by',
  actions: [
    {
      id: 'by',
      kind: 'valueBranch',
      property: 'priority',
      paths: [{ id: 'v1', label: 'Urgent', value: 'urgent', next: 'date' }],
      defaultLabel: 'Other',
      defaultNext: null,
    },
    { id: 'date', kind: 'delayUntilDate', property: 'firstResponseDue', offset: { amount: 1, unit: 'hours', direction: 'before' }, next: 'event' },
    { id: 'event', kind: 'delayUntilEvent', event: { type: 'contactReplied' }, timeout: { amount: 2, unit: 'days' }, happenedNext: null, timeoutNext: null },
  ],
});

function editAction(id: string) {
  const calls = inspectorCallbacks();
  const user = userEvent.setup();
  renderIn(<Inspector workspace={workspace} workflow={workflow} selection={{ kind: 'action', id }} readOnly={false} {...calls} />);
  const saved = (): Action => {
    expect(calls.onChangeAction).toHaveBeenCalledTimes(1);
    const action = calls.onChangeAction.mock.calls[0]![0] as Action;
    expect(ActionSchema.safeParse(action).success).toBe(true);
    return action;
  };
  const save = () => user.click(screen.getByRole('button', { name: 'Save' }));
  return { calls, user, saved, save };
}

describe('Inspector forms of the newer kinds', () => {
  describe('value branch', () => {
    it('adds a value path, picks its value, and keeps the first path leading where it did', async () => {
      const { user, save, saved } = editAction('by');
      await user.click(screen.getByRole('button', { name: 'Add value' }));
      const values = screen.getAllByLabelText('Value');
      expect(values).toHaveLength(2);
      await user.selectOptions(values[1]!, 'high');
      await save();
      expect(saved()).toMatchObject({
        kind: 'valueBranch',
        paths: [
          { id: 'v1', value: 'urgent', next: 'date' },
          { id: 'v2', value: 'high', label: 'high', next: null },
        ],
      });
    });

    it('changing the property clears the values, which then need choosing', async () => {
      const { user } = editAction('by');
      await user.selectOptions(screen.getByLabelText('Branch on'), 'status');
      expect(screen.getAllByText('Choose a value.').length).toBeGreaterThan(0);
    });

    it('offers the statuses of the workspace for a status branch', async () => {
      const { user } = editAction('by');
      await user.selectOptions(screen.getByLabelText('Branch on'), 'status');
      expect(screen.getByRole('option', { name: 'Waiting on contact' })).toBeInTheDocument();
    });
  });

  describe('delay until a date', () => {
    it('changes the date, the offset and its direction', async () => {
      const { user, save, saved } = editAction('date');
      await user.selectOptions(screen.getByLabelText('Ticket date'), 'createdAt');
      await user.clear(screen.getByLabelText('Amount'));
      await user.type(screen.getByLabelText('Amount'), '3');
      await user.selectOptions(screen.getByLabelText('Unit'), 'days');
      await user.click(screen.getByRole('radio', { name: 'After the date' }));
      await save();
      expect(saved()).toEqual({ id: 'date', kind: 'delayUntilDate', property: 'createdAt', offset: { amount: 3, unit: 'days', direction: 'after' }, next: 'event' });
    });

    it('says in words what happens when the date is past or missing', () => {
      editAction('date');
      expect(screen.getByText(/A date already past goes on at once/)).toBeInTheDocument();
    });
  });

  describe('delay until an event', () => {
    it('waits for a status change to a chosen status, with another timeout', async () => {
      const { user, save, saved } = editAction('event');
      await user.click(screen.getByRole('radio', { name: 'The status changes' }));
      await user.selectOptions(screen.getByLabelText('To status'), 'closed');
      await user.clear(screen.getByLabelText('Timeout after'));
      await user.type(screen.getByLabelText('Timeout after'), '6');
      await user.selectOptions(screen.getByLabelText('Unit'), 'hours');
      await save();
      expect(saved()).toEqual({
        id: 'event',
        kind: 'delayUntilEvent',
        event: { type: 'statusChanged', toStatusId: 'closed' },
        timeout: { amount: 6, unit: 'hours' },
        happenedNext: null,
        timeoutNext: null,
      });
    });

    it('waits for any status change when no status is chosen', async () => {
      const { user, save, saved } = editAction('event');
      await user.click(screen.getByRole('radio', { name: 'The status changes' }));
      await save();
      expect(saved()).toMatchObject({ event: { type: 'statusChanged', toStatusId: null } });
    });
  });
});
