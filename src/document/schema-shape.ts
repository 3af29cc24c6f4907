import type { JsonSchema } from './json-schemas';

/**
 * Shapes of the published schemas that validation needs: inlined definitions, union tags, and the
 * schema the validators are compiled from. Kept apart from schema-compile.ts, which the app's build
 * replaces with its precompiled validators.
 */

/** Keywords that may stand beside a $ref without changing what it accepts. */
const ANNOTATIONS = new Set(['description', 'title', '$comment', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

/**
 * The same schema with every reference into its $defs replaced by the definition itself, and no
 * $defs: it accepts exactly the same values. The published schemas name their parts under $defs for
 * code generators; ajv reports an error's schemaPath from the start of the last definition it
 * entered, which does not say where in the document's schema the error is. Compiled from the inlined
 * schema, every schemaPath is a full path, from which the errors are explained. The definitions are
 * not recursive, so the result is finite; a $ref with anything but annotations beside it is refused.
 */
export function inlineDefinitions(schema: JsonSchema): JsonSchema {
  return inlineNow(schema);
}

/** The tag of a tagged union: the property every member requires and sets to a const. */
export function unionTag(members: readonly JsonSchema[]): string | null {
  const first = (members[0]?.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(first)) {
    const tags = members.every((m) => {
      const property = (m.properties as Record<string, JsonSchema> | undefined)?.[name];
      return property?.const !== undefined && ((m.required ?? []) as string[]).includes(name);
    });
    if (tags) return name;
  }
  return null;
}

/**
 * The schema the validators are compiled from: the published one inlined (inlineDefinitions), and
 * each tagged union given ajv's own `discriminator` keyword, which accepts exactly the values the
 * plain oneOf accepts but checks only the member the tag names. The published files keep the
 * standard vocabulary; without the keyword an invalid action would be checked against every kind,
 * and a file with 20,000 of them would produce 30 errors for each. Cached by identity: ajv compiles
 * a schema object once and refuses a second one with its $id.
 */
export function validatedSchema(schema: JsonSchema): JsonSchema {
  let out = PREPARED.get(schema);
  if (!out) {
    out = withDiscriminators(inlineNow(schema)) as JsonSchema;
    PREPARED.set(schema, out);
  }
  return out;
}

const PREPARED = new WeakMap<JsonSchema, JsonSchema>();

function withDiscriminators(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withDiscriminators);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) out[key] = withDiscriminators(value);
  const tag = out.type === 'object' && Array.isArray(out.oneOf) ? unionTag(out.oneOf as JsonSchema[]) : null;
  if (tag !== null) out.discriminator = { propertyName: tag };
  return out;
}

/** `{ …annotations, allOf: [{ $ref }] }` (how the published files give a $ref its own description) as `{ …annotations, $ref }`. */
function soleRef(node: JsonSchema): JsonSchema {
  const { allOf, ...rest } = node;
  if (!Array.isArray(allOf) || allOf.length !== 1 || rest.$ref !== undefined) return node;
  const only = allOf[0] as JsonSchema;
  return typeof only?.$ref === 'string' && Object.keys(only).length === 1 ? { ...rest, $ref: only.$ref } : node;
}

function inlineNow(schema: JsonSchema): JsonSchema {
  const { $defs, ...root } = schema;
  const defs = ($defs ?? {}) as Record<string, JsonSchema>;
  const inline = (node: unknown, seen: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, seen));
    if (typeof node !== 'object' || node === null) return node;
    const { $ref, ...rest } = soleRef(node as JsonSchema);
    if (typeof $ref === 'string') {
      const name = $ref.startsWith('#/$defs/') ? $ref.slice('#/$defs/'.length) : null;
      if (name === null || !Object.hasOwn(defs, name)) throw new Error(`inlineDefinitions: ${String(schema.$id)} refers to ${$ref}, which is not one of its $defs`);
      if (seen.includes(name)) throw new Error(`inlineDefinitions: the definition ${name} of ${String(schema.$id)} refers to itself`);
      for (const key of Object.keys(rest)) {
        if (!ANNOTATIONS.has(key)) throw new Error(`inlineDefinitions: ${key} beside $ref ${$ref} in ${String(schema.$id)}`);
      }
      return { ...(inline(defs[name], [...seen, name]) as JsonSchema), ...rest };
    }
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(rest)) out[key] = inline(value, seen);
    return out;
  };
  return inline(root, []) as JsonSchema;
}

/**
 * A regular expression that means the same in every validator's dialect as in JavaScript's: `\\d`
 * and `\\w` spelt as ASCII classes (Python's match any Unicode digit or letter), and a final `$`
 * written as "nothing follows" (Python's `$` also matches before a final line end). In JavaScript,
 * where the model's zod regexes run, the rewritten pattern accepts exactly the same strings.
 */
export function portablePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!;
      if (next === 'd') out += inClass ? '0-9' : '[0-9]';
      else if (next === 'w') out += inClass ? 'A-Za-z0-9_' : '[A-Za-z0-9_]';
      else out += c + next;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    if (c === '$' && !inClass && i === pattern.length - 1) out += '(?![\\s\\S])';
    else out += c;
  }
  return out;
}
