import { z } from 'zod';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { renderFields } from './render';
import type { ActionDefinition } from './types';

/** An outbound HTTP request; the simulation records it and sends nothing. */
export const WebhookSchema = z
  .object({
    ...actionHead('webhook'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).describe('HTTP method.'),
    url: z.string().max(2000).describe('Target URL (http or https); empty while not chosen.'),
    body: z.string().max(20000).describe('Request body; may contain tokens.'),
    next: NextSchema,
  })
  .describe('Webhook.');
export type WebhookAction = z.infer<typeof WebhookSchema>;

const HTTP_URL = /^https?:\/\/\S+$/;

export const webhook: ActionDefinition<WebhookAction> = {
  kind: 'webhook',
  schema: WebhookSchema,
  create: (id) => ({ id, kind: 'webhook', method: 'POST', url: '', body: '', next: null }),
  summary: (a, _ws, t) => (a.url ? t('summary.webhook', { method: a.method, url: a.url }) : t('summary.incomplete', { what: t('kind.webhook') })),
  missing: (a) => (HTTP_URL.test(a.url) ? [] : [{ pointer: '/url', message: 'missing.url' }]),
  references: () => [],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const filled = renderFields(ctx, { url: a.url, body: a.body });
    if (!filled) return null;
    if (!HTTP_URL.test(filled.url)) return ctx.fail(`the URL "${filled.url}" is not an http or https address`);
    // The simulation never sends anything (SPEC §8 offline); the request is only recorded.
    ctx.recordWebhook({ method: a.method, url: filled.url, body: filled.body });
    ctx.note(`recorded ${a.method} ${filled.url} (not sent)`);
    return a.next;
  },
};
