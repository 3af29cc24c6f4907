import { useCallback } from 'react';
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
    />
  );
}
