import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSafely, type DocumentKind } from '../../src/document';
import { schemaProblems } from '../../src/document/schema-validation';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { mutateJson, valueMutationArb } from '../fuzz/arbitraries';

// Every published schema, read by independent validators: plain ajv 2020 (strict, ajv-formats only),
// Python's jsonschema (Debian's python3-jsonschema, Draft202012Validator with its FormatChecker) and
// @cfworker/json-schema. Each must give the same schema verdict as Ticketflow's own validator on every
// fixture and example, valid and invalid, and on mutated examples.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMAS = join(ROOT, 'schemas');
const schemaFiles = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();
const schemaOf = (kind: DocumentKind) => JSON.parse(readFileSync(join(SCHEMAS, `${kind}.schema.json`), 'utf8')) as Record<string, unknown>;
const KINDS: DocumentKind[] = ['workflow', 'workspace', 'scenario'];

interface Case {
  name: string;
  kind: DocumentKind;
  value: unknown;
}

function corpus(): Case[] {
  const out: Case[] = [];
  const add = (name: string, kind: DocumentKind, text: string) => {
    const parsed = parseJsonSafely(text);
    if (parsed.ok) out.push({ name, kind, value: parsed.value });
  };
  const documents = join(ROOT, 'test/fixtures/documents');
  for (const f of readdirSync(documents).filter((f) => f.endsWith('.json'))) add(`documents/${f}`, 'workflow', readFileSync(join(documents, f), 'utf8'));
  add('canonical/integer-like-ids.workflow.json', 'workflow', readFileSync(join(ROOT, 'test/fixtures/canonical/integer-like-ids.workflow.json'), 'utf8'));
  const hostile = join(ROOT, 'test/fixtures/hostile');
  const catalogue = JSON.parse(readFileSync(join(hostile, 'catalogue.json'), 'utf8')) as { files: { file: string; kind: DocumentKind; generated?: boolean }[] };
  for (const e of catalogue.files) if (!e.generated) add(`hostile/${e.file}`, e.kind, readFileSync(join(hostile, e.file), 'utf8'));
  for (const e of EXAMPLE_WORKFLOWS) out.push({ name: `examples/${e.file}`, kind: 'workflow', value: e.document });
  for (const e of EXAMPLE_SCENARIOS) out.push({ name: `examples/${e.file}`, kind: 'scenario', value: e.scenario });
  out.push({ name: 'the default workspace', kind: 'workspace', value: defaultWorkspace() });
  // Mutated examples: mostly invalid documents, each with a handful of changes.
  const mutations = fc.sample(fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), { seed: 13, numRuns: 120 });
  mutations.forEach((m, i) => {
    const w = EXAMPLE_WORKFLOWS[i % EXAMPLE_WORKFLOWS.length]!;
    add(`mutated ${w.file} #${i}`, 'workflow', mutateJson(w.document, m));
    const s = EXAMPLE_SCENARIOS[i % EXAMPLE_SCENARIOS.length]!;
    add(`mutated ${s.file} #${i}`, 'scenario', mutateJson(s.scenario, m));
    if (i % 3 === 0) add(`mutated default workspace #${i}`, 'workspace', mutateJson(defaultWorkspace(), m));
  });
  // Values where regular-expression dialects differ: a line end after an id, non-ASCII digits in a date-time.
  const w = EXAMPLE_WORKFLOWS[0]!.document;
  out.push({ name: 'an id with a final line end', kind: 'workflow', value: { ...w, workflow: { ...w.workflow, id: `${w.workflow.id}\n` } } });
  const s = EXAMPLE_SCENARIOS[0]!.scenario as unknown as Record<string, unknown>;
  out.push({ name: 'a start time with Arabic-Indic digits', kind: 'scenario', value: { ...s, start: '٢٠٢٦-01-05T09:00:00Z' } });
  out.push({ name: 'a start time with a final line end', kind: 'scenario', value: { ...s, start: '2026-01-05T09:00:00Z\n' } });
  return out;
}

const cases = corpus();
const ours = (c: Case) => schemaProblems(c.kind, c.value).length === 0;

/** Python jsonschema's verdicts on all cases at once (one process). */
function pythonVerdicts(): boolean[] {
  const program = `
import json, sys
from jsonschema import Draft202012Validator as V
schemas = {k: V(json.load(open(sys.argv[1] + "/" + k + ".schema.json", encoding="utf-8")), format_checker=V.FORMAT_CHECKER) for k in ("workflow", "workspace", "scenario")}
for k in schemas.values(): V.check_schema(k.schema)
cases = json.load(sys.stdin)
print(json.dumps([schemas[c["kind"]].is_valid(c["value"]) for c in cases]))
`;
  const input = JSON.stringify(cases.map((c) => ({ kind: c.kind, value: c.value })));
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', program, SCHEMAS], { input, encoding: 'utf8', maxBuffer: 1 << 28 })) as boolean[];
}

describe('the published schemas under independent validators', () => {
  it.each(schemaFiles)('compiles %s with plain ajv 2020 in strict mode, with ajv-formats only', (file) => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(() => ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')))).not.toThrow();
  });

  it('has valid and invalid documents of every kind in the corpus', () => {
    for (const kind of KINDS) {
      const verdicts = new Set(cases.filter((c) => c.kind === kind).map(ours));
      expect([kind, [...verdicts].sort()]).toEqual([kind, [false, true]]);
    }
  });

  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const plain = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(schemaOf(k))]));
  const cfworker = Object.fromEntries(KINDS.map((k) => [k, new Validator(schemaOf(k), '2020-12', false)]));
  const python = pythonVerdicts();

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s: ajv, Python jsonschema and @cfworker agree with Ticketflow', (_name, c, i) => {
    const expected = ours(c);
    expect({ ajv: plain[c.kind]!(c.value), python: python[i], cfworker: cfworker[c.kind]!.validate(c.value).valid }).toEqual({
      ajv: expected,
      python: expected,
      cfworker: expected,
    });
  });
});
