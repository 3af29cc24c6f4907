import { summaryOf, type Translate } from '../../actions';
import { corePathLabel, renderTraceEntry, type LabelLookup, type SimulationError, type TraceEntry, type TraceLanguage } from '../../engine';
import type { Scenario, Workflow, Workspace } from '../../model';

/** Display names of the ids a simulation shows; an id nothing is known about shows as itself. */
export interface Names {
  user(id: string | null): string;
  contact(id: string | null): string;
  channel(id: string | null): string;
  /** A status label, looked up in the pipeline when given, else in any pipeline. */
  status(id: string | null, pipelineId?: string): string;
  /** A workflow's name; the engine's ids of built-in automations ("builtin:<pipeline>:onEmailSent") read as what they are. */
  workflow(id: string | null): string;
  /** The action's one-line summary, e.g. "Send email: Ticket received". */
  action(workflowId: string | null, actionId: string | null): string;
  /** The same names as the trace renderer takes them. */
  labels: LabelLookup;
}

/** An error of a run as its trace entry, so the banner renders it in the UI language like the trace does. */
export function errorText(error: SimulationError, lang: string, names: Names): string {
  const params: TraceEntry['params'] = { message: error.message };
  for (const [key, value] of Object.entries(error.params)) {
    params[key] = Array.isArray(value) ? value.map((b: { workflow: string; actions: number }) => `${b.workflow}:${b.actions}`).join(',') : (value as TraceEntry['params'][string]);
  }
  const entry: TraceEntry = { at: Date.parse(error.at), kind: 'error', code: error.code, params };
  if (error.ticket !== undefined) entry.ticket = error.ticket;
  if (error.workflow !== undefined) entry.workflow = error.workflow;
  return traceText(entry, lang, names);
}

/** A trace entry in the UI language, with names rather than ids (the core's one renderer). */
export function traceText(entry: TraceEntry, lang: string, names: Names): string {
  return renderTraceEntry(entry, { lang: lang as TraceLanguage, labels: names.labels });
}

/** Name lookups over the workspace, the scenario's extra contacts and the workflows. */
export function namesOf(ws: Workspace, workflows: readonly Workflow[], scenario: Scenario | null, t: Translate): Names {
  const users = new Map(ws.users.map((u) => [u.id, u.name]));
  const contacts = new Map([...ws.contacts, ...(scenario?.initial.contacts ?? [])].map((c) => [c.id, c.name]));
  const channels = new Map(ws.channels.map((c) => [c.id, c.name]));
  const wfs = new Map(workflows.map((w) => [w.id, w]));
  const none = t('sim.none');
  const statuses = new Map<string, string>();
  for (const p of ws.pipelines) for (const s of p.statuses) if (!statuses.has(s.id)) statuses.set(s.id, s.label);
  const pipelines = new Map(ws.pipelines.map((p) => [p.id, p.name]));
  const templates = new Map(ws.templates.map((x) => [x.id, x.name]));
  const summary = (workflowId: string | null | undefined, actionId: string) => {
    const actions = workflowId == null ? undefined : wfs.get(workflowId)?.actions;
    const action = actions?.find((a) => a.id === actionId);
    return action ? summaryOf(action, ws, t, (id) => actions!.find((a) => a.id === id)) : undefined;
  };
  const labels: LabelLookup = {
    status: (id) => statuses.get(id),
    user: (id) => users.get(id),
    channel: (id) => channels.get(id),
    contact: (id) => contacts.get(id),
    pipeline: (id) => pipelines.get(id),
    template: (id) => templates.get(id),
    workflow: (id) => wfs.get(id)?.name,
    action: (workflowId, actionId) => summary(workflowId, actionId),
    pathLabel: (label) => corePathLabel(label, t),
  };
  return {
    labels,
    user: (id) => (id === null ? t('sim.unassigned') : (users.get(id) ?? id)),
    contact: (id) => (id === null ? none : (contacts.get(id) ?? id)),
    channel: (id) => (id === null ? none : (channels.get(id) ?? id)),
    status(id, pipelineId) {
      if (id === null) return none;
      const pipelines = pipelineId ? ws.pipelines.filter((p) => p.id === pipelineId) : ws.pipelines;
      for (const p of pipelines) {
        const s = p.statuses.find((x) => x.id === id);
        if (s) return s.label;
      }
      return id;
    },
    workflow(id) {
      if (id === null) return none;
      const builtIn = /^builtin:(.+):(onEmailSent|onCustomerReply)$/.exec(id);
      if (builtIn) {
        const pipeline = ws.pipelines.find((p) => p.id === builtIn[1])?.name ?? builtIn[1]!;
        return t(`sim.builtin.${builtIn[2]}`, { pipeline });
      }
      return wfs.get(id)?.name ?? id;
    },
    action(workflowId, actionId) {
      if (actionId === null) return none;
      return summary(workflowId, actionId) ?? actionId;
    },
  };
}

/** A virtual-clock moment in the UI language, always in UTC (the clock the scenario is written in). */
export function formatMoment(iso: string | number, lang: string, withYear = false): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return String(iso);
  const text = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(ms);
  return `${text} UTC`;
}
