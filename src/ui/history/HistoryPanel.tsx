import { Eye, RotateCcw } from 'lucide-react';
import type { WorkflowDiff } from '../../graph';
import type { Revision } from '../../model';
import type { HistoryView } from '../../store/revisions-slice';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/versions';
import { DiffList } from './DiffList';
import './history.css';

/** What the history panel shows and what it can do; the shell wires it to the store. */
export interface HistoryPanelProps {
  /** The workflow's revisions, oldest first (shown newest first). */
  revisions: readonly Revision[];
  /** The live revision, if any. */
  published: number | null;
  /** Every revision that has been live. */
  everPublished: readonly number[];
  /** The revision shown read-only on the canvas, if any. */
  view: HistoryView | null;
  /** The diff of the shown revision against what it is compared with. */
  diff: WorkflowDiff | null;
  /** Team mode shows each revision's author. */
  showAuthors: boolean;
  readOnly: boolean;
  onShow: (number: number) => void;
  onAgainst: (against: 'draft' | number) => void;
  onBack: () => void;
  onRestore: (number: number) => void;
}

/**
 * The history of a workflow (SPEC §10): each revision's number, author (team mode), time, message and
 * published mark. Showing one puts it read-only on the canvas with a diff against the draft or another
 * revision; Restore makes the draft equal to it.
 */
export function HistoryPanel({ revisions, published, everPublished, view, diff, showAuthors, readOnly, onShow, onAgainst, onBack, onRestore }: HistoryPanelProps) {
  const { t, lang } = useT();
  const time = (iso: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  if (!revisions.length) return <p className="tf-empty">{t('versions.history.empty')}</p>;
  const newestFirst = [...revisions].reverse();
  const againstLabel = (a: 'draft' | number) => (a === 'draft' ? t('versions.history.draft') : t('versions.history.revision', { number: a }));
  return (
    <div className="tf-history">
      {view && (
        <section className="tf-history__view" aria-label={t('versions.history.changes')}>
          <p role="status">{t('versions.history.viewing', { number: view.number, against: againstLabel(view.against) })}</p>
          <SelectField
            label={t('versions.history.against')}
            value={String(view.against)}
            options={[
              { value: 'draft', label: t('versions.compare.draft') },
              ...newestFirst.filter((r) => r.number !== view.number).map((r) => ({ value: String(r.number), label: t('versions.history.revision', { number: r.number }) })),
            ]}
            onChange={(v) => onAgainst(v === 'draft' || v === null ? 'draft' : Number(v))}
          />
          <div className="tf-history__buttons">
            <button type="button" className="tf-button" onClick={onBack}>
              {t('versions.history.backToDraft')}
            </button>
            {!readOnly && (
              <button type="button" className="tf-button tf-button--primary" title={t('versions.history.restoreHint')} onClick={() => onRestore(view.number)}>
                <RotateCcw size={14} aria-hidden /> {t('versions.history.restore', { number: view.number })}
              </button>
            )}
          </div>
          {diff && <DiffList diff={diff} />}
        </section>
      )}
      <ol className="tf-history__list" aria-label={t('versions.history.title')}>
        {newestFirst.map((r) => {
          const current = view?.number === r.number;
          return (
            <li key={r.number} className={`tf-history__item${current ? ' tf-history__item--current' : ''}`} aria-current={current || undefined}>
              <div className="tf-history__head">
                <strong>{t('versions.history.revision', { number: r.number })}</strong>
                {published === r.number ? (
                  <span className="tf-history__mark tf-history__mark--live">{t('versions.history.live')}</span>
                ) : everPublished.includes(r.number) ? (
                  <span className="tf-history__mark">{t('versions.history.wasLive')}</span>
                ) : null}
                <button type="button" className="tf-icon-button" aria-label={t('versions.history.show', { number: r.number })} title={t('versions.history.show', { number: r.number })} onClick={() => onShow(r.number)}>
                  <Eye size={14} aria-hidden />
                </button>
              </div>
              <div className="tf-history__meta">
                <span>{t(`versions.kind.${r.kind}`)}</span> · <time dateTime={r.createdAt}>{time(r.createdAt)}</time>
                {showAuthors && r.authorName && <> · {t('versions.history.by', { name: r.authorName })}</>}
              </div>
              {r.message && <p className="tf-history__message">{r.message}</p>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
