// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE_WORKFLOWS } from '../../../src/examples';
import { exportBundle } from '../../../src/document';
import { defaultWorkspace } from '../../../src/model';
import { StoreProvider } from '../../../src/store/store';
import { TeamApi, type Role } from '../../../src/store/team-api';
import { teamSession } from '../../../src/store/team-session';
import { I18nProvider } from '../../../src/ui/i18n';
import '../../../src/ui/i18n/canvas';
import { Header } from '../../../src/ui/shell/Header';
import { ModeLine } from '../../../src/ui/team/ModeLine';
import { storeWith } from '../../store/fixtures';
import { FakeTeamServer } from '../../store/team-fake-server';

let server: FakeTeamServer;
const docs = EXAMPLE_WORKFLOWS.slice(0, 2).map((e) => e.document);

beforeEach(() => {
  server = new FakeTeamServer();
  server.addAccount('Ada Admin', 'ada@example.com', 'admin');
  server.addAccount('Rui Reviewer', 'rui@example.com', 'reviewer');
});
afterEach(() => {
  cleanup();
  teamSession.setState({ mode: 'local', api: null, me: null, presence: {}, live: false });
});

async function signedIn(email: string, role: Role) {
  const client = server.client(email);
  const api = new TeamApi('/api/v1', client.fetch);
  api.setCsrfToken(client.csrf);
  const me = await api.me();
  expect(me.role).toBe(role);
  teamSession.setState({ mode: 'team', api, me, live: true });
  return api;
}

function mount(what: 'mode' | 'header' = 'mode') {
  const store = storeWith(...docs);
  render(
    <StoreProvider store={store}>
      <I18nProvider lang="en">{what === 'mode' ? <ModeLine /> : <Header />}</I18nProvider>
    </StoreProvider>,
  );
  return store;
}

const openMenu = async () => {
  await userEvent.setup().click(screen.getByRole('button', { name: 'Account and team' }));
  return screen.getByRole('menu');
};

describe('ModeLine', () => {
  it('says local mode, and offers signing in when a team server is there', () => {
    mount();
    expect(screen.getByRole('group', { name: 'Mode' })).toHaveTextContent('LocalThis browser only');
    expect(screen.queryByRole('button', { name: 'Sign in to the team' })).toBeNull();
    cleanup();
    teamSession.setState({ api: new TeamApi('/api/v1', server.client(null).fetch) });
    mount();
    expect(screen.getByRole('button', { name: 'Sign in to the team' })).toBeInTheDocument();
  });

  it('says team mode, the workspace, who is signed in and their role', async () => {
    await signedIn('rui@example.com', 'reviewer');
    mount();
    expect(screen.getByTestId('mode-line')).toHaveTextContent('Acme Support · Rui Reviewer (reviewer)');
    const menu = await openMenu();
    expect(within(menu).getAllByRole('menuitem').map((b) => b.textContent)).toEqual(['Change password…', 'Sign out']);
  });

  it('gives an admin the members, API tokens and moving-in screens', async () => {
    await signedIn('ada@example.com', 'admin');
    mount();
    const menu = await openMenu();
    expect(within(menu).getAllByRole('menuitem').map((b) => b.textContent)).toEqual(['Members…', 'API tokens…', 'Move a local workspace in…', 'Change password…', 'Sign out']);
  });

  it('shows who else is viewing or editing the open workflow', async () => {
    await signedIn('ada@example.com', 'admin');
    teamSession.setState({ presence: { [docs[0]!.workflow.id]: [{ accountId: 'acc-2', name: 'Rui Reviewer', state: 'editing', at: Date.now() }] } });
    mount();
    expect(screen.getByRole('img', { name: 'Rui Reviewer is editing' })).toHaveTextContent('RR');
  });

  it('leaves the review toggle out of the header for a reviewer: review mode is the role', async () => {
    await signedIn('rui@example.com', 'reviewer');
    mount('header');
    expect(screen.queryByRole('button', { name: /^Review mode/ })).toBeNull();
    cleanup();
    await signedIn('ada@example.com', 'admin');
    mount('header');
    expect(screen.getByRole('button', { name: /^Review mode/ })).toBeInTheDocument();
  });
});

