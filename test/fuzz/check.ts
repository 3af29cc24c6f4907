/**
 * What every input must survive, written once for the fixed-seed tests and the long run: each check
 * throws an Error naming the broken promise, and returns normally when the input was handled (a result
 * or clear problems). None of them uses vitest, so the long run works as a plain script.
 */
import { ACTION_KINDS, type ActionKind } from '../../src/actions';
import {
  CODES,
  capProblems,
  exportWorkflow,
  hasErrors,
  importScenario,
  importWorkflow,
  importWorkspace,
  stableStringify,
  validateWorkflowDocument,
  type ImportResult,
  type Problem,
} from '../../src/document';
import { Simulation, simulate, type SimulationResult } from '../../src/engine';
import {
  cloneAction,
  deleteAction,
  deleteFollowing,
  GraphError,
  insertAction,
  insertionPoints,
  layoutWorkflow,
  moveAction,
  newAction,
  pathLinks,
  planDeleteFollowing,
  setGotoTarget,
  toCanvas,
  updateAction,
  type InsertionPoint,
  type OpResult,
} from '../../src/graph';
import { WORKFLOW_SCHEMA_VERSION, type Scenario, type Workflow, type WorkflowDocument, type Workspace } from '../../src/model';
import { deepFreeze } from '../document/helpers';

/** Longest any one input may take before it counts as a hang, in milliseconds of wall time (a hang guard, not a speed figure: speed is in `npm run bench`). */
export const TIME_BUDGET_MS = 15_000;

/** Fails with a message that says which promise broke. */
export function fail(message: string): never {
  throw new Error(message);
}

/** Runs a step and fails if it took longer than the budget. */
export function timed<T>(what: string, run: () => T, budget = TIME_BUDGET_MS): T {
  const started = performance.now();
  const out = run();
  const ms = performance.now() - started;
  if (ms > budget) fail(`${what} took ${Math.round(ms)} ms, over the ${budget} ms budget`);
  return out;
}

const PROTOTYPES: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const pristine = new Map(PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]));

/** Fails when any built-in prototype gained or lost a property (prototype pollution). */
export function assertPrototypesIntact(after: string): void {
  for (const [name, proto] of PROTOTYPES) {
    const keys = Reflect.ownKeys(proto).map(String).sort().join(',');
    if (keys !== pristine.get(name)) fail(`${name} changed after ${after}: now ${keys}`);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) fail(`({}).polluted is set after ${after}`);
}

/** Fails unless every problem is well formed: a known code, a severity, a JSON pointer, a message. */
export function assertProblemsWellFormed(problems: readonly Problem[], where: string): void {
  for (const p of problems) {
    if (!Object.hasOwn(CODES, p.code)) fail(`${where}: unknown problem code ${JSON.stringify(p.code)}`);
    if (p.code === 'TF901') fail(`${where}: internal error TF901: ${p.message}`);
    if (p.severity !== 'error' && p.severity !== 'warning') fail(`${where}: bad severity ${JSON.stringify(p.severity)}`);
    if (typeof p.path !== 'string' || (p.path !== '' && !p.path.startsWith('/'))) fail(`${where}: path ${JSON.stringify(p.path)} is not a JSON pointer`);
    if (typeof p.message !== 'string' || p.message.trim() === '') fail(`${where}: problem ${p.code} has no message`);
  }
}

/** Which import function reads a kind of file. */
export type FileKind = 'workflow' | 'workspace' | 'scenario';

