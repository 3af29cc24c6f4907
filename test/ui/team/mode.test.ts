import { describe, expect, it } from 'vitest';
import { TeamApi } from '../../../src/store/team-api';
import { detectMode, parseInviteRoute } from '../../../src/ui/team/mode';
import { FakeTeamServer } from '../../store/team-fake-server';

const html = async () => new Response('<!doctype html><title>Ticketflow</title>', { status: 200, headers: { 'content-type': 'text/html' } });

describe('detectMode', () => {
  it('opens in local mode on a static host that answers every path with the app page', async () => {
    expect(await detectMode(new TeamApi('/api/v1', html), { hash: '', preferLocal: false })).toEqual({ kind: 'local', server: false });
  });

  it('opens in local mode when nothing answers (offline)', async () => {
    const api = new TeamApi('/api/v1', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await detectMode(api, { hash: '', preferLocal: false })).toEqual({ kind: 'local', server: false });
  });

  it('opens in local mode when the server does not answer in time', async () => {
    const api = new TeamApi('/api/v1', () => new Promise<Response>(() => undefined));
    expect(await detectMode(api, { hash: '', preferLocal: false, timeoutMs: 20 })).toEqual({ kind: 'local', server: false });
  });

  it('asks a new server for its owner', async () => {
    const server = new FakeTeamServer();
    expect(await detectMode(new TeamApi('/api/v1', server.client(null).fetch), { hash: '', preferLocal: false })).toEqual({ kind: 'setup' });
  });

  it('asks to sign in when this browser has no session, and keeps local mode when the user chose it', async () => {
    const server = new FakeTeamServer();
    server.addAccount('Ada', 'ada@example.com', 'admin');
    const api = new TeamApi('/api/v1', server.client(null).fetch);
    expect(await detectMode(api, { hash: '', preferLocal: false })).toEqual({ kind: 'signIn' });
    expect(await detectMode(api, { hash: '', preferLocal: true })).toEqual({ kind: 'local', server: true });
  });

  it('opens the team workspace for a signed-in browser, with its CSRF token', async () => {
    const server = new FakeTeamServer();
    server.addAccount('Ada', 'ada@example.com', 'admin');
    const client = server.client('ada@example.com');
    const api = new TeamApi('/api/v1', client.fetch);
    const mode = await detectMode(api, { hash: '', preferLocal: false });
    expect(mode).toMatchObject({ kind: 'team', me: { account: { name: 'Ada' }, role: 'admin' } });
    expect(api.csrfToken).toBe(client.csrf);
  });

  it('opens an invitation link on the invitation page, even in a tab that chose local mode', async () => {
    const server = new FakeTeamServer();
    server.addAccount('Ada', 'ada@example.com', 'admin');
    const api = new TeamApi('/api/v1', server.client(null).fetch);
    expect(await detectMode(api, { hash: '#/invite/abcdefgh12', preferLocal: true })).toEqual({ kind: 'invite', token: 'abcdefgh12' });
  });
});

describe('parseInviteRoute', () => {
  it.each([
    ['#/invite/abcdefgh12', 'abcdefgh12'],
    ['#invite=abcdefgh12', 'abcdefgh12'],
    ['#/invite/short', null],
    ['#/invite/abc def ghi', null],
    ['#/review/wf-1', null],
    ['', null],
  ])('reads %j as %j', (hash, token) => {
    expect(parseInviteRoute(hash)).toBe(token);
  });
});
