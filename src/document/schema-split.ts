import type { JsonSchema } from './json-schemas';

/** Keywords whose value is one schema. */
const ONE_SCHEMA = new Set([
  'additionalProperties',
  'items',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'contains',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/**
 * The same schema with every object schema below the root moved under $defs and named by a $ref,
 * which accepts exactly the same values. Why: ajv compiles a schema without $ref into one function,
 * and the workflow schema's is far larger than the most bytecode V8's optimizing compiler takes
 * (60 KB), so it never leaves the slower tiers; with inlineRefs off, ajv compiles each $defs entry
 * into a function of its own, small enough to optimize, and validates about three times faster.
 * Only for a schema without references, $defs or nested $id (the published ones have none): moving
 * a subschema could change what a reference in it means.
 */
export function splitSchema(schema: JsonSchema): JsonSchema {
  const { $id, ...below } = schema;
  if (/"\$(?:ref|defs|id|anchor|dynamicRef|dynamicAnchor)"/.test(JSON.stringify(below))) {
    throw new Error(`splitSchema takes a schema without references, $defs or nested $id; ${String($id)} has some`);
  }
  const defs: Record<string, JsonSchema> = {};
  const split = (node: unknown, root: boolean): unknown => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
    const out: JsonSchema = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (ONE_SCHEMA.has(keyword)) out[keyword] = split(value, false);
      else if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) out[keyword] = value.map((s) => split(s, false));
      else if (SCHEMA_MAP.has(keyword) && typeof value === 'object' && value !== null) {
        out[keyword] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, split(s, false)]));
      } else out[keyword] = value;
    }
    if (root || out.type !== 'object') return out;
    const name = `object${Object.keys(defs).length}`;
    defs[name] = out;
    return { $ref: `#/$defs/${name}` };
  };
  return { ...(split(schema, true) as JsonSchema), $defs: defs };
}
