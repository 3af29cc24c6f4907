import type { ReactNode } from 'react';
import { DurationUnitSchema, type Duration } from '../../model';
import { problemAt, type FieldProblem } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { NumberField } from '../common/TextField';
import { useT } from '../i18n';

/** An amount and its unit side by side, with their problems under `base` ("/timeout" → "/timeout/amount"). */
export function DurationFields({
  label,
  value,
  onChange,
  problems,
  base,
}: {
  label: ReactNode;
  value: Duration;
  onChange: (next: Duration) => void;
  problems: readonly FieldProblem[];
  base: string;
}) {
  const { t } = useT();
  return (
    <div className="tf-row">
      <NumberField label={label} min={0} value={value.amount} onChange={(amount) => onChange({ ...value, amount })} problem={problemAt(problems, `${base}/amount`)} />
      <SelectField
        label={t('inspector.delay.unit')}
        value={value.unit}
        options={DurationUnitSchema.options.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
        onChange={(unit) => unit && onChange({ ...value, unit: unit as Duration['unit'] })}
        problem={problemAt(problems, `${base}/unit`)}
      />
    </div>
  );
}
