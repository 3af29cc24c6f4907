import type { ReactNode } from 'react';
import { enrollmentOutcome, type SimulationResult, type StatusChange, type TicketResult } from '../../engine';
import type { Workflow } from '../../model';
import { useT } from '../i18n';
import '../i18n/simulation';
import { formatMoment, traceText, type Names } from './names';
import type { TicketPath } from './ticket-path';
import { ownEntry } from '../../store/id-record';

/** Words for who changed a status: the engine names the scenario, ticket creation, a move, a built-in automation or a workflow. */
function changedBy(by: StatusChange['by'], names: Names, t: (key: string) => string): string {
  if (by === 'creation' || by === 'scenario' || by === 'move') return t(`sim.by.${by}`);
  return names.workflow(by);
}

/**
 * Everything that happened to each ticket: its properties and SLA, status history, enrollment
 * history (trigger, outcome and reason), action log, and the path it took through the open workflow.
 */
export function TicketsView({
  result,
  names,
  selected,
  onSelect,
  currentWorkflow,
  path,
}: {
  result: SimulationResult;
  names: Names;
  selected: string | null;
  onSelect: (id: string) => void;
  /** The workflow open in the builder, whose path the canvas shows. */
  currentWorkflow: Workflow | null;
  path: TicketPath | null;
}) {
  const { t } = useT();
  const ticket = result.tickets.find((x) => x.id === selected);
  if (result.tickets.length === 0) return <p className="tf-empty">{t('sim.tickets.empty')}</p>;
  return (
    <div className="tf-sim-tickets">
      <ul className="tf-sim-tickets__list" aria-label={t('sim.tickets.list')}>
        {result.tickets.map((x) => (
          <li key={x.id}>
            <button type="button" className="tf-sim-pick" aria-pressed={x.id === selected} onClick={() => onSelect(x.id)}>
              <strong>{x.id}</strong> {x.subject} <span className="tf-sim-muted">({x.statusLabel})</span>
            </button>
          </li>
        ))}
      </ul>
      {ticket ? (
        <TicketDetail ticket={ticket} result={result} names={names} currentWorkflow={currentWorkflow} path={path} />
      ) : (
        <p className="tf-empty">{t('sim.tickets.pick')}</p>
      )}
    </div>
  );
}

