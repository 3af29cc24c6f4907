import { addUser, removeItem, updateItem } from '../../settings/workspace-edits';
import { workflowsUsing, workspaceUsagesOf } from '../../settings/usages';
import { useT } from '../i18n';
import '../i18n/settings';
import { AddForm } from './AddForm';
import { EditProblems, ItemField, SettingsTable } from './CommitField';
import './settings.css';
import type { SettingsProps } from './types';
import { DeleteButton } from './Usage';
import { useEditor } from './use-workspace-edit';

/**
 * The workspace's users: name, email, help-desk access and super admin; add and delete. Deleting
 * asks first, naming the workflows that notify or assign the user and the teams they leave.
 */
export function UsersPage(props: SettingsProps) {
  const { t } = useT();
  const { apply, run, problems } = useEditor(props.workspace, props.onChange);
  const users = props.workspace.users;
  return (
    <section className="tf-settings__page" aria-labelledby="users-title">
      <h2 id="users-title">{t('settings.users.title')}</h2>
      <SettingsTable
        columns={[
          t('settings.users.name'),
          t('settings.users.email'),
          t('settings.users.helpDeskAccess'),
          t('settings.users.superAdmin'),
          t('settings.actions'),
        ]}
      >
        {users.map((u, i) => (
          <tr key={u.id}>
            <td>
              <ItemField apply={apply} list="users" id={u.id} index={i} field="name" value={u.name} label={t('settings.users.nameOf', { name: u.name })} hideLabel />
            </td>
            <td>
              <ItemField
                apply={apply}
                list="users"
                id={u.id}
                index={i}
                field="email"
                type="email"
                value={u.email}
                label={t('settings.users.emailOf', { name: u.name })}
                hideLabel
              />
            </td>
            {(['helpDeskAccess', 'superAdmin'] as const).map((flag) => (
              <td key={flag}>
                <input
                  type="checkbox"
                  aria-label={t(`settings.users.${flag}Of`, { name: u.name })}
                  checked={u[flag]}
                  onChange={(e) => run((ws) => updateItem(ws, 'users', u.id, { [flag]: e.target.checked }))}
                />
              </td>
            ))}
            <td>
              <DeleteButton
                name={u.name}
                usage={() => ({
                  workflows: workflowsUsing({ type: 'user', id: u.id }, props.workflows),
                  alsoFrom: workspaceUsagesOf({ type: 'user', id: u.id }, props.workspace).map((x) => x.ownerName),
                })}
                onOpenWorkflow={props.onOpenWorkflow}
                onConfirm={() => run((ws) => removeItem(ws, 'users', u.id))}
              />
            </td>
          </tr>
        ))}
      </SettingsTable>
      <EditProblems problems={problems} />
      <AddForm
        label={t('settings.users.add')}
        fields={[
          { key: 'name', label: t('settings.users.name') },
          { key: 'email', label: t('settings.users.email'), type: 'email' },
        ]}
        onAdd={(v) => apply((ws) => addUser(ws, v.name!.trim(), v.email!.trim()).workspace)}
      />
    </section>
  );
}
