import { z } from 'zod';
import { generateJsonSchemas, type JsonSchema } from '../document';
import { ProblemSchema } from './api-schemas';
import type { AnyRoute } from './context';
import type { Permission } from './roles';

/** The document schemas, by component name, from the same zod source as the files in schemas/. */
const DOCUMENT_COMPONENTS = { workflow: 'WorkflowDocument', workspace: 'Workspace', scenario: 'Scenario', bundle: 'Bundle' } as const;

function documentComponents(): Record<string, JsonSchema> {
  const files = generateJsonSchemas();
  const strip = (s: JsonSchema): JsonSchema => {
    const { $schema: _s, $id: _i, $comment: _c, ...rest } = s;
    return rest;
  };
  return {
    WorkflowDocument: strip(files['workflow.schema.json']),
    Workspace: strip(files['workspace.schema.json']),
    Scenario: strip(files['scenario.schema.json']),
    Bundle: {
      type: 'object',
      description: 'A whole local workspace in one file, as the app exports it.',
      required: ['format', 'schemaVersion', 'workspace', 'workflows', 'scenarios'],
      properties: {
        format: { const: 'ticketflow.bundle' },
        schemaVersion: { const: 1 },
        workspace: { $ref: '#/components/schemas/Workspace' },
        workflows: { type: 'array', items: { $ref: '#/components/schemas/WorkflowDocument' } },
        scenarios: { type: 'array', items: { $ref: '#/components/schemas/Scenario' } },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { 'application/problem+json': { schema: ref('Problem') } };

function security(permission: Permission): Record<string, string[]>[] {
  if (permission === 'public') return [];
  const tokens = permission === 'read' || permission === 'run';
  return tokens ? [{ session: [] }, { token: [] }] : [{ session: [] }];
}

const WHO: Record<Permission, string> = {
  public: 'Anyone.',
  account: 'Any signed-in member.',
  read: 'Members, and API tokens of either scope.',
  team: 'Members (admin, reviewer, viewer); not tokens.',
  comment: 'Admins and reviewers.',
  edit: 'Admins.',
  manage: 'Admins.',
  run: 'Members, and API tokens with scope read+run.',
  audit: 'Admins.',
};

function operationId(route: AnyRoute): string {
  const words = route.url.split('/').filter(Boolean).map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w));
  return [route.method.toLowerCase(), ...words].join('-').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The OpenAPI 3.1 document of the routes, with their bodies from the zod schemas. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const match of r.url.matchAll(/:([A-Za-z]+)/g)) parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    for (const [name, q] of Object.entries(r.query ?? {})) parameters.push({ name, in: 'query', required: q.required ?? false, description: q.description, schema: jsonSchema(q.schema) });
    for (const [name, h] of Object.entries(r.headers ?? {})) parameters.push({ name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } });
    if (r.permission !== 'public' && !['GET'].includes(r.method)) {
      parameters.push({ name: 'x-csrf-token', in: 'header', required: false, description: 'Required with the session cookie (the csrfToken of POST /session); not with a token.', schema: { type: 'string' } });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      const n = Number(status);
      if (n >= 400) responses[status] = { description: resp.description, content: problemContent };
      else if (resp.stream) responses[status] = { description: resp.description, content: { 'text/event-stream': { schema: jsonSchema(resp.schema ?? z.unknown()) } } };
      else if (resp.document) responses[status] = { description: resp.description, content: { 'application/json': { schema: ref(DOCUMENT_COMPONENTS[resp.document]) } } };
      else if (resp.schema) responses[status] = { description: resp.description, content: { 'application/json': { schema: jsonSchema(resp.schema) } } };
      else responses[status] = { description: resp.description };
    }
    responses['400'] ??= { description: 'The request is not valid.', content: problemContent };
    if (r.permission !== 'public') {
      responses['401'] ??= { description: 'No session or token.', content: problemContent };
      responses['403'] ??= { description: 'The role or scope does not allow it, or the CSRF token is missing.', content: problemContent };
    }
    const operation: Record<string, unknown> = {
      operationId: operationId(r),
      summary: r.summary,
      description: [r.description, `Who: ${WHO[r.permission]}`].filter(Boolean).join('\n\n'),
      tags: [r.tag],
      security: security(r.permission),
      responses,
    };
    if (parameters.length) operation.parameters = parameters;
    if (r.body) operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    if (r.document) operation.requestBody = { required: true, description: r.document.description, content: { 'application/json': { schema: ref(DOCUMENT_COMPONENTS[r.document.schema]) } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ticketflow team server API',
      version,
      description:
        'Versioned JSON under /api/v1. Errors are RFC 9457 problem details (application/problem+json) with the TF codes of the core where a document is at fault. Sign in for a session cookie, or send an API token as Authorization: Bearer tf_….',
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { ...documentComponents(), Problem: jsonSchema(ProblemSchema) },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'tf_session', description: 'POST /session sets it; send x-csrf-token on state-changing requests.' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token (tf_…) from POST /tokens.' },
      },
    },
  };
}
