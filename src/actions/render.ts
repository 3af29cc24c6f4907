import type { ActionRunContext } from './types';

/**
 * Fills the tokens of several texts of an action; when one cannot be read, fails the action naming the
 * field, so the trace says which setting to fix.
 */
export function renderFields<K extends string>(ctx: ActionRunContext, fields: Record<K, string>): Record<K, string> | null {
  let tokens = false;
  for (const key in fields) tokens ||= fields[key].includes('{{');
  if (!tokens) return fields;
  const out = {} as Record<K, string>;
  for (const key in fields) {
    const rendered = ctx.render(fields[key]);
    if (rendered.error !== undefined) {
      ctx.fail(`the ${key} could not be filled in: ${rendered.error}`);
      return null;
    }
    out[key] = rendered.text;
  }
  return out;
}
