import { readFileSync } from 'node:fs';
import { validate, compileErrors } from '@readme/openapi-parser';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/app';
import { openApiDocument } from '../../src/server/openapi';

const ROUTES = apiRoutes(() => ({}));
const DOC = openApiDocument(ROUTES, '0.1.0');

describe('openApiDocument', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    // The parser dereferences in place, so it gets a copy.
    const result = await validate(structuredClone(DOC) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(DOC.openapi).toBe('3.1.0');
  });

  it('describes every route of the server, with its method', () => {
    const paths = DOC.paths as Record<string, Record<string, unknown>>;
    const described = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`).sort());
  });

  it('carries the document schemas generated from the same zod source as schemas/', () => {
    const components = (DOC.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    for (const [name, file] of [
      ['WorkflowDocument', 'workflow'],
      ['Workspace', 'workspace'],
      ['Scenario', 'scenario'],
    ] as const) {
      const { $schema: _s, $id: _i, $comment: _c, ...committed } = JSON.parse(readFileSync(`schemas/${file}.schema.json`, 'utf8')) as Record<string, unknown>;
      expect(components[name], name).toEqual(committed);
    }
  });

  it('has schemas that compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const base = 'https://ticketflow.dev/openapi-components';
    const rewrite = (s: unknown) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', `"${base}#/$defs/`));
    const components = rewrite((DOC.components as { schemas: Record<string, unknown> }).schemas);
    ajv.addSchema({ $id: base, $defs: components });
    const schemas: unknown[] = [];
    const walk = (value: unknown) => {
      if (typeof value !== 'object' || value === null) return;
      const record = value as Record<string, unknown>;
      if (record.schema && typeof record.schema === 'object') schemas.push(record.schema);
      for (const child of Object.values(record)) walk(child);
    };
    walk(DOC.paths);
    expect(schemas.length).toBeGreaterThan(40);
    for (const schema of schemas) expect(() => ajv.compile(rewrite(schema))).not.toThrow();
  }, 60_000);
});
