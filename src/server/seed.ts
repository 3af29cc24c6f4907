import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../examples';
import type { Workspace } from '../model';
import type { Orm } from '../storage';
import { audit, scenarios, workflows } from '../storage';
import type { Actor } from '../storage/audit';
import { revisionBytes, scenarioBytes, workflowProblems } from './core';
import { hasErrors } from '../document';

/**
 * Fills a new team workspace with the example workflows and scenarios, so the app opens ready to
 * use. Each example becomes revision 1; the examples the example workspace has on (and that the
 * core finds free of errors) are published, as the owner would, and the audit log says so.
 */
export async function seedExamples(tx: Orm, workspaceId: string, workspace: Workspace, actor: Actor & { account: string }): Promise<void> {
  for (const { document } of EXAMPLE_WORKFLOWS) {
    const id = document.workflow.id;
    const revision = await workflows.createWorkflow(tx, workspaceId, id, {
      document: revisionBytes(document),
      name: document.workflow.name,
      kind: 'create',
      message: 'Example workflow',
      author: actor.account,
      authorName: actor.name,
    });
    if (!revision) continue;
    // The examples' files say which revision is live where they come from (SPEC §10).
    const on = document.revision?.published === true;
    if (on && !hasErrors(workflowProblems(document, workspace))) {
      await workflows.publishRevision(tx, workspaceId, id, revision.number, actor.account);
      await audit.appendAudit(tx, { workspaceId, actor, action: 'workflow.published', target: id, detail: { revision: revision.number, seeded: true } });
    }
  }
  for (const { scenario } of EXAMPLE_SCENARIOS) {
    await scenarios.putScenario(tx, { workspaceId, id: scenario.id, name: scenario.name, document: scenarioBytes(scenario), baseVersion: null, updatedBy: actor.account });
  }
}
