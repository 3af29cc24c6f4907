import type { NotificationResult, SimulationResult } from '../../engine';
import { useT } from '../i18n';
import '../i18n/simulation';
import { formatMoment, type Names } from './names';

/** Internal notifications grouped by recipient (team members expanded by the engine), and those skipped with why. */
export function NotificationsView({ result, names }: { result: SimulationResult; names: Names }) {
  const { t, lang } = useT();
  const byRecipient = new Map<string, NotificationResult[]>();
  const skipped: NotificationResult[] = [];
  for (const n of result.notifications) {
    if (n.recipient === null) skipped.push(n);
    else byRecipient.set(n.recipient, [...(byRecipient.get(n.recipient) ?? []), n]);
  }
  if (result.notifications.length === 0) return <p className="tf-empty">{t('sim.notifications.empty')}</p>;
  return (
    <div className="tf-sim-notifications">
      {[...byRecipient].map(([recipient, list]) => (
        <section key={recipient} aria-label={names.user(recipient)}>
          <h3 className="tf-sim-subheading">{t('sim.notifications.for', { name: names.user(recipient), count: list.length })}</h3>
          <ul className="tf-sim-list">
            {list.map((n, i) => (
              <li key={i} className="tf-sim-notification">
                <span className="tf-sim-muted">{formatMoment(n.at, lang)} · </span>
                <strong>{n.subject}</strong>
                <span className="tf-sim-muted"> {t('sim.notifications.meta', { ticket: n.ticket, workflow: names.workflow(n.workflow) })}</span>
                <p className="tf-sim-notification__body">{n.body}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {skipped.length > 0 && (
        <section aria-label={t('sim.notifications.skipped', { count: skipped.length })}>
          <h3 className="tf-sim-subheading">{t('sim.notifications.skipped', { count: skipped.length })}</h3>
          <ul className="tf-sim-list">
            {skipped.map((n, i) => (
              <li key={i}>
                <span className="tf-sim-muted">{formatMoment(n.at, lang)} · </span>
                {t('sim.notifications.skip', { subject: n.subject, ticket: n.ticket, reason: n.skipped ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
