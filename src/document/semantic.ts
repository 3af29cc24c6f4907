import { definitionOf, type Action, type ActionKind, type ActionLink, type ActionReference, type ValueBranchAction } from '../actions';
import { repeatedValues } from '../actions/value-branch';
import { EN_MESSAGES } from '../actions/messages';
import { ChannelKindSchema, PRIORITIES, TimestampSchema } from '../model/common';
import { FILTER_OPERATORS, LIST_OPERATORS, operatorApplies, VALUELESS_OPERATORS, type FilterCondition, type Filters } from '../model/filters';
import { TRIGGER_NODE_ID, type Workflow, type WorkflowDocument } from '../model/workflow';
import type { Workspace } from '../model/workspace';
import { linksOf, predecessors } from '../graph/links';
import { addProblems, problem, type Code, type Problem } from './codes';
import { cyclicComponents, type Rows } from './cycles';
import { describeTimestamp } from './timestamps';
import { clip, listWords } from './words';
import { unknownTokenNames } from '../engine/tokens';
import { describePlace, pointer } from './json-pointer';

/** Ids of the workspace, by what they name. */
interface WorkspaceIndex {
  status: Set<string>;
  user: Set<string>;
  team: Set<string>;
  template: Set<string>;
  pipeline: Set<string>;
  channel: Set<string>;
  /** Status ids of each pipeline. */
  statusesOf: Map<string, Set<string>>;
  names: Map<string, string>;
}

function indexWorkspace(ws: Workspace): WorkspaceIndex {
  const statusesOf = new Map(ws.pipelines.map((p) => [p.id, new Set(p.statuses.map((s) => s.id))]));
  return {
    status: new Set(ws.pipelines.flatMap((p) => p.statuses.map((s) => s.id))),
    user: new Set(ws.users.map((u) => u.id)),
    team: new Set(ws.teams.map((t) => t.id)),
    template: new Set(ws.templates.map((t) => t.id)),
    pipeline: new Set(ws.pipelines.map((p) => p.id)),
    channel: new Set(ws.channels.map((c) => c.id)),
    statusesOf,
    names: new Map(ws.pipelines.map((p) => [p.id, p.name])),
  };
}

const UNKNOWN_CODE: Record<ActionReference['type'], Code> = {
  status: 'TF312',
  user: 'TF313',
  team: 'TF314',
  template: 'TF315',
};

/**
 * The workflow rules beyond the JSON Schema (SPEC §4): one start, unique ids, no dangling links,
 * no unreachable action, paths that meet and loop only through go-to, no loop without a delay,
 * complete branches, triggers and actions, and (given a workspace) statuses, users, teams and
 * templates that exist. The workflow must already match the schema. Paths point into the workflow
 * document, so they start with /workflow.
 */
