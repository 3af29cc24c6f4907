import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DEFAULT_LIMITS, parseJsonSafely } from '../document';
import { accounts, events as eventStore, isConnectionLost, sessions, tokens, workspace as workspaceStore, type Database } from '../storage';
import { appendAudit } from '../storage/audit';
import type { LiveEvent } from '../storage/events';
import { EventBus } from './bus';
import type { AnyRoute, ServerContext, ServerSettings } from './context';
import { openApiDocument } from './openapi';
import { ApiProblem, PROBLEM_BASE, PROBLEM_TYPES } from './problems';
import { authorize, type Principal } from './roles';
import { authRoutes } from './routes/auth';
import { commentRoutes } from './routes/comments';
import { importRoutes } from './routes/import';
import { liveRoutes } from './routes/live';
import { memberRoutes, tokenRoutes } from './routes/members';
import { metaRoutes } from './routes/meta';
import { runRoutes } from './routes/run';
import { scenarioRoutes } from './routes/scenarios';
import { workflowRoutes } from './routes/workflows';
import { workspaceRoutes } from './routes/workspace';
import { SESSION_COOKIE } from './session-cookie';

declare module 'fastify' {
  interface FastifyInstance {
    ticketflow: ServerContext;
  }
}

/** The API's base path. */
export const API_BASE = '/api/v1';

/** Options of buildServer: the database, and any setting to change from its default. */
export interface BuildServerOptions extends Partial<ServerSettings> {
  db: Database;
  /** Log requests (default false). */
  logger?: boolean;
  /** Trust X-Forwarded-* from a load balancer (default false). */
  trustProxy?: boolean;
  /** Adds what is served besides the API (the app: Vite in development, dist/ in production). */
  serveApp?: (app: FastifyInstance) => Promise<void>;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  version: '0.1.0',
  sessionTtlMs: 14 * 24 * 3600_000,
  inviteTtlMs: 7 * 24 * 3600_000,
  signInLimits: { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000 },
  runTimeLimitMs: 10_000,
  maxBodyBytes: DEFAULT_LIMITS.maxBytes,
  maxBundleBytes: 50 * 1024 * 1024,
  passwordCost: { memoryCost: 19_456, timeCost: 2 },
  seedExamples: true,
};

/** The API's routes, in the order the OpenAPI document lists them. */
export function apiRoutes(openApi: () => Record<string, unknown>): AnyRoute[] {
  return [
    ...metaRoutes(openApi),
    ...authRoutes,
    ...memberRoutes,
    ...tokenRoutes,
    ...workspaceRoutes,
    ...workflowRoutes,
    ...commentRoutes,
    ...scenarioRoutes,
    ...importRoutes,
    ...runRoutes,
    ...liveRoutes,
  ];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Headers on every answer. The API answers data only, so its policy forbids everything; the app's
 * pages get the app's own Content-Security-Policy from serveApp.
 */
function securityHeaders(reply: FastifyReply, request: FastifyRequest): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if (request.url.startsWith(API_BASE) && !reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  }
}

function problemReply(reply: FastifyReply, problem: ApiProblem): FastifyReply {
  for (const [name, value] of Object.entries(problem.extra.headers ?? {})) reply.header(name, value);
  return reply.code(problem.status).type('application/problem+json').send(problem.body());
}

