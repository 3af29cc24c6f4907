import { z } from 'zod';
import { portablePattern } from './schema-shape';
import { ActionSchema } from '../actions';
import { RESULT_PARTS, SimulateOutputSchema } from '../engine/result-schema';
import { BranchPathSchema } from '../actions/branch';
import { DelaySchema } from '../actions/delay';
import { RecipientsSchema } from '../actions/notify';
import { SetPropertySchema } from '../actions/set-property';
import { ChannelKindSchema, DurationSchema, IdSchema, NameSchema, PrioritySchema, TextSchema, TimestampSchema } from '../model/common';
import { FilterConditionSchema, FilterGroupSchema, FilterOperatorSchema, FilterPropertySchema, FiltersSchema, FilterValueSchema } from '../model/filters';
import { ConversationSchema, MessageSchema, ScenarioEventSchema, ScenarioSchema, ThreadSchema, TicketSchema } from '../model/scenario';
import {
  CommentMessageSchema,
  CommentThreadSchema,
  EnrollmentSchema,
  LayoutSchema,
  PointSchema,
  TriggerSchema,
  WorkflowDocumentSchema,
  WorkflowSchema,
} from '../model/workflow';
import {
  BrandingSchema,
  ChannelSchema,
  ContactSchema,
  EmailTemplateSchema,
  PipelineAutomationSchema,
  PipelineSchema,
  SlaPolicySchema,
  SlaTargetSchema,
  StatusSchema,
  StatusTriggerSettingSchema,
  TeamSchema,
  UserSchema,
  WorkspaceSchema,
} from '../model/workspace';

/** A JSON Schema as plain data. */
export type JsonSchema = Record<string, unknown>;

/** The published schema files, by file name. */
export interface JsonSchemas {
  'workflow.schema.json': JsonSchema;
  'workspace.schema.json': JsonSchema;
  'scenario.schema.json': JsonSchema;
  'simulation-result.schema.json': JsonSchema;
}

/** Names of the files in schemas/. */
export type SchemaFile = keyof JsonSchemas;

const BASE_URI = 'https://ticketflow.dev/schemas/';

