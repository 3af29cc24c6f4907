import { useCallback, useEffect } from 'react';
import type { WorkflowDocument } from '../../model';
import { selectOpenDoc, selectOpenProblems } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { LazyJsonView } from '../json';
import { HistoryJsonDiff } from '../history/HistoryJsonDiff';
import { selectViewedRevision } from '../../store/history-view';
import { useTheme } from '../theme/theme';

/** The JSON view wired to the store: a clean JSON edit is one undo step; selection flows both ways. */
export function JsonArea() {
  const { t } = useT();
  const store = useAppStore();
  const doc = useApp(selectOpenDoc);
  const workspace = useApp((s) => s.workspace);
  const problems = useApp(selectOpenProblems);
  const selectedActionId = useApp((s) => (s.selection?.kind === 'action' ? s.selection.id : null));
  const readOnly = useApp((s) => s.reviewMode || s.preview !== null);
  const theme = useTheme(useApp((s) => s.theme));
  // While the history shows a revision, the JSON view shows Monaco's diff of the same pair.
  const historyDiff = useApp((s) => selectViewedRevision(s) !== null);

  const onApply = useCallback(
    (next: WorkflowDocument) => {
      const s = store.getState();
      if (!s.openId) return;
      if (next.workflow.id !== s.openId) {
        s.notify({ tone: 'error', key: 'json.idChanged', params: { id: s.openId } });
        return;
      }
      s.commit(s.openId, next, { label: 'history.json' });
    },
    [store],
  );
  const draftText = useApp((s) => (s.jsonDraft && s.jsonDraft.workflowId === s.openId ? s.jsonDraft.text : null));
  const onDraftText = useCallback(
    (text: string | null) => {
      const s = store.getState();
      if (text !== null && s.openId) s.setJsonDraft({ workflowId: s.openId, text });
      else if (s.jsonDraft?.workflowId === s.openId) s.setJsonDraft(null);
    },
    [store],
  );
  // A kept draft shown again (after a switch of tab or a reload) is announced once per showing.
  useEffect(() => {
    if (store.getState().jsonDraft?.workflowId === store.getState().openId && store.getState().jsonDraft) {
      store.getState().notify({ tone: 'info', key: 'app.draftRestored.json' });
    }
  }, [store, doc?.workflow.id]);
  const onSelectAction = useCallback((id: string | null) => store.getState().select(id ? { kind: 'action', id } : null), [store]);

  if (!doc) return <p className="tf-empty">{t('shell.noWorkflow')}</p>;
  if (historyDiff) return <HistoryJsonDiff theme={theme} />;
  return (
    <LazyJsonView
      doc={doc}
      workspace={workspace}
      problems={problems}
      selectedActionId={selectedActionId}
      readOnly={readOnly}
      theme={theme}
      onApply={onApply}
      onSelectAction={onSelectAction}
      draftText={draftText}
      onDraftText={onDraftText}
      key={doc.workflow.id}
    />
  );
}
