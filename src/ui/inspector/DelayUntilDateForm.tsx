import type { DelayUntilDateAction } from '../../actions';
import { DateDelayPropertySchema } from '../../actions/delay-until-date';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import { DurationFields } from './DurationFields';
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
      <DurationFields
        label={t('inspector.delay.amount')}
        value={o}
        onChange={(d) => setOffset({ ...o, ...d })}
        problems={problems}
        base="/offset"
      />
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
