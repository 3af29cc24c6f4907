import type { SetStatusAction } from '../../actions';
import { problemAt } from '../common/problems';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import type { ActionFormProps } from './types';
import { statusOptions } from './workspace-options';

/** Set ticket status: a status of the workspace's pipelines. */
export function SetStatusForm({ draft, onChange, problems, workspace }: ActionFormProps<SetStatusAction>) {
  const { t } = useT();
  return (
    <SelectField
      label={t('inspector.setStatus.status')}
      value={draft.statusId}
      options={statusOptions(workspace)}
      placeholder={t('inspector.setStatus.choose')}
      onChange={(statusId) => onChange({ ...draft, statusId })}
      problem={problemAt(problems, '/statusId')}
      hint={t('inspector.setStatus.hint')}
    />
  );
}
