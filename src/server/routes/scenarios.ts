import { audit, scenarios } from '../../storage';
import type { ScenarioRow } from '../../storage/scenarios';
import { ScenarioSavedSchema, ScenariosSchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { readScenario, requireDocument, scenarioBytes } from '../core';
import { ApiProblem } from '../problems';
import { currentWorkspace, notModified } from './shared';

const TAG = 'Scenarios';

function summaryOf(row: ScenarioRow) {
  return { id: row.id, name: row.name, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

function etag(row: { id: string; version: number }) {
  return `"${row.id}.v${row.version}"`;
}

export const scenarioRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/scenarios',
    permission: 'read',
    tag: TAG,
    summary: 'The saved simulation scenarios',
    responses: { 200: { description: 'The scenarios.', schema: ScenariosSchema } },
    handler: async ({ ctx }) => ({ scenarios: (await scenarios.listScenarios(ctx.db.orm, await ctx.workspaceId())).map(summaryOf) }),
  }),
  route({
    method: 'GET',
    url: '/scenarios/:id',
    permission: 'read',
    tag: TAG,
    summary: 'A scenario document (ETag "<id>.v<version>")',
    responses: { 200: { description: 'The scenario.', document: 'scenario' }, 304: { description: 'Not modified.' }, 404: { description: 'No such scenario.' } },
    handler: async ({ ctx, params, request, reply }) => {
      const row = await scenarios.getScenario(ctx.db.orm, await ctx.workspaceId(), params.id ?? '');
      if (!row) throw new ApiProblem('not-found', `No scenario has the id "${params.id ?? ''}".`);
      if (notModified(request, reply, etag(row))) {
        reply.code(304);
        return null;
      }
      reply.type('application/json; charset=utf-8');
      return row.document;
    },
  }),
  route({
    method: 'PUT',
    url: '/scenarios/:id',
    permission: 'edit',
    tag: TAG,
    summary: 'Create a scenario (no If-Match) or replace it (If-Match: its ETag)',
    document: { schema: 'scenario', description: 'A scenario document whose id is the one in the path.' },
    headers: { 'if-match': { description: 'The ETag of the version replaced; leave it out to create.' } },
    responses: {
      200: { description: 'Replaced.', schema: ScenarioSavedSchema },
      201: { description: 'Created.', schema: ScenarioSavedSchema },
      409: { description: 'It exists (create) or changed since (replace).' },
      422: { description: 'The core could not read the scenario.' },
    },
    handler: async ({ ctx, params, text, request, reply, principal }) => {
      const ws = await currentWorkspace(ctx);
      const id = params.id ?? '';
      const verdict = readScenario(text, ws.settings);
      const scenario = requireDocument(verdict, 'scenario');
      if (scenario.id !== id) throw new ApiProblem('invalid-document', `The document is scenario "${scenario.id}", not "${id}".`);
      const header = request.headers['if-match'];
      const baseVersion = header === undefined ? null : Number(/(\d+)"?\s*$/.exec(String(header))?.[1] ?? NaN);
      if (baseVersion !== null && !Number.isInteger(baseVersion)) throw new ApiProblem('bad-request', 'If-Match names no scenario version.');
      const actor = actorOf(principal);
      const outcome = await ctx.transaction(async (tx, emit) => {
        const put = await scenarios.putScenario(tx, { workspaceId: ws.id, id, name: scenario.name, document: scenarioBytes(scenario), baseVersion, updatedBy: actor.account ?? '' });
        if (!put.ok) return put;
        await audit.appendAudit(tx, { workspaceId: ws.id, actor, action: 'scenario.saved', target: id, detail: { version: put.row.version } });
        await emit('scenario.saved', { scenarioId: id, version: put.row.version });
        return put;
      });
      if (!outcome.ok) {
        const detail = baseVersion === null ? `Scenario "${id}" exists; send If-Match with its ETag to replace it.` : `Scenario "${id}" changed since version ${baseVersion}.`;
        throw new ApiProblem('conflict', detail, outcome.current === null ? {} : { current: outcome.current });
      }
      reply.code(outcome.created ? 201 : 200).header('etag', etag(outcome.row));
      return { scenario: summaryOf(outcome.row), problems: verdict.problems };
    },
  }),
  route({
    method: 'DELETE',
    url: '/scenarios/:id',
    permission: 'edit',
    tag: TAG,
    summary: 'Delete a scenario',
    responses: { 204: { description: 'Deleted.' }, 404: { description: 'No such scenario.' } },
    handler: async ({ ctx, params, principal, reply }) => {
      const workspaceId = await ctx.workspaceId();
      const id = params.id ?? '';
      await ctx.transaction(async (tx) => {
        if (!(await scenarios.deleteScenario(tx, workspaceId, id))) throw new ApiProblem('not-found', `No scenario has the id "${id}".`);
        await audit.appendAudit(tx, { workspaceId, actor: actorOf(principal), action: 'scenario.deleted', target: id });
      });
      reply.code(204);
      return null;
    },
  }),
];
