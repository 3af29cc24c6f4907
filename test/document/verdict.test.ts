import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  exportBundle,
  hasErrors,
  importBundle,
  importScenario,
  importWorkflow,
  importWorkspace,
  parseJsonSafely,
  validateScenario,
  validateWorkflowDocument,
  validateWorkspace,
  type DocumentKind,
} from '../../src/document';
import { documentProblems } from '../../src/document/semantic';
import { scenarioProblems, workspaceProblems } from '../../src/document/workspace-rules';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace, type Scenario, type WorkflowDocument, type Workspace } from '../../src/model';
import { mutateJson, valueMutationArb } from '../fuzz/arbitraries';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const workspace = defaultWorkspace();

/**
 * The definition of valid, written independently of the import: the text is UTF-8 JSON, the value
 * passes the published schema file under a plain ajv (strict, ajv-formats), and the rules of its kind
 * find no error.
 */
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const published = (kind: DocumentKind) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', `${kind}.schema.json`), 'utf8')));
const schemaHolds = { workflow: published('workflow'), workspace: published('workspace'), scenario: published('scenario') };

const RULES: Record<DocumentKind, (value: never) => ReturnType<typeof documentProblems>> = {
  workflow: (d: WorkflowDocument) => documentProblems(d, workspace),
  workspace: (w: Workspace) => workspaceProblems(w),
  scenario: (s: Scenario) => scenarioProblems(s, workspace),
};

/** The valid-or-not of each entry point of the library on the same file text. */
function verdicts(kind: DocumentKind, text: string): Record<string, boolean> {
  const bytes = new TextEncoder().encode(text);
  const out: Record<string, boolean> = {};
  const imported =
    kind === 'workflow'
      ? importWorkflow(text, { workspace })
      : kind === 'workspace'
        ? importWorkspace(text)
        : importScenario(text, { workspace });
  out.import = imported.ok;
  out['import (the problems)'] = !hasErrors(imported.problems);
  out['import of the bytes'] = (
    kind === 'workflow' ? importWorkflow(bytes, { workspace }) : kind === 'workspace' ? importWorkspace(bytes) : importScenario(bytes, { workspace })
  ).ok;
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return out;
  const value = parsed.value as { schemaVersion?: unknown };
  // An older version is valid when its migration is: the in-memory checks see the migrated document.
  const current = imported.migratedFrom === null;
  const inMemory = current ? value : (imported.document ?? value);
  if (current || imported.document) {
    const problems =
      kind === 'workflow' ? validateWorkflowDocument(inMemory, workspace) : kind === 'workspace' ? validateWorkspace(inMemory) : validateScenario(inMemory, workspace);
    out['validate in memory'] = !hasErrors(problems);
  }
  if (current) {
    out['published schema + rules'] = schemaHolds[kind](value) && !hasErrors(RULES[kind](value as never));
  }
  if (kind === 'workflow') {
    // The bundle reads the same document as one of its parts, beside a valid workspace.
    const bundle = JSON.parse(exportBundle({ workspace, workflows: [], scenarios: [] })) as Record<string, unknown>;
    bundle.workflows = [inMemory];
    out.bundle = importBundle(JSON.stringify(bundle)).ok;
  }
  return out;
}

/** Every entry point gives the same verdict; returns it. */
function sameVerdict(kind: DocumentKind, text: string): boolean {
  const all = verdicts(kind, text);
  const values = new Set(Object.values(all));
  if (values.size !== 1) throw new Error(`the entry points disagree on a ${kind}: ${JSON.stringify(all)}`);
  return all.import!;
}

interface CatalogueEntry {
  file: string;
  kind: DocumentKind;
  generated?: boolean;
}

function fixtureFiles(): { name: string; kind: DocumentKind; text: string }[] {
  const documents = join(ROOT, 'test/fixtures/documents');
  const hostile = join(ROOT, 'test/fixtures/hostile');
  const catalogue = JSON.parse(readFileSync(join(hostile, 'catalogue.json'), 'utf8')) as { files: CatalogueEntry[] };
  return [
    ...readdirSync(documents)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ name: `documents/${f}`, kind: 'workflow' as const, text: readFileSync(join(documents, f), 'utf8') })),
    ...catalogue.files
      .filter((e) => !e.generated)
      .map((e) => ({ name: `hostile/${e.file}`, kind: e.kind, text: readFileSync(join(hostile, e.file), 'utf8') })),
    ...EXAMPLE_WORKFLOWS.map((e) => ({ name: `examples/${e.file}`, kind: 'workflow' as const, text: JSON.stringify(e.document) })),
    ...EXAMPLE_SCENARIOS.map((e) => ({ name: `examples/${e.file}`, kind: 'scenario' as const, text: JSON.stringify(e.scenario) })),
    { name: 'the default workspace', kind: 'workspace' as const, text: JSON.stringify(workspace) },
  ];
}

describe('one verdict', () => {
  it.each(fixtureFiles().map((f) => [f.name, f] as const))('every entry point agrees on %s', (_name, f) => {
    sameVerdict(f.kind, f.text);
  });

  it('calls a document valid only when it has no error, and every example is valid', () => {
    for (const e of EXAMPLE_WORKFLOWS) expect(sameVerdict('workflow', JSON.stringify(e.document))).toBe(true);
    expect(sameVerdict('workflow', readFileSync(join(ROOT, 'test/fixtures/documents/placeholders.json'), 'utf8'))).toBe(false);
  });

  it('holds on mutated example workflows, scenarios and workspaces', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: EXAMPLE_WORKFLOWS.length - 1 }),
        fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }),
        (i, mutations) => {
          sameVerdict('workflow', mutateJson(EXAMPLE_WORKFLOWS[i]!.document, mutations));
        },
      ),
      { seed: 20261202, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLE_SCENARIOS.length - 1 }), fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        sameVerdict('scenario', mutateJson(EXAMPLE_SCENARIOS[i]!.scenario, mutations));
      }),
      { seed: 20261202, numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        sameVerdict('workspace', mutateJson(workspace, mutations));
      }),
      { seed: 20261202, numRuns: 100 },
    );
    // Several hundred imports, each by every entry point: seconds on a busy machine.
  }, 120_000);
});
