import type { SimulationResult, TicketResult } from '../../engine';
import type { Workspace } from '../../model';
import { useT } from '../i18n';
import '../i18n/simulation';
import { formatMoment, type Names } from './names';

/**
 * Tickets by status, one column per status of each pipeline, each card with its owner, priority and
 * SLA due times (breaches marked); below, where each channel is (inbox, moving, help desk).
 */
export function TicketBoard({
  result,
  workspace,
  names,
  onSelectTicket,
}: {
  result: SimulationResult;
  workspace: Workspace;
  names: Names;
  onSelectTicket: (id: string) => void;
}) {
  const { t, lang } = useT();
  const at = (iso: string) => formatMoment(iso, lang);
  const card = (x: TicketResult) => {
    const breached = x.sla?.breaches.length ?? 0;
    return (
      <li key={x.id} className="tf-sim-card" data-breached={breached > 0 || undefined}>
        <button type="button" className="tf-sim-link" onClick={() => onSelectTicket(x.id)}>
          {x.id}
        </button>
        <span className="tf-sim-card__subject">{x.subject}</span>
        <span className="tf-sim-muted">
          {names.user(x.owner)} · {t(`priority.${x.priority}`)}
        </span>
        {x.sla ? (
          <>
            <span>{t('sim.sla.firstResponse', { due: at(x.sla.firstResponseDue), state: t(`sim.sla.${x.sla.firstResponse}`) })}</span>
            <span>{t('sim.sla.close', { due: at(x.sla.closeDue), state: t(`sim.sla.${x.sla.close}`) })}</span>
            {breached > 0 && <strong className="tf-sim-breach">{t('sim.board.breaches', { count: breached })}</strong>}
          </>
        ) : (
          <span className="tf-sim-muted">{t('sim.sla.inbox')}</span>
        )}
      </li>
    );
  };
  return (
    <div className="tf-sim-board-wrap">
      {workspace.pipelines.map((p) => (
        <section key={p.id} aria-label={p.name}>
          {workspace.pipelines.length > 1 && <h3 className="tf-sim-subheading">{p.name}</h3>}
          <div className="tf-sim-board">
            {p.statuses.map((s) => {
              const tickets = result.tickets.filter((x) => x.pipeline === p.id && x.status === s.id);
              return (
                <section key={s.id} className="tf-sim-board__column" aria-label={t('sim.board.column', { status: s.label, count: tickets.length })}>
                  <h4 className="tf-sim-minor">
                    {s.label} <span className="tf-sim-muted">({tickets.length})</span>
                  </h4>
                  <ul className="tf-sim-board__cards">{tickets.map(card)}</ul>
                </section>
              );
            })}
          </div>
        </section>
      ))}
      <h3 className="tf-sim-subheading">{t('sim.board.channels')}</h3>
      <ul className="tf-sim-list">
        {result.channels.map((c) => (
          <li key={c.id}>
            {t(c.moving ? 'sim.board.channel.moving' : 'sim.board.channel', {
              name: names.channel(c.id),
              kind: t(`channelKind.${c.kind}`),
              location: t(`sim.location.${c.location}`),
            })}
            {c.movedAt && ` — ${t('sim.board.channel.movedAt', { at: at(c.movedAt) })}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
