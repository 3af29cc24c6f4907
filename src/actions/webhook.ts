import { z } from 'zod';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { fillField } from './render';
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

/** Whether a webhook's URL setting, taken as it is, is an http or https address (settings never change in place). */
const urlChecked = new WeakMap<WebhookAction, boolean>();

function settingIsHttpUrl(a: WebhookAction): boolean {
  let ok = urlChecked.get(a);
  if (ok === undefined) urlChecked.set(a, (ok = HTTP_URL.test(a.url)));
  return ok;
}

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
    const url = fillField(ctx, 'url', a.url);
    if (url === null) return null;
    const body = fillField(ctx, 'body', a.body);
    if (body === null) return null;
    // A URL without tokens is checked once per action; a filled one each time, as its values vary by ticket.
    if (!(url === a.url ? settingIsHttpUrl(a) : HTTP_URL.test(url))) return ctx.fail(`the URL "${url}" is not an http or https address`);
    // The simulation never sends anything (SPEC §8 offline); the request is only recorded.
    ctx.recordWebhook({ method: a.method, url, body });
    ctx.note('action.webhook.recorded', { method: a.method, url });
    return a.next;
  },
};
