import type { FastifyRequest } from 'fastify';
import { defaultWorkspace } from '../../model';
import { accounts, audit, rateLimits, sessions, workspace as workspaceStore, type Orm } from '../../storage';
import { newId } from '../../storage/secrets';
import {
  AcceptInviteBodySchema,
  MeSchema,
  PasswordBodySchema,
  SessionSchema,
  SetupBodySchema,
  SetupStatusSchema,
  SignInBodySchema,
} from '../api-schemas';
import { actorOf, route, type AnyRoute, type RouteDef, type ServerContext } from '../context';
import { dummyHash, hashPassword, verifyPassword } from '../passwords';
import { ApiProblem } from '../problems';
import type { Principal } from '../roles';
import { seedExamples } from '../seed';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session-cookie';
import { sql } from 'drizzle-orm';

const TAG = 'Accounts and sessions';
/** Any fixed number: the advisory lock that lets exactly one POST /setup win. */
const SETUP_LOCK = 724_150_002;

async function signIn(ctx: ServerContext, tx: Orm, request: FastifyRequest, reply: Parameters<RouteDef['handler']>[0]['reply'], accountId: string) {
  const session = await sessions.createSession(tx, accountId, ctx.settings.sessionTtlMs);
  setSessionCookie(request, reply, session.token, session.expiresAt);
  return session;
}

