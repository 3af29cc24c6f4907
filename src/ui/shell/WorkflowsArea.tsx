import { useCallback, useMemo } from 'react';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { canEdit, useTeamSession } from '../../store/team-session';
import { PresenceAvatars } from '../team/ModeLine';
import { WorkflowList, type WorkflowListItem } from '../workflows/WorkflowList';

const presenceOf = (id: string) => <PresenceAvatars workflowId={id} />;

/** The workflow list wired to the store. */
export function WorkflowsArea() {
  const { t } = useT();
  const store = useAppStore();
  const order = useApp((s) => s.order);
  const documents = useApp((s) => s.documents);
  const validation = useApp((s) => s.validation);
  const openId = useApp((s) => s.openId);
  const editor = useTeamSession(canEdit);
  const items = useMemo<WorkflowListItem[]>(
    () =>
      order.flatMap((id) => {
        const doc = documents[id];
        if (!doc) return [];
        const problems = validation[id]?.problems ?? [];
        return [{ id, name: doc.workflow.name, enabled: doc.workflow.enabled, problemCount: problems.filter((p) => p.severity === 'error').length }];
      }),
    [order, documents, validation],
  );
  const onOpen = useCallback((id: string) => store.getState().openWorkflow(id), [store]);
  const onCreate = useCallback(() => {
    store.getState().createWorkflow(t('shell.newWorkflowName'));
  }, [store, t]);
  const onRename = useCallback((id: string, name: string) => store.getState().renameWorkflow(id, name), [store]);
  const onDuplicate = useCallback(
    (id: string) => {
      const s = store.getState();
      const doc = s.documents[id];
      if (doc) s.openWorkflow(s.addCopy(doc, t('shell.copyName', { name: doc.workflow.name })));
    },
    [store, t],
  );
  const onDelete = useCallback((id: string) => store.getState().deleteWorkflow(id), [store]);
  const onToggleEnabled = useCallback((id: string, enabled: boolean) => store.getState().setWorkflowEnabled(id, enabled), [store]);
  return (
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
  );
}
