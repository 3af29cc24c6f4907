import type { FastifyInstance } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../src/server/app';
import type { DatabaseKind } from '../../src/storage';
import { createTestDatabase, type TestDatabase } from '../storage/databases';
import { Client, type Answer } from './client';

export { Client, type Answer, type CallOptions, type Credentials } from './client';

/** A cheap argon2id cost for tests (the production default is OWASP's 19 MiB, 2 passes). */
export const TEST_PASSWORD_COST = { memoryCost: 1024, timeCost: 1 };

/** The cookie pair from a Set-Cookie answer. */
export function sessionCookie(answer: Answer): string {
  const set = answer.headers.get('set-cookie') ?? '';
  const match = /tf_session=([^;]+)/.exec(set);
  if (!match) throw new Error(`no session cookie in ${answer.status} ${answer.text.slice(0, 200)}`);
  return `tf_session=${match[1]}`;
}

export const OWNER = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };

/** A running server on a throwaway database, listening on a loopback port. */
export interface TestServer {
  app: FastifyInstance;
  database: TestDatabase;
  base: string;
  anonymous: Client;
  close(): Promise<void>;
}

export async function startTestServer(kind: DatabaseKind, options: Partial<BuildServerOptions> = {}, database?: TestDatabase): Promise<TestServer> {
  const db = database ?? (await createTestDatabase(kind));
  const app = await buildServer({ db: db.db, passwordCost: TEST_PASSWORD_COST, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  return {
    app,
    database: db,
    base,
    anonymous: new Client(base),
    close: async () => {
      await app.close();
      if (!database) await db.drop();
    },
  };
}

/** Signs in and returns a client holding the session. */
export async function signIn(server: { anonymous: Client }, email: string, password: string): Promise<Client> {
  const answer = await server.anonymous.call('POST', '/session', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`sign-in of ${email} failed: ${answer.status} ${answer.text}`);
  return server.anonymous.with({ cookie: sessionCookie(answer), csrf: answer.json.csrfToken });
}

/** The owner, signed in, after POST /setup. */
export async function setUp(server: { anonymous: Client }): Promise<Client> {
  const answer = await server.anonymous.call('POST', '/setup', { body: OWNER });
  if (answer.status !== 201) throw new Error(`setup failed: ${answer.status} ${answer.text}`);
  return server.anonymous.with({ cookie: sessionCookie(answer), csrf: answer.json.csrfToken });
}

/** Invites a member with a role and accepts the invite; returns the member's signed-in client. */
export async function addMember(admin: Client, role: 'admin' | 'reviewer' | 'viewer', name: string): Promise<{ client: Client; id: string; email: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  const invite = await admin.call('POST', '/members', { body: { email, role } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const accepted = await admin.with({}).call('POST', `/invites/${invite.json.invite.token}/accept`, { body: { name, password: 'a long enough password' } });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
  return { client: admin.with({ cookie: sessionCookie(accepted), csrf: accepted.json.csrfToken }), id: accepted.json.account.id, email };
}

export async function addToken(admin: Client, scope: 'read' | 'read+run'): Promise<{ client: Client; id: string; secret: string }> {
  const made = await admin.call('POST', '/tokens', { body: { name: `backend ${scope}`, scope } });
  if (made.status !== 201) throw new Error(`token failed: ${made.status} ${made.text}`);
  return { client: admin.with({ bearer: made.json.secret }), id: made.json.token.id, secret: made.json.secret };
}
