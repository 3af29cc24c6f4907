import type { SendEmailAction } from '../../actions';
import type { EmailTemplate } from '../../model';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { useT } from '../i18n';
import { MessageFields } from './MessageFields';
import type { ActionFormProps } from './types';

/** Radio value of "write a custom email" (template ids cannot contain a space). */
const CUSTOM = ' custom';

const BUILT_IN_ORDER: Record<NonNullable<EmailTemplate['builtIn']>, number> = { ticketReceived: 0, ticketClosed: 1 };

/** Built-ins first (Ticket received, then Ticket closed), then the others by name. */
function templatesInOrder(templates: readonly EmailTemplate[]): EmailTemplate[] {
  const rank = (x: EmailTemplate) => (x.builtIn ? BUILT_IN_ORDER[x.builtIn] : 2);
  return [...templates].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Send email: one of the workspace's templates, or a custom subject and body. */
export function SendEmailForm({ draft, onChange, problems, workspace }: ActionFormProps<SendEmailAction>) {
  const { t } = useT();
  const templates = templatesInOrder(workspace.templates);
  const chosen = draft.templateId ? workspace.templates.find((x) => x.id === draft.templateId) : undefined;
  const options = [
    ...templates.map((x) => ({ value: x.id, label: x.builtIn ? t('inspector.email.builtIn', { name: x.name }) : x.name })),
    ...(draft.templateId && !chosen ? [{ value: draft.templateId, label: t('common.unknownValue', { value: draft.templateId }) }] : []),
    { value: CUSTOM, label: t('inspector.email.custom') },
  ];
  return (
    <>
      <RadioGroup
        legend={t('inspector.email.content')}
        value={draft.templateId ?? CUSTOM}
        options={options}
        onChange={(v) => onChange({ ...draft, templateId: v === CUSTOM ? null : v })}
        problem={problemAt(problems, '/templateId')}
      />
      {chosen && (
        <div className="tf-preview" aria-label={t('inspector.email.preview')} role="group">
          <p className="tf-field__label">{t('inspector.email.preview')}</p>
          <p className="tf-preview__subject">{chosen.subject}</p>
          <p className="tf-preview__body">{chosen.body}</p>
        </div>
      )}
      {draft.templateId === null && (
        <MessageFields
          draft={draft}
          onChange={onChange}
          problems={problems}
          subjectLabel={t('inspector.email.subject')}
          bodyLabel={t('inspector.email.body')}
        />
      )}
      <p className="tf-field__hint">{t('inspector.email.recipient')}</p>
    </>
  );
}
