import { lazy, Suspense } from 'react';
import { loadValidators } from '../../document/schema-validation';
import { registerArea, useT } from '../i18n';
import type { JsonViewProps } from './JsonView';
import { JSON_MESSAGES } from './messages';

registerArea('json', JSON_MESSAGES);

// Monaco is loaded only when the JSON view opens: it is not part of the app's initial JavaScript.
// The view reads every edit as an import, so it waits for the schema validators too.
const JsonViewChunk = lazy(() => Promise.all([import('./JsonView'), loadValidators()]).then(([view]) => view));

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
