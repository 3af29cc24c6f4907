import type { ChannelKind, Pipeline, Status, Workflow, Workspace } from '../model';
import { workflowsUsing, workspaceUsagesOf, type EntityRef } from './usages';

/** Why a workspace edit was refused. */
export type SettingsErrorCode =
  | 'not-found'
  | 'last-pipeline'
  | 'last-status'
  | 'status-in-use'
  | 'pipeline-in-use'
  | 'built-in-template'
  | 'bad-move'
  | 'no-recipient';

/** A refused workspace edit; `params` fill the UI's translated message, `message` is the English one. */
export class SettingsError extends Error {
  constructor(
    readonly code: SettingsErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Lists of a workspace edited as plain id-keyed rows. */
export type ListKey = 'users' | 'teams' | 'channels' | 'templates';
/** One row of such a list. */
export type ItemOf<K extends ListKey> = Workspace[K][number];

const ID_MAX_BASE = 100;

/**
 * A readable id made from a label ("Waiting on parts" → "waiting-on-parts"), unique among `taken`
 * by a numeric suffix; deterministic, so the same edit always yields the same id.
 */
export function uniqueId(label: string, taken: Iterable<string>, fallback: string): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, ID_MAX_BASE)
      .replace(/-+$/, '') || fallback;
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  let n = 2;
  while (used.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/** Every status id of the workspace (workflows name statuses by id alone, so new ones stay unique across pipelines). */
export function allStatusIds(ws: Workspace): string[] {
  return ws.pipelines.flatMap((p) => p.statuses.map((s) => s.id));
}

function pipelineOf(ws: Workspace, pipelineId: string): Pipeline {
  const p = ws.pipelines.find((x) => x.id === pipelineId);
  if (!p) throw new SettingsError('not-found', `Pipeline "${pipelineId}" does not exist.`, { id: pipelineId });
  return p;
}

function withPipeline(ws: Workspace, pipelineId: string, change: (p: Pipeline) => Pipeline): Workspace {
  const p = pipelineOf(ws, pipelineId);
  return { ...ws, pipelines: ws.pipelines.map((x) => (x === p ? change(p) : x)) };
}

function statusIndex(p: Pipeline, statusId: string): number {
  const i = p.statuses.findIndex((s) => s.id === statusId);
  if (i < 0) throw new SettingsError('not-found', `Pipeline "${p.name}" has no status "${statusId}".`, { id: statusId });
  return i;
}

/** Adds a pipeline with an open "New" and a closed "Closed" status and its built-in status updates off. */
export function addPipeline(ws: Workspace, name: string): { workspace: Workspace; pipelineId: string } {
  const id = uniqueId(name, ws.pipelines.map((p) => p.id), 'pipeline');
  const taken = allStatusIds(ws);
  const open = uniqueId(`${id}-new`, taken, 'new');
  const closed = uniqueId(`${id}-closed`, [...taken, open], 'closed');
  const pipeline: Pipeline = {
    id,
    name,
    statuses: [
      { id: open, label: 'New', category: 'open' },
      { id: closed, label: 'Closed', category: 'closed' },
    ],
    automation: {
      createTickets: true,
      onEmailSent: { enabled: false, statusId: open },
      onCustomerReply: { enabled: false, statusId: open },
    },
  };
  return { workspace: { ...ws, pipelines: [...ws.pipelines, pipeline] }, pipelineId: id };
}

/** Renames a pipeline. */
export function renamePipeline(ws: Workspace, pipelineId: string, name: string): Workspace {
  return withPipeline(ws, pipelineId, (p) => ({ ...p, name }));
}

/**
 * Deletes a pipeline. Refused for the last one, and while channels send tickets to it or
 * workflows refer to it or to its statuses (their references would dangle).
 */
export function removePipeline(ws: Workspace, pipelineId: string, workflows: readonly Workflow[]): Workspace {
  const p = pipelineOf(ws, pipelineId);
  if (ws.pipelines.length === 1) throw new SettingsError('last-pipeline', 'A workspace needs at least one pipeline.');
  const entity: EntityRef = { type: 'pipeline', id: pipelineId };
  const users = [
    ...workspaceUsagesOf(entity, ws).map((u) => u.ownerName),
    ...workflowsUsing(entity, workflows).map((w) => w.name),
    ...p.statuses.flatMap((s) => workflowsUsing({ type: 'status', id: s.id }, workflows).map((w) => w.name)),
  ];
  if (users.length) {
    const names = [...new Set(users)].join(', ');
    throw new SettingsError('pipeline-in-use', `Pipeline "${p.name}" is still used by ${names}.`, { name: p.name, users: names });
  }
  return { ...ws, pipelines: ws.pipelines.filter((x) => x.id !== pipelineId) };
}

/** Adds a status at the end of a pipeline (before its first closed status when it is open). */
export function addStatus(
  ws: Workspace,
  pipelineId: string,
  label: string,
  category: Status['category'],
): { workspace: Workspace; statusId: string } {
  const id = uniqueId(label, allStatusIds(ws), 'status');
  const workspace = withPipeline(ws, pipelineId, (p) => {
    const firstClosed = p.statuses.findIndex((s) => s.category === 'closed');
    const at = category === 'open' && firstClosed >= 0 ? firstClosed : p.statuses.length;
    const statuses = [...p.statuses];
    statuses.splice(at, 0, { id, label, category });
    return { ...p, statuses };
  });
  return { workspace, statusId: id };
}

/** Changes a status's label or category; its id, which workflows refer to, stays. */
export function updateStatus(ws: Workspace, pipelineId: string, statusId: string, patch: Partial<Omit<Status, 'id'>>): Workspace {
  return withPipeline(ws, pipelineId, (p) => {
    const i = statusIndex(p, statusId);
    return { ...p, statuses: p.statuses.map((s, j) => (j === i ? { ...s, ...patch } : s)) };
  });
}

/** Moves a status to another position (0 = first, where new tickets start). */
export function moveStatus(ws: Workspace, pipelineId: string, statusId: string, toIndex: number): Workspace {
  return withPipeline(ws, pipelineId, (p) => {
    const from = statusIndex(p, statusId);
    if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= p.statuses.length) {
      throw new SettingsError('bad-move', `Position ${toIndex} is outside pipeline "${p.name}" (0 to ${p.statuses.length - 1}).`, {
        index: toIndex,
      });
    }
    const statuses = [...p.statuses];
    const [moved] = statuses.splice(from, 1);
    statuses.splice(toIndex, 0, moved!);
    return { ...p, statuses };
  });
}

/** Who still uses a status of a pipeline: its built-in status updates, and workflows (by id and name). */
export function statusUsage(
  ws: Workspace,
  pipelineId: string,
  statusId: string,
  workflows: readonly Workflow[],
): { automation: ('onEmailSent' | 'onCustomerReply')[]; workflows: { id: string; name: string }[] } {
  const p = pipelineOf(ws, pipelineId);
  return {
    automation: (['onEmailSent', 'onCustomerReply'] as const).filter((w) => p.automation[w].statusId === statusId),
    workflows: workflowsUsing({ type: 'status', id: statusId }, workflows),
  };
}

/**
 * Deletes a status. Refused for a pipeline's last status, and while the built-in status updates
 * or any workflow still refer to it: a deleted status would leave their references dangling.
 */
export function removeStatus(ws: Workspace, pipelineId: string, statusId: string, workflows: readonly Workflow[]): Workspace {
  const p = pipelineOf(ws, pipelineId);
  const s = p.statuses[statusIndex(p, statusId)]!;
  if (p.statuses.length === 1) throw new SettingsError('last-status', `Pipeline "${p.name}" needs at least one status.`, { name: p.name });
  const usage = statusUsage(ws, pipelineId, statusId, workflows);
  if (usage.automation.length || usage.workflows.length) {
    const names = [...usage.automation, ...usage.workflows.map((w) => w.name)].join(', ');
    throw new SettingsError('status-in-use', `Status "${s.label}" is still used by ${names}.`, { label: s.label, users: names });
  }
  return withPipeline(ws, pipelineId, (x) => ({ ...x, statuses: x.statuses.filter((y) => y.id !== statusId) }));
}

/** Replaces fields of one row of a list. */
export function updateItem<K extends ListKey>(ws: Workspace, key: K, id: string, patch: Partial<ItemOf<K>>): Workspace {
  const list = ws[key] as readonly ItemOf<K>[];
  if (!list.some((x) => x.id === id)) throw new SettingsError('not-found', `There is no ${key.slice(0, -1)} "${id}".`, { id });
  return { ...ws, [key]: list.map((x) => (x.id === id ? { ...x, ...patch } : x)) };
}

/** Appends a row to a list. */
function appendItem<K extends ListKey>(ws: Workspace, key: K, item: ItemOf<K>): Workspace {
  return { ...ws, [key]: [...(ws[key] as readonly ItemOf<K>[]), item] };
}

/** Adds a user without help-desk access or super-admin rights; the admin grants them. */
export function addUser(ws: Workspace, name: string, email: string): { workspace: Workspace; id: string } {
  const id = uniqueId(`u-${name}`, ws.users.map((u) => u.id), 'user');
  return { workspace: appendItem(ws, 'users', { id, name, email, helpDeskAccess: false, superAdmin: false }), id };
}

/** Adds an empty team. */
export function addTeam(ws: Workspace, name: string): { workspace: Workspace; id: string } {
  const id = uniqueId(`t-${name}`, ws.teams.map((t) => t.id), 'team');
  return { workspace: appendItem(ws, 'teams', { id, name, memberIds: [] }), id };
}

/** Adds a channel in the conversations inbox, not yet creating tickets. */
export function addChannel(ws: Workspace, kind: ChannelKind, name: string): { workspace: Workspace; id: string } {
  const id = uniqueId(`ch-${name}`, ws.channels.map((c) => c.id), 'channel');
  return { workspace: appendItem(ws, 'channels', { id, kind, name, location: 'inbox', createTickets: false }), id };
}

/** Adds a custom email template. */
export function addTemplate(ws: Workspace, name: string, subject: string, body: string): { workspace: Workspace; id: string } {
  const id = uniqueId(`tpl-${name}`, ws.templates.map((t) => t.id), 'template');
  return { workspace: appendItem(ws, 'templates', { id, name, subject, body }), id };
}

/**
 * Removes a row. Removing a user also takes them out of every team; built-in templates cannot go
 * (the Automate tab's status actions send them). References from workflows are the caller's to
 * show before confirming (usagesOf): the workflow then reports them as problems, never silently.
 */
export function removeItem(ws: Workspace, key: ListKey, id: string): Workspace {
  const list = ws[key] as readonly { id: string }[];
  if (!list.some((x) => x.id === id)) throw new SettingsError('not-found', `There is no ${key.slice(0, -1)} "${id}".`, { id });
  if (key === 'templates') {
    const tpl = ws.templates.find((t) => t.id === id)!;
    if (tpl.builtIn) throw new SettingsError('built-in-template', `"${tpl.name}" is a built-in template and cannot be deleted.`, { name: tpl.name });
  }
  const next = { ...ws, [key]: list.filter((x) => x.id !== id) };
  if (key === 'users') next.teams = ws.teams.map((t) => (t.memberIds.includes(id) ? { ...t, memberIds: t.memberIds.filter((m) => m !== id) } : t));
  return next;
}
