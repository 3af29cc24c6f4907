import { lazy, Suspense } from 'react';
import { registerArea, useT } from '../i18n';
import type { JsonViewProps } from './JsonView';
import { JSON_MESSAGES } from './messages';

registerArea('json', JSON_MESSAGES);

// Monaco is loaded only when the JSON view opens: it is not part of the app's initial JavaScript.
const JsonViewChunk = lazy(() => import('./JsonView'));

/** The JSON view, loaded on first use. */
export function LazyJsonView(props: JsonViewProps) {
  const { t } = useT();
  return (
    <Suspense fallback={<p className="tf-json-loading" role="status">{t('json.loading')}</p>}>
      <JsonViewChunk {...props} />
    </Suspense>
  );
}

export type { JsonViewProps };
