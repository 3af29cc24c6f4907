import { useCallback, useEffect } from 'react';
import type { Action } from '../../actions';
import type { Enrollment } from '../../model';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { Inspector, type WorkflowMeta } from '../inspector/Inspector';
import { useT } from '../i18n';

/** The inspector wired to the store: what is selected, edited through store commands (one undo step per save). */
export function InspectorArea() {
  const { t } = useT();
  const store = useAppStore();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const workspace = useApp((s) => s.workspace);
  const selection = useApp((s) => s.selection);
  const readOnly = useApp((s) => s.reviewMode);

  const onChangeAction = useCallback((action: Action) => store.getState().updateAction(action), [store]);
  const onChangeEnrollment = useCallback(
    (enrollment: Enrollment) => {
      const wf = selectOpenDoc(store.getState())?.workflow;
      if (wf) store.getState().updateWorkflow({ ...wf, enrollment });
    },
    [store],
  );
  const onChangeWorkflowMeta = useCallback(
    (meta: WorkflowMeta) => {
      const wf = selectOpenDoc(store.getState())?.workflow;
      if (!wf) return;
      const next = { ...wf, name: meta.name };
      if (meta.description) next.description = meta.description;
      else delete next.description;
      store.getState().updateWorkflow(next);
    },
    [store],
  );
  const onCloneAndDelete = useCallback((enrollment: Enrollment) => store.getState().cloneWithEnrollment(enrollment), [store]);
  const onClose = useCallback(() => {
    store.getState().setInspectorDirty(false);
    store.getState().select(null);
  }, [store]);
  const onDirtyChange = useCallback((dirty: boolean) => store.getState().setInspectorDirty(dirty), [store]);

  const selectionKey = selection === null ? '' : selection.kind === 'trigger' ? 'trigger' : selection.id;
  // Whatever the panel showed is gone once the selection or the workflow changes: no edits are pending any more.
  useEffect(() => () => store.getState().setInspectorDirty(false), [store, selectionKey, workflow?.id]);

  if (!workflow) return <p className="tf-empty">{t('shell.noWorkflow')}</p>;
  return (
    <div id="tf-inspector" className="tf-inspector-area">
      <Inspector
        workspace={workspace}
        workflow={workflow}
        selection={selection ?? { kind: 'workflow' }}
        readOnly={readOnly}
        onChangeAction={onChangeAction}
        onChangeEnrollment={onChangeEnrollment}
        onChangeWorkflowMeta={onChangeWorkflowMeta}
        onCloneAndDelete={onCloneAndDelete}
        onClose={onClose}
        onDirtyChange={onDirtyChange}
      />
    </div>
  );
}
