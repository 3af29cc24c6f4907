import { z } from 'zod';
import { stableStringify } from '../../document';
import type { Workflow } from '../../model';
import { scenarios, workflows } from '../../storage';
import { SimulateBodySchema, SimulationResponseSchema, ValidationSchema } from '../api-schemas';
import { route, type AnyRoute } from '../context';
import { readScenario, readWorkflow, readWorkspace, requireDocument } from '../core';
import { ApiProblem } from '../problems';
import { simulateWithTimeLimit } from '../run';
import { currentWorkspace } from './shared';

const TAG = 'Validate and simulate';

export const runRoutes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/validate',
    permission: 'run',
    tag: TAG,
    summary: "The core's verdict on a document, against the team workspace",
    description: 'Bounded like the CLI: the same size and nesting limits. Nothing is stored.',
    document: { schema: 'workflow', description: 'A workflow document (or a scenario or workspace, with kind).' },
    query: { kind: { description: 'workflow (default), scenario or workspace.', schema: z.enum(['workflow', 'scenario', 'workspace']) } },
    responses: { 200: { description: 'The verdict.', schema: ValidationSchema } },
    handler: async ({ ctx, text, query }) => {
      const ws = await currentWorkspace(ctx);
      const verdict = query.kind === 'scenario' ? readScenario(text, ws.settings) : query.kind === 'workspace' ? readWorkspace(text) : readWorkflow(text, ws.settings);
      const out: Record<string, unknown> = { ok: verdict.ok, problems: verdict.problems, notes: verdict.notes };
      if (verdict.migratedFrom !== undefined) out.migratedFrom = verdict.migratedFrom;
      return out;
    },
  }),
  route({
    method: 'POST',
    url: '/simulate',
    permission: 'run',
    tag: TAG,
    summary: 'Run the live workflows (and optional drafts in their place) against a scenario',
    description: "Bounded like the CLI (the engine's default budgets) and by a time limit (503 past it).",
    body: SimulateBodySchema,
    responses: {
      200: { description: 'The result, as the CLI gives it with --json.', schema: SimulationResponseSchema },
      422: { description: 'The scenario or a draft has errors.' },
      503: { description: 'The run passed the time limit.' },
    },
    handler: async ({ ctx, body }) => {
      const ws = await currentWorkspace(ctx);
      let scenarioText: string;
      if (typeof body.scenario === 'string') {
        const row = await scenarios.getScenario(ctx.db.orm, ws.id, body.scenario);
        if (!row) throw new ApiProblem('not-found', `No scenario has the id "${body.scenario}".`);
        scenarioText = row.document;
      } else scenarioText = stableStringify(body.scenario);
      const scenarioVerdict = readScenario(scenarioText, ws.settings);
      const scenario = requireDocument(scenarioVerdict, 'scenario');
      if (!scenarioVerdict.ok) throw new ApiProblem('invalid-document', 'The scenario has errors; nothing was run.', { problems: scenarioVerdict.problems });

      const run = new Map<string, { workflow: Workflow; revision: number | null }>();
      for (const wf of await workflows.listWorkflows(ctx.db.orm, ws.id, { publishedOnly: true })) {
        const revision = wf.published === null ? null : await workflows.getRevision(ctx.db.orm, ws.id, wf.id, wf.published);
        const doc = revision ? readWorkflow(revision.document, ws.settings).value : null;
        if (doc && wf.published !== null) run.set(wf.id, { workflow: doc.workflow, revision: wf.published });
      }
      for (const [i, draft] of (body.drafts ?? []).entries()) {
        const verdict = readWorkflow(stableStringify(draft), ws.settings);
        if (!verdict.ok || !verdict.value) {
          throw new ApiProblem('invalid-document', `Draft ${i + 1} has errors; nothing was run.`, { problems: verdict.problems.map((p) => ({ ...p, path: `/drafts/${i}${p.path}` })) });
        }
        run.set(verdict.value.workflow.id, { workflow: verdict.value.workflow, revision: null });
      }
      // A workflow runs because it is live (or the draft in its place), whatever its old "enabled" flag says.
      const list = [...run.values()].map(({ workflow }) => ({ ...workflow, enabled: true }));
      const result = await simulateWithTimeLimit({ workspace: ws.settings, workflows: list, scenario }, ctx.settings.runTimeLimitMs);
      return { workflows: [...run.entries()].map(([id, r]) => ({ id, revision: r.revision })), result };
    },
  }),
];