export function semanticProblems(workflow: Workflow, workspace?: Workspace): Problem[] {
  const out: Problem[] = [];
  const ws = workspace ? indexWorkspace(workspace) : null;
  const at = (i: number, ...rest: (string | number)[]) => pointer('workflow', 'actions', i, ...rest);
  const { actions } = workflow;

  // Ids: the first action with an id is the one links lead to, and the only one in the graph.
  const position = new Map<string, number>();
  const first = new Uint8Array(actions.length);
  for (let i = 0; i < actions.length; i++) {
    const id = actions[i]!.id;
    if (position.has(id)) out.push(problem('TF303', at(i, 'id'), {}, { actionId: id }));
    else {
      position.set(id, i);
      first[i] = 1;
    }
  }

  // Start.
  const start = workflow.startActionId;
  const startAt = start === null ? undefined : position.get(start);
  if (start === null && actions.length > 0) out.push(problem('TF301', '/workflow/startActionId'));
  if (start !== null && startAt === undefined) out.push(problem('TF302', '/workflow/startActionId', { target: start }));

  // Links that lead nowhere. Each action's links are read once, here, and resolved to the positions
  // they lead to for the path, reachability and loop checks.
  const graph: ActionGraph = { actions, first, linkStart: new Int32Array(actions.length + 1), linkTo: [], linkJump: [] };
  // Non-jump links into each action (the start counts as one): two or more mean paths meet.
  const pathsIn = new Uint32Array(actions.length);
  let pathsMeet = startAt !== undefined && ++pathsIn[startAt]! > 1;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    const own = linksOf(a);
    graph.linkStart[i] = graph.linkTo.length;
    for (let k = 0; k < own.length; k++) {
      const l = own[k]!;
      const to = l.target === null ? undefined : position.get(l.target);
      graph.linkTo.push(to ?? -1);
      graph.linkJump.push(l.jump);
      if (to !== undefined) {
        if (!l.jump && ++pathsIn[to]! > 1) pathsMeet = true;
      } else if (l.target !== null) {
        out.push(problem('TF304', at(i) + slotPointer(l, k), { target: l.target, slot: slotWords(l), link: l.slot, ...linkWords(l) }, { actionId: a.id }));
      }
    }
  }
  graph.linkStart[actions.length] = graph.linkTo.length;

  // Paths meet only through go-to: an action follows at most one non-jump link (the start counts as one).
  if (pathsMeet) addProblems(out, meetingProblems(workflow, position));

  // Unreachable actions (only meaningful once the start is right).
  if (startAt !== undefined) {
    const reached = reachedFrom(graph, startAt);
    actions.forEach((a, i) => {
      if (first[i] && !reached[i]) out.push(problem('TF305', at(i), {}, { actionId: a.id }));
    });
  }

  addProblems(out, loopProblems(graph, [...position.values()]));

  actions.forEach((a, i) => {
    // Placeholders: settings still to fill in.
    for (const m of definitionOf(a).missing(a)) {
      const path = at(i) + m.pointer;
      if (a.kind === 'branch') {
        const pathIndex = Number(/^\/paths\/(\d+)/.exec(m.pointer)?.[1]);
        out.push(problem('TF311', path, { pathId: a.paths[pathIndex]?.id ?? String(pathIndex) }, { actionId: a.id }));
      } else {
        out.push(problem('TF309', path, { detail: EN_MESSAGES[m.message] ?? m.message, key: m.message }, { actionId: a.id }));
      }
    }
    if (a.kind === 'branch') {
      const seen = new Set<string>();
      a.paths.forEach((p, j) => {
        if (seen.has(p.id)) out.push(problem('TF310', at(i, 'paths', j, 'id'), { pathId: p.id }, { actionId: a.id }));
        seen.add(p.id);
        addProblems(out, filterProblems(p.filters, () => at(i, 'paths', j, 'filters'), ws, a.id));
      });
    }
    if (a.kind === 'valueBranch') addProblems(out, valueBranchProblems(a, (j) => at(i, 'paths', j, 'value')));
    for (const [field, text] of templatedTexts(a)) {
      for (const token of unknownTokensOf(text)) {
        const path = at(i, ...field);
        out.push(problem('TF323', path, { where: describePlace(path, a.id), token: clip(token) }, { actionId: a.id }));
      }
    }
    if (ws) {
      for (const ref of definitionOf(a).references(a)) {
        if (!ws[ref.type].has(ref.id)) {
          const path = at(i) + ref.pointer;
          out.push(problem(UNKNOWN_CODE[ref.type], path, { where: describePlace(path, a.id), id: ref.id }, { actionId: a.id }));
        }
      }
    }
  });

  addProblems(out, enrollmentProblems(workflow, ws));
  if (ws) addProblems(out, pipelineProblems(workflow, workspace!, ws));
  return out;
}

/** The texts of an action that may carry personalization tokens, with their place below the action. */
function templatedTexts(a: Action): [string[], string][] {
  switch (a.kind) {
    case 'sendEmail':
    case 'notify':
      return [[['subject'], a.subject], [['body'], a.body]];
    case 'webhook':
      return [[['url'], a.url], [['body'], a.body]];
    case 'setProperty':
      return a.change.property === 'subject' ? [[['change', 'subject'], a.change.subject]] : [];
    default:
      return [];
  }
}

/** Names a text uses that are not tokens; none for text mustache cannot read (the simulation reports that). */
function unknownTokensOf(text: string): string[] {
  if (!text.includes('{{')) return [];
  try {
    return unknownTokenNames(text);
  } catch {
    return [];
  }
}

