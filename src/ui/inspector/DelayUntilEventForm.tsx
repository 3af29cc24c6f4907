import type { DelayUntilEventAction } from '../../actions';
import { problemAt } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import { DurationFields } from './DurationFields';
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
      <DurationFields
        label={t('inspector.delayUntilEvent.timeout')}
        value={timeout}
        onChange={(d) => onChange({ ...draft, timeout: d })}
        problems={problems}
        base="/timeout"
      />
      <p className="tf-field__hint">{t('inspector.delayUntilEvent.hint')}</p>
    </>
  );
}
