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

/** Pointers of every property in a schema tree that has no description. */
function undescribed(schema: unknown, path = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const out: string[] = [];
  const properties = (schema as JsonSchema).properties as Record<string, JsonSchema> | undefined;
  for (const [name, p] of Object.entries(properties ?? {})) if (typeof p.description !== 'string') out.push(`${path}/properties/${name}`);
  for (const [key, child] of Object.entries(schema)) out.push(...undescribed(child, `${path}/${key}`));
  return out;
}

describe('generateJsonSchemas', () => {
  it.each(SCHEMA_FILES)('keeps the committed %s equal to what the zod model generates', (file) => {
    const committed = readFileSync(join(schemasDir, file), 'utf8');
    expect(committed, `schemas/${file} drifted from src/model: run npm run schemas`).toBe(schemaFileText(generated[file]));
  });

  it.each(SCHEMA_FILES)('gives %s a draft 2020-12 header with $id, title and description', (file) => {
    const schema = generated[file];
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(schemaId(file));
    expect(schema.$id).toMatch(/^https:\/\/ticketflow\.dev\/schemas\/\w+\.schema\.json$/);
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it.each(SCHEMA_FILES)('describes every property of %s', (file) => {
    expect(undescribed(generated[file])).toEqual([]);
  });

  it.each(SCHEMA_FILES)('compiles %s with ajv in strict mode', (file) => {
    const ajv = new Ajv2020({ strict: true, discriminator: true });
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

  it('marks discriminated unions so a validator checks only the variant the tag selects', () => {
    const actions = (generated['workflow.schema.json'] as any).properties.workflow.properties.actions.items; // any: reaching into generated JSON
    expect(actions.discriminator).toEqual({ propertyName: 'kind' });
    expect(actions.oneOf.map((b: JsonSchema) => (b.properties as any).kind.const)).toEqual([
      'sendEmail',
      'notify',
      'setStatus',
      'setProperty',
      'delay',
      'branch',
      'goto',
      'webhook',
    ]);
  });

  it('generates the same text every time', () => {
    for (const file of SCHEMA_FILES) expect(schemaFileText(generateJsonSchemas()[file])).toBe(schemaFileText(generated[file]));
  });
});

describe('writeJsonSchemas', () => {
  it('writes the three files, which then compare as the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ticketflow-schemas-'));
    expect(compareJsonSchemas(dir).map((s) => s.state)).toEqual(['missing', 'missing', 'missing']);
    expect(writeJsonSchemas(dir)).toEqual(SCHEMA_FILES.map((f) => join(dir, f)));
    expect(compareJsonSchemas(dir).map((s) => s.state)).toEqual(['same', 'same', 'same']);
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
    ]);
  });
});
