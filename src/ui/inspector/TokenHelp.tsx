import { useT } from '../i18n';

/** Personalization tokens a subject or body may use; the simulation fills them per ticket. */
export const TOKENS = [
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'ticket.owner',
  'ticket.pipeline',
  'ticket.link',
  'contact.name',
  'contact.email',
  'workspace.name',
] as const;

/** A collapsible list of the tokens and what each one becomes. */
export function TokenHelp() {
  const { t } = useT();
  return (
    <details className="tf-tokens">
      <summary>{t('inspector.tokens.title')}</summary>
      <p className="tf-field__hint">{t('inspector.tokens.intro')}</p>
      <dl>
        {TOKENS.map((token) => (
          <div key={token} className="tf-tokens__row">
            <dt>
              <code>{`{{${token}}}`}</code>
            </dt>
            <dd>{t(`inspector.tokens.${token}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
