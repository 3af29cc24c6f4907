import { useState } from 'react';
import type { NotificationResult, OutboxEmail } from '../../engine';
import { importWorkflow, type Problem } from '../../document';
import type { Workflow } from '../../model';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/simulation';
import '../i18n/versions';
import type { Difference } from './compare';
import { ProblemList } from './ScenarioBar';
import { JsonFileButton } from './JsonFileButton';
import { formatMoment, type Names } from './names';
import type { CompareState, RunInputs } from './simulation-store';

/** Another version of a workflow to compare the current one with (an undo step, a saved copy, an imported file). */
export interface WorkflowVersion {
  id: string;
  label: string;
  workflow: Workflow;
}

/**
 * The workflows with one of them in another version: the version takes the place of the workflow
 * being compared (or of the workflow with its own id), or joins the list when neither is there.
 */
export function withVersion(workflows: readonly Workflow[], currentId: string | null, version: Workflow): Workflow[] {
  const at = workflows.findIndex((w) => w.id === currentId || w.id === version.id);
  const rest = workflows.filter((w) => w.id !== currentId && w.id !== version.id);
  if (at === -1) return [...rest, version];
  return [...rest.slice(0, at), version, ...rest.slice(at)];
}

/**
 * Runs the scenario against the current workflows and against another version of the open one, and
 * lists what differs: emails, notifications, final statuses, errors.
 */
export function CompareView({
  inputs,
  currentWorkflowId,
  versions,
  compare,
  busy,
  names,
  onCompare,
}: {
  inputs: RunInputs;
  currentWorkflowId: string | null;
  versions: readonly WorkflowVersion[];
  compare: CompareState | null;
  busy: boolean;
  names: Names;
  /** Runs the scenario with `base` (the current workflows when not given) and with `other`. */
  onCompare: (label: string, other: Workflow[], base?: Workflow[]) => void;
}) {
  const { t } = useT();
  const [imported, setImported] = useState<WorkflowVersion[]>([]);
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const all = [...versions, ...imported];
  const [chosen, setChosen] = useState<string | null>(null);
  const version = all.find((v) => v.id === chosen) ?? all[0];
  // Any two versions on one scenario (SPEC §10): the base is the current run unless another is chosen.
  const [baseId, setBaseId] = useState<string | null>(null);
  const base = all.find((v) => v.id === baseId) ?? null;
  const [baseLabel, setBaseLabel] = useState<string | null>(null);

  const importText = (text: string, fileName: string) => {
    const result = importWorkflow(text, { workspace: inputs.workspace });
    if (!result.document) {
      setImportProblems(result.problems);
      return;
    }
    setImportProblems([]);
    const id = `imported-${imported.length + 1}`;
    setImported([...imported, { id, label: t('sim.compare.importedLabel', { name: result.document.workflow.name, file: fileName }), workflow: result.document.workflow }]);
    setChosen(id);
  };

  return (
    <div className="tf-sim-compare">
      <p className="tf-field__hint">{t('sim.compare.hint', { workflow: names.workflow(currentWorkflowId) })}</p>
      <div className="tf-sim-filters">
        <SelectField
          label={t('versions.compare.base')}
          value={base?.id ?? null}
          options={all.map((v) => ({ value: v.id, label: v.label }))}
          placeholder={t('sim.compare.current')}
          onChange={setBaseId}
        />
        <SelectField
          label={t('sim.compare.version')}
          value={version?.id ?? null}
          options={all.map((v) => ({ value: v.id, label: v.label }))}
          placeholder={all.length ? undefined : t('sim.compare.noVersions')}
          onChange={setChosen}
        />
        <JsonFileButton label={t('sim.compare.import')} onText={importText} onRefused={setImportProblems} />
        <button
          type="button"
          className="tf-button tf-button--primary"
          disabled={!version || busy}
          onClick={() => {
            if (!version) return;
            setBaseLabel(base?.label ?? null);
            onCompare(
              version.label,
              withVersion(inputs.workflows, currentWorkflowId, version.workflow),
              base ? withVersion(inputs.workflows, currentWorkflowId, base.workflow) : undefined,
            );
          }}
        >
          {t('sim.compare.run')}
        </button>
      </div>
      {importProblems.length > 0 && (
        <div role="alert" className="tf-sim-refusal">
          <strong>{t('sim.compare.importFailed')}</strong>
          <ProblemList problems={importProblems} />
        </div>
      )}
      {compare?.status === 'running' && <p role="status">{t('sim.compare.running')}</p>}
      {compare?.status === 'failed' && (
        <p role="alert" className="tf-problem tf-problem--error">
          {t('sim.failed', { message: compare.message })}
        </p>
      )}
      {compare?.status === 'done' && (
        <CompareResult label={compare.label} baseLabel={baseLabel} comparison={compare.comparison} names={names} />
      )}
    </div>
  );
}

