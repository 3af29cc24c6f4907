import { useCallback, useEffect } from 'react';
import type { Action } from '../../actions';
import { TRIGGER_NODE_ID, type Enrollment } from '../../model';
import { liveDocument } from '../../store/revisions';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { Inspector, sessionKey, type WorkflowMeta } from '../inspector/Inspector';
import { useT } from '../i18n';
import { focusBubble } from './focus';

/** The inspector wired to the store: what is selected, edited through store commands (one undo step per save). */
export function InspectorArea() {
  const { t } = useT();
  const store = useAppStore();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const workspace = useApp((s) => s.workspace);
  const selection = useApp((s) => s.selection);
  const readOnly = useApp((s) => s.reviewMode);
  // Until storage has loaded, the open document is only the seed: a form shown now would be seeded
  // before a kept draft comes back (and, with the same session key, never take it).
  const loaded = useApp((s) => s.loaded);
  // [S-reenroll] Warn only for a live revision that has had enrolled tickets (in the last simulation run).
  const builtIn = useApp((s) => s.preview !== null);
  const enrolledLive = useApp((s) => {
    const id = s.openId;
    return id !== null && (s.lastEnrolled[id] ?? 0) > 0 ? (liveDocument(s.versions[id])?.workflow.enrollment ?? null) : null;
  });

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
    store.getState().setPanelDraft(null);
    store.getState().setInspectorDirty(false);
    store.getState().select(null);
  }, [store]);
  // Focus goes back to the bubble the panel edits (the trigger card for enrollment), not to <body>.
  const onDone = useCallback(() => {
    const sel = store.getState().selection;
    focusBubble(sel === null ? null : sel.kind === 'trigger' ? TRIGGER_NODE_ID : sel.id);
  }, [store]);
  const onDirtyChange = useCallback((dirty: boolean) => store.getState().setInspectorDirty(dirty), [store]);
  const draft = useApp((s) => (s.panelDraft && s.panelDraft.workflowId === workflow?.id ? s.panelDraft : null));
  const onDraftChange = useCallback(
    (key: string, value: unknown) => {
      const s = store.getState();
      const workflowId = s.openId;
      if (value !== null && workflowId) s.setPanelDraft({ workflowId, key, value });
      else if (s.panelDraft?.key === key) s.setPanelDraft(null);
    },
    [store],
  );

  // A kept draft shown again (after a switch of tab or a reload) is announced once per showing.
  const shownKey = workflow ? sessionKey(workflow.id, selection ?? { kind: 'workflow' }) : '';
  useEffect(() => {
    if (loaded && shownKey && store.getState().panelDraft?.key === shownKey) store.getState().notify({ tone: 'info', key: 'app.draftRestored.panel' });
  }, [store, shownKey, loaded]);

  // A panel that goes away (another tab, another selection) leaves no edits pending, unless its draft is
  // kept: then the selection stays locked to it until the draft is saved or cancelled.
  useEffect(
    () => () => {
      if (store.getState().panelDraft?.key !== shownKey) store.getState().setInspectorDirty(false);
    },
    [store, shownKey],
  );

  if (!loaded) return null;
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
        enrolledLive={enrolledLive}
        builtIn={builtIn}
        onClose={onClose}
        onDirtyChange={onDirtyChange}
        onDone={onDone}
        draft={draft}
        onDraftChange={onDraftChange}
      />
    </div>
  );
}
