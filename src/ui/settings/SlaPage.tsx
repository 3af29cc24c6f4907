import { PRIORITIES, type Priority } from '../../model';
import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { CommitField, SettingsTable } from './CommitField';
import type { SettingsProps } from './types';
import { useWorkspaceEdit } from './use-workspace-edit';

/** The SLA policy: its name, and per priority the time to first response and to close, in minutes. */
export function SlaPage(props: SettingsProps) {
  const { t } = useT();
  const apply = useWorkspaceEdit(props.workspace, props.onChange);
  const sla = props.workspace.sla;
  const setTarget = (priority: Priority, field: 'firstResponseMinutes' | 'closeMinutes', value: string) => {
    const pointer = `/sla/targets/${priority}/${field}`;
    // An empty box becomes NaN so the schema names the problem instead of the value silently becoming 0.
    const minutes = value.trim() === '' ? Number.NaN : Number(value);
    return apply(
      (ws) => ({ ...ws, sla: { ...ws.sla, targets: { ...ws.sla.targets, [priority]: { ...ws.sla.targets[priority], [field]: minutes } } } }),
      pointer,
    );
  };
  return (
    <section className="tf-settings__page" aria-labelledby="sla-title">
      <h2 id="sla-title">{t('settings.sla.title')}</h2>
      <p className="tf-field__hint">{t('settings.sla.hint')}</p>
      <CommitField
        label={t('settings.sla.name')}
        value={sla.name}
        pointer="/sla/name"
        onCommit={(v) => apply((ws) => ({ ...ws, sla: { ...ws.sla, name: v.trim() } }), '/sla/name')}
      />
      <SettingsTable columns={[t('settings.sla.priority'), t('settings.sla.firstResponse'), t('settings.sla.close')]}>
        {PRIORITIES.map((p) => (
          <tr key={p}>
            <th scope="row">{t(`priority.${p}`)}</th>
            {(['firstResponseMinutes', 'closeMinutes'] as const).map((field) => (
              <td key={field}>
                <CommitField
                  label={t(field === 'firstResponseMinutes' ? 'settings.sla.firstResponseOf' : 'settings.sla.closeOf', { priority: t(`priority.${p}`) })}
                  hideLabel
                  type="number"
                  value={String(sla.targets[p][field])}
                  pointer={`/sla/targets/${p}/${field}`}
                  onCommit={(v) => setTarget(p, field, v)}
                />
              </td>
            ))}
          </tr>
        ))}
      </SettingsTable>
    </section>
  );
}