function CompareResult({
  label,
  baseLabel,
  comparison,
  names,
}: {
  label: string;
  /** The base version's name; null for the current workflows. */
  baseLabel: string | null;
  comparison: Extract<CompareState, { status: 'done' }>['comparison'];
  names: Names;
}) {
  const { t, lang } = useT();
  if (comparison.same) return <p role="status">{t('sim.compare.same', { other: label })}</p>;
  const email = (e: OutboxEmail) => t('sim.compare.email', { at: formatMoment(e.at, lang), to: e.to, subject: e.subject, ticket: e.ticket });
  const note = (n: NotificationResult) =>
    n.recipient === null
      ? t('sim.compare.skipped', { at: formatMoment(n.at, lang), subject: n.subject, ticket: n.ticket })
      : t('sim.compare.notification', { at: formatMoment(n.at, lang), to: names.user(n.recipient), subject: n.subject, ticket: n.ticket });
  return (
    <div className="tf-sim-compare__result" role="status">
      <DiffList title={t('sim.compare.emails')} diff={comparison.emails} text={email} other={label} />
      <DiffList title={t('sim.compare.notifications')} diff={comparison.notifications} text={note} other={label} />
      {comparison.statuses.length > 0 && (
        <table className="tf-sim-table">
          <caption>{t('sim.compare.statuses')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sim.col.ticket')}</th>
              <th scope="col">{baseLabel ?? t('sim.compare.current')}</th>
              <th scope="col">{label}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.statuses.map((s) => (
              <tr key={s.ticket}>
                <td>
                  {s.ticket} — {s.subject}
                </td>
                <td>{s.base ?? t('sim.compare.noTicket')}</td>
                <td>{s.other ?? t('sim.compare.noTicket')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DiffList title={t('sim.compare.errors')} diff={comparison.errors} text={(m) => m} other={label} />
    </div>
  );
}

function DiffList<T>({ title, diff, text, other }: { title: string; diff: Difference<T>; text: (item: T) => string; other: string }) {
  const { t } = useT();
  if (!diff.onlyBase.length && !diff.onlyOther.length) return null;
  return (
    <section aria-label={title}>
      <h3 className="tf-sim-subheading">{title}</h3>
      {diff.onlyBase.length > 0 && (
        <>
          <h4 className="tf-sim-minor">{t('sim.compare.onlyCurrent', { count: diff.onlyBase.length })}</h4>
          <ul className="tf-sim-list">
            {diff.onlyBase.map((x, i) => (
              <li key={i}>{text(x)}</li>
            ))}
          </ul>
        </>
      )}
      {diff.onlyOther.length > 0 && (
        <>
          <h4 className="tf-sim-minor">{t('sim.compare.onlyOther', { count: diff.onlyOther.length, other })}</h4>
          <ul className="tf-sim-list">
            {diff.onlyOther.map((x, i) => (
              <li key={i}>{text(x)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
