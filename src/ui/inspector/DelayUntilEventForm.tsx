import type { DelayUntilEventAction } from '../../actions';
import { DurationUnitSchema } from '../../model';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { NumberField } from '../common/TextField';
import { useT } from '../i18n';
import type { ActionFormProps } from './types';
import { statusOptions } from './workspace-options';

/** Delay until an event: the contact replies, or the status changes (to a status, or any), within a timeout. */
export function DelayUntilEventForm({ draft, onChange, problems, workspace }: ActionFormProps<DelayUntilEventAction>) {
  const { t } = useT();
  const e = draft.event;
  const timeout = draft.timeout;
  return (
    <>
      <RadioGroup
        legend={t('inspector.delayUntilEvent.event')}
        value={e.type}
        options={[
          { value: 'contactReplied', label: t('inspector.delayUntilEvent.reply') },
          { value: 'statusChanged', label: t('inspector.delayUntilEvent.status') },
        ]}
        onChange={(type) =>
          type !== e.type &&
          onChange({ ...draft, event: type === 'statusChanged' ? { type: 'statusChanged', toStatusId: null } : { type: 'contactReplied' } })
        }
      />
      {e.type === 'statusChanged' && (
        <SelectField
          label={t('inspector.delayUntilEvent.toStatus')}
          value={e.toStatusId}
          options={statusOptions(workspace)}
          placeholder={t('inspector.delayUntilEvent.anyStatus')}
          onChange={(toStatusId) => onChange({ ...draft, event: { type: 'statusChanged', toStatusId } })}
          problem={problemAt(problems, '/event/toStatusId')}
        />
      )}
      <div className="tf-row">
        <NumberField
          label={t('inspector.delayUntilEvent.timeout')}
          min={0}
          value={timeout.amount}
          onChange={(amount) => onChange({ ...draft, timeout: { ...timeout, amount } })}
          problem={problemAt(problems, '/timeout/amount')}
        />
        <SelectField
          label={t('inspector.delay.unit')}
          value={timeout.unit}
          options={DurationUnitSchema.options.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
          onChange={(unit) => unit && onChange({ ...draft, timeout: { ...timeout, unit: unit as typeof timeout.unit } })}
          problem={problemAt(problems, '/timeout/unit')}
        />
      </div>
      <p className="tf-field__hint">{t('inspector.delayUntilEvent.hint')}</p>
    </>
  );
}
