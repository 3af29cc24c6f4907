import type { SetPropertyAction } from '../../actions';
import type { Priority } from '../../model';
import { problemAt } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { TextField } from '../common/TextField';
import { useT } from '../i18n';
import { TokenHelp } from './TokenHelp';
import type { ActionFormProps } from './types';
import { priorityOptions, userOptions } from './workspace-options';

type Change = SetPropertyAction['change'];

/** The change a property starts with when the user switches to it: nothing chosen yet. */
function freshChange(property: Change['property']): Change {
  if (property === 'owner') return { property, ownerId: null };
  if (property === 'priority') return { property, priority: null };
  return { property, subject: '' };
}

/** Set ticket property: the owner (or unassigned), the priority, or the subject. */
export function SetPropertyForm({ draft, onChange, problems, workspace }: ActionFormProps<SetPropertyAction>) {
  const { t } = useT();
  const c = draft.change;
  const set = (change: Change) => onChange({ ...draft, change });
  const missing = problemAt(problems, '/change');
  return (
    <>
      <SelectField
        label={t('inspector.setProperty.property')}
        value={c.property}
        options={(['owner', 'priority', 'subject'] as const).map((p) => ({ value: p, label: t(`inspector.setProperty.${p}`) }))}
        onChange={(p) => p && p !== c.property && set(freshChange(p as Change['property']))}
      />
      {c.property === 'owner' && (
        <SelectField
          label={t('inspector.setProperty.newOwner')}
          value={c.ownerId}
          options={userOptions(workspace, t)}
          placeholder={t('inspector.setProperty.unassigned')}
          onChange={(ownerId) => set({ property: 'owner', ownerId })}
          problem={problemAt(problems, '/change/ownerId')}
        />
      )}
      {c.property === 'priority' && (
        <SelectField
          label={t('inspector.setProperty.newPriority')}
          value={c.priority}
          options={priorityOptions(t)}
          placeholder={t('common.choose')}
          onChange={(priority) => set({ property: 'priority', priority: priority as Priority | null })}
          problem={problemAt(problems, '/change/priority') ?? missing}
        />
      )}
      {c.property === 'subject' && (
        <>
          <TextField
            label={t('inspector.setProperty.newSubject')}
            value={c.subject}
            onChange={(subject) => set({ property: 'subject', subject })}
            problem={problemAt(problems, '/change/subject') ?? missing}
          />
          <TokenHelp />
        </>
      )}
    </>
  );
}