/** A workflow's actions as a graph whose nodes are positions: the first action of each id stands for it. */
interface ActionGraph {
  actions: readonly Action[];
  /** 1 at the position of the first action of each id. */
  first: Uint8Array;
  /** The links of action i are linkTo[linkStart[i]] … linkTo[linkStart[i + 1] - 1], in link order. */
  linkStart: Int32Array;
  /** The position each link leads to, or -1 (a path end or an unknown id). */
  linkTo: number[];
  /** Whether each link is a go-to jump. */
  linkJump: boolean[];
}

/** Which positions the links lead to from `from` (included), following every link. */
function reachedFrom(graph: ActionGraph, from: number): Uint8Array {
  const { linkStart, linkTo } = graph;
  const reached = new Uint8Array(graph.actions.length);
  const stack = [from];
  while (stack.length) {
    const i = stack.pop()!;
    if (reached[i]) continue;
    reached[i] = 1;
    for (let k = linkStart[i]!; k < linkStart[i + 1]!; k++) {
      const to = linkTo[k]!;
      if (to >= 0 && !reached[to]) stack.push(to);
    }
  }
  return reached;
}

/**
 * TF306 for each action that more than one non-jump link leads to, in the order the predecessor map
 * meets them. Only called once a count has shown that paths meet somewhere, which is rare.
 */
function meetingProblems(workflow: Workflow, position: Map<string, number>): Problem[] {
  const out: Problem[] = [];
  for (const [id, preds] of predecessors(workflow)) {
    const path = preds.filter((p) => !p.jump);
    const i = position.get(id);
    if (path.length < 2 || i === undefined) continue;
    const from = listWords(path.map((p) => (p.from === null ? 'the start' : `"${p.from}"${slotSuffix(p.slot)}`)));
    const fromIds = path.map((p) => p.from ?? '');
    const fromSlots = path.map((p) => p.slot);
    out.push(problem('TF306', pointer('workflow', 'actions', i), { from, fromIds, fromSlots }, { actionId: id }));
  }
  return out;
}

/** The pointer, below the action, of the property that holds a link. */
function slotPointer(link: ActionLink, index: number): string {
  if (link.slot === 'next') return '/next';
  if (link.slot === 'target') return '/target';
  if (link.slot === 'default') return '/defaultNext';
  // A branch lists one link per path, in path order, before its default.
  return `/paths/${index}/next`;
}

/** " (path "p1")" or " (default path)" after a branch's id; nothing after a linear action's. */
function slotSuffix(slot: string): string {
  if (slot === 'default') return ' (default path)';
  return slot.startsWith('branch:') ? ` (path "${slot.slice('branch:'.length)}")` : '';
}

/** What other languages need to word a link's slot: its path's label, or the key of a label the core gives. */
function linkWords(link: ActionLink): Record<string, string> {
  if (link.labelKey) return { labelKey: link.labelKey };
  return link.label === undefined ? {} : { label: link.label };
}

function slotWords(link: ActionLink): string {
  if (link.slot === 'next') return 'its next action';
  if (link.slot === 'target') return 'go-to target';
  if (link.slot === 'default') return 'default path';
  return `path "${link.label ?? link.slot}"`;
}

/**
 * Loops: only a go-to may close one, and each must pass a delay. `nodes` are the positions of the
 * first action of each id, in document order.
 */
