import { addTeam, removeItem, updateItem } from '../../settings/workspace-edits';
import { workflowsUsing } from '../../settings/usages';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { useT } from '../i18n';
import '../i18n/settings';
import { AddForm } from './AddForm';
import { EditProblems, ItemField } from './CommitField';
import './settings.css';
import type { SettingsProps } from './types';
import { DeleteButton } from './Usage';
import { useEditor } from './use-workspace-edit';

/** The workspace's teams: name and members; add and delete (asking first, naming the workflows that notify the team). */
export function TeamsPage(props: SettingsProps) {
  const { t } = useT();
  const { apply, run, problems } = useEditor(props.workspace, props.onChange);
  const teams = props.workspace.teams;
  const userOptions = props.workspace.users.map((u) => ({
    value: u.id,
    label: u.helpDeskAccess ? u.name : t('common.user.noAccess', { name: u.name }),
  }));
  return (
    <section className="tf-settings__page" aria-labelledby="teams-title">
      <h2 id="teams-title">{t('settings.teams.title')}</h2>
      {teams.length === 0 && <p className="tf-field__hint">{t('settings.teams.none')}</p>}
      <ul className="tf-settings__cards">
        {teams.map((team, i) => (
          <li key={team.id} className="tf-settings__card">
            <div className="tf-settings__card-head">
              <ItemField apply={apply} list="teams" id={team.id} index={i} field="name" value={team.name} label={t('settings.teams.name')} />
              <DeleteButton
                name={team.name}
                usage={() => ({ workflows: workflowsUsing({ type: 'team', id: team.id }, props.workflows) })}
                onOpenWorkflow={props.onOpenWorkflow}
                onConfirm={() => run((ws) => removeItem(ws, 'teams', team.id))}
              />
            </div>
            <CheckboxGroup
              legend={t('settings.teams.membersOf', { name: team.name })}
              value={team.memberIds}
              options={userOptions}
              onChange={(memberIds) => run((ws) => updateItem(ws, 'teams', team.id, { memberIds }))}
            />
          </li>
        ))}
      </ul>
      <EditProblems problems={problems} />
      <AddForm
        label={t('settings.teams.add')}
        fields={[{ key: 'name', label: t('settings.teams.name') }]}
        onAdd={(v) => apply((ws) => addTeam(ws, v.name!.trim()).workspace)}
      />
    </section>
  );
}
