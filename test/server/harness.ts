import type { FastifyInstance } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../src/server/app';
import type { DatabaseKind } from '../../src/storage';
import { createTestDatabase, type TestDatabase } from '../storage/databases';

/** A cheap argon2id cost for tests (the production default is OWASP's 19 MiB, 2 passes). */
export const TEST_PASSWORD_COST = { memoryCost: 1024, timeCost: 1 };

/** An answer, with its body read as text and (when it is JSON) parsed. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads the fields it checks
}

/** Who a client is: the session cookie and CSRF token, or an API token, or nobody. */
export interface Credentials {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface CallOptions {
  body?: unknown;
  /** Send this text as the body as it is (documents). */
  raw?: string;
  headers?: Record<string, string>;
  /** Leave out the CSRF header even when a session is used. */
  noCsrf?: boolean;
}

/** A client of a running test server, speaking HTTP over the loopback like a browser or curl. */
export class Client {
  constructor(
    readonly base: string,
    readonly credentials: Credentials = {},
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.credentials.cookie) headers.cookie = this.credentials.cookie;
    if (this.credentials.csrf && !options.noCsrf) headers['x-csrf-token'] = this.credentials.csrf;
    if (this.credentials.bearer) headers.authorization = `Bearer ${this.credentials.bearer}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.base + '/api/v1' + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  with(credentials: Credentials): Client {
    return new Client(this.base, credentials);
  }
}

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
