import { WebhookSchema, type WebhookAction } from '../../actions/webhook';
import { problemAt, type FieldProblem } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import { TokenHelp } from './TokenHelp';
import type { ActionFormProps } from './types';

/** Webhook: method, http(s) URL and body; the simulation records the request and sends nothing. */
export function WebhookForm({ draft, onChange, problems }: ActionFormProps<WebhookAction>) {
  const { t } = useT();
  // The message names the rule the URL breaks (actions/webhook.ts urlRule): empty, scheme, control or invisible characters…
  const shownUrlProblem: FieldProblem | undefined = problemAt(problems, '/url');
  return (
    <>
      <SelectField
        label={t('inspector.webhook.method')}
        value={draft.method}
        options={WebhookSchema.shape.method.options.map((m) => ({ value: m, label: m }))}
        onChange={(m) => m && onChange({ ...draft, method: m as WebhookAction['method'] })}
        problem={problemAt(problems, '/method')}
      />
      <TextField
        label={t('inspector.webhook.url')}
        type="url"
        placeholder="https://"
        value={draft.url}
        onChange={(url) => onChange({ ...draft, url })}
        problem={shownUrlProblem}
      />
      <TextAreaField
        label={t('inspector.webhook.body')}
        value={draft.body}
        onChange={(body) => onChange({ ...draft, body })}
        problem={problemAt(problems, '/body')}
      />
      <TokenHelp />
      <p className="tf-field__hint">{t('inspector.webhook.simulated')}</p>
    </>
  );
}
