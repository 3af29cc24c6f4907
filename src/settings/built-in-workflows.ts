import { ACTIONS, type Translate } from '../actions';
import { format } from '../actions/messages';
import { withChatIncluded } from '../engine/enrollment';
import {
  WORKFLOW_FORMAT,
  WORKFLOW_SCHEMA_VERSION,
  WorkflowDocumentSchema,
  type FilterCondition,
  type Filters,
  type Pipeline,
  type Workflow,
  type WorkflowDocument,
  type Workspace,
} from '../model';
import { SettingsError } from './workspace-edits';

/** The two built-in status updates of a pipeline's Automate tab [S-out] [S-in]. */
export type BuiltInTrigger = 'onEmailSent' | 'onCustomerReply';

/** The trigger each built-in status update stands for. */
const BUILT_IN_TRIGGERS: Record<BuiltInTrigger, 'emailSentFromTicket' | 'contactReplied'> = {
  onEmailSent: 'emailSentFromTicket',
  onCustomerReply: 'contactReplied',
};

/** What the "+" of a status creates [S-status-actions]: a built-in email, or an internal notification. */
export type StatusActionSpec =
  | { kind: 'sendEmail'; template: 'ticketReceived' | 'ticketClosed' }
  | { kind: 'notify'; userIds: string[]; teamIds: string[]; owner: boolean };

/** English texts of the generated names and descriptions; the UI's table carries them in every language. */
export const WORKFLOW_TEXTS_EN: Record<string, string> = {
  'settings.builtIn.onEmailSent.name': 'Update ticket status when an email is sent to a customer ({pipeline})',
  'settings.builtIn.onEmailSent.description':
    'Built-in automation of {pipeline}: when an agent emails the contact from the ticket record, the ticket moves to {status}. An email sent from the contact record changes nothing.',
  'settings.builtIn.onCustomerReply.name': 'Update ticket status when a customer replies ({pipeline})',
  'settings.builtIn.onCustomerReply.description':
    "Built-in automation of {pipeline}: when the contact replies on the thread the ticket was created on (or on any new thread once the ticket was reopened), the ticket moves to {status}.",
  'settings.statusWorkflow.emailName': 'Send "{template}" when a ticket reaches {status}',
  'settings.statusWorkflow.notifyName': 'Notify {recipients} when a ticket reaches {status}',
  'settings.statusWorkflow.owner': 'the ticket owner',
};

const english: Translate = (key, params) => format(WORKFLOW_TEXTS_EN[key] ?? key, params);

/** Ids stay within IdSchema's 128 characters whatever the pipeline or status id. */
function clip(id: string): string {
  return id.slice(0, 90).replace(/[-_.:]+$/, '');
}

function pipelineOf(ws: Workspace, pipelineId: string): Pipeline {
  const p = ws.pipelines.find((x) => x.id === pipelineId);
  if (!p) throw new SettingsError('not-found', `Pipeline "${pipelineId}" does not exist.`, { id: pipelineId });
  return p;
}

function statusLabel(p: Pipeline, statusId: string): string {
  const s = p.statuses.find((x) => x.id === statusId);
  if (!s) throw new SettingsError('not-found', `Pipeline "${p.name}" has no status "${statusId}".`, { id: statusId });
  return s.label;
}

/** Only tickets of this pipeline: statuses and built-in settings belong to one pipeline. */
function pipelineCondition(pipelineId: string): FilterCondition {
  return { property: 'pipeline', operator: 'is', value: pipelineId };
}

/** The id under which the shell shows a pipeline's built-in status update as a workflow. */
export function builtInWorkflowId(pipelineId: string, which: BuiltInTrigger): string {
  return `builtin-${clip(pipelineId)}-${which === 'onEmailSent' ? 'email-sent' : 'customer-reply'}`;
}

/**
 * A pipeline's built-in status update as the workflow it stands for ("View workflow"): the email
 * trigger, a filter on the pipeline, and one Set status action to the target status (it runs while
 * the checkbox is on). Tickets re-enroll each time, as the setting fires on every email.
 */
export function builtInStatusWorkflow(ws: Workspace, pipelineId: string, which: BuiltInTrigger, t: Translate = english): WorkflowDocument {
  const p = pipelineOf(ws, pipelineId);
  const setting = p.automation[which];
  const params = { pipeline: p.name, status: p.statuses.find((s) => s.id === setting.statusId)?.label ?? setting.statusId };
  const actionId = `set-status-${clip(setting.statusId)}`;
  const workflow: Workflow = {
    id: builtInWorkflowId(pipelineId, which),
    name: t(`settings.builtIn.${which}.name`, params).slice(0, 200),
    description: t(`settings.builtIn.${which}.description`, params),
    enrollment: {
      triggers: [{ type: BUILT_IN_TRIGGERS[which] }],
      filters: [{ conditions: [pipelineCondition(pipelineId)] }],
      reenroll: true,
      unenroll: [],
    },
    actions: [{ ...ACTIONS.setStatus.create(actionId), statusId: setting.statusId }],
    startActionId: actionId,
  };
  return WorkflowDocumentSchema.parse({ format: WORKFLOW_FORMAT, schemaVersion: WORKFLOW_SCHEMA_VERSION, workflow });
}

