import { CircleAlert, TriangleAlert } from 'lucide-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { summaryOf, type Translate } from '../../actions';
import type { Problem, Severity } from '../../document/codes';
import type { Workflow, Workspace } from '../../model';
import { useT } from '../i18n';
import { namedMessage } from './named';

export { namedMessage };
import '../common/common.css';
import './ProblemsPanel.css';

/** Props of the problems panel. */
export interface ProblemsPanelProps {
  /** Problems of the open workflow, in any order; shown errors first, then warnings. */
  problems: readonly Problem[];
  /** The user picked a problem (click, Enter or Space): typically reveal its action and open the inspector. */
  onSelect: (problem: Problem) => void;
  /** With the workflow and workspace, a problem about an action names it by its summary. */
  workflow?: Workflow;
  workspace?: Workspace;
  /** The workflow has not been checked yet: says so instead of "no problems". */
  checking?: boolean;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning'];

/** What a problem is about: its action's summary, else the part of the workflow its pointer is in. */
function subjectOf(p: Problem, t: Translate, workflow?: Workflow, workspace?: Workspace): string {
  if (p.actionId) {
    const action = workflow?.actions.find((a) => a.id === p.actionId);
    if (action && workspace) return summaryOf(action, workspace, t, (id) => workflow?.actions.find((a) => a.id === id));
    return t('problems.where.action', { id: p.actionId });
  }
  return p.path.includes('/enrollment') ? t('problems.where.enrollment') : t('problems.where.workflow');
}

/**
 * The workflow's problems grouped by severity, each with its code, what it concerns and its
 * message. One Tab stop: arrow keys, Home and End move between problems; Enter selects.
 */
/** How many problems of one severity are drawn; the rest are counted. */
const SHOWN_PER_GROUP = 200;

export function ProblemsPanel({ problems, onSelect, workflow, workspace, checking = false }: ProblemsPanelProps) {
  const { t, tc, problemText } = useT();
  const headingId = useId();
  const groups = SEVERITIES.map((severity) => {
    const all = problems.filter((p) => p.severity === severity);
    // A hostile or huge file can hold 100,000 problems; drawing them all would freeze the page.
    return { severity, total: all.length, items: all.slice(0, SHOWN_PER_GROUP) };
  }).filter((g) => g.total > 0);
  const ordered = groups.flatMap((g) => g.items);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(ordered.length - 1, 0));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const focus = (i: number) => {
    setActive(i);
    buttons.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const last = ordered.length - 1;
    const to = { ArrowDown: Math.min(i + 1, last), ArrowUp: Math.max(i - 1, 0), Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    focus(to);
  };
  const errors = groups.find((g) => g.severity === 'error')?.total ?? 0;
  const total = problems.length;
  let index = 0;
  return (
    <section className="tf-problems" aria-labelledby={headingId}>
      <h2 id={headingId} className="tf-problems__title">
        {t('problems.title')}
      </h2>
      {checking ? (
        <p className="tf-field__hint" role="status">
          {t('problems.checking')}
        </p>
      ) : ordered.length === 0 ? (
        <p className="tf-field__hint">{t('problems.none')}</p>
      ) : (
        <p className="tf-field__hint">
          {tc('problems.count.errors', errors)} · {tc('problems.count.warnings', total - errors)}
        </p>
      )}
      {groups.map((g) => {
        const groupId = `${headingId}-${g.severity}`;
        const Icon = g.severity === 'error' ? CircleAlert : TriangleAlert;
        return (
          <div key={g.severity} className={`tf-problems__group tf-problems__group--${g.severity}`}>
            <h3 id={groupId} className="tf-problems__group-title">
              <Icon size={14} aria-hidden />
              {tc(`problems.group.${g.severity}`, g.total)}
            </h3>
            <ul aria-labelledby={groupId} className="tf-problems__list">
              {g.items.map((p) => {
                const i = index++;
                return (
                  <li key={i}>
                    <button
                      type="button"
                      ref={(el) => {
                        buttons.current[i] = el;
                      }}
                      className="tf-problems__item"
                      tabIndex={i === current ? 0 : -1}
                      onFocus={() => setActive(i)}
                      onKeyDown={(e) => onKeyDown(e, i)}
                      onClick={() => onSelect(p)}
                    >
                      <code className="tf-problems__code">{p.code}</code>
                      <span className="tf-problems__subject">{subjectOf(p, t, workflow, workspace)}</span>
                      <span className="tf-problems__message">{namedMessage(problemText(p), t, workflow, workspace)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {g.total > g.items.length && <p className="tf-field__hint">{t('problems.more', { count: g.total - g.items.length })}</p>}
          </div>
        );
      })}
    </section>
  );
}
