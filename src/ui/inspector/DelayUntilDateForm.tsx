import type { DelayUntilDateAction } from '../../actions';
import { DateDelayPropertySchema } from '../../actions/delay-until-date';
import { DurationUnitSchema } from '../../model';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { NumberField } from '../common/TextField';
import { useT } from '../i18n';
import type { ActionFormProps } from './types';

/** Delay until a date: a ticket date (created, SLA due times) moved by an offset before or after it. */
export function DelayUntilDateForm({ draft, onChange, problems }: ActionFormProps<DelayUntilDateAction>) {
  const { t } = useT();
  const o = draft.offset;
  const setOffset = (offset: DelayUntilDateAction['offset']) => onChange({ ...draft, offset });
  return (
    <>
      <SelectField
        label={t('inspector.delayUntilDate.property')}
        value={draft.property}
        options={DateDelayPropertySchema.options.map((p) => ({ value: p, label: t(`delayUntilDate.property.${p}`) }))}
        onChange={(p) => p && onChange({ ...draft, property: p as DelayUntilDateAction['property'] })}
        problem={problemAt(problems, '/property')}
      />
      <div className="tf-row">
        <NumberField
          label={t('inspector.delay.amount')}
          min={0}
          value={o.amount}
          onChange={(amount) => setOffset({ ...o, amount })}
          problem={problemAt(problems, '/offset/amount')}
        />
        <SelectField
          label={t('inspector.delay.unit')}
          value={o.unit}
          options={DurationUnitSchema.options.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
          onChange={(unit) => unit && setOffset({ ...o, unit: unit as typeof o.unit })}
          problem={problemAt(problems, '/offset/unit')}
        />
      </div>
      <RadioGroup
        legend={t('inspector.delayUntilDate.direction')}
        value={o.direction}
        options={[
          { value: 'before', label: t('inspector.delayUntilDate.before') },
          { value: 'after', label: t('inspector.delayUntilDate.after') },
        ]}
        onChange={(direction) => setOffset({ ...o, direction: direction as typeof o.direction })}
      />
      <p className="tf-field__hint">{t('inspector.delayUntilDate.pastHint')}</p>
    </>
  );
}
