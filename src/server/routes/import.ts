import { z } from 'zod';
import { accounts, audit, comments, scenarios, workflows, workspace as workspaceStore } from '../../storage';
import { ImportReportSchema } from '../api-schemas';
import { actorOf, route, type AnyRoute } from '../context';
import { importNotes, readBundle, requireDocument, revisionBytes, scenarioBytes } from '../core';
import { ApiProblem } from '../problems';

export const importRoutes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/import',
    permission: 'edit',
    tag: 'Moving in',
    summary: 'Move a local workspace in: a bundle of the help desk, its workflows and scenarios, in one step',
    description:
      'Every part goes through the core first; if any part cannot be read nothing is stored (422). A workflow whose id exists gets a new revision (kind import); the others are created. Nothing is published: "enabled" in a file never publishes, the report says so. Comment threads come in authored by the importing admin, each message naming its original author and time; a thread moved in before (known by its id in the file) only gets the replies it lacks, so moving the same bundle in twice duplicates nothing.',
    document: { schema: 'bundle', description: 'A workspace bundle (ticketflow.bundle), as the app exports it.' },
    query: { workspace: { description: 'replace (default): the bundle\'s help-desk settings replace the team\'s; keep: they are ignored.', schema: z.enum(['replace', 'keep']) } },
    responses: { 200: { description: 'What came in.', schema: ImportReportSchema }, 422: { description: 'A part could not be read; nothing was stored.' } },
    bodyLimit: 50 * 1024 * 1024,
    handler: async ({ ctx, text, query, principal }) => {
      const workspaceId = await ctx.workspaceId();
      const verdict = readBundle(text, { maxBytes: ctx.settings.maxBundleBytes });
      const bundle = requireDocument(verdict, 'bundle');
      const actor = actorOf(principal);
      const by = actor.account ?? '';
      const notes = [...verdict.notes];
      return ctx.transaction(async (tx, emit) => {
        let workspaceOutcome: 'replaced' | 'kept' = 'kept';
        if (query.workspace !== 'keep') {
          const current = await workspaceStore.getWorkspace(tx, workspaceId);
          if (!current) throw new ApiProblem('not-set-up', 'The workspace is missing.');
          const saved = await workspaceStore.saveWorkspace(tx, { id: workspaceId, baseVersion: current.version, settings: bundle.workspace, updatedBy: by });
          if (saved) {
            workspaceOutcome = 'replaced';
            await emit('workspace.saved', { version: saved.version, authorName: actor.name });
          }
        }
        const report: { id: string; name: string; revision: number; outcome: 'created' | 'revised' | 'unchanged' }[] = [];
        for (const document of bundle.workflows) {
          const id = document.workflow.id;
          const input = { document: revisionBytes(document), name: document.workflow.name, kind: 'import' as const, message: 'Moved in from a bundle', author: by, authorName: actor.name };
          const existing = await workflows.getWorkflow(tx, workspaceId, id);
          let number: number;
          // The same document as the head (a bundle moved in twice) adds no revision.
          const same = existing ? (await workflows.getRevision(tx, workspaceId, id, existing.head))?.document === input.document : false;
          if (existing && same) {
            number = existing.head;
          } else if (existing) {
            const saved = await workflows.saveRevision(tx, workspaceId, id, existing.head, input);
            if (!saved.ok) throw new ApiProblem('conflict', `Workflow "${id}" changed during the import; nothing was stored.`);
            number = saved.revision.number;
          } else {
            const made = await workflows.createWorkflow(tx, workspaceId, id, input);
            if (!made) throw new ApiProblem('conflict', `Workflow "${id}" appeared during the import; nothing was stored.`);
            number = made.number;
          }
          // A thread moved in before (the same bundle twice) is found by its id and only gets the replies it lacks.
          for (const thread of document.comments ?? []) {
            if (!thread.messages.length) continue;
            const quote = (m: (typeof thread.messages)[number]) => `${m.author} (${m.at}): ${m.text}`;
            await comments.mergeThread(tx, {
              workspaceId,
              workflowId: id,
              revision: number,
              author: by,
              thread: { key: thread.id, target: thread.target, resolved: thread.resolved, messages: thread.messages.map((m) => ({ key: m.id, text: quote(m) })) },
            });
          }
          report.push({ id, name: document.workflow.name, revision: number, outcome: same ? 'unchanged' : existing ? 'revised' : 'created' });
          notes.push(...importNotes(document, number));
          if (!same) await emit('workflow.saved', { workflowId: id, revision: number, kind: 'import', authorName: actor.name });
        }
        const scenarioReport: { id: string; name: string; outcome: 'created' | 'replaced' }[] = [];
        for (const scenario of bundle.scenarios) {
          const current = await scenarios.getScenario(tx, workspaceId, scenario.id);
          const put = await scenarios.putScenario(tx, { workspaceId, id: scenario.id, name: scenario.name, document: scenarioBytes(scenario), baseVersion: current?.version ?? null, updatedBy: by });
          if (!put.ok) throw new ApiProblem('conflict', `Scenario "${scenario.id}" changed during the import; nothing was stored.`);
          scenarioReport.push({ id: scenario.id, name: scenario.name, outcome: put.created ? 'created' : 'replaced' });
          await emit('scenario.saved', { scenarioId: scenario.id, version: put.row.version });
        }
        await audit.appendAudit(tx, {
          workspaceId,
          actor,
          action: 'import',
          detail: { workspace: workspaceOutcome, workflows: report.length, scenarios: scenarioReport.length, by: accounts.normalizeEmail(principal.kind === 'account' ? principal.account.email : '') },
        });
        return { workspace: workspaceOutcome, workflows: report, scenarios: scenarioReport, problems: verdict.problems, notes };
      });
    },
  }),
];
