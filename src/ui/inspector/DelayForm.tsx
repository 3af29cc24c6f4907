import type { DelayAction } from '../../actions';
import { DurationUnitSchema } from '../../model';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { NumberField, TextField } from '../common/TextField';
import { useT } from '../i18n';
import type { ActionFormProps } from './types';
import { weekdayOptions } from './workspace-options';

type Wait = DelayAction['wait'];

/** What the other way of waiting starts with: one day, or weekdays at nine. */
const FRESH_WAIT: { [K in Wait['type']]: Extract<Wait, { type: K }> } = {
  duration: { type: 'duration', duration: { amount: 1, unit: 'days' } },
  until: { type: 'until', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '09:00' },
};

/** Delay: wait a length of time, or until one of some weekdays at a time of day (UTC). */
export function DelayForm({ draft, onChange, problems }: ActionFormProps<DelayAction>) {
  const { t } = useT();
  const w = draft.wait;
  const set = (wait: Wait) => onChange({ ...draft, wait });
  return (
    <>
      <RadioGroup
        legend={t('inspector.delay.how')}
        value={w.type}
        options={[
          { value: 'duration', label: t('inspector.delay.duration') },
          { value: 'until', label: t('inspector.delay.until') },
        ]}
        onChange={(type) => type !== w.type && set(FRESH_WAIT[type as Wait['type']])}
      />
      {w.type === 'duration' && (
        <div className="tf-row">
          <NumberField
            label={t('inspector.delay.amount')}
            min={0}
            value={w.duration.amount}
            onChange={(amount) => set({ ...w, duration: { ...w.duration, amount } })}
            problem={problemAt(problems, '/wait/duration/amount')}
          />
          <SelectField
            label={t('inspector.delay.unit')}
            value={w.duration.unit}
            options={DurationUnitSchema.options.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
            onChange={(unit) => unit && set({ ...w, duration: { ...w.duration, unit: unit as typeof w.duration.unit } })}
            problem={problemAt(problems, '/wait/duration/unit')}
          />
        </div>
      )}
      {w.type === 'until' && (
        <>
          <CheckboxGroup
            legend={t('inspector.delay.days')}
            inline
            value={w.days}
            options={weekdayOptions(t)}
            onChange={(days) => set({ ...w, days: days as typeof w.days })}
            problem={problemAt(problems, '/wait/days')}
          />
          <TextField
            label={t('inspector.delay.time')}
            type="time"
            value={w.time}
            onChange={(time) => set({ ...w, time })}
            problem={problemAt(problems, '/wait/time')}
            hint={t('inspector.delay.timeHint')}
          />
        </>
      )}
    </>
  );
}
