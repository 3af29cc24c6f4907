import type { Action } from '../actions';
import type { Enrollment, Layout, Workflow } from '../model/workflow';

/** One value that differs between two versions, at a JSON pointer below the object it belongs to. */
export interface FieldChange {
  /** JSON pointer below the action, the enrollment or the workflow ("/wait/duration/amount"). */
  path: string;
  /** The value before; undefined when the field was absent. */
  before: unknown;
  /** The value after; undefined when the field is gone. */
  after: unknown;
}

/** An action present in both versions whose settings or links differ. */
export interface ActionChange {
  id: string;
  /** The action in each version (its kind may differ). */
  before: Action;
  after: Action;
  /** Every differing leaf, in document order. */
  fields: FieldChange[];
}

/** What changed from one version of a workflow to another. */
export interface WorkflowDiff {
  /** Actions only in the second version, in its order. */
  added: Action[];
  /** Actions only in the first version, in its order. */
  removed: Action[];
  /** Actions in both versions that differ, in the second version's order. */
  changed: ActionChange[];
  /** Differences in the enrollment (triggers, filters, re-enrollment, unenrollment). */
  enrollment: FieldChange[];
  /** Differences in the workflow's own fields: name, description, start action and the like. */
  workflow: FieldChange[];
  /** Ids (actions, or "trigger") whose canvas position differs; only when both layouts are given. */
  moved: string[];
  /** How many things changed: each added, removed or changed action, the enrollment, each workflow field. */
  count: number;
}

const OWN_SKIP = new Set(['actions', 'enrollment']);

function escape(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Appends every differing leaf of two JSON values to `out`. Objects are compared key by key and arrays
 * index by index; a value whose type differs is one change. Documents are bounded in depth by the
 * reader's limit, so this recursion is bounded too.
 */
function diffValues(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffValues(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, `${path}/${i}`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) diffValues(a[key], Object.hasOwn(b, key) ? b[key] : undefined, `${path}/${escape(key)}`, out);
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) out.push({ path: `${path}/${escape(key)}`, before: undefined, after: b[key] });
    return;
  }
  out.push({ path, before: a, after: b });
}

/** The differing leaves of two values, as field changes below them. */
export function diffFields(a: unknown, b: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  diffValues(a, b, '', out);
  return out;
}

/**
 * What changed from workflow `a` to workflow `b`: actions added, removed and changed (by id, with the
 * paths of their changed fields), changes to the enrollment and to the workflow's own fields, and —
 * when both layouts are given — the nodes whose position moved. Pure: neither input is touched. The
 * order of the actions array is not a change (actions are "in any order").
 */
export function diffWorkflows(a: Workflow, b: Workflow, layouts?: { a?: Layout; b?: Layout }): WorkflowDiff {
  const before = new Map<string, Action>();
  for (const action of a.actions) before.set(action.id, action);
  const afterIds = new Set<string>();
  const added: Action[] = [];
  const changed: ActionChange[] = [];
  for (const action of b.actions) {
    afterIds.add(action.id);
    const old = before.get(action.id);
    if (!old) {
      added.push(action);
      continue;
    }
    if (old === action) continue;
    const fields = diffFields(old, action);
    if (fields.length) changed.push({ id: action.id, before: old, after: action, fields });
  }
  const removed = a.actions.filter((action) => !afterIds.has(action.id));

  const enrollment = a.enrollment === b.enrollment ? [] : diffFields(a.enrollment satisfies Enrollment, b.enrollment);
  const workflow: FieldChange[] = [];
  const ownA = a as unknown as Record<string, unknown>;
  const ownB = b as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ownA), ...Object.keys(ownB)])) {
    if (OWN_SKIP.has(key)) continue;
    diffValues(Object.hasOwn(ownA, key) ? ownA[key] : undefined, Object.hasOwn(ownB, key) ? ownB[key] : undefined, `/${escape(key)}`, workflow);
  }

  const moved: string[] = [];
  if (layouts?.a && layouts.b) {
    const pa = layouts.a.positions;
    const pb = layouts.b.positions;
    for (const id of Object.keys(pb)) {
      const p = Object.hasOwn(pa, id) ? pa[id] : undefined;
      const q = pb[id]!;
      if (p && (p.x !== q.x || p.y !== q.y)) moved.push(id);
    }
  }
  const count = added.length + removed.length + changed.length + (enrollment.length ? 1 : 0) + workflow.length;
  return { added, removed, changed, enrollment, workflow, moved, count };
}

/** Whether a diff finds nothing that changed (positions aside). */
export function isEmptyDiff(diff: WorkflowDiff): boolean {
  return diff.count === 0;
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const child: unknown = Array.isArray(node) ? node[Number(key)] : node[key];
    const next: Record<string, unknown> | unknown[] = Array.isArray(child) ? [...child] : isObject(child) ? { ...child } : /^\d+$/.test(keys[i + 1]!) ? [] : {};
    if (Array.isArray(node)) node[Number(key)] = next;
    else node[key] = next;
    node = next;
  }
  const last = keys[keys.length - 1]!;
  if (Array.isArray(node)) {
    if (value === undefined) node.length = Math.min(node.length, Number(last));
    else node[Number(last)] = value;
  } else if (value === undefined) delete node[last];
  else node[last] = value;
}

function patched<T>(value: T, fields: readonly FieldChange[]): T {
  if (fields.length === 1 && fields[0]!.path === '') return fields[0]!.after as T;
  const root = { ...(value as Record<string, unknown>) };
  // Deletions at the end of an array must go from the highest index down, so apply in reverse.
  for (let i = fields.length - 1; i >= 0; i--) setAt(root, fields[i]!.path, fields[i]!.after);
  return root as T;
}

/**
 * Applies a diff made from `a` to `a`: the result equals the diff's second workflow, actions in `a`'s
 * order with the added ones after them. It is how tests hold a diff to describing a change exactly.
 */
export function applyWorkflowDiff(a: Workflow, diff: WorkflowDiff): Workflow {
  const gone = new Set(diff.removed.map((x) => x.id));
  const changes = new Map(diff.changed.map((c) => [c.id, c]));
  const actions: Action[] = [];
  for (const action of a.actions) {
    if (gone.has(action.id)) continue;
    const change = changes.get(action.id);
    actions.push(change ? patched(action, change.fields) : action);
  }
  for (const action of diff.added) actions.push(action);
  const base = patched(a as unknown as Record<string, unknown>, diff.workflow) as unknown as Workflow;
  return { ...base, enrollment: diff.enrollment.length ? patched(a.enrollment, diff.enrollment) : a.enrollment, actions };
}
