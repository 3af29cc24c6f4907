import { DEFAULT_BUDGETS, type Budgets } from '../../engine';
import { NumberField } from '../common/TextField';
import { useT } from '../i18n';
import '../i18n/simulation';

const KEYS = ['maxActions', 'maxRecords', 'maxOutputBytes'] as const;

/**
 * The run's budgets (SPEC §6): most actions, records and bytes of output one run may produce. A run that
 * hits one stops with the guard's error naming the busiest workflows; the defaults are the engine's.
 */
export function BudgetOptions({ budgets, onChange }: { budgets: Budgets; onChange: (budgets: Budgets) => void }) {
  const { t } = useT();
  return (
    <details className="tf-sim-budgets">
      <summary>{t('sim.budgets.title')}</summary>
      <p className="tf-field__hint">{t('sim.budgets.hint')}</p>
      {KEYS.map((key) => (
        <NumberField
          key={key}
          label={t(`sim.budgets.${key}`)}
          hint={t('sim.budgets.default', { value: DEFAULT_BUDGETS[key] })}
          value={budgets[key]}
          min={1}
          problem={Number.isFinite(budgets[key]) && budgets[key] >= 1 ? undefined : { pointer: `/${key}`, key: 'sim.budgets.invalid', level: 'error' }}
          onChange={(value) => onChange({ ...budgets, [key]: value })}
        />
      ))}
    </details>
  );
}

/** Budgets as a run takes them: a field left empty or below 1 keeps the engine's default. */
export function usableBudgets(budgets: Budgets): Budgets {
  const out = { ...DEFAULT_BUDGETS };
  for (const key of KEYS) if (Number.isFinite(budgets[key]) && budgets[key] >= 1) out[key] = Math.floor(budgets[key]);
  return out;
}
