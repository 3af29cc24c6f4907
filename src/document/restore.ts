import { ACTIONS, type ActionKind } from '../actions';
import { defaultWorkspace } from '../model/default-workspace';
import type { TriggerType } from '../model/workflow';
import { envelopeProblem } from './envelope';
import { isRecord, pointer } from './json-pointer';
import type { JsonSchema } from './json-schemas';
import { FORMATS, migrateDocument, type DocumentKind, type JsonObject } from './migrations';
import { inlinedSchema } from './schema-validation';
import { clip } from './words';

/** One repair fixDocument made: where, and what it did there (a sentence that names the place). */
export interface FixChange {
  /** JSON pointer of the property added or removed. */
  path: string;
  change: string;
}

/** A document after a repair, and each change made to it. */
export interface Fixed {
  doc: JsonObject;
  changes: FixChange[];
}

/**
 * Makes a document as complete as it can be without guessing: with `dropNulls`, an optional
 * property written as null (as other tools often write "absent") is dropped; a missing property
 * that has a safe default gets it. Every change is reported. The input is never mutated; anything
 * it cannot mend is left for validation to report. Never part of validation: import calls it only
 * to complete what a migration from an older version left out, and when asked to fix.
 */
export function restoreDocument(doc: Readonly<JsonObject>, kind: DocumentKind, options: { dropNulls: boolean } = { dropNulls: true }): Fixed {
  const changes: FixChange[] = [];
  const schema = inlinedSchema(kind);
  // The schema-guided walk is the slow part; most documents have no null it could drop.
  const withoutNulls =
    options.dropNulls && hasNullUnder(doc, optionalNames(kind)) ? (dropNullOptionals(doc, schema, '', changes) as JsonObject) : (doc as JsonObject);
  return { doc: FILL[kind](withoutNulls, changes), changes };
}

/** What fixDocument returns: the repaired value (the input itself when nothing changed) and each change. */
export interface FixResult {
  document: unknown;
  changes: FixChange[];
}

/**
 * The explicit repair behind "Fix and import" and the CLI's fix: migrates an older document to the
 * current version, drops nulls written for absent optional properties and fills missing settings
 * that have a safe default, reporting each change with its path. A value that is not a document of
 * the kind (wrong format or version) comes back unchanged, for the import to refuse. The verdict is
 * still the import's: fixing never makes a document valid by itself.
 */
export function fixDocument(value: unknown, kind: DocumentKind = 'workflow'): FixResult {
  if (envelopeProblem(value, kind)) return { document: value, changes: [] };
  const migrated = migrateDocument(value as JsonObject, FORMATS[kind]);
  const changes: FixChange[] = migrated.notes.map((change) => ({ path: '', change }));
  const fixed = restoreDocument(migrated.doc, kind);
  for (const c of fixed.changes) changes.push(c);
  return { document: changes.length ? fixed.doc : value, changes };
}

const OPTIONAL_NAMES = new Map<DocumentKind, Set<string>>();

/** Names of the properties that are optional and do not accept null somewhere in a kind's schema. */
function optionalNames(kind: DocumentKind): Set<string> {
  let names = OPTIONAL_NAMES.get(kind);
  if (!names) {
    const found = new Set<string>();
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as JsonSchema;
      const required = (schema.required ?? []) as string[];
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        if (!required.includes(name) && !acceptsNull(property)) found.add(name);
      }
      Object.values(schema).forEach(visit);
    };
    visit(inlinedSchema(kind));
    names = found;
    OPTIONAL_NAMES.set(kind, names);
  }
  return names;
}

/** Whether a null value sits anywhere in the tree under one of the names. */
function hasNullUnder(value: unknown, names: Set<string>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasNullUnder(value[i], names)) return true;
    return false;
  }
  for (const key in value) {
    // for…in also lists inherited enumerable keys; only own properties are part of the document.
    if (!Object.hasOwn(value, key)) continue;
    const child = (value as JsonObject)[key];
    if (child === null ? names.has(key) : hasNullUnder(child, names)) return true;
  }
  return false;
}

