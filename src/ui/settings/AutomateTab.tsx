import { ExternalLink, Info, Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Pipeline, Status, WorkflowDocument } from '../../model';
import {
  builtInStatusWorkflow,
  statusActionWorkflow,
  statusWorkflows,
  type BuiltInTrigger,
  type StatusActionSpec,
} from '../../settings/built-in-workflows';
import { SettingsError, updateItem } from '../../settings/workspace-edits';
import { CheckboxGroup } from '../common/CheckboxGroup';
import { IconButton } from '../common/IconButton';
import type { FieldProblem } from '../common/problems';
import { RadioGroup } from '../common/RadioGroup';
import { SelectField } from '../common/SelectField';
import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { EditProblems, SettingsTable } from './CommitField';
import type { SettingsProps } from './types';
import { refusalProblem } from './workspace-problems';
import { useEditor } from './use-workspace-edit';

/** Props of a pipeline's Automate tab. */
export interface AutomateTabProps extends SettingsProps {
  pipelineId: string;
  /** "View workflow": the shell opens this built-in status update as a workflow in the builder. */
  onViewWorkflow: (which: BuiltInTrigger, document: WorkflowDocument) => void;
  /** The "+" of a status made a new workflow; the shell adds it to the workspace's workflows. */
  onCreateWorkflow: (document: WorkflowDocument) => void;
}

const TRIGGERS: BuiltInTrigger[] = ['onEmailSent', 'onCustomerReply'];

function withAutomation(pipeline: Pipeline, change: Partial<Pipeline['automation']>): (ws: SettingsProps['workspace']) => SettingsProps['workspace'] {
  return (ws) => ({ ...ws, pipelines: ws.pipelines.map((p) => (p.id === pipeline.id ? { ...p, automation: { ...p.automation, ...change } } : p)) });
}

/**
 * A pipeline's Automate tab, as in the help-center articles: connected channels that create tickets
 * [S-create]; the two built-in status updates with their checkbox, "Edit action" and "View workflow"
 * [S-out] [S-in]; and per status, the workflows that run when a ticket reaches it, with a "+" to
 * create one that sends a built-in email or an internal notification [S-status-actions].
 */