function loopProblems(graph: ActionGraph, nodes: number[]): Problem[] {
  const out: Problem[] = [];
  const { actions, first, linkStart, linkTo, linkJump } = graph;
  const inDocumentOrder = (c: number[]) => [...c].sort((x, y) => x - y);
  const names = (c: number[]) => listWords(c.map((i) => `"${actions[i]!.id}"`));
  const ids = (c: number[]) => c.map((i) => actions[i]!.id);
  const at = (i: number, ...rest: string[]) => pointer('workflow', 'actions', i, ...rest);
  // A delay that may wait 0 minutes does not break a loop: the ticket would repeat it without end all the same.
  const isDelay = (i: number) => {
    const a = actions[i]!;
    if (!WAITING_KINDS.has(a.kind)) return false;
    return !(a.kind === 'delay' && a.wait.type === 'duration' && a.wait.duration.amount === 0);
  };
  const zeroDelays = (c: number[]) => {
    const zero = c.filter((i) => actions[i]!.kind === 'delay').map((i) => `"${actions[i]!.id}"`);
    return zero.length === 0 ? '' : ` (${listWords(zero)} ${zero.length === 1 ? 'waits' : 'wait'} 0 minutes, which is no delay)`;
  };
  // The links of the first action of each id that lead to an action, in link order: with or without
  // go-to jumps, with or without the links into delays.
  const linksWhere = (jumps: boolean, intoDelays: boolean): Rows => {
    const start = new Int32Array(actions.length + 1);
    const next = new Int32Array(linkTo.length);
    let n = 0;
    for (let i = 0; i < actions.length; i++) {
      start[i] = n;
      if (!first[i]) continue;
      for (let k = linkStart[i]!; k < linkStart[i + 1]!; k++) {
        const to = linkTo[k]!;
        if (to >= 0 && (jumps || !linkJump[k]) && (intoDelays || !isDelay(to))) next[n++] = to;
      }
    }
    start[actions.length] = n;
    return { size: actions.length, start, next };
  };

  for (const cycle of cyclicComponents(linksWhere(false, true), nodes).map(inDocumentOrder)) {
    const head = cycle[0]!;
    out.push(problem('TF307', at(head), { cycle: names(cycle), ids: ids(cycle) }, { actionId: actions[head]!.id }));
  }

  // A loop without a delay exists exactly when the actions other than delays still form a cycle.
  const undelayed = nodes.filter((i) => !isDelay(i));
  for (const cycle of cyclicComponents(linksWhere(true, false), undelayed).map(inDocumentOrder)) {
    const jump = cycle.find((i) => actions[i]!.kind === 'goto') ?? cycle[0]!;
    const path = actions[jump]!.kind === 'goto' ? at(jump, 'target') : at(jump);
    out.push(problem('TF308', path, { cycle: names(cycle), zeroDelays: zeroDelays(cycle), ids: ids(cycle), zero: ids(cycle.filter((i) => actions[i]!.kind === 'delay')) }, { actionId: actions[jump]!.id }));
  }
  return out;
}

/** Triggers and enrollment filters. */
function enrollmentProblems(workflow: Workflow, ws: WorkspaceIndex | null): Problem[] {
  const out: Problem[] = [];
  const { triggers, filters, unenroll } = workflow.enrollment;
  if (triggers.length === 0) out.push(problem('TF318', '/workflow/enrollment/triggers'));
  triggers.forEach((t, i) => {
    if (t.type !== 'statusChanged') return;
    const base = pointer('workflow', 'enrollment', 'triggers', i);
    if (t.toStatusId === null) out.push(problem('TF317', `${base}/toStatusId`, { index: i + 1 }));
    if (!ws) return;
    for (const key of ['toStatusId', 'fromStatusId'] as const) {
      const id = t[key];
      if (typeof id === 'string' && !ws.status.has(id)) {
        const path = `${base}/${key}`;
        out.push(problem('TF312', path, { where: `Enrollment trigger ${i + 1} (${path})`, id }));
      }
    }
  });
  addProblems(out, filterProblems(filters, () => '/workflow/enrollment/filters', ws));
  addProblems(out, filterProblems(unenroll, () => '/workflow/enrollment/unenroll', ws));
  return out;
}

/** Which workspace collection a filter property's values name. */
/**
 * Kinds that always make a ticket wait, so a loop through one is not a busy loop: a delay, and a delay until
 * an event (it waits for the event or its timeout). A delay until a date is not one: a date already past
 * goes on at once.
 */
const WAITING_KINDS: ReadonlySet<ActionKind> = new Set<ActionKind>(['delay', 'delayUntilEvent']);

/** The values a value branch may list for priority and source; status and owner are workspace references. */
const VALUE_CHOICES: Partial<Record<ValueBranchAction['property'], readonly string[]>> = {
  priority: PRIORITIES,
  source: ChannelKindSchema.options,
};

