// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamApi } from '../../../src/store/team-api';
import { teamSession } from '../../../src/store/team-session';
import { localAdapter, TeamGate } from '../../../src/ui/team/TeamGate';
import { LOCAL_CHOICE_KEY } from '../../../src/ui/team/mode';
import { FakeTeamServer } from '../../store/team-fake-server';

let server: FakeTeamServer;

beforeEach(() => {
  server = new FakeTeamServer();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  teamSession.setState({ mode: 'local', api: null, me: null, presence: {} });
});
afterEach(cleanup);

/** The gate over one browser of the fake server; the app it opens says which adapter it got. */
function gate(email: string | null = null) {
  const api = new TeamApi('/api/v1', server.client(email).fetch);
  render(<TeamGate api={api}>{(adapter) => <p>app in {adapter === localAdapter ? 'local' : 'team'} mode</p>}</TeamGate>);
  return api;
}

describe('TeamGate', () => {
  it('asks a new server for the owner account, then opens the team workspace signed in as its admin', async () => {
    gate();
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Set up this Ticketflow server' });
    await user.type(screen.getByLabelText('Name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Create the owner account' }));
    expect(await screen.findByText('app in team mode')).toBeInTheDocument();
    expect(server.accounts).toMatchObject([{ name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin' }]);
    expect(teamSession.getState()).toMatchObject({ mode: 'team', me: { role: 'admin', account: { name: 'Ada Lovelace' } } });
  });

  it('signs in, telling a wrong password from a right one', async () => {
    server.addAccount('Rui', 'rui@example.com', 'reviewer', 'the right password');
    gate();
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Sign in' });
    await user.type(screen.getByLabelText('Email'), 'rui@example.com');
    await user.type(screen.getByLabelText('Password'), 'a wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'the right password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('app in team mode')).toBeInTheDocument();
    expect(teamSession.getState().me?.role).toBe('reviewer');
  });

  it('opens in local mode from the sign-in page, and the tab keeps that choice', async () => {
    server.addAccount('Rui', 'rui@example.com', 'reviewer');
    const api = gate();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Open in local mode' }));
    expect(await screen.findByText('app in local mode')).toBeInTheDocument();
    expect(sessionStorage.getItem(LOCAL_CHOICE_KEY)).toBe('local');
    // The mode line can offer signing in: the server is there.
    expect(teamSession.getState()).toMatchObject({ mode: 'local', api });
  });

  it('opens straight in local mode where there is no API', async () => {
    const api = new TeamApi('/api/v1', async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    render(<TeamGate api={api}>{(adapter) => <p>app in {adapter === localAdapter ? 'local' : 'team'} mode</p>}</TeamGate>);
    expect(await screen.findByText('app in local mode')).toBeInTheDocument();
    expect(teamSession.getState()).toMatchObject({ mode: 'local', api: null });
  });

  it('lets an invited member set a name and password through the one-time link, then opens the workspace', async () => {
    server.addAccount('Ada', 'ada@example.com', 'admin');
    server.invites.set('invite-token-1234', { email: 'new@example.com', role: 'reviewer' });
    history.replaceState(null, '', '/#/invite/invite-token-1234');
    gate();
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Join the team' });
    await user.type(screen.getByLabelText('Name'), 'Nia New');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByText('app in team mode')).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(teamSession.getState().me).toMatchObject({ role: 'reviewer', account: { name: 'Nia New', email: 'new@example.com' } });
  });
});
