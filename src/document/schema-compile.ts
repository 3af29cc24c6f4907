import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './json-schemas';
import { splitSchema } from './schema-split';
import { validatedSchema } from './schema-shape';
import type { Validator } from './validator';

/**
 * Turns the published JSON Schemas into validator functions. In Node (the CLI, tests) ajv compiles
 * them on first use; ajv does that with `new Function`, which the app's Content-Security-Policy
 * forbids, so the app's build swaps this module for the loader `lazyValidators` writes, whose chunk
 * holds the code `standaloneValidators` writes: the same validators, compiled once at build time
 * (see vite.config.ts). The installable package's build puts that code in place of this module too,
 * loaded at once (src/package/build.ts), so the package needs no ajv at run time.
 */

function newAjv(code: { source?: boolean; esm?: boolean } = {}, options: { allErrors?: boolean; inlineRefs?: boolean } = {}): Ajv2020 {
  // Not verbose: that option slows every validation, even of a valid document; schemaProblems
  // finds an error's data and schemas from its paths instead (withDetails).
  // optimize: false compiles the three schemas in about 160 ms instead of 280, once per process, and
  // validates a tenth slower (0.15 ms on a 1,000-action workflow): a run of the CLI never wins it back.
  const ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true, ...options, code: { optimize: false, ...code } });
  addFormats(ajv);
  return ajv;
}

let ajv: Ajv2020 | null = null;

/** The validator of a published schema, compiled now (from validatedSchema). */
export function compileValidator(schema: JsonSchema): Validator {
  // Created on first use, and kept only once it is set up, so a failure cannot leave it half-configured.
  ajv ??= newAjv();
  return ajv.compile(validatedSchema(schema));
}

let decidingAjv: Ajv2020 | null = null;

/**
 * A validator that gives the same verdict as compileValidator's on every value, faster, and leaves
 * the errors to it: compiled from splitSchema (a function per object schema, which V8 optimizes)
 * and stopping at the first error. schemaProblems asks it first, and the validator whose errors
 * describe the problems only when it refuses.
 */
export function compileDecider(schema: JsonSchema): Validator {
  decidingAjv ??= newAjv({}, { allErrors: false, inlineRefs: false });
  return decidingAjv.compile(splitSchema(validatedSchema(schema)));
}

/**
 * Resolves once compileValidator can be called. Here (Node) validators compile on demand, so at
 * once; in the app the precompiled validators are a chunk of their own, fetched after first paint.
 */
export function loadValidators(): Promise<void> {
  return Promise.resolve();
}

/** Whether compileValidator can be called now (always here; in the app, once loadValidators resolved). */
export function validatorsReady(): boolean {
  return true;
}

/**
 * An ES module exporting `compileValidator(schema)` that returns the validator of each given schema,
 * precompiled: ajv's standalone code, with its two CommonJS helpers imported as modules.
 */
export function standaloneValidators(schemas: readonly JsonSchema[]): string {
  const standalone = newAjv({ source: true, esm: true });
  const names: Record<string, string> = {};
  schemas.forEach((schema, i) => {
    const id = String(schema.$id);
    standalone.addSchema(validatedSchema(schema), id);
    names[`validator${i}`] = id;
  });
  const code = standaloneCode(standalone, names)
    .replace(/^"use strict";/, '')
    .replaceAll('require("ajv/dist/runtime/ucs2length").default', 'ucs2length')
    .replaceAll('require("ajv-formats/dist/formats").fullFormats', 'fullFormats');
  if (code.includes('require(')) throw new Error('ajv standalone code needs a CommonJS module this build does not provide');
  const byId = Object.entries(names).map(([name, id]) => `[${JSON.stringify(id)}, ${name}]`);
  return [
    'import * as ucs2 from "ajv/dist/runtime/ucs2length";',
    'import { fullFormats } from "ajv-formats/dist/formats";',
    // The helper is a CommonJS module whose function is its "default" export.
    'const ucs2length = typeof ucs2.default === "function" ? ucs2.default : ucs2.default.default;',
    code,
    `const byId = new Map([${byId.join(', ')}]);`,
    'export function compileValidator(schema) {',
    '  const validate = byId.get(schema.$id);',
    '  if (!validate) throw new Error(`No validator was compiled for the schema ${schema.$id}`);',
    '  return validate;',
    '}',
  ].join('\n');
}

/**
 * An ES module with this module's exports that takes its validators from the module `specifier`
 * names (one `standaloneValidators` wrote), imported dynamically on the first loadValidators(): the
 * validators are about a fifth of the app's JavaScript and no part of the first paint needs them.
 * Its compileDecider gives the precompiled validators themselves: the verdict is the same, and
 * precompiled deciders would make that chunk nearly twice as large (480 KB more, 39 KB gzipped) to
 * save a millisecond on a workflow of a thousand actions.
 */
export function lazyValidators(specifier: string): string {
  return [
    'let compile = null;',
    'let loading = null;',
    'export function loadValidators() {',
    // A failed import (the server went away) is not kept, so a later call asks for the chunk again.
    `  loading ??= import(${JSON.stringify(specifier)}).then((m) => { compile = m.compileValidator; }, (e) => { loading = null; throw e; });`,
    '  return loading;',
    '}',
    'export function validatorsReady() {',
    '  return compile !== null;',
    '}',
    'export function compileValidator(schema) {',
    '  if (compile === null) throw new Error(`The validator of ${schema.$id} is not loaded yet: wait for loadValidators() first`);',
    '  return compile(schema);',
    '}',
    'export function compileDecider(schema) {',
    '  return compileValidator(schema);',
    '}',
  ].join('\n');
}
