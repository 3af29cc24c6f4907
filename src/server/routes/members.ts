import { accounts, audit, sessions, tokens } from '../../storage';
import { InviteBodySchema, InviteSchema, MemberPatchSchema, MembersSchema, MemberSchema, NewTokenSchema, TokenBodySchema, TokensSchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { ApiProblem } from '../problems';

const MEMBERS = 'Members';
const TOKENS = 'API tokens';

function memberBody(m: accounts.Member) {
  return { id: m.id, name: m.name, email: m.email, role: m.role, since: m.since.toISOString() };
}

export const memberRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/members',
    permission: 'team',
    tag: MEMBERS,
    summary: 'The members of the workspace and their roles',
    responses: { 200: { description: 'The members.', schema: MembersSchema } },
    handler: async ({ ctx }) => ({ members: (await accounts.listMembers(ctx.db.orm, await ctx.workspaceId())).map(memberBody) }),
  }),
  route({
    method: 'POST',
    url: '/members',
    permission: 'manage',
    tag: MEMBERS,
    summary: 'Invite a member by email with a role',
    description: 'There is no mail server: the answer holds a one-time link that expires, for the admin to pass on.',
    body: InviteBodySchema,
    responses: { 201: { description: 'The invite link.', schema: InviteSchema } },
    handler: async ({ ctx, body, principal, request, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const actor = actorOf(principal);
      const invite = await ctx.transaction(async (tx) => {
        const made = await accounts.createInvite(tx, { workspaceId, email: body.email, role: body.role, createdBy: actor.account ?? '', ttlMs: ctx.settings.inviteTtlMs });
        await audit.appendAudit(tx, { workspaceId, actor, action: 'invite.created', target: accounts.normalizeEmail(body.email), detail: { role: body.role, expiresAt: made.expiresAt.toISOString() } });
        return made;
      });
      reply.code(201);
      const origin = `${request.protocol}://${request.host}`;
      return {
        invite: { url: `${origin}/#invite=${invite.token}`, token: invite.token, email: accounts.normalizeEmail(body.email), role: body.role, expiresAt: invite.expiresAt.toISOString() },
      };
    },
  }),
  route({
    method: 'PATCH',
    url: '/members/:id',
    permission: 'manage',
    tag: MEMBERS,
    summary: "Change a member's role",
    description: 'The last admin cannot stop being one.',
    body: MemberPatchSchema,
    responses: { 200: { description: 'The member.', schema: MemberSchema }, 404: { description: 'No such member.' }, 409: { description: 'It would leave no admin.' } },
    handler: async ({ ctx, body, params, principal }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      return ctx.transaction(async (tx) => {
        const member = await accounts.getMember(tx, workspaceId, id);
        if (!member) throw new ApiProblem('not-found', `No member has the id "${id}".`);
        if (member.role === 'admin' && body.role !== 'admin' && (await accounts.countAdmins(tx, workspaceId)) <= 1) {
          throw new ApiProblem('conflict', 'This is the only admin; make someone else admin first.');
        }
        await accounts.setRole(tx, workspaceId, id, body.role);
        await audit.appendAudit(tx, { workspaceId, actor: actorOf(principal), action: 'member.role', target: id, detail: { from: member.role, to: body.role } });
        return memberBody({ ...member, role: body.role });
      });
    },
  }),
  route({
    method: 'DELETE',
    url: '/members/:id',
    permission: 'manage',
    tag: MEMBERS,
    summary: 'Remove a member (their sessions end)',
    responses: { 204: { description: 'Removed.' }, 404: { description: 'No such member.' }, 409: { description: 'It would leave no admin.' } },
    handler: async ({ ctx, params, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      await ctx.transaction(async (tx) => {
        const member = await accounts.getMember(tx, workspaceId, id);
        if (!member) throw new ApiProblem('not-found', `No member has the id "${id}".`);
        if (member.role === 'admin' && (await accounts.countAdmins(tx, workspaceId)) <= 1) throw new ApiProblem('conflict', 'This is the only admin.');
        await accounts.removeMember(tx, workspaceId, id);
        await sessions.deleteOtherSessions(tx, id, null);
        await audit.appendAudit(tx, { workspaceId, actor: actorOf(principal), action: 'member.removed', target: id, detail: { email: member.email } });
      });
      reply.code(204);
      return null;
    },
  }),
];

function tokenBody(t: tokens.ApiToken) {
  return { id: t.id, name: t.name, scope: t.scope, createdAt: t.createdAt.toISOString(), createdBy: { id: t.createdBy, name: t.createdByName }, lastUsedAt: t.lastUsedAt?.toISOString() ?? null };
}

export const tokenRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/tokens',
    permission: 'manage',
    tag: TOKENS,
    summary: 'The API tokens not revoked (never their secrets)',
    responses: { 200: { description: 'The tokens.', schema: TokensSchema } },
    handler: async ({ ctx }) => ({ tokens: (await tokens.listTokens(ctx.db.orm, await ctx.workspaceId())).map(tokenBody) }),
  }),
  route({
    method: 'POST',
    url: '/tokens',
    permission: 'manage',
    tag: TOKENS,
    summary: 'Create an API token for a backend team',
    description: 'The secret is in this answer only; it is stored hashed. Send it as Authorization: Bearer tf_….',
    body: TokenBodySchema,
    responses: { 201: { description: 'The token and its secret.', schema: NewTokenSchema } },
    handler: async ({ ctx, body, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const actor = actorOf(principal);
      const made = await ctx.transaction(async (tx) => {
        const t = await tokens.createToken(tx, { workspaceId, name: body.name, scope: body.scope, createdBy: actor.account ?? '' });
        await audit.appendAudit(tx, { workspaceId, actor, action: 'token.created', target: t.id, detail: { name: body.name, scope: body.scope } });
        return t;
      });
      const listed = (await tokens.listTokens(ctx.db.orm, workspaceId)).find((t) => t.id === made.id);
      if (!listed) throw new Error('the new token is not listed');
      reply.code(201);
      return { token: tokenBody(listed), secret: made.secret };
    },
  }),
  route({
    method: 'DELETE',
    url: '/tokens/:id',
    permission: 'manage',
    tag: TOKENS,
    summary: 'Revoke an API token',
    responses: { 204: { description: 'Revoked: it no longer authenticates.' }, 404: { description: 'No such token.' } },
    handler: async ({ ctx, params, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      await ctx.transaction(async (tx) => {
        const revoked = await tokens.revokeToken(tx, workspaceId, id);
        if (!revoked) throw new ApiProblem('not-found', `No token has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId, actor: actorOf(principal), action: 'token.revoked', target: id, detail: { name: revoked.name } });
      });
      reply.code(204);
      return null;
    },
  }),
];
