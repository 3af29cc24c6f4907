import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import scenarioSchema from '../../schemas/scenario.schema.json';
import workflowSchema from '../../schemas/workflow.schema.json';
import workspaceSchema from '../../schemas/workspace.schema.json';
import { problem, type Problem } from './codes';
import { describeJson, listWords } from './words';
import { actionIdAt, describePlace, pointer, valueAt } from './json-pointer';
import type { JsonSchema } from './json-schemas';
import type { DocumentKind } from './migrations';
import { compileDecider, compileValidator } from './schema-compile';

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

const validators = new Map<DocumentKind, ValidateFunction>();
const deciders = new Map<DocumentKind, ValidateFunction>();

/** A compiled function of a kind, from a cache; compiled once on first use, since compiling costs far more than validating. */
function compiled(cache: Map<DocumentKind, ValidateFunction>, kind: DocumentKind, compile: (schema: JsonSchema) => ValidateFunction): ValidateFunction {
  let validate = cache.get(kind);
  if (!validate) {
    validate = compile(PUBLISHED_SCHEMAS[kind]);
    cache.set(kind, validate);
  }
  return validate;
}

/** Validates data against the published JSON Schema of its kind; every violation becomes a problem. */
export function schemaProblems(kind: DocumentKind, data: unknown): Problem[] {
  // The decider settles a valid document quickly; the validator that explains runs only on an invalid one.
  if (compiled(deciders, kind, compileDecider)(data)) return [];
  const validate = compiled(validators, kind, compileValidator);
  // The validator of the published schema has the last word (tests hold the two to the same verdicts).
  if (validate(data)) return [];
  const schema = PUBLISHED_SCHEMAS[kind];
  const errors = preferMatchingBranch((validate.errors ?? []).map((e) => withDetails(e, data, schema)));
  const formatAt = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  const out: Problem[] = [];
  for (const e of errors) {
    // In memory (never in JSON) an optional property may hold undefined, which means absent, as in
    // JSON.stringify and zod; a required one is already reported missing by its "required" error.
    if (e.data === undefined) continue;
    // A date-time fails both its pattern and its format; the format says it better.
    if (e.keyword === 'pattern' && formatAt.has(e.instancePath)) continue;
    // ajv reports a bad record key twice: as the key's own error (kept) and as propertyNames.
    if (e.keyword === 'propertyNames') continue;
    out.push(toProblem(e, data));
  }
  return out;
}

type AjvError = ErrorObject;

/**
 * An error with what ajv's verbose option would have given it: the data at its place, the schema of
 * its keyword and the schema holding that keyword. The validators are compiled without that option,
 * which slows the validation even of a valid document by a fifth; the errors of an invalid one get
 * the same values back from their paths (the published schemas have no $ref, so a schemaPath points
 * into the schema of the kind).
 */