/** Copies an object and sets one own property, never going through a "__proto__" setter. */
function withProperty(obj: Readonly<JsonObject>, key: string, value: unknown): JsonObject {
  const out: JsonObject = { ...obj };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The branch of a union a value is meant for: by its tag (the validators' discriminator), or by JSON type. */
function branchFor(schema: JsonSchema, value: unknown): JsonSchema | null {
  const oneOf = schema.oneOf as JsonSchema[] | undefined;
  const discriminator = schema.discriminator as { propertyName: string } | undefined;
  if (oneOf && discriminator && isRecord(value)) {
    const tag = value[discriminator.propertyName];
    return oneOf.find((b) => (b.properties as Record<string, JsonSchema>)[discriminator.propertyName]?.const === tag) ?? null;
  }
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const type = Array.isArray(value) ? 'array' : isRecord(value) ? 'object' : null;
    return anyOf.find((b) => b.type === type) ?? null;
  }
  return schema;
}

function acceptsNull(schema: JsonSchema): boolean {
  if (schema.type === 'null' || schema.const === null) return true;
  if (Array.isArray(schema.type) && schema.type.includes('null')) return true;
  return ((schema.anyOf ?? schema.oneOf ?? []) as JsonSchema[]).some(acceptsNull);
}

/** Walks a value along its JSON Schema, dropping null values of optional properties that do not accept null. */
function dropNullOptionals(value: unknown, schemaIn: JsonSchema, path: string, notes: FixChange[]): unknown {
  const schema = branchFor(schemaIn, value);
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    if (!items) return value;
    let out: unknown[] | null = null;
    value.forEach((item, i) => {
      const next = dropNullOptionals(item, items, `${path}/${i}`, notes);
      if (next !== item) (out ??= [...value])[i] = next;
    });
    return out ?? value;
  }
  if (!isRecord(value)) return value;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const rest = isRecord(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : null;
  let out: JsonObject | null = null;
  for (const key of Object.keys(value)) {
    const child = value[key];
    const childSchema = Object.hasOwn(properties, key) ? properties[key]! : rest;
    if (!childSchema) continue;
    const at = path + pointer(key);
    if (child === null && Object.hasOwn(properties, key) && !required.includes(key) && !acceptsNull(childSchema)) {
      out ??= { ...value };
      delete out[key];
      notes.push({ path: at, change: `Removed ${clip(at)}: it was null, which stands for "absent" here.` });
      continue;
    }
    const next = dropNullOptionals(child, childSchema, at, notes);
    if (next !== child) out = withProperty(out ?? value, key, next);
  }
  return out ?? value;
}

/**
 * Adds the properties of `defaults` that `value` lacks, descending into nested objects of the same
 * variant (same "type", "property" or "kind"), and notes each addition.
 */
function fillFrom(value: Readonly<JsonObject>, defaults: Readonly<JsonObject>, path: string, notes: FixChange[]): JsonObject {
  // Most values lack nothing; they are settled without building a pointer for each property.
  if (!lacksDefault(value, defaults)) return value as JsonObject;
  let out: JsonObject | null = null;
  for (const [key, fallback] of Object.entries(defaults)) {
    const at = path + pointer(key);
    if (!Object.hasOwn(value, key)) {
      // A copy, so that later edits of the document can never reach the shared defaults.
      out = withProperty(out ?? value, key, structuredClone(fallback));
      notes.push({ path: at, change: `Added the missing ${clip(at)}: ${JSON.stringify(fallback)}.` });
      continue;
    }
    const current = value[key];
    if (isRecord(current) && isRecord(fallback) && sameVariant(current, fallback)) {
      const filled = fillFrom(current, fallback, at, notes);
      if (filled !== current) out = withProperty(out ?? value, key, filled);
    }
  }
  return out ?? (value as JsonObject);
}

/**
 * Whether fillFrom would add anything to `value`: a property of `defaults` it lacks, here or in a
 * nested object of the same variant. May answer yes when the defaults inherit an enumerable key
 * (fillFrom then finds nothing to add); never answers no when something is missing.
 */
function lacksDefault(value: Readonly<JsonObject>, defaults: Readonly<JsonObject>): boolean {
  for (const key in defaults) {
    if (!Object.hasOwn(value, key)) return true;
    const current = value[key];
    const fallback = defaults[key];
    if (isRecord(current) && isRecord(fallback) && sameVariant(current, fallback) && lacksDefault(current, fallback)) return true;
  }
  return false;
}

const VARIANT_TAGS = ['type', 'property', 'kind'];

function sameVariant(value: Readonly<JsonObject>, defaults: Readonly<JsonObject>): boolean {
  for (const tag of VARIANT_TAGS) {
    if (Object.hasOwn(defaults, tag) && value[tag] !== defaults[tag]) return false;
  }
  return true;
}

/** Fills each item of the array at `obj[key]` that is an object, with defaults chosen per item. */
function fillItems(
  obj: JsonObject,
  key: string,
  path: string,
  notes: FixChange[],
  defaultsOf: (item: JsonObject) => JsonObject | undefined,
): JsonObject {
  const list = obj[key];
  if (!Array.isArray(list)) return obj;
  const lacking = (item: unknown) => {
    const defaults = isRecord(item) ? defaultsOf(item) : undefined;
    return defaults !== undefined && lacksDefault(item as JsonObject, defaults);
  };
  // Most lists are complete: they are settled without copying them or building a pointer per item.
  if (!list.some(lacking)) return obj;
  let changed = false;
  const items = list.map((item: unknown, i) => {
    const defaults = isRecord(item) ? defaultsOf(item) : undefined;
    if (!isRecord(item) || !defaults) return item;
    const filled = fillFrom(item, defaults, `${path}/${key}/${i}`, notes);
    changed ||= filled !== item;
    return filled;
  });
  return changed ? { ...obj, [key]: items } : obj;
}

const ACTION_DEFAULTS = new Map<ActionKind, JsonObject>();

/**
 * The settings of a new action of the kind (its definition's create), without id and kind: an
 * action's id is never invented. Computed once per kind.
 */
function actionDefaults(kind: ActionKind): JsonObject {
  let defaults = ACTION_DEFAULTS.get(kind);
  if (!defaults) {
    const { id: _id, kind: _kind, ...settings } = ACTIONS[kind].create('new-action');
    defaults = settings as JsonObject;
    ACTION_DEFAULTS.set(kind, defaults);
  }
  return defaults;
}

/** Defaults of the triggers that have settings with a neutral value. */
const TRIGGER_DEFAULTS: Partial<Record<TriggerType, JsonObject>> = {
  statusChanged: { toStatusId: null },
  conversationStarted: { channelKinds: [] },
};

const EMPTY_ENROLLMENT = { triggers: [], filters: [], reenroll: false, unenroll: [] };

function fillWorkflowDocument(doc: JsonObject, notes: FixChange[]): JsonObject {
  let out = doc;
  if (isRecord(out.workflow)) {
    let workflow = fillFrom(out.workflow, { enrollment: EMPTY_ENROLLMENT, actions: [], startActionId: null }, '/workflow', notes);
    if (isRecord(workflow.enrollment)) {
      // The type is unchecked here: a non-string, or a name such as "toString", must not reach the lookup.
      const enrollment = fillItems(workflow.enrollment, 'triggers', '/workflow/enrollment', notes, (t) =>
        typeof t.type === 'string' && Object.hasOwn(TRIGGER_DEFAULTS, t.type) ? TRIGGER_DEFAULTS[t.type as TriggerType] : undefined,
      );
      if (enrollment !== workflow.enrollment) workflow = { ...workflow, enrollment };
    }
    workflow = fillItems(workflow, 'actions', '/workflow', notes, (a) =>
      typeof a.kind === 'string' && Object.hasOwn(ACTIONS, a.kind) ? actionDefaults(a.kind as ActionKind) : undefined,
    );
    if (workflow !== out.workflow) out = { ...out, workflow };
  }
  if (isRecord(out.layout)) {
    const layout = fillFrom(out.layout, { positions: {} }, '/layout', notes);
    if (layout !== out.layout) out = { ...out, layout };
  }
  return fillItems(out, 'comments', '', notes, () => ({ resolved: false }));
}

function fillWorkspace(doc: JsonObject, notes: FixChange[]): JsonObject {
  const base = defaultWorkspace();
  const out = fillFrom(
    doc,
    {
      defaultPriority: base.defaultPriority,
      users: [],
      teams: [],
      contacts: [],
      channels: [],
      templates: [],
      sla: base.sla,
      branding: base.branding,
    },
    '',
    notes,
  );
  // Least privilege: a user whose access is not stated gets none.
  return fillItems(out, 'users', '', notes, () => ({ helpDeskAccess: false, superAdmin: false }));
}

function fillScenario(doc: JsonObject, notes: FixChange[]): JsonObject {
  return fillFrom(doc, { initial: { contacts: [], conversations: [], tickets: [] }, events: [] }, '', notes);
}

const FILL: Record<DocumentKind, (doc: JsonObject, notes: FixChange[]) => JsonObject> = {
  workflow: fillWorkflowDocument,
  workspace: fillWorkspace,
  scenario: fillScenario,
};
