import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, schemaFileText, SCHEMA_FILES, schemaId, type JsonSchema } from '../../src/document';
import { compareJsonSchemas, writeJsonSchemas } from '../../src/document/write-schemas';

const schemasDir = new URL('../../schemas/', import.meta.url).pathname;
const generated = generateJsonSchemas();

/** Pointers of every property in a schema tree that has no description, its own or its definition's. */
function undescribed(root: JsonSchema, schema: unknown = root, path = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const described = (p: JsonSchema): boolean =>
    typeof p.description === 'string' || (typeof p.$ref === 'string' && described(defs[p.$ref.replace('#/$defs/', '')] ?? {}));
  const out: string[] = [];
  const properties = (schema as JsonSchema).properties as Record<string, JsonSchema> | undefined;
  for (const [name, p] of Object.entries(properties ?? {})) if (!described(p)) out.push(`${path}/properties/${name}`);
  for (const [key, child] of Object.entries(schema)) out.push(...undescribed(root, child, `${path}/${key}`));
  return out;
}

/** Every keyword used anywhere in a schema tree (the keys of schema objects, not of properties or $defs maps). */
function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywords(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      out.add(key);
      if (key === 'properties' || key === '$defs') Object.values(value as object).forEach((s) => keywords(s, out));
      else keywords(value, out);
    }
  }
  return out;
}

/** The keywords of draft 2020-12's vocabularies (core, applicator, validation, format, meta-data). */
const STANDARD = new Set(
  '$schema $id $comment $defs $ref title description default examples deprecated readOnly writeOnly type enum const multipleOf maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern maxItems minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired allOf anyOf oneOf not if then else properties patternProperties additionalProperties propertyNames items prefixItems contains format'.split(
    ' ',
  ),
);

describe('generateJsonSchemas', () => {
  it.each(SCHEMA_FILES)('keeps the committed %s equal to what the zod model generates', (file) => {
    const committed = readFileSync(join(schemasDir, file), 'utf8');
    expect(committed, `schemas/${file} drifted from src/model: run npm run schemas`).toBe(schemaFileText(generated[file]));
  });

  it.each(SCHEMA_FILES)('gives %s a draft 2020-12 header with $id, title and description', (file) => {
    const schema = generated[file];
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(schemaId(file));
    expect(schema.$id).toMatch(/^https:\/\/ticketflow\.dev\/schemas\/[\w-]+\.schema\.json$/);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it.each(SCHEMA_FILES)('describes every property of %s', (file) => {
    expect(undescribed(generated[file])).toEqual([]);
  });

  it.each(SCHEMA_FILES)('uses only the standard draft 2020-12 vocabulary in %s (no "discriminator")', (file) => {
    expect([...keywords(generated[file])].filter((k) => !STANDARD.has(k))).toEqual([]);
  });

  it.each(SCHEMA_FILES)('names every reusable part of %s under $defs, each with a title', (file) => {
    const defs = generated[file].$defs as Record<string, JsonSchema>;
    expect(Object.keys(defs).length).toBeGreaterThan(8);
    for (const [id, def] of Object.entries(defs)) expect(typeof def.title, `$defs/${id}`).toBe('string');
  });

  it.each(SCHEMA_FILES)('compiles %s with ajv in strict mode', (file) => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(() => ajv.compile(generated[file])).not.toThrow();
  });

  it('forbids properties the model does not know, at every object', () => {
    const objects: JsonSchema[] = [];
    const collect = (s: unknown) => {
      if (typeof s !== 'object' || s === null) return;
      if ((s as JsonSchema).properties) objects.push(s as JsonSchema);
      Object.values(s).forEach(collect);
    };
    SCHEMA_FILES.forEach((f) => collect(generated[f]));
    expect(objects.length).toBeGreaterThan(30);
    expect(objects.filter((o) => o.additionalProperties !== false)).toEqual([]);
  });

  it('writes each tagged union as a oneOf of named members whose tag is a const', () => {
    const defs = generated['workflow.schema.json'].$defs as Record<string, any>; // any: reaching into generated JSON
    const members = (union: string) => defs[union].oneOf.map((m: JsonSchema) => String(m.$ref).replace('#/$defs/', ''));
    expect(members('Action')).toEqual([
      'SendEmailAction',
      'NotifyAction',
      'SetStatusAction',
      'SetPropertyAction',
      'DelayAction',
      'DelayUntilDateAction',
      'DelayUntilEventAction',
      'BranchAction',
      'ValueBranchAction',
      'GotoAction',
      'WebhookAction',
    ]);
    expect(members('Action').map((m: string) => defs[m].properties.kind.const)).toEqual(['sendEmail', 'notify', 'setStatus', 'setProperty', 'delay', 'delayUntilDate', 'delayUntilEvent', 'branch', 'valueBranch', 'goto', 'webhook']);
    expect(members('Trigger')).toContain('StatusChangedTrigger');
    expect(members('Wait')).toEqual(['DurationWait', 'UntilWait']);
    for (const name of ['Filters', 'FilterGroup', 'FilterCondition', 'Enrollment', 'Workflow', 'CommentThread', 'Layout']) expect(defs[name], name).toBeDefined();
    const scenario = generated['scenario.schema.json'].$defs as Record<string, any>; // any: reaching into generated JSON
    for (const name of ['Ticket', 'Conversation', 'Thread', 'Message', 'ScenarioEvent', 'IncomingMessageEvent', 'MoveChannelEvent']) expect(scenario[name], name).toBeDefined();
  });

  it('generates the same text every time', () => {
    for (const file of SCHEMA_FILES) expect(schemaFileText(generateJsonSchemas()[file])).toBe(schemaFileText(generated[file]));
  });
});

describe('writeJsonSchemas', () => {
  it('writes the four files, which then compare as the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticketflow-schemas-'));
    expect(compareJsonSchemas(dir).map((s) => s.state)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(writeJsonSchemas(dir)).toEqual(SCHEMA_FILES.map((f) => join(dir, f)));
    expect(compareJsonSchemas(dir).map((s) => s.state)).toEqual(['same', 'same', 'same', 'same']);
    expect(readFileSync(join(dir, 'workflow.schema.json'), 'utf8').endsWith('}\n')).toBe(true);
  });

  it('reports a file that differs from the model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticketflow-schemas-'));
    writeJsonSchemas(dir);
    writeFileSync(join(dir, 'scenario.schema.json'), '{}\n');
    expect(compareJsonSchemas(dir).map((s) => [s.file, s.state])).toEqual([
      ['workflow.schema.json', 'same'],
      ['workspace.schema.json', 'same'],
      ['scenario.schema.json', 'differs'],
      ['simulation-result.schema.json', 'same'],
    ]);
  });
});
