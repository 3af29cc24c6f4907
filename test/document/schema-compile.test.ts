import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from '../../src/document';
import { compileValidator, lazyValidators, standaloneValidators } from '../../src/document/schema-compile';
import { PUBLISHED_SCHEMAS } from '../../src/document/schema-validation';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { mutateJson, valueMutationArb } from '../fuzz/arbitraries';

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
async function loadPrecompiled(): Promise<(schema: object) => ValidateFunction> {
  const mod = (await import(/* @vite-ignore */ pathToFileURL(writePrecompiled()).href)) as { compileValidator(schema: object): ValidateFunction };
  return mod.compileValidator;
}

/** What the app's schema-compile module becomes in the build: a loader of the precompiled validators. */
interface LazyModule {
  loadValidators(): Promise<void>;
  validatorsReady(): boolean;
  compileValidator(schema: object): ValidateFunction;
}

/** The loader the build writes, pointed at `specifier`, written beside the precompiled module and loaded. */
async function loadLazy(specifier: string): Promise<LazyModule> {
  const file = join(process.cwd(), 'test-output', 'lazy-validators.mjs');
  writeFileSync(file, lazyValidators(specifier));
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as LazyModule;
}

/** What problem messages are built from: where, which rule, its parameters, and the schemas involved. */
function outcome(validate: ValidateFunction, data: unknown) {
  const valid = validate(data);
  const errors = (validate.errors ?? []).map((e: ErrorObject) => ({
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
  });

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
    await Promise.all([lazy.loadValidators(), lazy.loadValidators()]);
    expect(lazy.validatorsReady()).toBe(true);
    const doc = EXAMPLE_WORKFLOWS[0]!.document;
    expect(outcome(lazy.compileValidator(schema), doc)).toEqual(outcome(compileValidator(schema), doc));
    expect(outcome(lazy.compileValidator(schema), { format: 'other' })).toEqual(outcome(compileValidator(schema), { format: 'other' }));
  });
});
