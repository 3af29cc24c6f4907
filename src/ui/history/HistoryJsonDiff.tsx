import { useMemo } from 'react';
import { exportWorkflow } from '../../document';
import { selectAgainstDocument, selectViewedRevision } from '../../store/history-view';
import { useApp } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/versions';
import { LazyJsonDiff } from './LazyJsonDiff';

/** The JSON view's diff while the history shows a revision: the compared version → the shown revision. */
export function HistoryJsonDiff({ theme }: { theme: 'light' | 'dark' }) {
  const { t } = useT();
  const revision = useApp(selectViewedRevision);
  const against = useApp(selectAgainstDocument);
  const againstNumber = useApp((s) => s.historyView?.against ?? 'draft');
  const original = useMemo(() => (against ? exportWorkflow(against, { comments: false }) : ''), [against]);
  const modified = useMemo(() => (revision ? exportWorkflow(revision.document, { comments: false }) : ''), [revision]);
  if (!revision) return null;
  return (
    <LazyJsonDiff
      original={original}
      modified={modified}
      originalLabel={againstNumber === 'draft' ? t('versions.compare.draft') : t('versions.compare.revision', { number: againstNumber })}
      modifiedLabel={t('versions.compare.revision', { number: revision.number })}
      theme={theme}
    />
  );
}
