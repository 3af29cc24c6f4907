import { useCallback, useMemo } from 'react';
import type { Workflow, WorkflowDocument } from '../../model';
import { settingsRoute, type SettingsPageId } from '../../settings/route';
import { useApp, useAppStore } from '../../store/store';
import { SettingsPage } from '../settings/SettingsPage';

/** The help-desk settings wired to the store, shown at #/settings. */
export function SettingsArea({ page, pipelineTab }: { page: SettingsPageId; pipelineTab?: 'automate' }) {
  const store = useAppStore();
  const workspace = useApp((s) => s.workspace);
  const documents = useApp((s) => s.documents);
  const order = useApp((s) => s.order);
  const workflows = useMemo<Workflow[]>(() => order.flatMap((id) => (documents[id] ? [documents[id].workflow] : [])), [documents, order]);
  const versions = useApp((s) => s.versions);
  const liveIds = useMemo(() => new Set(Object.keys(versions).filter((id) => versions[id]!.published !== null)), [versions]);

  const leave = () => {
    window.location.hash = '';
  };
  const onOpenWorkflow = useCallback(
    (id: string) => {
      store.getState().openWorkflow(id);
      leave();
    },
    [store],
  );
  // The Automate tab's "+" creates the workflow and stays there; "Open in workflows" goes to it.
  // [S-status-actions] The new workflow is meant to run: it is published when it has no errors (publish checks).
  const onCreateWorkflow = useCallback(
    (doc: WorkflowDocument) => {
      const s = store.getState();
      s.addDocument(doc);
      s.recordRevision(doc.workflow.id, 'create');
      s.publish(doc.workflow.id);
    },
    [store],
  );
  const onViewWorkflow = useCallback(
    (_pipelineId: string, _which: string, doc: WorkflowDocument) => {
      store.getState().openPreview(doc);
      leave();
    },
    [store],
  );
  return (
    <div className="tf-settings-area">
      <SettingsPage
        workspace={workspace}
        workflows={workflows}
        liveIds={liveIds}
        onChange={(ws) => store.getState().setWorkspace(ws)}
        onOpenWorkflow={onOpenWorkflow}
        onCreateWorkflow={onCreateWorkflow}
        onViewWorkflow={onViewWorkflow}
        initialPage={page}
        initialPipelineTab={pipelineTab}
        onBack={leave}
        onPageChange={(p) => window.history.replaceState(null, '', settingsRoute(p))}
      />
    </div>
  );
}