/** Imports text as a file of a kind and checks the result is a value with well-formed warnings, or clear problems. */
export function checkImport(kind: FileKind, text: string, workspace?: Workspace): ImportResult<unknown> {
  let result: ImportResult<unknown>;
  try {
    result = timed(`importing a ${kind}`, () =>
      kind === 'workflow'
        ? importWorkflow(text, workspace ? { workspace } : {})
        : kind === 'workspace'
          ? importWorkspace(text)
          : importScenario(text, workspace ? { workspace } : {}),
    );
  } catch (e) {
    fail(`import${kind} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  assertPrototypesIntact(`importing a ${kind}`);
  if (result.ok !== !hasErrors(result.problems)) fail(`import${kind} gave ok: ${result.ok} with ${result.problems.length} problems`);
  if (result.document) assertProblemsWellFormed(result.problems, `import${kind} problems`);
  else {
    if (result.problems.length === 0) fail(`import${kind} refused the file without saying why`);
    assertProblemsWellFormed(result.problems, `import${kind} problems`);
  }
  return result;
}

/**
 * An imported workflow document must export and import again to the same bytes, with the same
 * problems as validating it in memory.
 */
export function checkRoundTrip(doc: WorkflowDocument, warnings: readonly Problem[], workspace?: Workspace): void {
  const text = exportWorkflow(doc, { comments: true });
  const again = importWorkflow(text, workspace ? { workspace } : {});
  if (!again.document) fail(`an imported document does not import again after export: ${again.problems.map((p) => `${p.code} ${p.path}: ${p.message}`).join('; ')}`);
  const text2 = exportWorkflow(again.document!, { comments: true });
  if (text2 !== text) fail('export → import → export changed the bytes');
  const inMemory = capProblems(validateWorkflowDocument(doc, workspace));
  if (again.ok !== !hasErrors(inMemory)) fail('validating in memory gives another verdict than the import');
  if (stableStringify(inMemory) !== stableStringify(warnings)) {
    fail(`validating in memory gives other problems than the import: ${stableStringify(inMemory)} vs ${stableStringify(warnings)}`);
  }
}

/** One graph operation to try; numbers pick among whatever exists at that moment. */
export type GraphOp =
  | { t: 'insert'; kind: ActionKind; at: number }
  | { t: 'clone'; pick: number }
  | { t: 'move'; pick: number; at: number }
  | { t: 'delete'; pick: number; keep: number }
  | { t: 'deleteFollowing'; pick: number }
  | { t: 'goto'; pick: number; aim: number }
  | { t: 'update'; pick: number };

const pickFrom = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

function applyOp(wf: Workflow, op: GraphOp, points: readonly InsertionPoint[]): OpResult | undefined {
  const ids = wf.actions.map((a) => a.id);
  switch (op.t) {
    case 'insert': {
      const point = pickFrom(points, op.at);
      return point && insertAction(wf, point, newAction(wf, op.kind));
    }
    case 'clone': {
      const id = pickFrom(ids, op.pick);
      return id === undefined ? undefined : cloneAction(wf, id);
    }
    case 'move': {
      const id = pickFrom(ids, op.pick);
      const point = pickFrom(points, op.at);
      return id === undefined || !point ? undefined : moveAction(wf, id, point);
    }
    case 'delete': {
      const a = pickFrom(wf.actions, op.pick);
      if (!a) return undefined;
      const keep = a.kind === 'branch' ? pickFrom([undefined, 'default', ...pathLinks(a).map((l) => l.slot)], op.keep) : undefined;
      return deleteAction(wf, a.id, keep);
    }
    case 'deleteFollowing': {
      const id = pickFrom(ids, op.pick);
      if (id === undefined) return undefined;
      planDeleteFollowing(wf, id);
      return deleteFollowing(wf, id);
    }
    case 'goto': {
      const g = pickFrom(wf.actions.filter((a) => a.kind === 'goto'), op.pick);
      return g ? setGotoTarget(wf, g.id, pickFrom([null, 'ghost', ...ids], op.aim) ?? null) : undefined;
    }
    case 'update': {
      const a = pickFrom(wf.actions, op.pick);
      return a && updateAction(wf, a);
    }
  }
}

/** Every kind, for tests that try inserting each. */
export const KINDS: readonly ActionKind[] = ACTION_KINDS;

/**
 * Lays the workflow out and applies operations to it one after the other. Layout and canvas conversion
 * must work on any schema-valid workflow (a half-built one is still shown); an operation may refuse with
 * a GraphError, and otherwise returns a schema-valid workflow without touching its input.
 * Returns how many operations went through.
 */
export function checkGraph(start: Workflow, ops: readonly GraphOp[]): number {
  let wf = deepFreeze(structuredClone(start));
  let applied = 0;
  for (const op of [{ t: 'layout' } as const, ...ops]) {
    let points: InsertionPoint[];
    try {
      const layout = timed('layoutWorkflow', () => layoutWorkflow(wf));
      const canvas = timed('toCanvas', () => toCanvas(wf, layout));
      const ids = new Set<string>();
      for (const n of canvas.nodes) {
        if (ids.has(n.id)) fail(`toCanvas gave two nodes the id ${JSON.stringify(n.id)}`);
        ids.add(n.id);
        if (!Number.isFinite(n.position.x) || !Number.isFinite(n.position.y)) fail(`node ${n.id} has no finite position`);
      }
      points = timed('insertionPoints', () => insertionPoints(wf));
    } catch (e) {
      if (e instanceof GraphError) points = [];
      else throw new Error(`layout/canvas/insertion points threw on ${JSON.stringify(wf)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (op.t === 'layout') continue;
    let result: OpResult | undefined;
    try {
      result = timed(`graph operation ${op.t}`, () => applyOp(wf, op, points));
    } catch (e) {
      if (e instanceof GraphError) {
        if (!e.message || /\{[a-z]+\}/i.test(e.message)) fail(`GraphError ${e.code} has an unclear message: ${e.message}`);
        continue;
      }
      throw new Error(`graph operation ${JSON.stringify(op)} threw a non-GraphError on ${JSON.stringify(wf)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    if (!result) continue;
    const schema = validateWorkflowDocument({ format: 'ticketflow.workflow', schemaVersion: WORKFLOW_SCHEMA_VERSION, workflow: result.workflow }).filter((p) => p.code.startsWith('TF2'));
    if (schema.length) fail(`graph operation ${JSON.stringify(op)} returned a schema-invalid workflow: ${schema.map((p) => `${p.code} ${p.path}: ${p.message}`).join('; ')}`);
    applied++;
    wf = deepFreeze(result.workflow);
  }
  return applied;
}

/**
 * Simulates and checks the run ends with a result or clear errors, is deterministic, and that stepping
 * event by event and action by action ends in the same result as running to the end.
 */
export function checkSimulation(workspace: Workspace, workflows: readonly Workflow[], scenario: Scenario, options: { stepper?: boolean } = {}): SimulationResult {
  const input = { workspace, workflows, scenario, options: { maxSteps: 200_000 } };
  let first: SimulationResult;
  try {
    first = timed('simulate', () => simulate(input));
  } catch (e) {
    fail(`simulate threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  assertPrototypesIntact('simulating');
  for (const e of first.errors) {
    if (!e.code || !e.message) fail(`a simulation error has no code or message: ${JSON.stringify(e)}`);
  }
  const text = stableStringify(first);
  if (stableStringify(simulate(input)) !== text) fail('the same input simulated twice gave different results');
  if (options.stepper) {
    const sim = new Simulation(input);
    let steps = 0;
    try {
      while (!sim.done) {
        if (++steps > 1_000_000) fail('stepping never finished');
        if (steps % 2 ? sim.stepEvent() === null : sim.stepAction() === null) break;
      }
      sim.runToEnd();
    } catch (e) {
      fail(`stepping the simulation threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const stepped = stableStringify(sim.result());
    if (stepped !== text) fail(`stepping gave another result than running to the end:\n${firstDifference(stepped, text)}`);
  }
  return first;
}

/** Where two texts first differ, with some context, for failure messages. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}…\nvs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
