/**
 * The fuzz properties, named once: the fixed-seed tests run each for its `ciRuns`, and `npm run fuzz`
 * runs them for as long as asked. Each property feeds one kind of input through import, validation,
 * the graph operations and the interpreter, and holds when every step ends with a result or clear problems.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Scenario, type Workflow, type WorkflowDocument, type Workspace } from '../../src/model';
import {
  documentArb,
  mutateJson,
  mutateText,
  fewTextMutations,
  scenarioArb,
  ZONE_PROBE_STARTS,
  zoneScenarioArb,
  zoneWorkflowArb,
  valueMutationArb,
  workflowArb,
} from './arbitraries';
import { checkGraph, checkImport, checkRoundTrip, checkSimulation, firstDifference, KINDS, type GraphOp } from './check';
import { stableStringify } from '../../src/document';
import { JsonLocator } from '../../src/ui/json/json-locate';
import { urlRule } from '../../src/actions/webhook';
import { parseJsonSafely } from '../../src/document';
import { pointer } from '../../src/document/json-pointer';

/**
 * JSON text of a value in which the `target`-th object (in text order) that has a key writes its
 * first key again at its end; returns the text and the pointer of that member, or no pointer when
 * the value has fewer such objects.
 */
function withKeyTwice(value: unknown, target: number): { text: string; twice: string | null } {
  let seen = 0;
  let twice: string | null = null;
  const write = (v: unknown, path: (string | number)[]): string => {
    if (Array.isArray(v)) return `[${v.map((x, i) => write(x, [...path, i])).join(',')}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const keys = Object.keys(v);
    const members = keys.map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k], [...path, k])}`);
    if (keys.length > 0 && seen++ === target && twice === null) {
      twice = pointer(...path, keys[0]!);
      members.push(`\n${JSON.stringify(keys[0])}: "again"`);
    }
    return `{${members.join(',')}}`;
  };
  const text = write(value, []);
  return { text, twice };
}

/** A named property and how many inputs the fixed-seed test gives it. */
export interface FuzzProperty {
  name: string;
  /** Inputs in the CI sample; sized so that all properties together stay within a few seconds. */
  ciRuns: number;
  property: fc.IProperty<never>;
  /** Only for `npm run fuzz`: it needs the main thread of a process (changing TZ has no effect in a test worker). */
  longOnly?: boolean;
}

/** The seed of the CI sample: the same inputs on every run. */
export const CI_SEED = 20260105;

const workspace = defaultWorkspace();
const v1Text = readFileSync(new URL('../fixtures/documents/v1-closed-follow-up.json', import.meta.url), 'utf8');

const n = fc.nat({ max: 1000 });
const graphOpArb: fc.Arbitrary<GraphOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('insert' as const), kind: fc.constantFrom(...KINDS), at: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clone' as const), pick: n }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), pick: n, at: n }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), pick: n, keep: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteFollowing' as const), pick: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('goto' as const), pick: n, aim: n }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('update' as const), pick: n }) },
);

/** What an imported workflow document goes through next: round trip, then a few edits. */
function afterImport(doc: WorkflowDocument, warnings: Parameters<typeof checkRoundTrip>[1], ops: readonly GraphOp[]): void {
  checkRoundTrip(doc, warnings, workspace);
  checkGraph(doc.workflow, ops);
}

const distinct = (workflows: readonly Workflow[]): Workflow[] => workflows.map((w, i) => ({ ...w, id: `wf-${i}` }));

/** Zones with daylight saving time, half- and quarter-hour offsets, on both sides of UTC. UTC first. */
export const PROBE_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London', 'Pacific/Chatham', 'America/St_Johns'] as const;

/** Workflows (filters on dates written every way, delays until a date) and a scenario that starts near a local-clock edge. */
export const ZONE_INPUT_ARB: fc.Arbitrary<[Workflow[], Scenario]> = fc
  .constantFrom(...ZONE_PROBE_STARTS)
  .chain((t0) => fc.tuple(fc.tuple(zoneWorkflowArb(t0), fc.array(workflowArb({ maxActions: 6 }), { maxLength: 1 })).map(([z, more]) => [z, ...more]), zoneScenarioArb(t0)));

/**
 * Everything validation and the run say about the inputs, as one text to compare across zones, and how
 * many actions of the first workflow (the one that reads the clock) ran.
 */
