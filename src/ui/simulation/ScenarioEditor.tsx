import { useMemo } from 'react';
import type { SimulationError } from '../../engine';
import { validateScenario } from '../../document';
import type { Scenario, Workspace } from '../../model';
import { TextAreaField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import '../i18n/simulation';
import { InitialStateEditor } from './InitialStateEditor';
import { ProblemList } from './ScenarioBar';
import { addMinutes, lastMoment } from './scenario-edit';
import { Timeline } from './Timeline';
import { TimeField } from './TimeField';

/**
 * The scenario: its name and clock, the help desk it starts from, and its timeline. Every change is
 * saved at once; the problems the document layer finds (events out of order, unknown ids) are listed.
 */
export function ScenarioEditor({
  workspace,
  scenario,
  onChange,
  onRunThrough,
  onMoveAdded,
  runErrors,
  readOnly,
}: {
  workspace: Workspace;
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  onRunThrough: (index: number) => void;
  onMoveAdded: (next: Scenario, index: number, run: boolean) => void;
  /** Errors of the last run of this scenario. */
  runErrors: readonly SimulationError[];
  readOnly?: boolean;
}) {
  const { t } = useT();
  const problems = useMemo(() => validateScenario(scenario, workspace), [scenario, workspace]);
  const errorsByEvent = useMemo(() => {
    const map = new Map<number, SimulationError[]>();
    for (const e of runErrors) if (e.event !== undefined) map.set(e.event, [...(map.get(e.event) ?? []), e]);
    return map;
  }, [runErrors]);
  return (
    <div className="tf-sim-editor">
      <section className="tf-sim-details" aria-label={t('sim.details')}>
        <TextField label={t('sim.details.name')} value={scenario.name} onChange={(name) => onChange({ ...scenario, name })} />
        <TextAreaField
          label={t('sim.details.description')}
          rows={2}
          value={scenario.description ?? ''}
          onChange={(d) => onChange({ ...scenario, description: d === '' ? undefined : d })}
        />
        <TimeField label={t('sim.details.start')} value={scenario.start} onChange={(start) => start && onChange({ ...scenario, start })} />
        <label className="tf-check">
          <input
            type="checkbox"
            checked={scenario.end !== undefined}
            onChange={(e) => onChange({ ...scenario, end: e.target.checked ? addMinutes(lastMoment(scenario), 7 * 24 * 60) : undefined })}
          />
          <span>{t('sim.details.hasEnd')}</span>
        </label>
        {scenario.end !== undefined ? (
          <TimeField label={t('sim.details.end')} value={scenario.end} onChange={(end) => end && onChange({ ...scenario, end })} />
        ) : (
          <p className="tf-field__hint">{t('sim.details.endDefault')}</p>
        )}
      </section>
      {problems.length > 0 && (
        <section className="tf-sim-note" aria-label={t('sim.details.problems', { count: problems.length })}>
          <strong>{t('sim.details.problems', { count: problems.length })}</strong>
          <ProblemList problems={problems} />
        </section>
      )}
      <InitialStateEditor workspace={workspace} scenario={scenario} onChange={onChange} readOnly={readOnly} />
      <Timeline
        workspace={workspace}
        scenario={scenario}
        onChange={onChange}
        onRunThrough={onRunThrough}
        onMoveAdded={onMoveAdded}
        errorsByEvent={errorsByEvent}
        readOnly={readOnly}
      />
    </div>
  );
}
