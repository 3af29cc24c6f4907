import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/app';
import { DATABASE_KINDS } from '../storage/databases';
import { addMember, addToken, Client, OWNER, setUp, signIn, startTestServer, type TestServer } from './harness';

type Who = 'admin' | 'reviewer' | 'viewer' | 'token:read' | 'token:read+run' | 'none';
const EVERYONE: Who[] = ['admin', 'reviewer', 'viewer', 'token:read', 'token:read+run', 'none'];
const PUBLIC = EVERYONE;
const MEMBERS: Who[] = ['admin', 'reviewer', 'viewer'];
const READERS: Who[] = [...MEMBERS, 'token:read', 'token:read+run'];
const RUNNERS: Who[] = [...MEMBERS, 'token:read+run'];
const COMMENTERS: Who[] = ['admin', 'reviewer'];
const ADMIN: Who[] = ['admin'];

/** Who may call each route: the access policy written out by hand, route by route. */
const ALLOWED: Record<string, Who[]> = {
  'GET /health': PUBLIC,
  'GET /openapi.json': PUBLIC,
  'GET /setup': PUBLIC,
  'POST /setup': PUBLIC,
  'GET /session': MEMBERS,
  'POST /session': PUBLIC,
  'DELETE /session': MEMBERS,
  'PUT /session/password': MEMBERS,
  'GET /me': MEMBERS,
  'POST /invites/:token/accept': PUBLIC,
  'GET /members': MEMBERS,
  'POST /members': ADMIN,
  'PATCH /members/:id': ADMIN,
  'DELETE /members/:id': ADMIN,
  'GET /tokens': ADMIN,
  'POST /tokens': ADMIN,
  'DELETE /tokens/:id': ADMIN,
  'GET /workspace': READERS,
  'PUT /workspace': ADMIN,
  'GET /bundle': READERS,
  'GET /workflows': READERS,
  'POST /workflows': ADMIN,
  'GET /workflows/:id': READERS,
  'PUT /workflows/:id': ADMIN,
  'DELETE /workflows/:id': ADMIN,
  'GET /trash': ADMIN,
  'GET /workflows/:id/revisions': READERS,
  'POST /workflows/:id/publish': ADMIN,
  'DELETE /workflows/:id/publish': ADMIN,
  'GET /workflows/:id/comments': MEMBERS,
  'POST /workflows/:id/comments': COMMENTERS,
  'POST /comments/:id/replies': COMMENTERS,
  'PATCH /comments/:id': COMMENTERS,
  'GET /scenarios': READERS,
  'GET /scenarios/:id': READERS,
  'PUT /scenarios/:id': ADMIN,
  'DELETE /scenarios/:id': ADMIN,
  'POST /import': ADMIN,
  'POST /validate': RUNNERS,
  'POST /simulate': RUNNERS,
  'GET /events': READERS,
  'POST /presence': MEMBERS,
  'GET /presence': MEMBERS,
  'GET /audit': ADMIN,
};

const PASSWORD = 'a long enough password';

/** A body each route accepts in shape, so an allowed call gets past validation; ids name nothing. */
const BODIES: Record<string, unknown | ((who: Who) => unknown)> = {
  'POST /setup': OWNER,
  'POST /session': { email: OWNER.email, password: OWNER.password },
  'PUT /session/password': (who: Who) => {
    const current = who === 'admin' ? OWNER.password : PASSWORD;
    return { current, password: current };
  },
  'POST /invites/:token/accept': { name: 'Nobody', password: PASSWORD },
  'POST /members': { email: 'new@example.com', role: 'viewer' },
  'PATCH /members/:id': { role: 'viewer' },
  'POST /tokens': { name: 'another', scope: 'read' },
  'PUT /workspace': { settings: {} },
  'POST /workflows/:id/publish': { revision: 1 },
  'POST /workflows/:id/comments': { target: 'trigger', text: 'Looks right' },
  'POST /comments/:id/replies': { text: 'Agreed' },
  'PATCH /comments/:id': { resolved: true },
  'POST /simulate': { scenario: 'no-such-scenario' },
  'POST /presence': { workflowId: 'nope', state: 'viewing' },
};

const ROUTES = apiRoutes(() => ({})).map((r) => ({ key: `${r.method} ${r.url}`, method: r.method, url: r.url }));

describe('the access table', () => {
  it('names every route of the API, and only those', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(ROUTES.map((r) => r.key).sort());
  });
});

async function status(client: Client, method: string, url: string, body: unknown): Promise<number> {
  if (method === 'GET' && url === '/events') {
    const controller = new AbortController();
    const headers: Record<string, string> = {};
    if (client.credentials.cookie) headers.cookie = client.credentials.cookie;
    if (client.credentials.bearer) headers.authorization = `Bearer ${client.credentials.bearer}`;
    const response = await fetch(`${client.base}/api/v1/events`, { headers, signal: controller.signal });
    controller.abort();
    return response.status;
  }
  const answer = await client.call(method, url, body === undefined ? {} : { body });
  return answer.status;
}

for (const kind of DATABASE_KINDS) {
  describe(`every route × every role (${kind})`, () => {
    let server: TestServer;
    const emails: Partial<Record<Who, string>> = {};
    const bearer: Partial<Record<Who, string>> = {};

    beforeAll(async () => {
      server = await startTestServer(kind, { signInLimits: { perAccount: 10_000, perAddress: 10_000, windowMs: 60_000 }, seedExamples: false });
      const admin = await setUp(server);
      emails.admin = OWNER.email;
      emails.reviewer = (await addMember(admin, 'reviewer', 'Rita Reviewer')).email;
      emails.viewer = (await addMember(admin, 'viewer', 'Vic Viewer')).email;
      bearer['token:read'] = (await addToken(admin, 'read')).secret;
      bearer['token:read+run'] = (await addToken(admin, 'read+run')).secret;
      // Same password for everyone, so PUT /session/password can be called by each.
      for (const who of ['reviewer', 'viewer'] as const) expect(emails[who]).toBeTruthy();
    }, 120_000);
    afterAll(async () => {
      await server.close();
    });

    async function clientFor(who: Who): Promise<Client> {
      if (who === 'none') return server.anonymous;
      if (who === 'token:read' || who === 'token:read+run') return server.anonymous.with({ bearer: bearer[who] ?? '' });
      return signIn(server, emails[who] ?? '', who === 'admin' ? OWNER.password : PASSWORD);
    }

    for (const route of ROUTES) {
      it(`${route.key}: ${ALLOWED[route.key]?.join(', ')} may call it; the others are refused`, async () => {
        const allowed = ALLOWED[route.key] ?? [];
        const url = route.url.replace(/:[A-Za-z]+/g, 'nope');
        const seen: Record<string, number> = {};
        for (const who of EVERYONE) {
          const client = await clientFor(who);
          const body = BODIES[route.key];
          seen[who] = await status(client, route.method, url, typeof body === 'function' ? body(who) : body);
        }
        const expected = Object.fromEntries(
          EVERYONE.map((who) => [who, allowed.includes(who) ? 'allowed' : who === 'none' ? 401 : 403]),
        );
        const got = Object.fromEntries(
          EVERYONE.map((who) => [who, allowed.includes(who) ? (seen[who] === 401 || seen[who] === 403 ? seen[who] : 'allowed') : seen[who]]),
        );
        expect(got).toEqual(expected);
      }, 60_000);
    }
  });
}