function Table({ caption, head, rows, empty }: { caption: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <table className="tf-sim-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={head.length} className="tf-sim-muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, k) => (
                <td key={k}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function TicketDetail({
  ticket,
  result,
  names,
  currentWorkflow,
  path,
}: {
  ticket: TicketResult;
  result: SimulationResult;
  names: Names;
  currentWorkflow: Workflow | null;
  path: TicketPath | null;
}) {
  const { t, lang } = useT();
  const at = (iso: string | number) => formatMoment(iso, lang);
  const history = ownEntry(result.history, ticket.id) ?? { statuses: [], enrollments: [], actions: [] };
  const conversation = result.conversations.find((c) => c.id === ticket.conversation);
  const facts: [string, ReactNode][] = [
    [t('sim.ticket.subject'), ticket.subject],
    [t('sim.ticket.status'), ticket.statusLabel],
    [t('sim.ticket.owner'), names.user(ticket.owner)],
    [t('sim.ticket.priority'), t(`priority.${ticket.priority}`)],
    [t('sim.ticket.contact'), names.contact(ticket.contact)],
    [t('sim.ticket.source'), ticket.source ? t(`channelKind.${ticket.source}`) : t('sim.none')],
    [t('sim.ticket.channel'), names.channel(ticket.channel)],
    [t('sim.ticket.conversation'), ticket.conversation ? `${ticket.conversation} / ${ticket.thread ?? t('sim.none')}` : t('sim.none')],
    [t('sim.ticket.created'), at(ticket.createdAt)],
    [t('sim.ticket.closed'), ticket.closedAt ? at(ticket.closedAt) : t('sim.none')],
    [t('sim.ticket.reopened'), t(ticket.reopened ? 'common.yes' : 'common.no')],
    [t('sim.ticket.location'), t(`sim.location.${ticket.location}`)],
  ];
  const sla = ticket.sla;
  return (
    <article className="tf-sim-ticket" aria-label={t('sim.ticket.title', { id: ticket.id })}>
      <h3 className="tf-sim-subheading">{t('sim.ticket.title', { id: ticket.id })}</h3>
      <dl className="tf-sim-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h4 className="tf-sim-minor">{t('sim.ticket.sla')}</h4>
      {sla ? (
        <ul className="tf-sim-list">
          <li>
            {t('sim.sla.firstResponse', { due: at(sla.firstResponseDue), state: t(`sim.sla.${sla.firstResponse}`) })}
            {sla.firstResponseAt && ` — ${t('sim.sla.respondedAt', { at: at(sla.firstResponseAt) })}`}
          </li>
          <li>{t('sim.sla.close', { due: at(sla.closeDue), state: t(`sim.sla.${sla.close}`) })}</li>
          {sla.breaches.map((b, i) => (
            <li key={i} className="tf-sim-breach">
              {t('sim.sla.breach', { target: t(`sim.sla.target.${b.target}`), at: at(b.at) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="tf-field__hint">{t('sim.sla.inbox')}</p>
      )}
      {currentWorkflow && path && (
        <>
          <h4 className="tf-sim-minor">{t('sim.path.title', { workflow: currentWorkflow.name })}</h4>
          {path.actions.length === 0 ? (
            <p className="tf-field__hint">{t(path.enrolled ? 'sim.path.noActions' : 'sim.path.notEnrolled')}</p>
          ) : (
            <ol className="tf-sim-list">
              {path.actions.map((id) => (
                <li key={id}>{names.action(currentWorkflow.id, id)}</li>
              ))}
            </ol>
          )}
        </>
      )}
      <Table
        caption={t('sim.ticket.statusHistory')}
        head={[t('sim.col.at'), t('sim.col.from'), t('sim.col.to'), t('sim.col.by')]}
        rows={history.statuses.map((s) => [at(s.at), names.status(s.from, ticket.pipeline), names.status(s.to, ticket.pipeline), changedBy(s.by, names, t)])}
        empty={t('sim.none')}
      />
      <Table
        caption={t('sim.ticket.enrollments')}
        head={[t('sim.col.at'), t('sim.col.workflow'), t('sim.col.outcome'), t('sim.col.reason')]}
        rows={history.enrollments.map((e) => [at(e.at), names.workflow(e.workflow), t(`sim.outcome.${enrollmentOutcome(e)}`), traceText(e, lang, names)])}
        empty={t('sim.ticket.noEnrollments')}
      />
      <Table
        caption={t('sim.ticket.actions')}
        head={[t('sim.col.at'), t('sim.col.workflow'), t('sim.col.action'), t('sim.col.outcome')]}
        rows={history.actions.map((a) => [at(a.at), names.workflow(a.workflow), names.action(a.workflow, a.action), traceText(a, lang, names)])}
        empty={t('sim.ticket.noActions')}
      />
      {conversation && (
        <>
          <h4 className="tf-sim-minor">{t('sim.ticket.threads', { id: conversation.id })}</h4>
          {conversation.threads.map((th) => (
            <div key={th.id} className="tf-sim-thread">
              <p className="tf-sim-thread__title">
                {t(th.id === ticket.thread ? 'sim.thread.ticket' : 'sim.thread.other', { id: th.id })}
              </p>
              <ul className="tf-sim-list">
                {th.messages.map((m) => (
                  <li key={m.id} data-direction={m.direction}>
                    <span className="tf-sim-muted">{at(m.at)} · </span>
                    {t(m.direction === 'in' ? 'sim.message.in' : m.from === 'contact' ? 'sim.message.outContact' : 'sim.message.outTicket')}
                    {': '}
                    {m.text}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </article>
  );
}
