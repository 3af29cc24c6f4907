import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import type { Status } from '../../model';
import { addStatus, moveStatus, removeStatus, statusUsage, updateStatus } from '../../settings/workspace-edits';
import { IconButton } from '../common/IconButton';
import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { AddForm } from './AddForm';
import { CommitField, EditProblems, SettingsTable } from './CommitField';
import type { SettingsProps } from './types';
import { UsedBy } from './Usage';
import { useEditor } from './use-workspace-edit';

/**
 * The statuses of one pipeline in order (new tickets start in the first): rename, open/closed
 * category, reorder, delete, add. Each status says which workflows and built-in updates use it;
 * deleting one still in use is refused with their names, so no reference is left dangling.
 */
export function StatusesEditor({ pipelineId, ...props }: SettingsProps & { pipelineId: string }) {
  const { t } = useT();
  const { apply, run, problems } = useEditor(props.workspace, props.onChange);
  const index = props.workspace.pipelines.findIndex((p) => p.id === pipelineId);
  const pipeline = props.workspace.pipelines[index];
  if (!pipeline) return null;
  const base = `/pipelines/${index}/statuses`;
  const categories = (['open', 'closed'] as const).map((c) => ({ value: c, label: t(`common.category.${c}`) }));

  return (
    <section className="tf-settings__section" aria-labelledby={`statuses-${pipelineId}`}>
      <h3 id={`statuses-${pipelineId}`}>{t('settings.statuses.title')}</h3>
      <p className="tf-field__hint">{t('settings.statuses.hint')}</p>
      <SettingsTable columns={[t('settings.statuses.label'), t('settings.statuses.category'), t('settings.actions')]}>
        {pipeline.statuses.map((s, i) => {
          const usage = statusUsage(props.workspace, pipelineId, s.id, props.workflows);
          return (
            <tr key={s.id}>
              <td>
                <CommitField
                  label={t('settings.statuses.labelOf', { status: s.label })}
                  hideLabel
                  value={s.label}
                  pointer={`${base}/${i}/label`}
                  onCommit={(v) => apply((ws) => updateStatus(ws, pipelineId, s.id, { label: v.trim() }), `${base}/${i}/label`)}
                />
                <UsedBy
                  workflows={usage.workflows}
                  builtIn={usage.automation.map((w) => t(`settings.automate.${w}.short`))}
                  onOpenWorkflow={props.onOpenWorkflow}
                />
              </td>
              <td>
                <label className="tf-visually-hidden" htmlFor={`cat-${s.id}`}>
                  {t('settings.statuses.categoryOf', { status: s.label })}
                </label>
                <select
                  id={`cat-${s.id}`}
                  className="tf-input"
                  value={s.category}
                  onChange={(e) => run((ws) => updateStatus(ws, pipelineId, s.id, { category: e.target.value as Status['category'] }))}
                >
                  {categories.map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </td>
              <td className="tf-settings__row-actions">
                <IconButton
                  icon={ArrowUp}
                  label={t('settings.statuses.up', { status: s.label })}
                  disabled={i === 0}
                  onClick={() => run((ws) => moveStatus(ws, pipelineId, s.id, i - 1))}
                />
                <IconButton
                  icon={ArrowDown}
                  label={t('settings.statuses.down', { status: s.label })}
                  disabled={i === pipeline.statuses.length - 1}
                  onClick={() => run((ws) => moveStatus(ws, pipelineId, s.id, i + 1))}
                />
                <IconButton
                  icon={Trash2}
                  variant="danger"
                  label={t('settings.statuses.delete', { status: s.label })}
                  onClick={() => run((ws) => removeStatus(ws, pipelineId, s.id, props.workflows))}
                />
              </td>
            </tr>
          );
        })}
      </SettingsTable>
      <EditProblems problems={problems} />
      <AddForm
        label={t('settings.statuses.add')}
        fields={[
          { key: 'label', label: t('settings.statuses.new') },
          { key: 'category', label: t('settings.statuses.category'), options: categories },
        ]}
        onAdd={(v) => apply((ws) => addStatus(ws, pipelineId, v.label!.trim(), v.category as Status['category']).workspace)}
      />
    </section>
  );
}
