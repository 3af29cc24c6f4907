import { useCallback, useMemo } from 'react';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { canEdit, useTeamSession } from '../../store/team-session';
import { PresenceAvatars } from '../team/ModeLine';
import { TrashList } from '../workflows/TrashList';
import { WorkflowList, type WorkflowListItem } from '../workflows/WorkflowList';

const presenceOf = (id: string) => <PresenceAvatars workflowId={id} />;

/** The workflow list wired to the store. */
export function WorkflowsArea() {
  const { t } = useT();
  const store = useAppStore();
  const order = useApp((s) => s.order);
  const documents = useApp((s) => s.documents);
  const validation = useApp((s) => s.validation);
  const versions = useApp((s) => s.versions);
  const openId = useApp((s) => s.openId);
  const editor = useTeamSession(canEdit);
  // The server keeps a deleted workflow's revisions: its trash has Restore, not Delete for good.
  const team = useTeamSession((s) => s.mode === 'team');
  const trash = useApp((s) => s.trash);
  const onRestore = useCallback((id: string) => store.getState().restoreWorkflow(id), [store]);
  const onPurge = useCallback((id: string, deletedAt: string) => store.getState().purgeTrashed(id, deletedAt), [store]);
  const items = useMemo<WorkflowListItem[]>(
    () =>
      order.flatMap((id) => {
        const doc = documents[id];
        if (!doc) return [];
        const problems = validation[id]?.problems ?? [];
        return [{ id, name: doc.workflow.name, enabled: (versions[id]?.published ?? null) !== null, problemCount: problems.filter((p) => p.severity === 'error').length }];
      }),
    [order, documents, validation, versions],
  );
  const onOpen = useCallback((id: string) => store.getState().openWorkflow(id), [store]);
  const onCreate = useCallback(() => {
    const id = store.getState().createWorkflow(t('shell.newWorkflowName'));
    store.getState().recordRevision(id, 'create');
  }, [store, t]);
  const onRename = useCallback((id: string, name: string) => store.getState().renameWorkflow(id, name), [store]);
  const onDuplicate = useCallback(
    (id: string) => {
      const s = store.getState();
      const doc = s.documents[id];
      if (!doc) return;
      const copyId = s.addCopy(doc, t('shell.copyName', { name: doc.workflow.name }));
      s.recordRevision(copyId, 'create');
      s.openWorkflow(copyId);
    },
    [store, t],
  );
  const onDelete = useCallback((id: string) => store.getState().deleteWorkflow(id), [store]);
  // On is publishing (the dialog judges the draft and shows what changes); off is unpublishing.
  const onToggleEnabled = useCallback(
    (id: string, on: boolean) => {
      const s = store.getState();
      if (!on) {
        s.unpublish(id);
        return;
      }
      s.openWorkflow(id);
      s.openVersionDialog({ type: 'publish', workflowId: id });
    },
    [store],
  );
  return (
    <>
      <WorkflowList
        workflows={items}
        openId={openId}
        onOpen={onOpen}
        onCreate={onCreate}
        onRename={onRename}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
        onToggleEnabled={onToggleEnabled}
        readOnly={!editor}
        badge={presenceOf}
      />
      {editor && <TrashList entries={trash} onRestore={onRestore} onPurge={team ? undefined : onPurge} />}
    </>
  );
}