/** A value branch's values: each at most once (TF324), and one the property can take (TF325). */
function valueBranchProblems(a: ValueBranchAction, valueAt: (index: number) => string): Problem[] {
  const out: Problem[] = [];
  for (const r of repeatedValues(a)) {
    out.push(problem('TF324', valueAt(r.index), { value: clip(r.value), path: r.index + 1, first: r.first + 1 }, { actionId: a.id }));
  }
  const choices = VALUE_CHOICES[a.property];
  if (choices) {
    a.paths.forEach((p, j) => {
      if (p.value !== null && !choices.includes(p.value)) {
        out.push(problem('TF325', valueAt(j), { value: clip(p.value), property: a.property, choices: choices.join(', ') }, { actionId: a.id }));
      }
    });
  }
  return out;
}

const FILTER_REFERENCES: Partial<Record<FilterCondition['property'], { what: string; set: keyof WorkspaceIndex }>> = {
  status: { what: 'status', set: 'status' },
  pipeline: { what: 'pipeline', set: 'pipeline' },
  owner: { what: 'user', set: 'user' },
  channel: { what: 'channel', set: 'channel' },
};

/** Closed sets of values some filter properties take. */
const FILTER_CHOICES: Partial<Record<FilterCondition['property'], readonly string[]>> = {
  priority: PRIORITIES,
  statusCategory: ['open', 'closed'],
  source: ChannelKindSchema.options,
  reopened: ['true', 'false'],
};

/**
 * Conditions whose value does not fit their operator or property, and values the workspace lacks.
 * `base` gives the filters' pointer, built only for a problem: most filters have none.
 */
function filterProblems(filters: Filters, base: () => string, ws: WorkspaceIndex | null, actionId?: string): Problem[] {
  const out: Problem[] = [];
  filters.forEach((group, g) =>
    group.conditions.forEach((c, k) => {
      const mismatch = conditionMismatch(c);
      if (mismatch) {
        out.push(problem('TF319', conditionPath(base, g, k), { property: c.property, operator: c.operator, ...mismatch }, { actionId }));
        return;
      }
      const ref = FILTER_REFERENCES[c.property];
      if (!ws || !ref || c.value === undefined) return;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      values.forEach((v, n) => {
        const set = ws[ref.set] as Set<string>;
        if (typeof v === 'string' && !set.has(v)) {
          const path = conditionPath(base, g, k);
          const valuePath = Array.isArray(c.value) ? `${path}/value/${n}` : `${path}/value`;
          out.push(problem('TF320', valuePath, { property: c.property, id: v, what: ref.what }, { actionId }));
        }
      });
    }),
  );
  return out;
}

/** The pointer of condition `k` of group `g` of the filters at `base()`. */
function conditionPath(base: () => string, g: number, k: number): string {
  return `${base()}/${g}/conditions/${k}`;
}

/** The properties whose values are moments: their conditions compare with UTC date-times only. */
const DATE_PROPERTIES: ReadonlySet<string> = new Set(['createdAt', 'closedAt']);

/** A moment as the formats write it (UTC, with a final Z): the same instant on every machine. */
const isMoment = (v: unknown): boolean => typeof v === 'string' && TimestampSchema.safeParse(v).success;

