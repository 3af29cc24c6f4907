import { audit, workspace as workspaceStore } from '../../storage';
import { stableStringify } from '../../document';
import { TeamWorkspaceSchema, WorkspaceBodySchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { readWorkspace, requireDocument } from '../core';
import { ApiProblem } from '../problems';
import { ifMatch, notModified } from './shared';

const TAG = 'Workspace';

function body(row: workspaceStore.WorkspaceRow) {
  return { id: row.id, name: row.name, version: row.version, updatedAt: row.updatedAt.toISOString(), settings: row.settings };
}

export const workspaceRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/workspace',
    permission: 'read',
    tag: TAG,
    summary: 'The help-desk workspace (pipelines, users, channels, templates…) with its version',
    description: 'ETag "ws.v<version>"; send it as If-Match on PUT.',
    responses: { 200: { description: 'The workspace.', schema: TeamWorkspaceSchema }, 304: { description: 'Not modified.' } },
    handler: async ({ ctx, request, reply }) => {
      const row = await workspaceStore.getWorkspace(ctx.db.orm, await ctx.workspaceId());
      if (!row) throw new ApiProblem('not-set-up', 'The workspace is missing.');
      if (notModified(request, reply, `"ws.v${row.version}"`)) {
        reply.code(304);
        return null;
      }
      return body(row);
    },
  }),
  route({
    method: 'PUT',
    url: '/workspace',
    permission: 'edit',
    tag: TAG,
    summary: 'Save the help-desk settings (If-Match: the version they were based on)',
    body: WorkspaceBodySchema,
    headers: { 'if-match': { description: 'The ETag (or number) of the version changed.', required: true } },
    responses: {
      200: { description: 'Saved.', schema: TeamWorkspaceSchema },
      409: { description: 'Someone saved the workspace since.' },
      422: { description: 'The core refused the settings.' },
    },
    handler: async ({ ctx, body: input, request, reply, principal }) => {
      const base = ifMatch(request, 'workspace version');
      const verdict = readWorkspace(stableStringify(input.settings ?? null));
      const settings = requireDocument(verdict, 'workspace');
      if (!verdict.ok) throw new ApiProblem('invalid-document', 'The workspace has errors; nothing was stored.', { problems: verdict.problems });
      const workspaceId = await ctx.workspaceId();
      const actor = actorOf(principal);
      const saved = await ctx.transaction(async (tx, emit) => {
        const row = await workspaceStore.saveWorkspace(tx, { id: workspaceId, baseVersion: base, settings, ...(input.name ? { name: input.name } : {}), updatedBy: actor.account ?? '' });
        if (!row) return null;
        await audit.appendAudit(tx, { workspaceId, actor, action: 'workspace.saved', detail: { version: row.version } });
        await emit('workspace.saved', { version: row.version, authorName: actor.name });
        return row;
      });
      if (!saved) {
        const current = await workspaceStore.getWorkspace(ctx.db.orm, workspaceId);
        throw new ApiProblem('conflict', `Version ${base} is not the latest; the workspace was saved since.`, { current: current?.version ?? 0 });
      }
      reply.header('etag', `"ws.v${saved.version}"`);
      return body(saved);
    },
  }),
];
