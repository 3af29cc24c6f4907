import scenarioSchema from '../../schemas/scenario.schema.json';
import workflowSchema from '../../schemas/workflow.schema.json';
import workspaceSchema from '../../schemas/workspace.schema.json';
import { capProblems, problem, type Problem, type ReportLimits } from './codes';
import { actionIdAt, describePlace, pointer, valueAt } from './json-pointer';
import type { JsonSchema } from './json-schemas';
import type { DocumentKind } from './migrations';
import { compileDecider, compileValidator } from './schema-compile';
import { portablePattern, unionTag, validatedSchema } from './schema-shape';
import { describeTimestamp } from './timestamps';
import type { SchemaError, Validator } from './validator';
import { clip, describeJson, jsonFound, listWords, quote } from './words';

/**
 * loadValidators() resolves once schemaProblems (and so every import and validation) can run;
 * validatorsReady() says whether it can now. In Node always; in the app once the validators' chunk
 * has arrived, which is after first paint.
 */
export { loadValidators, validatorsReady } from './schema-compile';

/**
 * The committed schema files, which are what backend teams validate against; a test keeps them
 * equal to what the zod model generates.
 */
export const PUBLISHED_SCHEMAS: Record<DocumentKind, JsonSchema> = {
  workflow: workflowSchema,
  workspace: workspaceSchema,
  scenario: scenarioSchema,
};

/** What the validators of a kind are compiled from (validatedSchema): every error's schemaPath is a path into it. */
export function inlinedSchema(kind: DocumentKind): JsonSchema {
  return validatedSchema(PUBLISHED_SCHEMAS[kind]);
}

const validators = new Map<DocumentKind, Validator>();
const deciders = new Map<DocumentKind, Validator>();

/** A compiled function of a kind, from a cache; compiled once on first use, since compiling costs far more than validating. */
function compiled(cache: Map<DocumentKind, Validator>, kind: DocumentKind, compile: (schema: JsonSchema) => Validator): Validator {
  let validate = cache.get(kind);
  if (!validate) {
    validate = compile(PUBLISHED_SCHEMAS[kind]);
    cache.set(kind, validate);
  }
  return validate;
}

/**
 * Validates data against the published JSON Schema of its kind; every violation becomes a problem.
 * The work is linear in the number of violations. With `limits`, only the problems a capped report
 * lists are put into words, and the rest are counted in its TF001 marker.
 */
export function schemaProblems(kind: DocumentKind, data: unknown, limits?: Partial<ReportLimits>): Problem[] {
  // The decider settles a valid document quickly; the validator that explains runs only on an invalid one.
  if (compiled(deciders, kind, compileDecider)(data)) return [];
  const validate = compiled(validators, kind, compileValidator);
  // The validator of the published schema has the last word (tests hold the two to the same verdicts).
  if (validate(data)) return [];
  const schema = inlinedSchema(kind);
  const errors = chooseBranches(validate.errors ?? [], schema);
  const formatAt = new Set<string>();
  for (const e of errors) if (e.keyword === 'format') formatAt.add(e.instancePath);
  const explain = limits ? (limits.maxProblems ?? Infinity) : Infinity;
  const out: Problem[] = [];
  let unexplained = 0;
  for (const e of errors) {
    // ajv reports a bad record key twice: as the key's own error (kept) and as propertyNames.
    if (e.keyword === 'propertyNames') continue;
    // A date-time fails both its pattern and its format; the format says it better.
    if (e.keyword === 'pattern' && formatAt.has(e.instancePath)) continue;
    // Inside propertyNames the data checked is the key itself.
    const value = e.propertyName !== undefined ? e.propertyName : valueAt(data, e.instancePath);
    // In memory (never in JSON) an optional property may hold undefined, which means absent, as in
    // JSON.stringify and zod; a required one is already reported missing by its "required" error.
    if (value === undefined) continue;
    if (out.length < explain) out.push(toProblem(withDetails(e, value, schema), data));
    else unexplained++;
  }
  return limits ? capProblems(out, limits, unexplained) : out;
}

type AjvError = SchemaError;

/**
 * An error with what ajv's verbose option would have given it: the data at its place, the schema of
 * its keyword and the schema holding that keyword. The validators are compiled without that option,
 * which slows the validation even of a valid document by a fifth; the errors of an invalid one get
 * the same values back from their paths (schemaPath is a path into the inlined schema).
 */
export function withDetails(e: SchemaError, data: unknown, schema: JsonSchema): AjvError {
  const schemaPointer = e.schemaPath.slice(1);
  return {
    ...e,
    data,
    schema: valueAt(schema, schemaPointer),
    parentSchema: valueAt(schema, schemaPointer.slice(0, schemaPointer.lastIndexOf('/'))) as AjvError['parentSchema'],
  };
}

/** Whether an instance path lies at or below another. */
function within(path: string, base: string): boolean {
  return path === base || (path.startsWith(base) && path.charCodeAt(base.length) === 47 /* / */);
}