/** The smallest `${base}-${n}` not among the taken ids. */
function freshId(base: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * The workflow a status's "+" creates [S-status-actions]: enrolled when a ticket of the pipeline
 * enters the status, running one Send email (built-in template) or Send internal notification.
 * With `includeChat` the enrollment also names Chat and Messenger as sources, which lifts their
 * default exclusion [S-chat] for this workflow only.
 */
export function statusActionWorkflow(
  ws: Workspace,
  pipelineId: string,
  statusId: string,
  spec: StatusActionSpec,
  opts: { includeChat: boolean; takenIds: Iterable<string>; t?: Translate },
): WorkflowDocument {
  const t = opts.t ?? english;
  const p = pipelineOf(ws, pipelineId);
  const status = statusLabel(p, statusId);
  const id = freshId(`wf-${clip(pipelineId)}-${clip(statusId)}`, new Set(opts.takenIds));
  let action: Workflow['actions'][number];
  let name: string;
  if (spec.kind === 'sendEmail') {
    const tpl = ws.templates.find((x) => x.builtIn === spec.template);
    if (!tpl) throw new SettingsError('not-found', `The workspace has no built-in "${spec.template}" template.`, { id: spec.template });
    action = { ...ACTIONS.sendEmail.create('send-email-1'), templateId: tpl.id };
    name = t('settings.statusWorkflow.emailName', { template: tpl.name, status });
  } else {
    const names = [
      ...spec.userIds.map((u) => ws.users.find((x) => x.id === u)?.name ?? u),
      ...spec.teamIds.map((x) => ws.teams.find((y) => y.id === x)?.name ?? x),
      ...(spec.owner ? [t('settings.statusWorkflow.owner')] : []),
    ];
    if (!names.length) throw new SettingsError('no-recipient', 'An internal notification needs at least one recipient: a user, a team or the ticket owner.');
    action = { ...ACTIONS.notify.create('notify-1'), recipients: { userIds: [...spec.userIds], teamIds: [...spec.teamIds], owner: spec.owner } };
    name = t('settings.statusWorkflow.notifyName', { recipients: names.join(', '), status });
  }
  // Including adds a second OR group rather than a source condition on the first: it names Chat and
  // Messenger (what lifts the engine's exclusion) without turning away tickets that have no source channel.
  const enrollment = withChatIncluded(
    { triggers: [{ type: 'statusChanged', toStatusId: statusId }], filters: [{ conditions: [pipelineCondition(pipelineId)] }], reenroll: true, unenroll: [] },
    opts.includeChat,
  );
  const workflow: Workflow = {
    id,
    name: name.slice(0, 200),
    enrollment,
    actions: [action],
    startActionId: action.id,
  };
  return WorkflowDocumentSchema.parse({ format: WORKFLOW_FORMAT, schemaVersion: WORKFLOW_SCHEMA_VERSION, workflow });
}

/** Whether a workflow's filters (if they name pipelines) let tickets of this pipeline in. */
function admitsPipeline(wf: Workflow, pipelineId: string): boolean {
  const named = wf.enrollment.filters.flatMap((g) => g.conditions).filter((c) => c.property === 'pipeline');
  return named.every((c) =>
    c.operator === 'is' ? c.value === pipelineId : c.operator === 'isAnyOf' && Array.isArray(c.value) ? c.value.includes(pipelineId) : true,
  );
}

/** The workflows listed under a status in the Automate tab: enrolled when a ticket of the pipeline enters that status. */
export function statusWorkflows(workflows: readonly Workflow[], pipelineId: string, statusId: string): Workflow[] {
  return workflows.filter(
    (wf) => wf.enrollment.triggers.some((tr) => tr.type === 'statusChanged' && tr.toStatusId === statusId) && admitsPipeline(wf, pipelineId),
  );
}

/**
 * The enabled built-in status updates a workflow repeats: it enrolls on the same email trigger, lets
 * tickets of that pipeline in and sets a status. While such a copy is on, turning the built-in off in
 * Settings → Automate seems to do nothing, because the copy still changes the status.
 */
export function repeatedBuiltIns(ws: Workspace, wf: Workflow): { pipelineId: string; which: BuiltInTrigger }[] {
  if (!wf.actions.some((a) => a.kind === 'setStatus')) return [];
  const found: { pipelineId: string; which: BuiltInTrigger }[] = [];
  for (const p of ws.pipelines) {
    for (const which of Object.keys(BUILT_IN_TRIGGERS) as BuiltInTrigger[]) {
      if (!p.automation[which].enabled) continue;
      if (wf.enrollment.triggers.some((tr) => tr.type === BUILT_IN_TRIGGERS[which]) && admitsPipeline(wf, p.id)) found.push({ pipelineId: p.id, which });
    }
  }
  return found;
}
