import { expect } from 'vitest';
import { ACTIONS, definitionOf, type Action, type ActionKind } from '../../src/actions';
import { GraphError, type GraphErrorCode } from '../../src/graph/errors';
import { linksOf, reachableFromStart } from '../../src/graph/links';
import type { Workflow } from '../../src/model/workflow';

/**
 * A new action made with its kind's create(), then linked: `links` maps slots to targets
 * ('next', 'default', 'target', 'branch:<pathId>'); a branch gets every path named there.
 */
export function act(kind: ActionKind, id: string, links: Record<string, string | null> = {}): Action {
  let a: Action = ACTIONS[kind].create(id);
  if (a.kind === 'branch') {
    const wanted = Object.keys(links).filter((s) => s.startsWith('branch:')).map((s) => s.slice(7));
    if (wanted.length) {
      a = { ...a, paths: wanted.map((p) => ({ id: p, label: `Path ${p}`, filters: [{ conditions: [] }], next: null })) };
    }
  }
  if (a.kind === 'valueBranch') {
    const wanted = Object.keys(links).filter((s) => s.startsWith('value:')).map((s) => s.slice(6));
    if (wanted.length) a = { ...a, paths: wanted.map((p) => ({ id: p, label: `Value ${p}`, value: p, next: null })) };
  }
  for (const [slot, target] of Object.entries(links)) a = definitionOf(a).withLink(a, slot, target);
  return a;
}

/** A linear action (set status) leading to `next`. */
export const step = (id: string, next: string | null = null): Action => act('setStatus', id, { next });

/** A go-to action. */
export const jump = (id: string, target: string | null): Action => act('goto', id, { target });

/** A workflow with the given start and actions. */
export function workflow(start: string | null, actions: Action[]): Workflow {
  return {
    id: 'wf-1',
    name: 'Test workflow',
    enrollment: { triggers: [{ type: 'ticketCreated' }], filters: [], reenroll: false, unenroll: [] },
    actions,
    startActionId: start,
  };
}

/** A straight path of set-status actions with these ids, the first one the start. */
export function path(...ids: string[]): Workflow {
  return workflow(ids[0] ?? null, ids.map((id, i) => step(id, ids[i + 1] ?? null)));
}

/** s → x (a branch: p1 → b1 → b2, p2 → c1, default → d1). */
export function threePaths(): Workflow {
  return workflow('s', [
    step('s', 'x'),
    act('branch', 'x', { 'branch:p1': 'b1', 'branch:p2': 'c1', default: 'd1' }),
    step('b1', 'b2'),
    step('b2'),
    step('c1'),
    step('d1'),
  ]);
}

/** The action with this id, or a test failure. */
export function find(wf: Workflow, id: string): Action {
  const a = wf.actions.find((x) => x.id === id);
  if (!a) throw new Error(`test: no action ${id}`);
  return a;
}

/** Where the action's slot leads. */
export function target(wf: Workflow, id: string, slot: string): string | null {
  const l = linksOf(find(wf, id)).find((x) => x.slot === slot);
  if (!l) throw new Error(`test: no slot ${slot} on ${id}`);
  return l.target;
}

/** The path followed from the start through 'next'/'default'/first links: ids in order. */
export function spine(wf: Workflow, from: string | null = wf.startActionId): string[] {
  const out: string[] = [];
  let cur = from;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    const links = linksOf(find(wf, cur)).filter((l) => !l.jump);
    cur = links.length ? links[links.length - 1]!.target : null;
  }
  return out;
}

/** Ids of the actions, sorted. */
export const ids = (wf: Workflow): string[] => wf.actions.map((a) => a.id).sort();

/**
 * What must hold after every graph operation: unique ids, no link (or start) naming a missing action,
 * every action reachable from the start, and paths that merge only through go-tos.
 */
export function invariantProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const a of wf.actions) {
    if (seen.has(a.id)) problems.push(`duplicate id ${a.id}`);
    seen.add(a.id);
  }
  if (wf.startActionId !== null && !seen.has(wf.startActionId)) problems.push(`start ${wf.startActionId} dangles`);
  if (wf.startActionId === null && wf.actions.length) problems.push('actions but no start');
  const pathParents = new Map<string, number>();
  if (wf.startActionId !== null) pathParents.set(wf.startActionId, 1);
  for (const a of wf.actions) {
    for (const l of linksOf(a)) {
      if (l.target === null) continue;
      if (!seen.has(l.target)) problems.push(`${a.id}.${l.slot} dangles to ${l.target}`);
      if (!l.jump) pathParents.set(l.target, (pathParents.get(l.target) ?? 0) + 1);
    }
  }
  for (const [id, n] of pathParents) if (n > 1) problems.push(`${id} has ${n} path parents`);
  const reachable = reachableFromStart(wf);
  for (const a of wf.actions) if (!reachable.has(a.id)) problems.push(`${a.id} unreachable`);
  return problems;
}

/** Freezes a value and everything in it, so any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Runs an operation that must be refused with this code; returns the error for further checks. */
export function refused(operation: () => unknown, code: GraphErrorCode): GraphError {
  try {
    operation();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphError);
    expect((e as GraphError).code).toBe(code);
    return e as GraphError;
  }
  throw new Error(`expected the operation to be refused with ${code}, but it went through`);
}

/**
 * A large workflow: a main path where every tenth action is a branch with two three-action paths, the
 * main path going on along its default path; `n` actions in all.
 */
export function bigWorkflow(n: number): Workflow {
  const actions: Action[] = [];
  const index = new Map<string, number>();
  let from: { id: string; slot: string } | null = null;
  const add = (a: Action) => {
    if (from) {
      const i = index.get(from.id)!;
      actions[i] = definitionOf(actions[i]!).withLink(actions[i]!, from.slot, a.id);
    }
    index.set(a.id, actions.length);
    actions.push(a);
  };
  for (let k = 1; actions.length < n; k++) {
    if (k % 10 === 0) {
      const b = act('branch', `b${k}`, { 'branch:p1': null, 'branch:p2': null, default: null });
      add(b);
      for (const p of ['p1', 'p2']) {
        from = { id: b.id, slot: `branch:${p}` };
        for (let j = 0; j < 3 && actions.length < n; j++) {
          add(act('delay', `d${k}-${p}-${j}`));
          from = { id: `d${k}-${p}-${j}`, slot: 'next' };
        }
      }
      from = { id: b.id, slot: 'default' };
    } else {
      add(step(`s${k}`));
      from = { id: `s${k}`, slot: 'next' };
    }
  }
  return workflow(actions[0]?.id ?? null, actions);
}