/** Whether error e was found inside the union error u: below its keyword, at or below its place. */
function inside(e: AjvError, u: AjvError): boolean {
  return e.schemaPath.startsWith(u.schemaPath) && e.schemaPath.charCodeAt(u.schemaPath.length) === 47 && within(e.instancePath, u.instancePath);
}

/**
 * For a value that matches no member of a union (anyOf: nullable ids, filter values; oneOf: the
 * tagged unions of actions, triggers, events), ajv reports every member's failures, then the union's
 * own error. Only the member the value is meant for says what is wrong: for a tagged union the one
 * whose tag the value has, for an anyOf the one of the value's type. When no member fits, the union's
 * own error stands for them (it says what the union accepts).
 *
 * Linear: with allErrors, a union's member errors are the run of errors just before its own error,
 * member after member, so each union takes its run from the end backwards; a union nested in the
 * chosen member is settled the same way within that member's run. The nesting is the schema's, so
 * it is shallow.
 */
function chooseBranches(errors: readonly AjvError[], schema: JsonSchema): AjvError[] {
  const out: AjvError[] = [];
  const settle = (from: number, to: number): void => {
    // Walks [from, to) backwards, collecting kept errors in reverse; the caller reverses once.
    let k = to - 1;
    while (k >= from) {
      const e = errors[k]!;
      if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
        out.push(e);
        k--;
        continue;
      }
      let start = k;
      while (start > from && inside(errors[start - 1]!, e)) start--;
      const member = fittingMember(errors, start, k, e, schema);
      if (member) settle(member.from, member.to);
      // A union that also has a type (a tagged union is an object) checks it first: the value of
      // the wrong type is then said once, by that error, which comes next in this walk.
      else if (!ownTypeError(errors[start - 1], e)) out.push(e);
      k = start - 1;
    }
  };
  settle(0, errors.length);
  return out.reverse();
}

/** Whether e is the error of the type beside union error u's keyword, at the same place. */
function ownTypeError(e: AjvError | undefined, u: AjvError): boolean {
  return e !== undefined && e.keyword === 'type' && e.instancePath === u.instancePath && e.schemaPath === u.schemaPath.slice(0, u.schemaPath.lastIndexOf('/')) + '/type';
}

/** The member of union error u (its errors are errors[from..to)) that the value is meant for, as a range. */
function fittingMember(errors: readonly AjvError[], from: number, to: number, u: AjvError, schema: JsonSchema): { from: number; to: number } | null {
  const prefix = u.schemaPath + '/';
  let best: { from: number; to: number } | null = null;
  let i = from;
  while (i < to) {
    const member = errors[i]!.schemaPath.slice(prefix.length).split('/', 1)[0]!;
    const memberPath = prefix + member;
    let j = i;
    let fits = true;
    while (j < to && (errors[j]!.schemaPath === memberPath || errors[j]!.schemaPath.startsWith(memberPath + '/'))) {
      if (fits && refusesOutright(errors[j]!, u, memberPath, schema)) fits = false;
      j++;
    }
    if (j === i) j = i + 1;
    if (fits && (best === null || j - i < best.to - best.from)) best = { from: i, to: j };
    i = j;
  }
  // None fits when the value's type or tag (an unknown action kind, say) picks no member.
  return best;
}

/**
 * Whether a member error shows the value is not meant for that member: its type is another, or (for
 * a tagged union) its tag has another value or is missing.
 */