/** Builds the team server on an open, migrated database. Call `app.ticketflow.bus.start()` through listen(). */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { db, logger = false, trustProxy = false, serveApp, ...overrides } = options;
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, ...overrides };
  const bus = new EventBus(db);
  await bus.start();

  let workspaceIdCache: string | null = null;
  const ctx: ServerContext = {
    db,
    bus,
    settings,
    workspaceId: async () => {
      if (workspaceIdCache) return workspaceIdCache;
      const ws = await workspaceStore.firstWorkspace(db.orm);
      if (!ws) throw new ApiProblem('not-set-up', 'The server has no owner yet: POST /api/v1/setup first.');
      workspaceIdCache = ws.id;
      return ws.id;
    },
    transaction: async (work) => {
      let committed: LiveEvent[] = [];
      const attempt = () => {
        committed = [];
        return db.orm.transaction(async (tx) =>
          work(tx, async (type, payload) => {
            const event = await eventStore.appendEvent(tx, await ctx.workspaceId(), type, payload, { notify: bus.notifies });
            committed.push(event);
            return event;
          }),
        );
      };
      // A connection the server ended before the pool noticed fails the transaction at its start;
      // it is run again once on a fresh connection. (Were it lost at COMMIT, a save run again meets
      // its own revision as the head and is refused with 409: never stored twice.)
      const result = await attempt().catch((error: unknown) => {
        if (db.kind === 'postgres' && isConnectionLost(error)) return attempt();
        throw error;
      });
      if (committed.length) {
        const workspaceId = await ctx.workspaceId();
        for (const event of committed) bus.committed(workspaceId, event);
      }
      return result;
    },
  };

  const app = Fastify({ logger, trustProxy, bodyLimit: settings.maxBodyBytes });
  app.decorate('ticketflow', ctx);
  app.addHook('onClose', async () => {
    await bus.close();
  });
  await app.register(cookie);

  // Bodies are read as text: documents go to the core as they were sent (it finds duplicate keys,
  // measures size and depth), and JSON bodies are read by the core's safe parser.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onSend', async (request, reply, payload) => {
    securityHeaders(reply, request);
    return payload;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof ApiProblem) return problemReply(reply, error);
    const status = error.statusCode ?? 500;
    if (status === 413) return problemReply(reply, new ApiProblem('too-large', `The request body is over the limit of ${Math.round((request.routeOptions.bodyLimit ?? settings.maxBodyBytes) / 1048576)} MB.`));
    if (status === 415) return problemReply(reply, new ApiProblem('unsupported-media-type', error.message));
    if (status >= 400 && status < 500) return problemReply(reply, new ApiProblem('bad-request', error.message));
    request.log.error(error);
    return reply
      .code(500)
      .type('application/problem+json')
      .send({ type: PROBLEM_BASE + 'internal', title: PROBLEM_TYPES.internal.title, status: 500, detail: 'An unexpected error; it was logged. Nothing was stored.' });
  });

  const tokenAudited = new Map<string, number>();
  async function authenticate(request: FastifyRequest): Promise<{ principal: Principal; viaCookie: boolean }> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const found = match?.[1] ? await tokens.useToken(db.orm, match[1]) : null;
      if (!found) throw new ApiProblem('unauthenticated', 'The API token is unknown or revoked.');
      const last = tokenAudited.get(found.id) ?? 0;
      if (Date.now() - last > 60_000) {
        tokenAudited.set(found.id, Date.now());
        await appendAudit(db.orm, { workspaceId: found.workspaceId, actor: { account: null, token: found.id, name: `token "${found.name}"` }, action: 'token.used', target: found.id, detail: { route: `${request.method} ${request.routeOptions.url ?? request.url}` } });
      }
      return { principal: { kind: 'token', token: { id: found.id, name: found.name, scope: found.scope }, workspaceId: found.workspaceId }, viaCookie: false };
    }
    const cookieValue = request.cookies[SESSION_COOKIE];
    if (!cookieValue) return { principal: { kind: 'none' }, viaCookie: false };
    const session = await sessions.findSession(db.orm, cookieValue);
    if (!session) return { principal: { kind: 'none' }, viaCookie: false };
    const workspaceId = await ctx.workspaceId();
    const member = await accounts.getMember(db.orm, workspaceId, session.account.id);
    if (!member) return { principal: { kind: 'none' }, viaCookie: false };
    return {
      principal: { kind: 'account', account: session.account, role: member.role, workspaceId, session: { idHash: session.idHash, csrfToken: session.csrfToken } },
      viaCookie: true,
    };
  }

  function readJsonBody(text: string | undefined, route: AnyRoute): unknown {
    const parsed = parseJsonSafely(text ?? '', { maxBytes: route.bodyLimit ?? settings.maxBodyBytes });
    if (!parsed.ok) throw new ApiProblem('bad-request', `The body is not valid JSON: ${parsed.problem.message}`, { problems: [parsed.problem] });
    const checked = route.body?.safeParse(parsed.value);
    if (checked && !checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`);
      throw new ApiProblem('bad-request', `The body is not what ${route.method} ${API_BASE}${route.url} takes: ${issues.join('; ')}.`);
    }
    return checked ? checked.data : parsed.value;
  }

  /** Everything a call passes before its handler: who, CSRF, the one role check, body and query. */
  async function guard(route: AnyRoute, request: FastifyRequest): Promise<{ principal: Principal; body: unknown; text: string }> {
    const stateChanging = !SAFE_METHODS.has(request.method);
    let principal: Principal = { kind: 'none' };
    if (route.permission !== 'public') {
      const who = await authenticate(request);
      principal = who.principal;
      if (who.viaCookie && stateChanging && principal.kind === 'account' && request.headers['x-csrf-token'] !== principal.session.csrfToken) {
        throw new ApiProblem('csrf', 'Send the csrfToken of your session (GET /api/v1/session) as the x-csrf-token header.');
      }
    } else if (stateChanging && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      // A cross-site form cannot send application/json, so this keeps sign-in and setup from being forged.
      throw new ApiProblem('unsupported-media-type', 'Send the body as application/json.');
    }
    authorize(principal, route.permission);
    for (const [name, q] of Object.entries(route.query ?? {})) {
      const value = (request.query as Record<string, unknown>)[name];
      if (value === undefined) continue;
      const checked = q.schema.safeParse(value);
      if (!checked.success) throw new ApiProblem('bad-request', `The query parameter "${name}" is not valid: ${checked.error.issues.map((i) => i.message).join('; ')}.`);
    }
    const text = typeof request.body === 'string' ? request.body : '';
    const body = route.body ? readJsonBody(text, route) : undefined;
    return { principal, body, text };
  }

  let routes: AnyRoute[] = [];
  let openApiCache: Record<string, unknown> | null = null;
  const openApi = () => (openApiCache ??= openApiDocument(routes, settings.version));
  routes = apiRoutes(openApi);

  await app.register(
    async (api) => {
      for (const r of routes) {
        api.route({
          method: r.method,
          url: r.url,
          ...(r.bodyLimit ? { bodyLimit: r.bodyLimit } : {}),
          handler: async (request, reply) => {
            const { principal, body, text } = await guard(r, request);
            const result = await r.handler({
              request,
              reply,
              principal,
              body,
              text,
              params: request.params as Record<string, string>,
              query: request.query as Record<string, string | undefined>,
              ctx,
            });
            if (reply.sent) return reply;
            return reply.send(result === null ? undefined : result);
          },
        });
      }
      api.setNotFoundHandler((request, reply) =>
        problemReply(reply, new ApiProblem('not-found', `${request.method} ${request.url.split('?')[0]} is not a route of the API; see ${API_BASE}/openapi.json.`)),
      );
    },
    { prefix: API_BASE },
  );

  if (serveApp) await serveApp(app);
  return app;
}