export function zoneRun(wfs: readonly Workflow[], scenario: Scenario): { text: string; clockActions: number } {
  const sc = checkImport('scenario', JSON.stringify(scenario), workspace);
  const docs = distinct(wfs).map((w) => checkImport('workflow', JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 3, workflow: w }), workspace).problems);
  const result = sc.document ? checkSimulation(workspace, distinct(wfs), sc.document as Scenario) : null;
  const clockActions = result ? result.trace.filter((e) => e.workflow === 'wf-0' && e.action !== undefined).length : 0;
  return { text: JSON.stringify([sc.problems, docs]) + (result ? stableStringify(result) : ''), clockActions };
}

// Typed loosely on purpose: fc.property's tuple type differs per property, and the runners only call fc.check on it.
const prop = (name: string, ciRuns: number, property: fc.IProperty<unknown[]>, longOnly = false): FuzzProperty => ({
  name,
  ciRuns,
  property: property as fc.IProperty<never>,
  ...(longOnly && { longOnly }),
});

/** Every fuzz property. */
export const PROPERTIES: readonly FuzzProperty[] = [
  prop(
    'random workflow documents import, round-trip, and survive editing',
    300,
    fc.property(documentArb(), fc.array(graphOpArb, { maxLength: 8 }), (doc, ops) => {
      const r = checkImport('workflow', JSON.stringify(doc), workspace);
      if (!r.document) throw new Error(`a schema-valid document was refused: ${JSON.stringify(r.problems.slice(0, 3))}`);
      afterImport(r.document! as WorkflowDocument, r.problems, ops);
    }),
  ),
  prop(
    'mutated example workflows are refused clearly or imported and editable',
    1000,
    fc.property(
      fc.nat({ max: EXAMPLE_WORKFLOWS.length - 1 }),
      fc.array(valueMutationArb, { minLength: 1, maxLength: 4 }),
      fewTextMutations(),
      fc.array(graphOpArb, { maxLength: 4 }),
      (i, values, texts, ops) => {
        const r = checkImport('workflow', mutateText(mutateJson(EXAMPLE_WORKFLOWS[i]!.document, values), texts), workspace);
        if (r.document) afterImport(r.document! as WorkflowDocument, r.problems, ops);
      },
    ),
  ),
  prop(
    'mutated version 1 documents migrate or are refused clearly',
    500,
    fc.property(fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), fewTextMutations(1), (values, texts) => {
      const r = checkImport('workflow', mutateText(mutateJson(JSON.parse(v1Text), values), texts), workspace);
      if (r.document) afterImport(r.document! as WorkflowDocument, r.problems, []);
    }),
  ),
  prop(
    'arbitrary text and JSON values are refused clearly as every kind of file',
    1000,
    fc.property(
      fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 2, workflow: v }))),
      fc.constantFrom('workflow' as const, 'workspace' as const, 'scenario' as const),
      (text, kind) => {
        checkImport(kind, text, workspace);
      },
    ),
  ),
  prop(
    'random workflows survive any sequence of graph operations',
    400,
    fc.property(workflowArb(), fc.array(graphOpArb, { maxLength: 12 }), (wf, ops) => {
      checkGraph(wf, ops);
    }),
  ),
  prop(
    'random workflows and scenarios simulate to a result, deterministically, stepped or not',
    200,
    fc.property(fc.array(workflowArb({ maxActions: 8 }), { maxLength: 3 }), scenarioArb, (wfs, scenario) => {
      checkSimulation(workspace, distinct(wfs), scenario, { stepper: true });
    }),
  ),
  prop(
    'mutated workspaces and scenarios import clearly and simulate the examples',
    800,
    fc.property(
      fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }),
      fc.nat({ max: EXAMPLE_SCENARIOS.length - 1 }),
      fc.array(valueMutationArb, { maxLength: 2 }),
      (wsMutations, s, scenarioMutations) => {
        const ws = checkImport('workspace', mutateJson(defaultWorkspace(), wsMutations));
        if (!ws.document) return;
        const sc = checkImport('scenario', mutateJson(EXAMPLE_SCENARIOS[s]!.scenario, scenarioMutations), ws.document! as Workspace);
        if (!sc.document) return;
        checkSimulation(ws.document! as Workspace, distinct(EXAMPLE_WORKFLOWS.map((e) => e.document.workflow)), sc.document! as Scenario);
      },
    ),
  ),
  prop(
    'time zones: validation and simulation give the same bytes under any local zone',
    60,
    fc.property(ZONE_INPUT_ARB, ([wfs, scenario]) => {
      const before = process.env.TZ;
      try {
        const under = (tz: string): string => {
          process.env.TZ = tz;
          return zoneRun(wfs, scenario).text;
        };
        const utc = under('UTC');
        for (const tz of PROBE_ZONES.slice(1)) {
          const other = under(tz);
          if ([0, 6].every((month) => new Date(Date.UTC(2026, month, 5)).getTimezoneOffset() === 0)) throw new Error(`TZ=${tz} did not take effect`);
          if (other !== utc) throw new Error(`TZ=${tz} changed the result:\n${firstDifference(other, utc)}`);
        }
      } finally {
        if (before === undefined) delete process.env.TZ;
        else process.env.TZ = before;
      }
    }),
    // In a test worker TZ cannot change; the fixed-seed CI sample is test/fuzz/time-zones.test.ts, in child processes.
    true,
  ),
  prop(
    'webhook URLs: validation, the inspector rule and the run agree, and a refused URL is never recorded',
    300,
    fc.property(workflowArb({ maxActions: 6 }), (wf) => {
      if (!wf.actions.some((a) => a.kind === 'webhook')) return;
      const problems = checkImport('workflow', JSON.stringify({ format: 'ticketflow.workflow', schemaVersion: 3, workflow: wf }), workspace).problems;
      wf.actions.forEach((h, i) => {
        if (h.kind !== 'webhook') return;
        const rule = urlRule(h.url);
        const at = problems.filter((p) => p.code === 'TF309' && p.path === `/workflow/actions/${i}/url`);
        if ((rule !== null) !== (at.length > 0)) throw new Error(`validation and urlRule disagree on ${JSON.stringify(h.url)}: rule ${rule}, problems ${JSON.stringify(at)}`);
        if (rule !== null && rule !== 'missing.url' && at.some((p) => p.message.includes('Enter the URL.'))) throw new Error(`a typed URL got "Enter the URL.": ${JSON.stringify(h.url)}`);
      });
      const result = checkSimulation(workspace, [{ ...wf, id: 'wf-0' }], EXAMPLE_SCENARIOS[0]!.scenario);
      for (const w of result.webhooks) if (urlRule(w.url) !== null) throw new Error(`a URL breaking a rule was recorded: ${JSON.stringify(w.url)}`);
    }),
  ),
  prop(
    'a key written twice in any object is refused with both places (TF108), and no other text is',
    300,
    fc.property(
      fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.nat({ max: EXAMPLE_WORKFLOWS.length - 1 }).map((i) => EXAMPLE_WORKFLOWS[i]!.document as unknown)),
      fc.nat({ max: 40 }),
      (value, target) => {
        const { text, twice } = withKeyTwice(value, target);
        const r = parseJsonSafely(text);
        if (twice === null) {
          if (!r.ok) throw new Error(`valid JSON without a repeated key was refused: ${r.problem.message}`);
          return;
        }
        if (r.ok || r.problem.code !== 'TF108' || r.problem.path !== twice) {
          throw new Error(`expected TF108 at ${twice}, got ${JSON.stringify(r.ok ? 'accepted' : r.problem)}`);
        }
        if (!/at line \d+, column \d+ and again at line 2, column 1;/.test(r.problem.message)) throw new Error(`the message misses a place: ${r.problem.message}`);
        checkImport('workflow', text, workspace);
      },
    ),
  ),
  prop(
    "the JSON view's locator answers on any text, however deep, for any pointer and offset",
    80,
    fc.property(
      fc.nat({ max: EXAMPLE_WORKFLOWS.length - 1 }),
      fewTextMutations(),
      fc.nat({ max: 20_000 }),
      fc.constantFrom('[', '{"a":', '{"workflow":{"actions":[{"id":'),
      fc.array(fc.oneof(fc.nat({ max: 5 }), fc.constantFrom('workflow', 'actions', 'id', 'a')), { maxLength: 6 }),
      fc.nat(),
      (i, texts, depth, opener, path, at) => {
        const base = mutateText(JSON.stringify(EXAMPLE_WORKFLOWS[i]!.document, null, 2), texts);
        for (const text of [base, opener.repeat(depth) + base]) {
          const loc = new JsonLocator(text);
          loc.spanOf('/' + path.join('/'));
          loc.actionSpan('a1');
          loc.actionAt(text.length ? at % text.length : 0);
        }
      },
    ),
  ),
];
