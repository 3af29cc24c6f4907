// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace, type Workflow } from '../../../src/model';
import { UsersPage } from '../../../src/ui/settings/UsersPage';
import { EXAMPLES, renderSettings } from './host';

/** A workflow that notifies Marco directly, so removing him affects it. */
const notifyMarco: Workflow = {
  ...EXAMPLES[4]!,
  id: 'wf-marco',
  name: 'Tell Marco',
  actions: [{ id: 'n1', kind: 'notify', recipients: { userIds: ['u-marco'], teamIds: [], owner: false }, subject: 's', body: 'b', next: null }],
  startActionId: 'n1',
};

function setup() {
  const r = renderSettings(UsersPage, { workflows: [...EXAMPLES, notifyMarco] });
  return { ...r, user: userEvent.setup() };
}

describe('UsersPage', () => {
  it('grants help-desk access and super-admin rights', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Help-desk access for Sam Lee' }));
    await user.click(screen.getByRole('checkbox', { name: 'Sam Lee is a super admin' }));
    expect(last().users.find((u) => u.id === 'u-sam')).toMatchObject({ helpDeskAccess: true, superAdmin: true });
  });

  it('shows an email that is not an address next to the field and emits nothing', async () => {
    const { user, emitted } = setup();
    const box = screen.getByLabelText('Email of Claire Martin');
    await user.clear(box);
    await user.type(box, 'claire at acme{Enter}');
    expect(box.closest('td')).toHaveTextContent('“claire at acme” is not an email address.');
    expect(emitted).toHaveLength(0);
  });

  it('renames a user', async () => {
    const { user, last } = setup();
    const box = screen.getByLabelText('Name of Sam Lee');
    await user.clear(box);
    await user.type(box, 'Samantha Lee');
    await user.tab();
    expect(last().users[3]!.name).toBe('Samantha Lee');
  });

  it('asks before deleting a user, naming the workflows and teams affected', async () => {
    const { user, last, emitted, onOpenWorkflow } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Marco Rossi' }));
    const ask = screen.getByRole('alertdialog', { name: 'Delete Marco Rossi?' });
    expect(ask).toHaveTextContent('These workflows use it');
    expect(ask).toHaveTextContent('It is also taken out of: Tier 1.');
    expect(emitted).toHaveLength(0);
    await user.click(within(ask).getByRole('button', { name: 'Tell Marco' }));
    expect(onOpenWorkflow).toHaveBeenCalledWith('wf-marco');
    await user.click(within(ask).getByRole('button', { name: 'Delete' }));
    expect(last().users.map((u) => u.id)).not.toContain('u-marco');
    expect(last().teams[0]!.memberIds).toEqual(['u-claire']);
  });

  it('cancels a deletion', async () => {
    const { user, emitted } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Sam Lee' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Nothing uses it.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(emitted).toHaveLength(0);
  });

  it('adds a user without help-desk access', async () => {
    const { user, last } = setup();
    const form = screen.getByRole('form', { name: 'Add user' });
    await user.type(within(form).getByLabelText('Name'), 'Rita Reviewer');
    await user.type(within(form).getByLabelText('Email'), 'rita@acme.test');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(last().users.at(-1)).toEqual({ id: 'u-rita-reviewer', name: 'Rita Reviewer', email: 'rita@acme.test', helpDeskAccess: false, superAdmin: false });
  });

  it('refuses a user without a name, saying so in the form', async () => {
    const { user, emitted } = setup();
    const form = screen.getByRole('form', { name: 'Add user' });
    await user.type(within(form).getByLabelText('Email'), 'x@acme.test');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('This cannot be empty.');
    expect(emitted).toHaveLength(0);
  });
});

describe('UsersPage with a workspace that already has a problem', () => {
  it('still saves edits elsewhere, and still refuses new problems', async () => {
    const workspace = defaultWorkspace();
    workspace.users[3]!.email = 'not an address';
    const user = userEvent.setup();
    const { last, emitted } = renderSettings(UsersPage, { workspace });
    await user.click(screen.getByRole('checkbox', { name: 'Help-desk access for Ana García' }));
    expect(last().users[0]!.helpDeskAccess).toBe(false);
    const box = screen.getByLabelText('Email of Claire Martin');
    await user.clear(box);
    await user.type(box, 'nope{Enter}');
    expect(box.closest('td')).toHaveTextContent('“nope” is not an email address.');
    expect(emitted).toHaveLength(1);
  });
});
