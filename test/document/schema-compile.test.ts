import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from '../../src/document';
import { compileDecider, compileValidator, lazyValidators, standaloneValidators } from '../../src/document/schema-compile';
import { PUBLISHED_SCHEMAS } from '../../src/document/schema-validation';
import type { SchemaError, Validator } from '../../src/document/validator';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { documentArb, mutateJson, scenarioArb, valueMutationArb } from '../fuzz/arbitraries';

type Kind = keyof typeof PUBLISHED_SCHEMAS;
const KINDS = Object.keys(PUBLISHED_SCHEMAS) as Kind[];

/** Writes the module of precompiled validators the app's build uses where its imports resolve; returns its path. */
function writePrecompiled(): string {
  const dir = join(process.cwd(), 'test-output');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'precompiled-validators.mjs');
  writeFileSync(file, standaloneValidators(KINDS.map((k) => PUBLISHED_SCHEMAS[k])));
  return file;
}

/** The module the app's build uses, written where its imports resolve, and loaded. */
async function loadPrecompiled(): Promise<(schema: object) => Validator> {
  const mod = (await import(/* @vite-ignore */ pathToFileURL(writePrecompiled()).href)) as { compileValidator(schema: object): Validator };
  return mod.compileValidator;
}

/** What the app's schema-compile module becomes in the build: a loader of the precompiled validators. */
interface LazyModule {
  loadValidators(): Promise<void>;
  validatorsReady(): boolean;
  compileValidator(schema: object): Validator;
  compileDecider(schema: object): Validator;
}

/** The loader the build writes, pointed at `specifier`, written beside the precompiled module and loaded. */
async function loadLazy(specifier: string): Promise<LazyModule> {
  const file = join(process.cwd(), 'test-output', 'lazy-validators.mjs');
  writeFileSync(file, lazyValidators(specifier));
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as LazyModule;
}

/** What problem messages are built from: where, which rule, its parameters, and the schemas involved. */
function outcome(validate: Validator, data: unknown) {
  const valid = validate(data);
  const errors = (validate.errors ?? []).map((e: SchemaError) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params,
    message: e.message,
    propertyName: e.propertyName,
    schema: JSON.stringify(e.schema),
    parentSchema: JSON.stringify(e.parentSchema),
  }));
  return { valid, errors };
}

function parsed(text: string): unknown {
  const r = parseJsonSafely(text);
  return r.ok ? r.value : null;
}

const FIXTURES = ['test/fixtures/documents', 'test/fixtures/hostile'].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'catalogue.json')
    .map((f) => ({ file: `${dir}/${f}`, value: parsed(readFileSync(join(dir, f), 'utf8')) })),
);

describe('standaloneValidators', () => {
  it('writes validators that judge every fixture, example and mutated document as ajv compiled at run time does', async () => {
    const precompiled = await loadPrecompiled();
    const pairs = KINDS.map((kind) => ({ kind, built: precompiled(PUBLISHED_SCHEMAS[kind]), runtime: compileValidator(PUBLISHED_SCHEMAS[kind]) }));
    const same = (data: unknown) => {
      for (const { kind, built, runtime } of pairs) expect(outcome(built, data), kind).toEqual(outcome(runtime, data));
    };
    for (const { value } of FIXTURES) same(value);
    const samples = [defaultWorkspace(), ...EXAMPLE_WORKFLOWS.map((e) => e.document), ...EXAMPLE_SCENARIOS.map((e) => e.scenario)];
    for (const s of samples) same(s);
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(valueMutationArb, { minLength: 1, maxLength: 3 }), (i, mutations) => {
        same(JSON.parse(mutateJson(samples[i], mutations)));
      }),
      { seed: 20260105, numRuns: 150 },
    );
    // Generating and loading the standalone code takes seconds on a busy machine.
  }, 60_000);

  it('refuses a schema it has no validator for, naming it', async () => {
    const precompiled = await loadPrecompiled();
    expect(() => precompiled({ $id: 'https://example.test/other.json' })).toThrow('No validator was compiled for the schema https://example.test/other.json');
  });
});

describe('lazyValidators', () => {
  it('writes a loader whose validators are usable once loadValidators resolves, not before', async () => {
    writePrecompiled();
    const lazy = await loadLazy('./precompiled-validators.mjs');
    const schema = PUBLISHED_SCHEMAS.workflow;
    expect(lazy.validatorsReady()).toBe(false);
    expect(() => lazy.compileValidator(schema)).toThrow(`The validator of ${String(schema.$id)} is not loaded yet`);
    expect(() => lazy.compileDecider(schema)).toThrow(`The validator of ${String(schema.$id)} is not loaded yet`);
    await Promise.all([lazy.loadValidators(), lazy.loadValidators()]);
    expect(lazy.validatorsReady()).toBe(true);
    // The app decides with the precompiled validators themselves.
    expect(lazy.compileDecider(schema)).toBe(lazy.compileValidator(schema));
    const doc = EXAMPLE_WORKFLOWS[0]!.document;
    expect(outcome(lazy.compileValidator(schema), doc)).toEqual(outcome(compileValidator(schema), doc));
    expect(outcome(lazy.compileValidator(schema), { format: 'other' })).toEqual(outcome(compileValidator(schema), { format: 'other' }));
  });
});

describe('compileDecider', () => {
  const pairs = KINDS.map((kind) => ({ kind, decide: compileDecider(PUBLISHED_SCHEMAS[kind]), validate: compileValidator(PUBLISHED_SCHEMAS[kind]) }));
  const verdicts = { accepted: 0, refused: 0 };
  /** Checks the decider of each kind against the validator of the published schema on a value, counting the verdicts. */
  const sameVerdict = (data: unknown) => {
    for (const { kind, decide, validate } of pairs) {
      const valid = validate(data);
      expect(decide(data), kind).toBe(valid);
      verdicts[valid ? 'accepted' : 'refused']++;
    }
  };

  it('accepts and refuses every fixture and example as the validator of the published schema does', () => {
    for (const { value } of FIXTURES) sameVerdict(value);
    for (const s of [defaultWorkspace(), ...EXAMPLE_WORKFLOWS.map((e) => e.document), ...EXAMPLE_SCENARIOS.map((e) => e.scenario)]) sameVerdict(s);
  });

  it('accepts and refuses mutated documents of every kind as the validator of the published schema does', () => {
    const documents = fc.oneof(
      documentArb({ maxActions: 12 }).map((doc) => JSON.parse(JSON.stringify(doc)) as unknown),
      scenarioArb.map((scenario) => JSON.parse(JSON.stringify(scenario)) as unknown),
      fc.constant<unknown>(defaultWorkspace()),
    );
    fc.assert(
      fc.property(documents, fc.array(valueMutationArb, { maxLength: 3 }), (value, mutations) => {
        sameVerdict(JSON.parse(mutateJson(value, mutations)));
      }),
      { seed: 20260105, numRuns: 600 },
    );
    // Both verdicts are met often (each value is also judged by the other kinds' schemas, which refuse it).
    expect(verdicts.accepted).toBeGreaterThan(150);
    expect(verdicts.refused).toBeGreaterThan(150);
  }, 60_000);
});
