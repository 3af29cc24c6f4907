import { z } from 'zod';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { quote } from '../document/words';
import { EN_MESSAGES } from './messages';
import { fillField, fillFieldLater } from './render';
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

/** The rule a webhook URL breaks, as the key of its message (see messages.ts). */
export type UrlRule = 'missing.url' | 'url.control' | 'url.invisible' | 'url.scheme' | 'url.space' | 'url.host';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Direction marks, embeddings, overrides and isolates, zero-width characters and the BOM: they make an address read as another. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const SCHEME = /^https?:\/\//i;
const HOST = /^https?:\/\/[^/?#@\s]*@?[^/?#:@\s]+/i;
/** Any character CONTROL, INVISIBLE or a space rule refuses. */
const ANY_BAD = /[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * Why a text is not a webhook URL, or null when it is one: an http or https address with a host, and
 * no control, invisible or space character. One rule for validation, the inspector and the run.
 */
export function urlRule(url: string): UrlRule | null {
  // A good URL passes two tests (a run checks every URL its tokens fill in); the rules below say what a bad one breaks.
  if (!ANY_BAD.test(url) && HOST.test(url)) return null;
  if (url.trim() === '') return 'missing.url';
  if (CONTROL.test(url)) return 'url.control';
  if (INVISIBLE.test(url)) return 'url.invisible';
  if (!SCHEME.test(url)) return 'url.scheme';
  if (/\s/.test(url)) return 'url.space';
  if (!HOST.test(url)) return 'url.host';
  return null;
}

/** The rule a webhook's URL setting, taken as it is, breaks (settings never change in place). */
const urlChecked = new WeakMap<WebhookAction, UrlRule | null>();

function settingRule(a: WebhookAction): UrlRule | null {
  let rule = urlChecked.get(a);
  if (rule === undefined) urlChecked.set(a, (rule = urlRule(a.url)));
  return rule;
}

export const webhook: ActionDefinition<WebhookAction> = {
  kind: 'webhook',
  schema: WebhookSchema,
  create: (id) => ({ id, kind: 'webhook', method: 'POST', url: '', body: '', next: null }),
  summary: (a, _ws, t) => (a.url ? t('summary.webhook', { method: a.method, url: a.url }) : t('summary.incomplete', { what: t('kind.webhook') })),
  missing: (a) => {
    const rule = settingRule(a);
    return rule === null ? [] : [{ pointer: '/url', message: rule }];
  },
  references: () => [],
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const url = fillField(ctx, 'url', a.url);
    if (url === null) return null;
    const body = fillFieldLater(ctx, 'body', a.body);
    if (body === null) return null;
    // A URL without tokens is checked once per action; a filled one each time, as its values vary by ticket.
    const rule = url === a.url ? settingRule(a) : urlRule(url);
    if (rule !== null) return ctx.fail(`the URL ${quote(url, 200)} breaks a rule: ${EN_MESSAGES[rule]}`);
    // The simulation never sends anything (SPEC §8 offline); the request is only recorded.
    ctx.recordWebhook({ method: a.method, url, body });
    ctx.note('action.webhook.recorded', { method: a.method, url });
    return a.next;
  },
};
