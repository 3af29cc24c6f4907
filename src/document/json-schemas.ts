import { z } from 'zod';
import { ScenarioSchema } from '../model/scenario';
import { WorkflowDocumentSchema } from '../model/workflow';
import { WorkspaceSchema } from '../model/workspace';

/** A JSON Schema as plain data. */
export type JsonSchema = Record<string, unknown>;

/** The published schema files, by file name. */
export interface JsonSchemas {
  'workflow.schema.json': JsonSchema;
  'workspace.schema.json': JsonSchema;
  'scenario.schema.json': JsonSchema;
}

/** Names of the files in schemas/. */
export type SchemaFile = keyof JsonSchemas;

const BASE_URI = 'https://ticketflow.dev/schemas/';

const SOURCES: Record<SchemaFile, { zod: z.ZodType; title: string }> = {
  'workflow.schema.json': { zod: WorkflowDocumentSchema, title: 'Ticketflow workflow document' },
  'workspace.schema.json': { zod: WorkspaceSchema, title: 'Ticketflow workspace' },
  'scenario.schema.json': { zod: ScenarioSchema, title: 'Ticketflow simulation scenario' },
};

/** The schema files, in the order they are written and listed. */
export const SCHEMA_FILES = Object.keys(SOURCES) as SchemaFile[];

/** The `$id` of a schema file: an identifier only, never fetched. */
export function schemaId(file: SchemaFile): string {
  return BASE_URI + file;
}

/**
 * Descriptions for properties whose zod schema has none, by property name. Each text must be true
 * wherever the name occurs without a description of its own; a new undescribed property makes
 * generation fail (see assertDescribed) until it is described here or in src/model.
 */
const PROPERTY_DESCRIPTIONS: Record<string, string> = {
  comments: 'Review comment threads on action bubbles and the trigger card; may be left out on export.',
  resolved: 'Whether the thread is resolved.',
  messages: 'The messages, oldest first.',
  x: 'Horizontal position on the canvas, in pixels.',
  y: 'Vertical position on the canvas, in pixels.',
  priority: 'The new priority; null while not chosen.',
  pipelines: 'Ticket pipelines; channels without a pipeline send tickets to the first one.',
  users: 'People who work in the help desk or the conversations inbox.',
  teams: 'Named groups of users.',
  contacts: 'Customers known to the help desk.',
  channels: 'Connected channels that conversations arrive on.',
  templates: 'Email templates, including the two built-in ones.',
  targets: 'Targets for each ticket priority.',
  format: 'Format name.',
  schemaVersion: 'Version of the document format.',
  conversations: 'Conversations that exist before the first event.',
  tickets: 'Tickets that exist before the first event.',
  status: 'Whether the conversation is open or closed.',
  threads: 'Threads of the conversation, oldest first.',
  subject: 'The subject line.',
  ownerId: 'The owner; null when unassigned.',
  contactId: 'The contact; null when there is none.',
  conversationId: 'The associated conversation; null when there is none.',
  closedAt: 'When the ticket was closed; null while it is open.',
};

/** zod's generation hook: completes property descriptions and marks discriminated unions. */
function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const { jsonSchema } = ctx;
  const def = (ctx.zodSchema as { _zod: { def: { type: string; discriminator?: unknown } } })._zod.def;
  // zod writes discriminated unions as plain oneOf; the discriminator annotation lets validators
  // (ajv with `discriminator: true`) check only the variant the tag selects and report its errors.
  if (def.type === 'union' && typeof def.discriminator === 'string' && Array.isArray(jsonSchema.oneOf)) {
    jsonSchema.type = 'object';
    jsonSchema.discriminator = { propertyName: def.discriminator };
  }
  const properties = jsonSchema.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return;
  for (const [name, property] of Object.entries(properties)) {
    if (typeof property.description === 'string') continue;
    const description =
      PROPERTY_DESCRIPTIONS[name] ?? (property.const !== undefined ? `Always ${JSON.stringify(property.const)} for this variant.` : undefined);
    // Replaced, not edited: zod may share one generated object between several places.
    if (description !== undefined) properties[name] = { ...property, description };
  }
}

/** Throws, naming the JSON pointer, if any property of the schema lacks a description. */
function assertDescribed(schema: unknown, file: string, path = ''): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, i) => assertDescribed(item, file, `${path}/${i}`));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const properties = (schema as JsonSchema).properties as Record<string, JsonSchema> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    if (typeof property.description !== 'string') {
      throw new Error(`${file}: property at ${path}/properties/${name} has no description; describe it in src/model or PROPERTY_DESCRIPTIONS`);
    }
  }
  for (const [key, child] of Object.entries(schema)) assertDescribed(child, file, `${path}/${key}`);
}

/** Generates the three published JSON Schemas (draft 2020-12) from the zod model. */
export function generateJsonSchemas(): JsonSchemas {
  const out = {} as JsonSchemas;
  for (const file of SCHEMA_FILES) {
    const { zod, title } = SOURCES[file];
    // The JSON round trip detaches objects zod may share between places, so the result is a plain tree.
    const generated = JSON.parse(JSON.stringify(z.toJSONSchema(zod, { target: 'draft-2020-12', override }))) as JsonSchema;
    const { $schema, description, ...rest } = generated;
    const schema: JsonSchema = {
      $schema,
      $id: schemaId(file),
      $comment: 'Generated from the Ticketflow model (src/model) by `npm run schemas`; do not edit by hand.',
      title,
      description,
      ...rest,
    };
    assertDescribed(schema, file);
    out[file] = schema;
  }
  return out;
}

/** The exact text of a schema file: 2-space indent and a trailing newline. */
export function schemaFileText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
