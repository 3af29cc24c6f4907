import { ChannelKindSchema, type Channel, type ChannelKind } from '../../model';
import { addChannel, removeItem, updateItem } from '../../settings/workspace-edits';
import { workflowsUsing } from '../../settings/usages';
import { useT } from '../i18n';
import '../i18n/settings';
import { AddForm } from './AddForm';
import { EditProblems, ItemField, SettingsTable } from './CommitField';
import './settings.css';
import type { SettingsProps } from './types';
import { DeleteButton } from './Usage';
import { useEditor } from './use-workspace-edit';

/** A select in a table row, named for assistive technology only (the column heading shows what it is). */
function RowSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <select className="tf-input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/**
 * The workspace's channels: kind, address or name, where they are (conversations inbox or help
 * desk), whether new conversations create tickets, and the pipeline those go to; add and delete.
 */
export function ChannelsPage(props: SettingsProps) {
  const { t } = useT();
  const { apply, run, problems } = useEditor(props.workspace, props.onChange);
  const channels = props.workspace.channels;
  const update = (c: Channel, patch: Partial<Channel>) => run((ws) => updateItem(ws, 'channels', c.id, patch));
  const kinds = ChannelKindSchema.options.map((k) => ({ value: k, label: t(`settings.channels.kind.${k}`) }));
  const locations = (['inbox', 'helpDesk'] as const).map((l) => ({ value: l, label: t(`settings.channels.location.${l}`) }));
  const pipelines = [
    { value: '', label: t('settings.channels.firstPipeline', { name: props.workspace.pipelines[0]!.name }) },
    ...props.workspace.pipelines.map((p) => ({ value: p.id, label: p.name })),
  ];
  return (
    <section className="tf-settings__page" aria-labelledby="channels-title">
      <h2 id="channels-title">{t('settings.channels.title')}</h2>
      <SettingsTable
        columns={[
          t('settings.channels.name'),
          t('settings.channels.kind'),
          t('settings.channels.location'),
          t('settings.channels.createTickets'),
          t('settings.channels.pipeline'),
          t('settings.actions'),
        ]}
      >
        {channels.map((c, i) => (
          <tr key={c.id}>
            <td>
              <ItemField apply={apply} list="channels" id={c.id} index={i} field="name" value={c.name} label={t('settings.channels.nameOf', { name: c.name })} hideLabel />
            </td>
            <td>
              <RowSelect label={t('settings.channels.kindOf', { name: c.name })} value={c.kind} options={kinds} onChange={(v) => update(c, { kind: v as ChannelKind })} />
            </td>
            <td>
              <RowSelect
                label={t('settings.channels.locationOf', { name: c.name })}
                value={c.location}
                options={locations}
                onChange={(v) => update(c, { location: v as Channel['location'] })}
              />
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={t('settings.channels.createTicketsOf', { name: c.name })}
                checked={c.createTickets}
                onChange={(e) => update(c, { createTickets: e.target.checked })}
              />
            </td>
            <td>
              <RowSelect
                label={t('settings.channels.pipelineOf', { name: c.name })}
                value={c.pipelineId ?? ''}
                options={pipelines}
                onChange={(v) => update(c, { pipelineId: v || undefined })}
              />
            </td>
            <td>
              <DeleteButton
                name={c.name}
                usage={() => ({ workflows: workflowsUsing({ type: 'channel', id: c.id }, props.workflows) })}
                onOpenWorkflow={props.onOpenWorkflow}
                onConfirm={() => run((ws) => removeItem(ws, 'channels', c.id))}
              />
            </td>
          </tr>
        ))}
      </SettingsTable>
      <EditProblems problems={problems} />
      <AddForm
        label={t('settings.channels.add')}
        fields={[
          { key: 'kind', label: t('settings.channels.kind'), options: kinds },
          { key: 'name', label: t('settings.channels.name') },
        ]}
        onAdd={(v) => apply((ws) => addChannel(ws, v.kind as ChannelKind, v.name!.trim()).workspace)}
      />
    </section>
  );
}
