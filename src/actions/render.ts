import type { ActionRunContext } from './types';

/**
 * Fills the tokens of one text setting of an action; when it cannot be read, fails the action naming the
 * field (so the trace says which setting to fix) and returns null. Text without tokens comes back as it is.
 */
export function fillField(ctx: ActionRunContext, field: string, text: string): string | null {
  if (!text.includes('{{')) return text;
  const rendered = ctx.render(text);
  if (rendered.error === undefined) return rendered.text;
  ctx.fail(`the ${field} could not be filled in: ${rendered.error}`);
  return null;
}