export function withDetails(e: ErrorObject, data: unknown, schema: JsonSchema): AjvError {
  const schemaPointer = e.schemaPath.replace(/^#/, '');
  return {
    ...e,
    // Inside propertyNames the data checked is the key itself.
    data: e.propertyName !== undefined ? e.propertyName : valueAt(data, e.instancePath),
    schema: valueAt(schema, schemaPointer),
    parentSchema: valueAt(schema, schemaPointer.slice(0, schemaPointer.lastIndexOf('/'))) as AjvError['parentSchema'],
  };
}

/**
 * For a value that matches no branch of an anyOf (nullable ids, filter values), ajv reports every
 * branch's failure. When one branch fits the value's type, only that branch's errors say what is
 * wrong; otherwise the anyOf error alone does ("must be a string or null").
 */
function preferMatchingBranch(errors: AjvError[]): AjvError[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const outer = anyOfs.filter((a) => !anyOfs.some((b) => b !== a && a.schemaPath.startsWith(b.schemaPath + '/')));
  if (outer.length === 0) return errors;
  const inside = (e: AjvError, a: AjvError) => e.schemaPath.startsWith(a.schemaPath + '/');
  const kept = new Set(errors.filter((e) => !outer.some((a) => e === a || inside(e, a))));
  for (const a of outer) {
    const branches = new Map<string, AjvError[]>();
    for (const e of errors) {
      if (!inside(e, a)) continue;
      const branch = e.schemaPath.slice(a.schemaPath.length + 1).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const fitting = [...branches.values()]
      .filter((list) => !list.some((e) => e.keyword === 'type' && e.instancePath === a.instancePath))
      .sort((x, y) => x.length - y.length)[0];
    for (const e of fitting ? preferMatchingBranch(fitting) : [a]) kept.add(e);
  }
  return errors.filter((e) => kept.has(e));
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

/** What an anyOf accepts, from the types of its branches. */
function anyOfTypes(branches: unknown): string {
  const names = (Array.isArray(branches) ? branches : []).flatMap((b: JsonSchema) =>
    // "true or false" reads badly inside a list of alternatives.
    ([] as unknown[]).concat(b.type ?? []).map((t) => (t === 'boolean' ? 'a boolean' : (TYPE_NAMES[String(t)] ?? String(t)))),
  );
  return listWords([...new Set(names)], 'or');
}

/** Friendly words for the patterns the model uses; anything else is quoted. */
const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$':
    'is not a valid id: use letters, digits and _ . : - (at most 128 characters, starting with a letter or digit).',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'is not a time of day written HH:MM (00:00 to 23:59).',
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
    return problem(e.keyword === 'required' ? 'TF201' : 'TF202', path, { where, property }, { actionId });
  }
  if (e.propertyName !== undefined) {
    const where = `The key "${e.propertyName}" in ${e.instancePath}`;
    return problem('TF204', e.instancePath + pointer(e.propertyName), { where, detail: valueDetail(e, describeJson(e.data)) });
  }
  const path = e.instancePath;
  const actionId = actionIdAt(doc, path);
  const where = describePlace(path, actionId);
  const found = describeJson(e.data);
  switch (e.keyword) {
    case 'type':
      return problem('TF203', path, { where, expected: TYPE_NAMES[String(p.type)] ?? String(p.type), found }, { actionId });
    case 'anyOf':
      return problem('TF203', path, { where, expected: anyOfTypes(e.schema), found }, { actionId });
    case 'discriminator': {
      const tag = String(p.tag);
      const allowed = ((e.parentSchema?.oneOf ?? []) as JsonSchema[]).map((b) => {
        const tagSchema = (b.properties as Record<string, JsonSchema> | undefined)?.[tag];
        return JSON.stringify(tagSchema?.const);
      });
      if (p.error === 'mapping') {
        return problem('TF205', path, { where, tag: `"${tag}"`, value: String(p.tagValue), allowed: allowed.join(', ') }, { actionId });
      }
      return problem('TF204', path, { where, detail: `needs "${tag}" set to one of: ${allowed.join(', ')}.` }, { actionId });
    }
  }
  return problem('TF204', path, { where, detail: valueDetail(e, found) }, { actionId });
}

/** The sentence end for a value that has the right type but not an allowed value. */
function valueDetail(e: AjvError, found: string): string {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  switch (e.keyword) {
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}, not ${found}.`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; found ${found}.`;
    case 'pattern':
      return PATTERN_WORDS[String(p.pattern)] ?? `does not match the pattern ${String(p.pattern)}.`;
    case 'format':
      return p.format === 'date-time'
        ? `is not a UTC date-time such as 2026-01-05T09:00:00Z; found ${found}.`
        : `is not a valid ${String(p.format)}; found ${found}.`;
    case 'minLength':
      return `must have at least ${plural(limit, 'character')}.`;
    case 'maxLength':
      return `must have at most ${plural(limit, 'character')}.`;
    case 'minItems':
      return `must have at least ${plural(limit, 'item')}.`;
    case 'maxItems':
      return `must have at most ${plural(limit, 'item')}.`;
    case 'minimum':
      return `must be at least ${limit}; found ${found}.`;
    case 'maximum':
      return `must be at most ${limit}; found ${found}.`;
    default:
      return `${e.message ?? 'is not valid'}.`;
  }
}