export function AutomateTab({ pipelineId, onViewWorkflow, onCreateWorkflow, ...props }: AutomateTabProps) {
  const { t } = useT();
  const { apply, run, problems, setProblems } = useEditor(props.workspace, props.onChange);
  const [editing, setEditing] = useState<{ which: BuiltInTrigger; statusId: string } | null>(null);
  const [adding, setAdding] = useState<string | null>(null);
  const pipeline = props.workspace.pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) return null;
  const firstPipeline = props.workspace.pipelines[0]!.id;
  const channels = props.workspace.channels.filter((c) => (c.pipelineId ?? firstPipeline) === pipelineId);
  const statusOptions = pipeline.statuses.map((s) => ({ value: s.id, label: s.label }));
  const statusName = (id: string) => pipeline.statuses.find((s) => s.id === id)?.label ?? id;

  return (
    <div className="tf-automate">
      <section className="tf-settings__section" aria-labelledby="automate-channels">
        <h3 id="automate-channels">{t('settings.automate.channels.title')}</h3>
        <p className="tf-field__hint">{t('settings.automate.channels.hint')}</p>
        <label className="tf-check">
          <input
            type="checkbox"
            checked={pipeline.automation.createTickets}
            onChange={(e) => run(withAutomation(pipeline, { createTickets: e.target.checked }))}
          />
          <span>{t('settings.automate.createTickets')}</span>
        </label>
        {channels.length === 0 ? (
          <p className="tf-field__hint">{t('settings.automate.channels.none')}</p>
        ) : (
          <ul className="tf-automate__channels">
            {channels.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="tf-chip"
                  aria-pressed={c.createTickets}
                  title={t(c.createTickets ? 'settings.automate.channel.turnOff' : 'settings.automate.channel.turnOn', { name: c.name })}
                  onClick={() => run((ws) => updateItem(ws, 'channels', c.id, { createTickets: !c.createTickets }))}
                >
                  {c.name}
                </button>{' '}
                <span className="tf-field__hint">
                  {t(`settings.channels.kind.${c.kind}`)} · {t(`settings.channels.location.${c.location}`)} ·{' '}
                  {t(c.createTickets && pipeline.automation.createTickets ? 'settings.automate.channel.on' : 'settings.automate.channel.off')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="tf-settings__section" aria-labelledby="automate-status">
        <h3 id="automate-status">{t('settings.automate.status.title')}</h3>
        <p className="tf-field__hint">{t('settings.automate.status.hint')}</p>
        <SettingsTable columns={[t('settings.automate.trigger'), t('settings.automate.action'), t('settings.actions')]}>
          {TRIGGERS.map((which) => {
            const setting = pipeline.automation[which];
            return (
              <tr key={which}>
                <td>
                  <label className="tf-check">
                    <input
                      type="checkbox"
                      checked={setting.enabled}
                      onChange={(e) => run(withAutomation(pipeline, { [which]: { ...setting, enabled: e.target.checked } }))}
                    />
                    <span>{t(`settings.automate.${which}.name`)}</span>
                  </label>
                  <p className="tf-field__hint">{t(`settings.automate.${which}.rule`)}</p>
                </td>
                <td>
                  {editing?.which === which ? (
                    <form
                      className="tf-automate__edit"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const found = apply(withAutomation(pipeline, { [which]: { ...setting, statusId: editing.statusId } }));
                        setProblems(found);
                        if (found.length === 0) setEditing(null);
                      }}
                    >
                      <SelectField
                        label={t('settings.automate.setStatusTo')}
                        value={editing.statusId}
                        options={statusOptions}
                        onChange={(v) => v && setEditing({ which, statusId: v })}
                      />
                      <div className="tf-settings__buttons">
                        <button type="submit" className="tf-button tf-button--primary">
                          {t('settings.save')}
                        </button>
                        <button type="button" className="tf-button" onClick={() => setEditing(null)}>
                          {t('settings.cancel')}
                        </button>
                      </div>
                    </form>
                  ) : (
                    t('settings.automate.setStatus', { status: statusName(setting.statusId) })
                  )}
                </td>
                <td className="tf-settings__row-actions">
                  <button
                    type="button"
                    className="tf-button"
                    aria-label={t('settings.automate.editAction.of', { trigger: t(`settings.automate.${which}.name`) })}
                    onClick={() => setEditing({ which, statusId: setting.statusId })}
                  >
                    {t('settings.automate.editAction')}
                  </button>
                  <button
                    type="button"
                    className="tf-button"
                    aria-label={t('settings.automate.viewWorkflow.of', { trigger: t(`settings.automate.${which}.name`) })}
                    onClick={() => onViewWorkflow(which, builtInStatusWorkflow(props.workspace, pipelineId, which, t))}
                  >
                    {t('settings.automate.viewWorkflow')}
                  </button>
                </td>
              </tr>
            );
          })}
        </SettingsTable>
      </section>
      <EditProblems problems={problems} />

      <section className="tf-settings__section" aria-labelledby="automate-actions">
        <h3 id="automate-actions">{t('settings.automate.actions.title')}</h3>
        <p className="tf-note">
          <Info size={16} aria-hidden /> <span>{t('settings.automate.chatNote')}</span>
        </p>
        <ul className="tf-automate__statuses">
          {pipeline.statuses.map((s) => {
            const existing = statusWorkflows(props.workflows, pipelineId, s.id);
            return (
              <li key={s.id} className="tf-automate__status">
                <div className="tf-automate__status-head">
                  <strong>{s.label}</strong>
                  <IconButton
                    icon={Plus}
                    label={t('settings.automate.add', { status: s.label })}
                    onClick={() => setAdding(adding === s.id ? null : s.id)}
                  />
                </div>
                {existing.length > 0 && (
                  <ul className="tf-automate__workflows">
                    {existing.map((wf) => (
                      <li key={wf.id}>
                        <span>{wf.name}</span>
                        {!props.liveIds?.has(wf.id) && <span className="tf-field__hint"> ({t('settings.automate.disabled')})</span>}{' '}
                        <button
                          type="button"
                          className="tf-link-button"
                          aria-label={t('settings.automate.open.of', { name: wf.name })}
                          onClick={() => props.onOpenWorkflow(wf.id)}
                        >
                          {t('settings.automate.open')}
                          <ExternalLink size={12} aria-hidden />
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                {adding === s.id && (
                  <StatusActionForm
                    status={s}
                    {...props}
                    pipelineId={pipelineId}
                    onCancel={() => setAdding(null)}
                    onCreate={(doc) => {
                      onCreateWorkflow(doc);
                      setAdding(null);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

/**
 * What the "+" of a status opens: Send email with the Ticket received or Ticket closed template, or
 * Send internal notification to users, teams or the ticket owner; and whether Chat and Messenger
 * conversations are included [S-chat]. Creating builds the workflow; nothing changes before that.
 */
function StatusActionForm({
  status,
  pipelineId,
  workspace,
  workflows,
  onCreate,
  onCancel,
}: SettingsProps & { status: Status; pipelineId: string; onCreate: (doc: WorkflowDocument) => void; onCancel: () => void }) {
  const { t } = useT();
  const [kind, setKind] = useState<StatusActionSpec['kind']>('sendEmail');
  const [template, setTemplate] = useState<'ticketReceived' | 'ticketClosed'>(status.category === 'closed' ? 'ticketClosed' : 'ticketReceived');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [owner, setOwner] = useState(false);
  const [includeChat, setIncludeChat] = useState(false);
  const [problem, setProblem] = useState<FieldProblem>();
  const templateName = (b: 'ticketReceived' | 'ticketClosed') => workspace.templates.find((x) => x.builtIn === b)?.name ?? b;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const spec: StatusActionSpec = kind === 'sendEmail' ? { kind, template } : { kind, userIds, teamIds, owner };
    try {
      onCreate(statusActionWorkflow(workspace, pipelineId, status.id, spec, { includeChat, takenIds: workflows.map((w) => w.id), t }));
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err;
      setProblem(refusalProblem(err));
    }
  };

  return (
    <form className="tf-automate__form" aria-label={t('settings.automate.form.title', { status: status.label })} onSubmit={submit}>
      <RadioGroup
        legend={t('settings.automate.form.action')}
        value={kind}
        options={[
          { value: 'sendEmail', label: t('kind.sendEmail') },
          { value: 'notify', label: t('kind.notify') },
        ]}
        onChange={(v) => setKind(v as StatusActionSpec['kind'])}
      />
      {kind === 'sendEmail' ? (
        <>
          <RadioGroup
            legend={t('settings.automate.form.template')}
            value={template}
            options={[
              { value: 'ticketReceived', label: templateName('ticketReceived') },
              { value: 'ticketClosed', label: templateName('ticketClosed') },
            ]}
            onChange={(v) => setTemplate(v as 'ticketReceived' | 'ticketClosed')}
          />
          <p className="tf-field__hint">{t('settings.automate.form.emailHint')}</p>
        </>
      ) : (
        <>
          <CheckboxGroup
            legend={t('settings.automate.form.users')}
            value={userIds}
            options={workspace.users.map((u) => ({ value: u.id, label: u.helpDeskAccess ? u.name : t('common.user.noAccess', { name: u.name }) }))}
            onChange={setUserIds}
          />
          <CheckboxGroup
            legend={t('settings.automate.form.teams')}
            value={teamIds}
            options={workspace.teams.map((x) => ({ value: x.id, label: x.name }))}
            onChange={setTeamIds}
          />
          <label className="tf-check">
            <input type="checkbox" checked={owner} onChange={(e) => setOwner(e.target.checked)} />
            <span>{t('settings.automate.form.owner')}</span>
          </label>
        </>
      )}
      <label className="tf-check">
        <input type="checkbox" checked={includeChat} onChange={(e) => setIncludeChat(e.target.checked)} />
        <span>{t('settings.automate.form.includeChat')}</span>
      </label>
      {problem && <EditProblems problems={[problem]} />}
      <div className="tf-settings__buttons">
        <button type="submit" className="tf-button tf-button--primary">
          {t('settings.automate.form.create')}
        </button>
        <button type="button" className="tf-button" onClick={onCancel}>
          {t('settings.cancel')}
        </button>
      </div>
    </form>
  );
}
