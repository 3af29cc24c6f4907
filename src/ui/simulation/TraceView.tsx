import { useMemo, useState } from 'react';
import { ruleWords, traceRule, type SimulationResult, type TraceEntry, type TraceKind, type TraceLanguage } from '../../engine';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { formatMoment, traceText, type Names } from './names';

const KINDS: readonly TraceKind[] = [
  'event',
  'conversation',
  'ticket',
  'status',
  'property',
  'automation',
  'enrollment',
  'action',
  'delay',
  'resume',
  'unenrollment',
  'sla',
  'move',
  'guard',
  'error',
];

const PAGE = 300;

/**
 * The trace in time order: events, enrollment decisions with their reasons, actions and their
 * outcomes (branch decisions among them), delays scheduled and resumed, SLA timers, moves, errors.
 * Filtered by kind and ticket; long traces show a page at a time.
 */
export function TraceView({ result, names, onSelectTicket }: { result: SimulationResult; names: Names; onSelectTicket: (id: string) => void }) {
  const { t, lang } = useT();
  const [kind, setKind] = useState<string | null>(null);
  const [ticket, setTicket] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () => result.trace.filter((e) => (kind === null || e.kind === kind) && (ticket === null || e.ticket === ticket)),
    [result.trace, kind, ticket],
  );
  return (
    <section className="tf-sim-trace" aria-label={t('sim.tab.trace')}>
      <div className="tf-sim-filters">
        <SelectField
          label={t('sim.trace.kind')}
          value={kind}
          placeholder={t('sim.trace.allKinds')}
          options={KINDS.map((k) => ({ value: k, label: t(`sim.kind.${k}`) }))}
          onChange={(k) => {
            setKind(k);
            setShown(PAGE);
          }}
        />
        <SelectField
          label={t('sim.trace.ticket')}
          value={ticket}
          placeholder={t('sim.trace.allTickets')}
          options={result.tickets.map((x) => ({ value: x.id, label: `${x.id} — ${x.subject}` }))}
          onChange={(id) => {
            setTicket(id);
            setShown(PAGE);
          }}
        />
        <p className="tf-field__hint">{t('sim.trace.count', { shown: Math.min(shown, rows.length), total: rows.length })}</p>
      </div>
      {rows.length === 0 ? (
        <p className="tf-empty">{t('sim.trace.empty')}</p>
      ) : (
        <table className="tf-sim-table">
          <thead>
            <tr>
              <th scope="col">{t('sim.col.at')}</th>
              <th scope="col">{t('sim.col.kind')}</th>
              <th scope="col">{t('sim.col.ticket')}</th>
              <th scope="col">{t('sim.col.workflow')}</th>
              <th scope="col">{t('sim.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((e, i) => (
              <tr key={i} data-kind={e.kind}>
                <td className="tf-sim-nowrap">{formatMoment(e.at, lang)}</td>
                <td>
                  <span className={`tf-sim-badge tf-sim-badge--${e.kind}`}>{t(`sim.kind.${e.kind}`)}</span>
                </td>
                <td>
                  {e.ticket && (
                    <button type="button" className="tf-sim-link" onClick={() => onSelectTicket(e.ticket!)}>
                      {e.ticket}
                    </button>
                  )}
                </td>
                <td>
                  {e.workflow && names.workflow(e.workflow)}
                  {e.action && <span className="tf-sim-muted"> · {names.action(e.workflow ?? null, e.action)}</span>}
                </td>
                <td>
                  {traceText(e, lang, names)}
                  <RuleHelp entry={e} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown < rows.length && (
        <button type="button" className="tf-button" onClick={() => setShown(shown + PAGE)}>
          {t('sim.trace.more', { count: Math.min(PAGE, rows.length - shown) })}
        </button>
      )}
    </section>
  );
}

/** The help-desk rule a trace line applies, named in words, with its explanation one click away. */
function RuleHelp({ entry, lang }: { entry: TraceEntry; lang: string }) {
  const { t } = useT();
  const rule = traceRule(entry);
  if (!rule) return null;
  const words = ruleWords(rule, lang as TraceLanguage);
  return (
    <details className="tf-sim-rule">
      <summary title={t('sim.trace.ruleHint')}>{t('sim.trace.rule', { name: words.name })}</summary>
      <p>{words.explanation}</p>
    </details>
  );
}
