import { useCallback } from 'react';
import { selectViewDiff } from '../../store/history-view';
import { useApp, useAppStore } from '../../store/store';
import { HistoryPanel } from './HistoryPanel';

const NONE: never[] = [];

/** The history panel of the open workflow, wired to the store. */
export function HistoryArea() {
  const store = useAppStore();
  const openId = useApp((s) => s.openId);
  const versions = useApp((s) => (s.openId ? s.versions[s.openId] : undefined));
  const view = useApp((s) => (s.historyView?.workflowId === s.openId ? s.historyView : null));
  const diff = useApp(selectViewDiff);
  const readOnly = useApp((s) => s.reviewMode);
  const onShow = useCallback(
    (number: number) => {
      const s = store.getState();
      if (s.openId) s.viewRevision({ workflowId: s.openId, number, against: s.historyView?.against ?? 'draft' });
    },
    [store],
  );
  const onAgainst = useCallback(
    (against: 'draft' | number) => {
      const v = store.getState().historyView;
      if (v) store.getState().viewRevision({ ...v, against });
    },
    [store],
  );
  const onBack = useCallback(() => store.getState().viewRevision(null), [store]);
  const onRestore = useCallback(
    (number: number) => {
      const s = store.getState();
      if (s.openId) s.restoreRevision(s.openId, number);
    },
    [store],
  );
  if (!openId) return null;
  return (
    <HistoryPanel
      revisions={versions?.revisions ?? NONE}
      published={versions?.published ?? null}
      everPublished={versions?.everPublished ?? NONE}
      view={view}
      diff={diff}
      showAuthors={versions?.revisions.some((r) => r.author !== null) ?? false}
      readOnly={readOnly}
      onShow={onShow}
      onAgainst={onAgainst}
      onBack={onBack}
      onRestore={onRestore}
    />
  );
}
