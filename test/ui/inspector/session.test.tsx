// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Action } from '../../../src/actions';
import type { Workflow } from '../../../src/model';
import { Inspector, type InspectorSelection } from '../../../src/ui/inspector/Inspector';
import { renderIn } from '../i18n/render-in';
import { inspectorCallbacks, workflow, workspace } from './fixtures';

function open(selection: InspectorSelection, opts: { readOnly?: boolean; wf?: Workflow } = {}) {
  const calls = inspectorCallbacks();
  const user = userEvent.setup();
  const view = renderIn(
    <Inspector workspace={workspace} workflow={opts.wf ?? workflow} selection={selection} readOnly={opts.readOnly ?? false} {...calls} />,
  );
  const rerender = (wf: Workflow, s: InspectorSelection = selection) =>
    view.rerender(<Inspector workspace={workspace} workflow={wf} selection={s} readOnly={opts.readOnly ?? false} {...calls} />);
  return { calls, user, rerender };
}

describe('Inspector edit session', () => {
  it('titles the panel with the action kind and its summary', () => {
    open({ kind: 'action', id: 'status' });
    expect(screen.getByRole('complementary', { name: 'Set ticket status' })).toBeInTheDocument();
    expect(screen.getByText('Set status → Waiting on us · status')).toBeInTheDocument();
  });

  it('offers Save only once something changed', async () => {
    const { user } = open({ kind: 'action', id: 'status' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Status'), 'New');
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(screen.getByText('Unsaved changes.')).toBeInTheDocument();
  });

  it('restores the saved settings on Cancel and emits nothing', async () => {
    const { user, calls } = open({ kind: 'action', id: 'notify' });
    const subject = screen.getByLabelText('Subject');
    await user.clear(subject);
    await user.type(subject, 'Something else');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(subject).toHaveValue('New ticket');
    expect(calls.onChangeAction).not.toHaveBeenCalled();
    expect(calls.onClose).not.toHaveBeenCalled();
  });

  it('cancels the edits on Escape, and closes the panel on a second Escape', async () => {
    const { user, calls } = open({ kind: 'action', id: 'notify' });
    await user.type(screen.getByLabelText('Subject'), '!');
    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('Subject')).toHaveValue('New ticket');
    expect(calls.onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(calls.onClose).toHaveBeenCalledTimes(1);
    expect(calls.onChangeAction).not.toHaveBeenCalled();
  });

  it('saves on Enter in a one-line field', async () => {
    const { user, calls } = open({ kind: 'action', id: 'notify' });
    await user.type(screen.getByLabelText('Subject'), ' now{Enter}');
    expect(calls.onChangeAction).toHaveBeenCalledWith(expect.objectContaining({ id: 'notify', subject: 'New ticket now' }));
  });

  it('closes with the close button', async () => {
    const { user, calls } = open({ kind: 'trigger' });
    await user.click(screen.getByRole('button', { name: 'Close the panel' }));
    expect(calls.onClose).toHaveBeenCalledTimes(1);
  });

  it('follows the saved action when the store applies the save', async () => {
    const { user, calls, rerender } = open({ kind: 'action', id: 'status' });
    await user.selectOptions(screen.getByLabelText('Status'), 'New');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const applied = calls.onChangeAction.mock.calls[0]![0] as Action;
    rerender({ ...workflow, actions: workflow.actions.map((a) => (a.id === applied.id ? applied : a)) });
    expect(screen.getByLabelText('Status')).toHaveValue('new');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('shows an undo from elsewhere while nothing is being edited', () => {
    const { rerender } = open({ kind: 'action', id: 'status' });
    rerender({ ...workflow, actions: workflow.actions.map((a) => (a.id === 'status' ? { ...a, statusId: 'closed' } : a)) });
    expect(screen.getByLabelText('Status')).toHaveValue('closed');
  });

  it('starts a fresh session when another action is selected', async () => {
    const { user, rerender } = open({ kind: 'action', id: 'notify' });
    await user.type(screen.getByLabelText('Subject'), ' edited');
    rerender(workflow, { kind: 'action', id: 'email' });
    rerender(workflow, { kind: 'action', id: 'notify' });
    expect(screen.getByLabelText('Subject')).toHaveValue('New ticket');
  });

  it('tells the shell when there are unsaved edits', async () => {
    const onDirtyChange = vi.fn();
    const user = userEvent.setup();
    renderIn(
      <Inspector
        workspace={workspace}
        workflow={workflow}
        selection={{ kind: 'action', id: 'notify' }}
        readOnly={false}
        {...inspectorCallbacks()}
        onDirtyChange={onDirtyChange}
      />,
    );
    await user.type(screen.getByLabelText('Subject'), '!');
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
  });

  it('shows everything disabled and without Save in review mode', () => {
    open({ kind: 'action', id: 'notify' }, { readOnly: true });
    expect(screen.getByText('Review mode: settings are read-only.')).toBeInTheDocument();
    expect(screen.getByLabelText('Subject')).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Tier 1' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('says so when the selected action no longer exists', () => {
    open({ kind: 'action', id: 'gone' });
    expect(screen.getByText('The action gone is no longer in this workflow.')).toBeInTheDocument();
  });

  it('renders nothing without a selection', () => {
    const calls = inspectorCallbacks();
    const { container } = renderIn(<Inspector workspace={workspace} workflow={workflow} selection={null} readOnly={false} {...calls} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('speaks the language of the provider', () => {
    const calls = inspectorCallbacks();
    renderIn(
      <Inspector workspace={workspace} workflow={workflow} selection={{ kind: 'action', id: 'wait' }} readOnly={false} {...calls} />,
      'it',
    );
    expect(screen.getByRole('complementary', { name: 'Ritardo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Salva' })).toBeInTheDocument();
    expect(screen.getByLabelText('Quantità')).toHaveValue(2);
  });

  it('shows a reference missing from the workspace instead of dropping it', () => {
    const dangling: Workflow = {
      ...workflow,
      actions: workflow.actions.map((a) => (a.id === 'status' ? { ...a, statusId: 'archived' } : a)),
    };
    open({ kind: 'action', id: 'status' }, { wf: dangling });
    expect(screen.getByLabelText('Status')).toHaveValue('archived');
    expect(screen.getByText('"archived" is not in this workspace.')).toBeInTheDocument();
  });
});

describe('Inspector workflow settings', () => {
  it('renames the workflow and describes it', async () => {
    const { user, calls } = open({ kind: 'workflow' });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), '  Welcome mail  ');
    await user.type(screen.getByLabelText('Description'), 'Greets new tickets.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls.onChangeWorkflowMeta).toHaveBeenCalledWith({ name: 'Welcome mail', description: 'Greets new tickets.' });
  });

  it('refuses an empty name', async () => {
    const { user, calls } = open({ kind: 'workflow' });
    await user.clear(screen.getByLabelText('Name'));
    expect(screen.getByText('This cannot be empty.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(calls.onChangeWorkflowMeta).not.toHaveBeenCalled();
  });
});