describe('the admin screens', () => {
  it('invite a member by email and role with a one-time link to copy, change a role, remove a member', async () => {
    await signedIn('ada@example.com', 'admin');
    mount();
    const user = userEvent.setup();
    await user.click(within(await openMenu()).getByRole('menuitem', { name: 'Members…' }));
    const dialog = screen.getByRole('dialog', { name: 'Members' });
    expect(await within(dialog).findByText('rui@example.com')).toBeInTheDocument();
    const invite = within(dialog).getByRole('form', { name: 'Invite' });
    await user.type(within(invite).getByLabelText('Email'), 'new@example.com');
    await user.selectOptions(within(invite).getByLabelText('Role'), 'viewer');
    await user.click(within(invite).getByRole('button', { name: 'Invite' }));
    const link = (await within(dialog).findByLabelText('Invitation link')) as HTMLInputElement;
    expect(link.value).toMatch(/^http:\/\/localhost(:\d+)?\/#\/invite\/invite-/);
    expect([...server.invites.values()]).toEqual([{ email: 'new@example.com', role: 'viewer' }]);
    await user.selectOptions(within(dialog).getByLabelText('Role of Rui Reviewer'), 'admin');
    await within(dialog).findByText('rui@example.com');
    expect(server.accounts.find((a) => a.email === 'rui@example.com')?.role).toBe('admin');
    // One's own role and membership are not offered for change.
    expect(within(dialog).getByLabelText('Role of Ada Admin')).toBeDisabled();
    expect(within(dialog).queryByRole('button', { name: 'Remove Ada Admin' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Remove Rui Reviewer' }));
    await expect.poll(() => server.accounts.map((a) => a.email)).toEqual(['ada@example.com']);
    expect(within(dialog).queryByText('rui@example.com')).toBeNull();
  });

  it('create an API token with a scope, show its secret once, and revoke it', async () => {
    await signedIn('ada@example.com', 'admin');
    mount();
    const user = userEvent.setup();
    await user.click(within(await openMenu()).getByRole('menuitem', { name: 'API tokens…' }));
    const dialog = screen.getByRole('dialog', { name: 'API tokens' });
    expect(await within(dialog).findByText('No tokens yet.')).toBeInTheDocument();
    const form = within(dialog).getByRole('form', { name: 'Create token' });
    await user.type(within(form).getByLabelText('Token name'), 'CI pull');
    await user.selectOptions(within(form).getByLabelText('Scope'), 'read+run');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    expect(((await within(dialog).findByLabelText('New token')) as HTMLInputElement).value).toMatch(/^tf_/);
    expect(within(dialog).getByText('CI pull')).toBeInTheDocument();
    expect(server.tokens).toMatchObject([{ name: 'CI pull', scope: 'read+run' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke CI pull' }));
    expect(await within(dialog).findByText('No tokens yet.')).toBeInTheDocument();
    expect(server.tokens).toEqual([]);
  });

  it('move a bundle file into the team workspace in one step and report what came in', async () => {
    await signedIn('ada@example.com', 'admin');
    mount();
    const user = userEvent.setup();
    await user.click(within(await openMenu()).getByRole('menuitem', { name: 'Move a local workspace in…' }));
    const dialog = screen.getByRole('dialog', { name: 'Move a local workspace in' });
    const bundle = exportBundle({ workspace: defaultWorkspace(), workflows: docs, scenarios: [] });
    await user.upload(within(dialog).getByLabelText('From a bundle file…'), new File([bundle], 'help-desk.bundle.json', { type: 'application/json' }));
    const report = await within(dialog).findByText('Moved in:');
    const names = docs.map((d) => d.workflow.name).join(', ');
    expect(report.closest('[role="status"]')).toHaveTextContent(`2 new workflows: ${names}`);
    expect(report.closest('[role="status"]')).toHaveTextContent('the help-desk settings');
    expect([...server.workflows.keys()]).toEqual(docs.map((d) => d.workflow.id));
    // The same bundle again: nothing came in new; the report says the workflows were already here.
    await user.upload(within(dialog).getByLabelText('From a bundle file…'), new File([bundle], 'help-desk.bundle.json', { type: 'application/json' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent(`2 workflows already here, unchanged: ${names}`));
    expect(within(dialog).getByRole('status')).not.toHaveTextContent('new workflow');
    // One of them changed in the file: it is updated, the other is unchanged.
    const changed = { ...docs[0]!, workflow: { ...docs[0]!.workflow, name: 'Renamed in the file' } };
    const second = exportBundle({ workspace: defaultWorkspace(), workflows: [changed, docs[1]!], scenarios: [] });
    await user.upload(within(dialog).getByLabelText('From a bundle file…'), new File([second], 'help-desk.bundle.json', { type: 'application/json' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('1 workflow updated with a new revision: Renamed in the file'));
    expect(within(dialog).getByRole('status')).toHaveTextContent(`1 workflow already here, unchanged: ${docs[1]!.workflow.name}`);
  });

  it('change the password, refusing a wrong current one', async () => {
    await signedIn('rui@example.com', 'reviewer');
    mount();
    const user = userEvent.setup();
    await user.click(within(await openMenu()).getByRole('menuitem', { name: 'Change password…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change password' });
    await user.type(within(dialog).getByLabelText('Current password'), 'not it at all');
    await user.type(within(dialog).getByLabelText('New password'), 'a brand new password');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The current password is wrong.');
    await user.clear(within(dialog).getByLabelText('Current password'));
    await user.type(within(dialog).getByLabelText('Current password'), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByText('Your password was changed.')).toBeInTheDocument();
    expect(server.accounts.find((a) => a.email === 'rui@example.com')?.password).toBe('a brand new password');
  });
});