function sessionBody(account: accounts.Account, role: string, ws: { id: string; name: string }, session: { csrfToken: string; expiresAt: Date }) {
  return { account, role, workspace: { id: ws.id, name: ws.name }, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

function requireAccount(principal: Principal): Extract<Principal, { kind: 'account' }> {
  if (principal.kind !== 'account') throw new ApiProblem('forbidden', 'This route is for signed-in members, not API tokens.');
  return principal;
}

/** Counts a sign-in attempt for the account and the address; 429 with Retry-After past the limit. */
async function limitAttempt(ctx: ServerContext, key: string, limit: number): Promise<void> {
  const hit = await rateLimits.hitRateLimit(ctx.db.orm, key, ctx.settings.signInLimits.windowMs);
  if (hit.count > limit) {
    const seconds = Math.max(1, Math.ceil((hit.resetAt.getTime() - Date.now()) / 1000));
    throw new ApiProblem('rate-limited', `Too many sign-in attempts; try again in ${seconds} seconds.`, { headers: { 'retry-after': String(seconds) } });
  }
}

export const authRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/setup',
    permission: 'public',
    tag: TAG,
    summary: 'Whether the server still needs its owner account',
    responses: { 200: { description: 'needed is true until POST /setup succeeds.', schema: SetupStatusSchema } },
    handler: async ({ ctx }) => ({ needed: (await accounts.countAccounts(ctx.db.orm)) === 0 }),
  }),
  route({
    method: 'POST',
    url: '/setup',
    permission: 'public',
    tag: TAG,
    summary: 'Create the owner account and the team workspace (only while no account exists)',
    description: 'The workspace starts from the example workspace. Signs the owner in (sets the tf_session cookie).',
    body: SetupBodySchema,
    responses: {
      201: { description: 'The owner is signed in as admin.', schema: SessionSchema },
      409: { description: 'The server already has an account.' },
    },
    handler: async ({ ctx, body, request, reply }) => {
      const passwordHash = await hashPassword(body.password, ctx.settings.passwordCost);
      const result = await ctx.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
        if ((await accounts.countAccounts(tx)) > 0) throw new ApiProblem('setup-done', 'The server is already set up; sign in instead.');
        const account = await accounts.createAccount(tx, { email: body.email, name: body.name, passwordHash });
        const settings = defaultWorkspace();
        const ws = await workspaceStore.createWorkspace(tx, { id: newId('ws_'), name: body.workspaceName ?? 'Help desk', settings });
        await accounts.addMember(tx, ws.id, account.id, 'admin');
        const actor = { account: account.id, token: null, name: account.name };
        await audit.appendAudit(tx, { workspaceId: ws.id, actor, action: 'server.setup', target: account.id, detail: { email: account.email } });
        if (ctx.settings.seedExamples) await seedExamples(tx, ws.id, settings, actor);
        const session = await signIn(ctx, tx, request, reply, account.id);
        return sessionBody(account, 'admin', ws, session);
      });
      reply.code(201);
      return result;
    },
  }),
  route({
    method: 'GET',
    url: '/session',
    permission: 'account',
    tag: TAG,
    summary: 'The signed-in session, with its CSRF token',
    responses: { 200: { description: 'Signed in.', schema: SessionSchema }, 401: { description: 'Not signed in.' } },
    handler: async ({ principal, ctx }) => {
      const p = requireAccount(principal);
      const ws = await workspaceStore.getWorkspace(ctx.db.orm, p.workspaceId);
      const found = await sessions.findSessionByHash(ctx.db.orm, p.session.idHash);
      if (!ws || !found) throw new ApiProblem('unauthenticated', 'The session has ended.');
      return sessionBody(p.account, p.role, ws, found);
    },
  }),
  route({
    method: 'POST',
    url: '/session',
    permission: 'public',
    tag: TAG,
    summary: 'Sign in',
    description: 'Rate-limited per account and per address (429 with Retry-After). Sets the tf_session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS).',
    body: SignInBodySchema,
    responses: {
      200: { description: 'Signed in.', schema: SessionSchema },
      401: { description: 'Wrong email or password.' },
      429: { description: 'Too many attempts.' },
    },
    handler: async ({ ctx, body, request, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const email = accounts.normalizeEmail(body.email);
      await limitAttempt(ctx, `signin:account:${email}`, ctx.settings.signInLimits.perAccount);
      await limitAttempt(ctx, `signin:address:${request.ip}`, ctx.settings.signInLimits.perAddress);
      const found = await accounts.findAccountForSignIn(ctx.db.orm, email);
      const good = await verifyPassword(found?.passwordHash ?? (await dummyHash(ctx.settings.passwordCost)), body.password);
      const member = found && good ? await accounts.getMember(ctx.db.orm, workspaceId, found.id) : null;
      if (!found || !good || !member) {
        await audit.appendAudit(ctx.db.orm, { workspaceId, actor: { account: found?.id ?? null, token: null, name: email }, action: 'session.failed', detail: { address: request.ip } });
        throw new ApiProblem('unauthenticated', 'The email or the password is wrong.');
      }
      await rateLimits.clearRateLimit(ctx.db.orm, `signin:account:${email}`);
      const ws = await workspaceStore.getWorkspace(ctx.db.orm, workspaceId);
      if (!ws) throw new ApiProblem('not-set-up', 'The workspace is missing.');
      return ctx.transaction(async (tx) => {
        const session = await signIn(ctx, tx, request, reply, found.id);
        await audit.appendAudit(tx, { workspaceId, actor: { account: found.id, token: null, name: found.name }, action: 'session.created', detail: { address: request.ip } });
        return sessionBody({ id: found.id, email: found.email, name: found.name }, member.role, ws, session);
      });
    },
  }),
  route({
    method: 'DELETE',
    url: '/session',
    permission: 'account',
    tag: TAG,
    summary: 'Sign out',
    responses: { 204: { description: 'Signed out; the cookie is cleared.' } },
    handler: async ({ ctx, request, reply, principal }) => {
      const p = requireAccount(principal);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await sessions.deleteSession(ctx.db.orm, token);
      await audit.appendAudit(ctx.db.orm, { workspaceId: p.workspaceId, actor: actorOf(p), action: 'session.ended' });
      clearSessionCookie(request, reply);
      reply.code(204);
      return null;
    },
  }),
  route({
    method: 'PUT',
    url: '/session/password',
    permission: 'account',
    tag: TAG,
    summary: 'Change the password',
    description: 'Needs the current password; every other session of the account is signed out.',
    body: PasswordBodySchema,
    responses: { 204: { description: 'Changed.' }, 403: { description: 'The current password is wrong.' } },
    handler: async ({ ctx, body, principal, reply }) => {
      const p = requireAccount(principal);
      await limitAttempt(ctx, `password:account:${p.account.id}`, ctx.settings.signInLimits.perAccount);
      const stored = await accounts.getPasswordHash(ctx.db.orm, p.account.id);
      if (!stored || !(await verifyPassword(stored, body.current))) throw new ApiProblem('forbidden', 'The current password is wrong.');
      const passwordHash = await hashPassword(body.password, ctx.settings.passwordCost);
      await ctx.transaction(async (tx) => {
        await accounts.setPasswordHash(tx, p.account.id, passwordHash);
        await sessions.deleteOtherSessions(tx, p.account.id, p.session.idHash);
        await audit.appendAudit(tx, { workspaceId: p.workspaceId, actor: actorOf(p), action: 'password.changed', target: p.account.id });
      });
      reply.code(204);
      return null;
    },
  }),
  route({
    method: 'GET',
    url: '/me',
    permission: 'account',
    tag: TAG,
    summary: 'Who is signed in, with which role, in which workspace',
    responses: { 200: { description: 'The account.', schema: MeSchema } },
    handler: async ({ ctx, principal }) => {
      const p = requireAccount(principal);
      const ws = await workspaceStore.getWorkspace(ctx.db.orm, p.workspaceId);
      return { account: p.account, role: p.role, workspace: { id: p.workspaceId, name: ws?.name ?? '' } };
    },
  }),
  route({
    method: 'POST',
    url: '/invites/:token/accept',
    permission: 'public',
    tag: TAG,
    summary: 'Accept an invite: set a name and password, become a member, sign in',
    body: AcceptInviteBodySchema,
    responses: {
      201: { description: 'The new member is signed in.', schema: SessionSchema },
      404: { description: 'The invite is unknown, used or expired.' },
      409: { description: 'An account with the invited email exists.' },
    },
    handler: async ({ ctx, body, params, request, reply }) => {
      const token = params.token ?? '';
      const invite = await accounts.findOpenInvite(ctx.db.orm, token);
      if (!invite) throw new ApiProblem('not-found', 'This invite link is unknown, already used or expired; ask an admin for a new one.');
      if (await accounts.findAccountForSignIn(ctx.db.orm, invite.email)) throw new ApiProblem('exists', `An account for ${invite.email} exists already; sign in instead.`);
      const passwordHash = await hashPassword(body.password, ctx.settings.passwordCost);
      const result = await ctx.transaction(async (tx) => {
        const account = await accounts.createAccount(tx, { email: invite.email, name: body.name, passwordHash });
        if (!(await accounts.markInviteAccepted(tx, token, account.id))) throw new ApiProblem('not-found', 'This invite was used a moment ago.');
        await accounts.addMember(tx, invite.workspaceId, account.id, invite.role);
        await audit.appendAudit(tx, { workspaceId: invite.workspaceId, actor: { account: account.id, token: null, name: account.name }, action: 'invite.accepted', target: account.id, detail: { role: invite.role } });
        const ws = await workspaceStore.getWorkspace(tx, invite.workspaceId);
        const session = await signIn(ctx, tx, request, reply, account.id);
        return sessionBody(account, invite.role, ws ?? { id: invite.workspaceId, name: '' }, session);
      });
      reply.code(201);
      return result;
    },
  }),
];
