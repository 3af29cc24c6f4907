import type { ActionRunContext, LaterText, Rendered, RenderedLater } from './types';

/**
 * Fills the tokens of one text setting of an action; when it cannot be read, fails the action naming the
 * field (so the trace says which setting to fix) and returns null. Text without tokens comes back as it is.
 */
export function fillField(ctx: ActionRunContext, field: string, text: string): string | null {
  return filled(ctx, field, text, text.includes('{{') ? ctx.render(text) : null);
}

/**
 * Like fillField, for a text only the run's records keep (a body): its tokens' values are read now and
 * its characters joined when the result is taken (ActionRunContext.renderLater).
 */
export function fillFieldLater(ctx: ActionRunContext, field: string, text: string): LaterText | null {
  return filled(ctx, field, text, text.includes('{{') ? ctx.renderLater(text) : null);
}

/** The text a rendering gave (the setting itself when it has no tokens, `rendered` null), or null after failing the action. */
function filled<T extends LaterText>(ctx: ActionRunContext, field: string, text: string, rendered: Rendered | RenderedLater | null): T | null {
  if (rendered === null) return text as T;
  if (rendered.error === undefined) return rendered.text as T;
  ctx.fail(`the ${field} could not be filled in: ${rendered.error}`);
  return null;
}
