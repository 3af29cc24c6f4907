import { useState } from 'react';
import type { SimulationResult } from '../../engine';
import type { Workspace } from '../../model';
import { useT } from '../i18n';
import '../i18n/simulation';
import { EmailPreview } from './EmailPreview';
import { formatMoment, type Names } from './names';

/**
 * The outbox: every automated email, the one chosen rendered as its contact receives it; below, the
 * notices the conversations inbox shows after each email, and the webhook requests recorded (not sent).
 */
export function OutboxView({ result, workspace, names }: { result: SimulationResult; workspace: Workspace; names: Names }) {
  const { t, lang } = useT();
  const [chosen, setChosen] = useState(0);
  const email = result.outbox[chosen] ?? result.outbox[0];
  const contactOf = (ticketId: string) => result.tickets.find((x) => x.id === ticketId)?.contact ?? null;
  return (
    <div className="tf-sim-outbox">
      {result.outbox.length === 0 ? (
        <p className="tf-empty">{t('sim.outbox.empty')}</p>
      ) : (
        <div className="tf-sim-outbox__split">
          <ul className="tf-sim-outbox__list" aria-label={t('sim.outbox.list', { count: result.outbox.length })}>
            {result.outbox.map((e, i) => (
              <li key={i}>
                <button type="button" className="tf-sim-pick" aria-pressed={e === email} onClick={() => setChosen(i)}>
                  <span className="tf-sim-muted">{formatMoment(e.at, lang)}</span>
                  <strong>{e.subject}</strong>
                  <span>{t('sim.outbox.meta', { to: e.to, ticket: e.ticket, workflow: names.workflow(e.workflow) })}</span>
                </button>
              </li>
            ))}
          </ul>
          {email && <EmailPreview email={email} workspace={workspace} contactName={names.contact(contactOf(email.ticket))} />}
        </div>
      )}
      <h3 className="tf-sim-subheading">{t('sim.outbox.notices', { count: result.inboxNotices.length })}</h3>
      {result.inboxNotices.length === 0 ? (
        <p className="tf-field__hint">{t('sim.outbox.noNotices')}</p>
      ) : (
        <ul className="tf-sim-list">
          {result.inboxNotices.map((n, i) => (
            <li key={i}>
              <span className="tf-sim-muted">{formatMoment(n.at, lang)} · </span>
              {t('sim.outbox.notice', { subject: n.subject, to: n.to, time: formatMoment(n.at, lang, true) })} <code>{n.link}</code>
            </li>
          ))}
        </ul>
      )}
      {result.webhooks.length > 0 && (
        <>
          <h3 className="tf-sim-subheading">{t('sim.outbox.webhooks', { count: result.webhooks.length })}</h3>
          <ul className="tf-sim-list">
            {result.webhooks.map((w, i) => (
              <li key={i}>
                <span className="tf-sim-muted">{formatMoment(w.at, lang)} · </span>
                <code>
                  {w.method} {w.url}
                </code>{' '}
                {t('sim.outbox.webhookMeta', { ticket: w.ticket, workflow: names.workflow(w.workflow) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