const SOURCES: Record<SchemaFile, { zod: z.ZodType; title: string }> = {
  'workflow.schema.json': { zod: WorkflowDocumentSchema, title: 'Ticketflow workflow document' },
  'workspace.schema.json': { zod: WorkspaceSchema, title: 'Ticketflow workspace' },
  'scenario.schema.json': { zod: ScenarioSchema, title: 'Ticketflow simulation scenario' },
  'simulation-result.schema.json': { zod: SimulateOutputSchema, title: 'Ticketflow simulate --json output' },
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

/** A name under $defs and the title that code generators turn into a type name. */
interface DefName {
  id: string;
  title: string;
}

/** "sendEmail" → "Send email"; "SLA" stays. */
function words(camel: string): string {
  const spaced = camel.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "sendEmail" → "SendEmail". */
function pascal(camel: string): string {
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** The members of a discriminated union with the value of their tag. */
function unionMembers(union: z.ZodType, tag: string): { schema: z.ZodType; value: string }[] {
  const def = (union as unknown as { _zod: { def: { options?: z.ZodType[]; discriminator?: string } } })._zod.def;
  if (def.discriminator !== tag || !def.options) throw new Error(`expected a union discriminated by "${tag}"`);
  return def.options.map((schema) => {
    const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
    const literal = (shape[tag] as unknown as { _zod: { def: { values: unknown[] } } })._zod.def.values[0];
    return { schema, value: String(literal) };
  });
}

/**
 * Every reusable part of the formats, named: it is written once under $defs with its title and
 * referenced wherever it occurs, so that code generators give each one a named type. Each member of
 * a tagged union (action kinds, triggers, waits, property changes, scenario events) is named after
 * its tag, so a kind added to the model gets its own definition without an entry here.
 */
function definitionNames(): Map<z.ZodType, DefName> {
  const names = new Map<z.ZodType, DefName>();
  const name = (schema: z.ZodType, id: string, title = words(id)) => names.set(schema, { id, title });
  const members = (union: z.ZodType, tag: string, suffix: string) => {
    for (const m of unionMembers(union, tag)) name(m.schema, `${pascal(m.value)}${suffix}`, `${words(m.value)} ${suffix.toLowerCase()}`);
  };
  name(IdSchema, 'Id');
  name(NameSchema, 'Name');
  name(TextSchema, 'Text');
  name(TimestampSchema, 'Timestamp');
  name(ChannelKindSchema, 'ChannelKind');
  name(PrioritySchema, 'Priority');
  name(DurationSchema, 'Duration');
  name(FilterPropertySchema, 'FilterProperty');
  name(FilterOperatorSchema, 'FilterOperator');
  name(FilterValueSchema, 'FilterValue');
  name(FilterConditionSchema, 'FilterCondition', 'Filter condition');
  name(FilterGroupSchema, 'FilterGroup', 'Filter group');
  name(FiltersSchema, 'Filters');
  name(TriggerSchema, 'Trigger');
  members(TriggerSchema, 'type', 'Trigger');
  name(EnrollmentSchema, 'Enrollment');
  name(ActionSchema, 'Action');
  members(ActionSchema, 'kind', 'Action');
  name(RecipientsSchema, 'Recipients');
  name(BranchPathSchema, 'BranchPath', 'Branch path');
  const wait = DelaySchema.shape.wait;
  name(wait, 'Wait');
  members(wait, 'type', 'Wait');
  const change = SetPropertySchema.shape.change;
  name(change, 'PropertyChange', 'Property change');
  members(change, 'property', 'Change');
  name(WorkflowSchema, 'Workflow');
  name(PointSchema, 'Point');
  name(LayoutSchema, 'Layout');
  name(CommentMessageSchema, 'CommentMessage', 'Comment message');
  name(CommentThreadSchema, 'CommentThread', 'Comment thread');
  name(MessageSchema, 'Message');
  name(ThreadSchema, 'Thread');
  name(ConversationSchema, 'Conversation');
  name(TicketSchema, 'Ticket');
  name(ScenarioEventSchema, 'ScenarioEvent', 'Scenario event');
  members(ScenarioEventSchema, 'type', 'Event');
  name(StatusSchema, 'Status');
  name(StatusTriggerSettingSchema, 'StatusTriggerSetting', 'Status trigger setting');
  name(PipelineAutomationSchema, 'PipelineAutomation', 'Pipeline automation');
  name(PipelineSchema, 'Pipeline');
  name(UserSchema, 'User');
  name(TeamSchema, 'Team');
  name(ContactSchema, 'Contact');
  name(ChannelSchema, 'Channel');
  name(EmailTemplateSchema, 'EmailTemplate', 'Email template');
  name(SlaTargetSchema, 'SlaTarget', 'SLA target');
  name(SlaPolicySchema, 'SlaPolicy', 'SLA policy');
  name(BrandingSchema, 'Branding');
  for (const [schema, id, title] of RESULT_PARTS) name(schema, id, title);
  return names;
}

/**
 * zod's generation hook: completes property descriptions, and gives each tagged union `type:
 * "object"` (zod writes it as a plain oneOf of objects, which is standard and exact; the type says
 * at once that a string is not an action, instead of one refusal per member).
 */
function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const { jsonSchema } = ctx;
  const def = (ctx.zodSchema as { _zod: { def: { type: string; discriminator?: unknown } } })._zod.def;
  if (def.type === 'union' && typeof def.discriminator === 'string' && Array.isArray(jsonSchema.oneOf)) jsonSchema.type = 'object';
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

/**
 * Gives every `$ref` a schema object of its own: `{ description, $ref }` becomes `{ description,
 * allOf: [{ $ref }] }`, which means the same. Code generators such as json-schema-to-typescript
 * copy a definition for each `$ref` with siblings (Id1, Id2, …); alone, each `$ref` names its type.
 */
function refsAlone(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(refsAlone);
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as JsonSchema;
  for (const child of Object.values(node)) refsAlone(child);
  if (typeof node.$ref === 'string' && Object.keys(node).length > 1) {
    const ref = node.$ref;
    delete node.$ref;
    node.allOf = [{ $ref: ref }];
  }
}

/**
 * `type: ["string", "number", …]` (how zod writes a union of primitives) as an anyOf of single types,
 * which means the same and which ajv's strict mode accepts without allowUnionTypes.
 */
function typeListsAsAnyOf(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(typeListsAsAnyOf);
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as JsonSchema;
  for (const child of Object.values(node)) typeListsAsAnyOf(child);
  if (Array.isArray(node.type) && node.anyOf === undefined) {
    node.anyOf = (node.type as string[]).map((type) => ({ type }));
    delete node.type;
  }
}

/** Rewrites every `pattern` of a schema tree with portablePattern, in place. */
function portablePatterns(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'pattern' && typeof child === 'string') (schema as JsonSchema).pattern = portablePattern(child);
    else portablePatterns(child);
  }
}

/**
 * Throws, naming the JSON pointer, if any property of the schema lacks a description (its own, or
 * that of the definition it refers to), or any definition a title.
 */
function assertDescribed(schema: unknown, file: string, root: JsonSchema, path = ''): void {
  if (Array.isArray(schema)) {
    schema.forEach((item, i) => assertDescribed(item, file, root, `${path}/${i}`));
    return;
  }
  if (typeof schema !== 'object' || schema === null) return;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const described = (s: JsonSchema): boolean =>
    typeof s.description === 'string' ||
    (typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/') && described(defs[s.$ref.slice('#/$defs/'.length)] ?? {}));
  if (path === '') {
    for (const [id, def] of Object.entries(defs)) {
      if (typeof def.title !== 'string') throw new Error(`${file}: the definition ${id} has no title`);
    }
  }
  const properties = (schema as JsonSchema).properties as Record<string, JsonSchema> | undefined;
  for (const [name, property] of Object.entries(properties ?? {})) {
    if (!described(property)) {
      throw new Error(`${file}: property at ${path}/properties/${name} has no description; describe it in src/model or PROPERTY_DESCRIPTIONS`);
    }
  }
  for (const [key, child] of Object.entries(schema)) assertDescribed(child, file, root, `${path}/${key}`);
}

/**
 * Generates the three published JSON Schemas (draft 2020-12, standard vocabulary only) from the zod
 * model, each reusable part under $defs with a title.
 */
export function generateJsonSchemas(): JsonSchemas {
  const names = definitionNames();
  // The model's descriptions stay in zod's global registry; the names are added on top of them.
  const metadata = {
    get: (schema: z.ZodType) => {
      const base = z.globalRegistry.get(schema);
      const named = names.get(schema);
      return named ? { ...base, ...named } : base;
    },
  } as unknown as typeof z.globalRegistry;
  const out = {} as JsonSchemas;
  for (const file of SCHEMA_FILES) {
    const { zod, title } = SOURCES[file];
    // The JSON round trip detaches objects zod may share between places, so the result is a plain tree.
    const generated = JSON.parse(JSON.stringify(z.toJSONSchema(zod, { target: 'draft-2020-12', override, metadata }))) as JsonSchema;
    portablePatterns(generated);
    typeListsAsAnyOf(generated);
    refsAlone(generated);
    const { $schema, description, ...rest } = generated;
    const schema: JsonSchema = {
      $schema,
      $id: schemaId(file),
      $comment: 'Generated from the Ticketflow model (src/model) by `npm run schemas`; do not edit by hand.',
      title,
      description,
      ...rest,
    };
    assertDescribed(schema, file, schema);
    out[file] = schema;
  }
  return out;
}

/** The exact text of a schema file: 2-space indent and a trailing newline. */
export function schemaFileText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
