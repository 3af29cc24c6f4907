import type { Problem } from '../../document/codes';
import type { z } from 'zod';

/** A problem with one field of a form, located by JSON pointer, with a message key to translate. */
export interface FieldProblem {
  pointer: string;
  key: string;
  params?: Record<string, string | number>;
  /**
   * 'error' blocks saving (the value is invalid); 'incomplete' marks a placeholder that may be
   * saved but keeps the workflow from being enabled; 'unknown' is a reference to something the
   * workspace does not have (shown, not blocking, so an imported workflow can be repaired step by step).
   */
  level: 'error' | 'incomplete' | 'unknown';
  /** A problem of the core the text names as {message}, worded in the reader's language when shown. */
  problem?: Problem;
}

/** JSON pointer of a path such as ['paths', 0, 'label'] → "/paths/0/label". */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function issueProblem(issue: z.core.$ZodIssue): FieldProblem {
  const pointer = toPointer(issue.path);
  const at = (key: string, params?: Record<string, string | number>): FieldProblem => ({ pointer, key, params, level: 'error' });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return at('error.integer');
      if (issue.expected === 'number') return at('error.number');
      return at('error.invalid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? at('error.required') : at('error.minLength', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return at('error.minItems', { min });
      return at('error.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return at('error.maxLength', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return at('error.maxItems', { max });
      return at('error.max', { max });
    }
    case 'invalid_format':
      return at('error.format');
    case 'invalid_value':
      return at('error.choice');
    default:
      return at('error.invalid');
  }
}

/** The schema's complaints about a value, one blocking problem per issue, at the issue's pointer. */
export function schemaProblems(schema: z.ZodType, value: unknown): FieldProblem[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map(issueProblem);
}

/** The first problem exactly at a pointer, errors before the rest. */
export function problemAt(problems: readonly FieldProblem[], pointer: string): FieldProblem | undefined {
  const here = problems.filter((p) => p.pointer === pointer);
  return here.find((p) => p.level === 'error') ?? here[0];
}

/** Whether any problem blocks saving. */
export function hasBlocking(problems: readonly FieldProblem[]): boolean {
  return problems.some((p) => p.level === 'error');
}

/** The first problem at a pointer or anywhere below it, errors before the rest (for a group of fields). */
export function problemUnder(problems: readonly FieldProblem[], pointer: string): FieldProblem | undefined {
  const here = problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`));
  return here.find((p) => p.level === 'error') ?? here[0];
}
