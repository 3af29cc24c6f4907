import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../storage/databases';
import { addMember, addToken, Client, OWNER, sessionCookie, setUp, signIn, startTestServer, type TestServer } from './harness';

for (const kind of DATABASE_KINDS) {
  describe(`accounts, sessions and CSRF (${kind})`, () => {
    let server: TestServer;
    let admin: Client;

    beforeAll(async () => {
      server = await startTestServer(kind, { signInLimits: { perAccount: 3, perAddress: 1000, windowMs: 60_000 }, seedExamples: false });
    }, 60_000);
    afterAll(async () => {
      await server.close();
    });

    it('asks for the owner account until one exists, and only then', async () => {
      expect((await server.anonymous.call('GET', '/setup')).json).toEqual({ needed: true });
      expect((await server.anonymous.call('GET', '/workflows')).status).toBe(401);
      const weak = await server.anonymous.call('POST', '/setup', { body: { ...OWNER, password: 'short' } });
      expect(weak.status).toBe(400);
      expect(weak.json.detail).toMatch(/password/);
      admin = await setUp(server);
      expect((await server.anonymous.call('GET', '/setup')).json).toEqual({ needed: false });
      const again = await server.anonymous.call('POST', '/setup', { body: { ...OWNER, email: 'eve@example.com' } });
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(again.json.type).toBe('https://ticketflow.dev/problems/setup-done');
    });

    it('stores the password as an argon2id hash, never as it was typed', async () => {
      const rows = await server.database.db.rawTransaction((c) => c.query<{ password_hash: string }>('select password_hash from accounts'));
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
      expect(rows[0]?.password_hash).not.toContain(OWNER.password);
    });

    it('sets an HttpOnly, SameSite=Lax session cookie, Secure only over HTTPS', async () => {
      const answer = await server.anonymous.call('POST', '/session', { body: { email: OWNER.email, password: OWNER.password } });
      const set = answer.headers.get('set-cookie') ?? '';
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Lax/i);
      expect(set).toMatch(/Expires=/i);
      expect(set).not.toMatch(/Secure/i);
      expect(answer.json.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    });

    it('refuses a wrong password, and a sign-in for an unknown email the same way', async () => {
      const wrong = await server.anonymous.call('POST', '/session', { body: { email: OWNER.email, password: 'not the password' } });
      const unknown = await server.anonymous.call('POST', '/session', { body: { email: 'nobody@example.com', password: 'whatever it is' } });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.json.detail).toBe(unknown.json.detail);
    });

    it('rate-limits sign-in attempts per account, even with the right password afterwards', async () => {
      const email = 'limited@example.com';
      await addMember(admin, 'viewer', 'Limited');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await server.anonymous.call('POST', '/session', { body: { email, password: 'a wrong password' } })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const right = await server.anonymous.call('POST', '/session', { body: { email, password: 'a long enough password' } });
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account from the same address is not held back by it.
      expect((await server.anonymous.call('POST', '/session', { body: { email: OWNER.email, password: OWNER.password } })).status).toBe(200);
    });

    it('refuses a state-changing cookie request without the CSRF token, and accepts it with the token', async () => {
      const body = { name: 'ci', scope: 'read' };
      const missing = await admin.call('POST', '/tokens', { body, noCsrf: true });
      expect(missing.status).toBe(403);
      expect(missing.json.type).toMatch(/csrf$/);
      const wrong = await admin.with({ cookie: admin.credentials.cookie ?? '', csrf: 'forged' }).call('POST', '/tokens', { body });
      expect(wrong.status).toBe(403);
      expect((await admin.call('GET', '/tokens', { noCsrf: true })).status).toBe(200);
      expect((await admin.call('POST', '/tokens', { body })).status).toBe(201);
    });

    it('refuses a sign-in that is not sent as JSON (a cross-site form cannot forge it)', async () => {
      const answer = await server.anonymous.call('POST', '/session', { raw: JSON.stringify({ email: OWNER.email, password: OWNER.password }), headers: { 'content-type': 'text/plain' } });
      expect(answer.status).toBe(415);
    });

    it('signs out: the cookie no longer works', async () => {
      const client = await signIn(server, OWNER.email, OWNER.password);
      expect((await client.call('GET', '/me')).status).toBe(200);
      const out = await client.call('DELETE', '/session');
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/tf_session=;/);
      expect((await client.call('GET', '/me')).status).toBe(401);
    });

    it('changes the password with the current one, and signs the other sessions out', async () => {
      const member = await addMember(admin, 'reviewer', 'Pat Password');
      const other = await signIn(server, member.email, 'a long enough password');
      const refused = await member.client.call('PUT', '/session/password', { body: { current: 'not it at all', password: 'a brand new password' } });
      expect(refused.status).toBe(403);
      expect((await member.client.call('PUT', '/session/password', { body: { current: 'a long enough password', password: 'a brand new password' } })).status).toBe(204);
      expect((await member.client.call('GET', '/me')).status).toBe(200);
      expect((await other.call('GET', '/me')).status).toBe(401);
      expect((await server.anonymous.call('POST', '/session', { body: { email: member.email, password: 'a long enough password' } })).status).toBe(401);
      await signIn(server, member.email, 'a brand new password');
    });

    it('lets an invite be accepted once, with the role the admin chose', async () => {
      const invite = await admin.call('POST', '/members', { body: { email: 'Once@Example.com', role: 'reviewer' } });
      expect(invite.status).toBe(201);
      expect(invite.json.invite.url).toContain(invite.json.invite.token);
      const token = invite.json.invite.token as string;
      const accepted = await server.anonymous.call('POST', `/invites/${token}/accept`, { body: { name: 'Once', password: 'a long enough password' } });
      expect(accepted.status).toBe(201);
      expect(accepted.json.role).toBe('reviewer');
      expect(accepted.json.account.email).toBe('once@example.com');
      const me = await server.anonymous.with({ cookie: sessionCookie(accepted) }).call('GET', '/me');
      expect(me.json.role).toBe('reviewer');
      const twice = await server.anonymous.call('POST', `/invites/${token}/accept`, { body: { name: 'Twice', password: 'a long enough password' } });
      expect(twice.status).toBe(404);
    });

    it('keeps the last admin an admin', async () => {
      const me = await admin.call('GET', '/me');
      const demote = await admin.call('PATCH', `/members/${me.json.account.id}`, { body: { role: 'viewer' } });
      expect(demote.status).toBe(409);
      expect((await admin.call('DELETE', `/members/${me.json.account.id}`)).status).toBe(409);
    });

    it("ends a removed member's sessions, and applies a role change at once", async () => {
      const member = await addMember(admin, 'viewer', 'Soon Gone');
      expect((await member.client.call('POST', '/workflows/x/comments', { body: { target: 'trigger', text: 'hi' } })).status).toBe(403);
      expect((await admin.call('PATCH', `/members/${member.id}`, { body: { role: 'reviewer' } })).status).toBe(200);
      expect((await member.client.call('POST', '/workflows/x/comments', { body: { target: 'trigger', text: 'hi' } })).status).toBe(404);
      expect((await admin.call('DELETE', `/members/${member.id}`)).status).toBe(204);
      expect((await member.client.call('GET', '/me')).status).toBe(401);
    });

    it('stops accepting a token once it is revoked', async () => {
      const token = await addToken(admin, 'read');
      expect((await token.client.call('GET', '/workflows')).status).toBe(200);
      expect((await admin.call('DELETE', `/tokens/${token.id}`)).status).toBe(204);
      expect((await token.client.call('GET', '/workflows')).status).toBe(401);
      const listed = await admin.call('GET', '/tokens');
      expect(listed.text).not.toContain(token.secret);
      expect(listed.json.tokens.map((t: { id: string }) => t.id)).not.toContain(token.id);
    });

    it('sends security headers, with a Content-Security-Policy that forbids everything on the API', async () => {
      const answer = await server.anonymous.call('GET', '/health');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    });

    it('logs sign-ins, failures, invites, role changes and token creation and use in the audit log', async () => {
      const entries = (await admin.call('GET', '/audit?limit=1000')).json.entries as { action: string }[];
      const actions = new Set(entries.map((e) => e.action));
      for (const action of ['server.setup', 'session.created', 'session.failed', 'invite.created', 'invite.accepted', 'member.role', 'member.removed', 'token.created', 'token.used', 'token.revoked', 'password.changed']) {
        expect(actions, action).toContain(action);
      }
    });
  });
}

describe('session lifetime', () => {
  it('ends a session when it expires', async () => {
    const server = await startTestServer('embedded', { sessionTtlMs: 300, seedExamples: false });
    try {
      const admin = await setUp(server);
      expect((await admin.call('GET', '/me')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await admin.call('GET', '/me')).status).toBe(401);
    } finally {
      await server.close();
    }
  }, 60_000);
});
