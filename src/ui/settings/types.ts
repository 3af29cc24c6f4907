import type { Workflow, Workspace } from '../../model';

/** What every settings page gets: the workspace, the workflows that may use its entities, and the way out for each. */
export interface SettingsProps {
  workspace: Workspace;
  /** The workspace's workflows, to show which use an entity before it changes or goes. */
  workflows: readonly Workflow[];
  /** Ids of the workflows that are on (have a published revision, SPEC §10). */
  liveIds?: ReadonlySet<string>;
  /** Receives the whole new workspace after each valid edit. */
  onChange: (workspace: Workspace) => void;
  /** Opens a workflow in the builder ("Open in workflows"). */
  onOpenWorkflow: (workflowId: string) => void;
}