function refusesOutright(e: AjvError, u: AjvError, memberPath: string, schema: JsonSchema): boolean {
  if (e.instancePath === u.instancePath && e.keyword === 'type' && e.schemaPath === memberPath + '/type') return true;
  if (u.keyword !== 'oneOf') return false;
  if (e.keyword === 'const') return e.instancePath.startsWith(u.instancePath + '/') && !e.instancePath.slice(u.instancePath.length + 1).includes('/');
  if (e.keyword !== 'required' || e.instancePath !== u.instancePath || e.schemaPath !== memberPath + '/required') return false;
  const member = valueAt(schema, memberPath.slice(1)) as JsonSchema | undefined;
  const property = (e.params as { missingProperty: string }).missingProperty;
  return (member?.properties as Record<string, JsonSchema> | undefined)?.[property]?.const !== undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

/** What a union accepts, from the types of its members. */
function anyOfTypes(branches: unknown): string {
  const names = (Array.isArray(branches) ? branches : []).flatMap((b: JsonSchema) =>
    // "true or false" reads badly inside a list of alternatives.
    ([] as unknown[]).concat(b.type ?? []).map((t) => (t === 'boolean' ? 'a boolean' : (TYPE_NAMES[String(t)] ?? String(t)))),
  );
  return listWords([...new Set(names)], 'or');
}

/** Friendly words for the patterns the model uses; anything else is named, never quoted. */
const PATTERN_WORDS: Record<string, { words: string; rule: string }> = {
  [portablePattern('^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$')]: {
    words: 'is not a valid id: use letters, digits and _ . : - (at most 128 characters, starting with a letter or digit).',
    rule: 'id',
  },
  [portablePattern('^([01]\\d|2[0-3]):[0-5]\\d$')]: { words: 'is not a time of day written HH:MM (00:00 to 23:59).', rule: 'time' },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toProblem(e: AjvError, doc: unknown): Problem {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
    const property = String(e.keyword === 'required' ? p.missingProperty : p.additionalProperty);
    const path = e.instancePath + pointer(property);
    const actionId = actionIdAt(doc, e.instancePath);
    const where = describePlace(e.instancePath, actionId);
    return problem(e.keyword === 'required' ? 'TF201' : 'TF202', path, { where, property, at: e.instancePath }, { actionId });
  }
  if (e.propertyName !== undefined) {
    const where = `The key ${quote(e.propertyName)} in ${clip(e.instancePath || 'the document')}`;
    const found = jsonFound(e.data);
    return problem('TF204', e.instancePath + pointer(e.propertyName), { where, key: e.propertyName, at: e.instancePath, ...valueDetail(e, describeJson(e.data)), ...found });
  }
  const path = e.instancePath;
  const actionId = actionIdAt(doc, path);
  const where = describePlace(path, actionId);
  const found = describeJson(e.data);
  const kind = jsonFound(e.data);
  switch (e.keyword) {
    case 'type':
      return problem('TF203', path, { where, expected: TYPE_NAMES[String(p.type)] ?? String(p.type), found, types: [String(p.type)], ...kind }, { actionId });
    case 'anyOf':
      return problem('TF203', path, { where, expected: anyOfTypes(e.schema), found, types: typesOf(e.schema), ...kind }, { actionId });
    case 'discriminator': {
      const tag = String(p.tag);
      const members = ((e.parentSchema?.oneOf ?? []) as JsonSchema[]);
      const allowed = members.map((m) => JSON.stringify((m.properties as Record<string, JsonSchema>)[tag]?.const)).join(', ');
      if (p.error === 'mapping') return problem('TF205', path, { where, tag: `"${tag}"`, value: String(p.tagValue), allowed }, { actionId });
      return problem('TF204', path, { where, detail: `needs "${tag}" set to one of: ${allowed}.`, rule: 'tag', tag, allowed }, { actionId });
    }
    case 'oneOf': {
      const members = (Array.isArray(e.schema) ? e.schema : []) as JsonSchema[];
      const tag = unionTag(members);
      if (tag === null || typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) {
        return problem('TF203', path, { where, expected: anyOfTypes(members), found, types: typesOf(members), ...kind }, { actionId });
      }
      const allowed = members.map((m) => JSON.stringify((m.properties as Record<string, JsonSchema>)[tag]!.const)).join(', ');
      const value = (e.data as Record<string, unknown>)[tag];
      if (typeof value === 'string') return problem('TF205', path, { where, tag: `"${tag}"`, value: value, allowed }, { actionId });
      return problem('TF204', path, { where, detail: `needs "${tag}" set to one of: ${allowed}.`, rule: 'tag', tag, allowed }, { actionId });
    }
  }
  return problem('TF204', path, { where, ...valueDetail(e, found), ...kind }, { actionId });
}

/** The JSON types a union's members take, each once. */
function typesOf(branches: unknown): string[] {
  return [...new Set((Array.isArray(branches) ? branches : []).flatMap((b: JsonSchema) => ([] as unknown[]).concat(b.type ?? []).map(String)))];
}

/**
 * The sentence end for a value that has the right type but not an allowed value (`detail`), and what
 * other languages word it from: the rule broken (`rule`, the JSON Schema keyword or a named pattern)
 * with its limit or allowed values.
 */
function valueDetail(e: AjvError, found: string): { detail: string; rule: string; limit?: number; allowed?: string } {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const rule = e.keyword;
  switch (e.keyword) {
    case 'const':
      return { detail: `must be ${JSON.stringify(p.allowedValue)}, not ${found}.`, rule, allowed: JSON.stringify(p.allowedValue) };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { detail: `must be one of: ${allowed}; found ${found}.`, rule, allowed };
    }
    case 'pattern': {
      if (e.parentSchema?.format === 'date-time') return { detail: describeTimestamp(e.data), rule: 'dateTime' };
      const named = PATTERN_WORDS[String(p.pattern)];
      return named ? { detail: named.words, rule: named.rule } : { detail: 'is not written the way this value must be.', rule };
    }
    case 'format':
      return p.format === 'date-time'
        ? { detail: describeTimestamp(e.data), rule: 'dateTime' }
        : { detail: `is not a valid ${String(p.format)}; found ${found}.`, rule, allowed: String(p.format) };
    case 'minLength':
      return { detail: `must have at least ${plural(limit, 'character')}.`, rule, limit };
    case 'maxLength':
      return { detail: `must have at most ${plural(limit, 'character')}.`, rule, limit };
    case 'minItems':
      return { detail: `must have at least ${plural(limit, 'item')}.`, rule, limit };
    case 'maxItems':
      return { detail: `must have at most ${plural(limit, 'item')}.`, rule, limit };
    case 'minimum':
      return { detail: `must be at least ${limit}; found ${found}.`, rule, limit };
    case 'maximum':
      return { detail: `must be at most ${limit}; found ${found}.`, rule, limit };
    default:
      return { detail: `${e.message ?? 'is not valid'}.`, rule: 'other' };
  }
}
