import { definitionOf, type ActionReference } from '../actions';
import type { FilterProperty, Filters, Workflow, Workspace } from '../model';

/** Kinds of workspace entity a workflow or the workspace itself can refer to. */
export type EntityType = 'status' | 'user' | 'team' | 'template' | 'channel' | 'pipeline';

/** One workspace entity, by kind and id. */
export interface EntityRef {
  type: EntityType;
  id: string;
}

/** One place in a workflow that refers to an entity. */
export interface WorkflowUsage {
  workflowId: string;
  workflowName: string;
  /** Which part of the workflow: an action's settings, an enrollment trigger, the enrollment or unenrollment filters, or a branch path's filters. */
  where: 'action' | 'trigger' | 'filter' | 'unenroll' | 'branch';
  /** The action, for 'action' and 'branch'. */
  actionId?: string;
  /** JSON pointer inside the workflow, e.g. "/actions/2/statusId". */
  pointer: string;
}

/** One place inside the workspace that refers to an entity (so deleting it would leave a dangling id). */
export interface WorkspaceUsage {
  where: 'automation' | 'team' | 'channel';
  /** The pipeline, team or channel holding the reference. */
  ownerId: string;
  ownerName: string;
  pointer: string;
}

// Workflows name statuses by id alone (a statusChanged trigger has no pipeline), so status ids are
// compared workspace-wide: a status is "used" wherever its id appears.
const FILTER_ENTITY: Partial<Record<FilterProperty, EntityType>> = {
  status: 'status',
  owner: 'user',
  pipeline: 'pipeline',
  channel: 'channel',
};

function filterUsages(filters: Filters, entity: EntityRef, pointer: string): string[] {
  const out: string[] = [];
  filters.forEach((group, g) =>
    group.conditions.forEach((c, i) => {
      if (FILTER_ENTITY[c.property] !== entity.type) return;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if (values.includes(entity.id)) out.push(`${pointer}/${g}/conditions/${i}/value`);
    }),
  );
  return out;
}

function actionRefersTo(ref: ActionReference, entity: EntityRef): boolean {
  return ref.type === entity.type && ref.id === entity.id;
}

/**
 * Every place in the workflows that refers to the entity: action settings (through each action
 * kind's references()), enrollment triggers, enrollment and unenrollment filters, branch filters.
 */
export function usagesOf(entity: EntityRef, workflows: readonly Workflow[]): WorkflowUsage[] {
  const out: WorkflowUsage[] = [];
  for (const wf of workflows) {
    const base = { workflowId: wf.id, workflowName: wf.name };
    wf.enrollment.triggers.forEach((tr, i) => {
      if (entity.type !== 'status' || tr.type !== 'statusChanged') return;
      if (tr.toStatusId === entity.id) out.push({ ...base, where: 'trigger', pointer: `/enrollment/triggers/${i}/toStatusId` });
      if (tr.fromStatusId === entity.id) out.push({ ...base, where: 'trigger', pointer: `/enrollment/triggers/${i}/fromStatusId` });
    });
    for (const pointer of filterUsages(wf.enrollment.filters, entity, '/enrollment/filters')) out.push({ ...base, where: 'filter', pointer });
    for (const pointer of filterUsages(wf.enrollment.unenroll, entity, '/enrollment/unenroll')) out.push({ ...base, where: 'unenroll', pointer });
    wf.actions.forEach((action, a) => {
      for (const ref of definitionOf(action).references(action)) {
        if (actionRefersTo(ref, entity)) out.push({ ...base, where: 'action', actionId: action.id, pointer: `/actions/${a}${ref.pointer}` });
      }
      if (action.kind !== 'branch') return;
      action.paths.forEach((path, p) => {
        for (const pointer of filterUsages(path.filters, entity, `/actions/${a}/paths/${p}/filters`)) {
          out.push({ ...base, where: 'branch', actionId: action.id, pointer });
        }
      });
    });
  }
  return out;
}

/** The workflows that refer to the entity at least once, each named once, in the given order. */
export function workflowsUsing(entity: EntityRef, workflows: readonly Workflow[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const u of usagesOf(entity, workflows)) if (!seen.has(u.workflowId)) seen.set(u.workflowId, u.workflowName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * Places inside the workspace that refer to the entity: a pipeline's built-in status updates
 * (statuses), team membership (users), channels routed to a pipeline (pipelines).
 */
export function workspaceUsagesOf(entity: EntityRef, workspace: Workspace): WorkspaceUsage[] {
  const out: WorkspaceUsage[] = [];
  if (entity.type === 'status') {
    workspace.pipelines.forEach((p, i) => {
      for (const which of ['onEmailSent', 'onCustomerReply'] as const) {
        if (p.automation[which].statusId === entity.id && p.statuses.some((s) => s.id === entity.id)) {
          out.push({ where: 'automation', ownerId: p.id, ownerName: p.name, pointer: `/pipelines/${i}/automation/${which}/statusId` });
        }
      }
    });
  }
  if (entity.type === 'user') {
    workspace.teams.forEach((team, i) => {
      const m = team.memberIds.indexOf(entity.id);
      if (m >= 0) out.push({ where: 'team', ownerId: team.id, ownerName: team.name, pointer: `/teams/${i}/memberIds/${m}` });
    });
  }
  if (entity.type === 'pipeline') {
    workspace.channels.forEach((ch, i) => {
      if (ch.pipelineId === entity.id) out.push({ where: 'channel', ownerId: ch.id, ownerName: ch.name, pointer: `/channels/${i}/pipelineId` });
    });
  }
  return out;
}