/** Why a condition's value does not fit, or null when it does. */
function conditionMismatch(c: FilterCondition): { detail: string; rule: string; [more: string]: string | readonly string[] } | null {
  if (!operatorApplies(c.property, c.operator)) {
    const operators = FILTER_OPERATORS[c.property];
    return { detail: `does not apply: ${c.property} takes ${operators.map((o) => `"${o}"`).join(', ')}.`, rule: 'operator', operators };
  }
  const v = c.value;
  if (VALUELESS_OPERATORS.includes(c.operator)) return v === undefined ? null : { detail: 'takes no value.', rule: 'noValue' };
  if (v === undefined) return { detail: 'needs a value.', rule: 'value' };
  if (LIST_OPERATORS.includes(c.operator)) {
    if (!Array.isArray(v)) return { detail: 'needs a list of values.', rule: 'list' };
    if (v.length === 0) return { detail: 'needs at least one value in its list.', rule: 'emptyList' };
  } else if (Array.isArray(v)) return { detail: 'needs a single value, not a list.', rule: 'single' };
  if ((c.operator === 'greaterThan' || c.operator === 'lessThan') && typeof v !== 'number') return { detail: 'needs a number.', rule: 'number' };
  if (DATE_PROPERTIES.has(c.property) && !isMoment(v)) {
    // A date-time without a zone would be read in each machine's local time: refused, never guessed.
    return typeof v === 'string'
      ? { detail: `compares with a value that ${describeTimestamp(v)}`, rule: 'timestamp', value: v }
      : { detail: 'needs a date-time such as 2026-01-05T09:00:00Z.', rule: 'date' };
  }
  const choices = FILTER_CHOICES[c.property];
  if (choices) {
    const bad = (Array.isArray(v) ? v : [v]).find((x) => !choices.includes(String(x)));
    if (bad !== undefined) return { detail: `compares with ${JSON.stringify(bad)}, which is not one of: ${choices.join(', ')}.`, rule: 'choice', value: JSON.stringify(bad), choices };
  }
  return null;
}

/**
 * The pipelines tickets of this workflow can be in: those its status triggers' statuses belong to,
 * narrowed by filters that pin the pipeline in every group; all pipelines when nothing narrows them.
 */
function enrolledPipelines(workflow: Workflow, workspace: Workspace, ws: WorkspaceIndex): string[] {
  let pipelines = workspace.pipelines.map((p) => p.id);
  const { triggers, filters } = workflow.enrollment;
  if (triggers.length && triggers.every((t) => t.type === 'statusChanged' && t.toStatusId !== null)) {
    const statuses = triggers.map((t) => (t.type === 'statusChanged' ? t.toStatusId : null));
    pipelines = pipelines.filter((p) => statuses.some((s) => s !== null && ws.statusesOf.get(p)!.has(s)));
  }
  if (filters.length) {
    const pinned = new Set<string>();
    for (const group of filters) {
      const pin = group.conditions.find((c) => c.property === 'pipeline' && (c.operator === 'is' || c.operator === 'isAnyOf'));
      if (!pin) return pipelines;
      for (const v of Array.isArray(pin.value) ? pin.value : [pin.value]) pinned.add(String(v));
    }
    pipelines = pipelines.filter((p) => pinned.has(p));
  }
  return pipelines;
}

/** Statuses set by actions that some pipeline of the enrolled tickets lacks. */
function pipelineProblems(workflow: Workflow, workspace: Workspace, ws: WorkspaceIndex): Problem[] {
  const out: Problem[] = [];
  const pipelines = enrolledPipelines(workflow, workspace, ws);
  workflow.actions.forEach((a, i) => {
    if (a.kind !== 'setStatus' || a.statusId === null || !ws.status.has(a.statusId)) return;
    for (const p of pipelines) {
      if (!ws.statusesOf.get(p)!.has(a.statusId)) {
        const path = pointer('workflow', 'actions', i, 'statusId');
        out.push(problem('TF316', path, { id: a.statusId, pipeline: ws.names.get(p) ?? p }, { actionId: a.id }));
      }
    }
  });
  return out;
}

/**
 * Every rule of a valid workflow document: the workflow's (semanticProblems), plus comments and
 * layout positions that name no action.
 */
export function documentProblems(doc: WorkflowDocument, workspace?: Workspace): Problem[] {
  const out = semanticProblems(doc.workflow, workspace);
  const comments = doc.comments ?? [];
  const positioned = Object.keys(doc.layout?.positions ?? {});
  if (comments.length === 0 && positioned.length === 0) return out;
  const known = new Set([TRIGGER_NODE_ID, ...doc.workflow.actions.map((a) => a.id)]);
  comments.forEach((thread, i) => {
    if (!known.has(thread.target)) {
      out.push(problem('TF321', pointer('comments', i, 'target'), { threadId: thread.id, target: thread.target }));
    }
  });
  for (const id of positioned) {
    if (!known.has(id)) out.push(problem('TF322', pointer('layout', 'positions', id), { id }));
  }
  return out;
}
