import { lazy, Suspense } from 'react';
import { useT } from '../i18n';
import type { JsonDiffProps } from './JsonDiffView';

// Monaco loads only when a diff is first shown, like the JSON view itself.
const JsonDiffChunk = lazy(() => import('./JsonDiffView'));

/** The JSON diff of the history view, loaded on first use. */
export function LazyJsonDiff(props: JsonDiffProps) {
  const { t } = useT();
  return (
    <Suspense fallback={<p className="tf-json-loading" role="status">{t('json.loading')}</p>}>
      <JsonDiffChunk {...props} />
    </Suspense>
  );
}
