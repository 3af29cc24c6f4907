import { describe, expect, it } from 'vitest';
import { action, at, incoming, run, text, workflow } from '../engine/helpers';
import { EN_MESSAGES } from '../../src/actions/messages';
import { urlRule, webhook, type WebhookAction } from '../../src/actions/webhook';

describe('webhook.run', () => {
  it('records the request with its tokens filled and sends nothing', () => {
    const hook = action('webhook', 'hook', { method: 'POST', url: 'https://hooks.example.test/tickets/{{ticket.id}}', body: '{"subject":"{{ticket.subject}}"}' });
    const r = run({ workflows: [workflow('wf-hook', { triggers: [{ type: 'ticketCreated' }], actions: [hook] })], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.webhooks).toEqual([
      { at: at(0), ticket: 'ticket-1', workflow: 'wf-hook', action: 'hook', method: 'POST', url: 'https://hooks.example.test/tickets/ticket-1', body: '{"subject":"Subject of conv-1"}' },
    ]);
    expect(text(r.history['ticket-1']!.actions[0]!)).toBe('Recorded POST https://hooks.example.test/tickets/ticket-1 (not sent).');
  });

  it('fails when the filled URL is not an http address', () => {
    const hook = action('webhook', 'hook', { url: 'https://{{contact.name}}' });
    const r = run({ workflows: [workflow('wf-hook', { triggers: [{ type: 'ticketCreated' }], actions: [hook] })], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.webhooks).toEqual([]);
    expect(r.errors[0]!.message).toContain('the URL "https://Jo Customer" breaks a rule: The URL holds a space; write it as %20.');
  });

  it.each([
    ['javascript:alert(1)', 'url.scheme', 'must start with http:// or https://'],
    ['file:///etc/passwd', 'url.scheme', 'must start with http:// or https://'],
    ['https://example.test/\na', 'url.control', 'control character'],
    ['https://example.test/\u0000', 'url.control', 'control character'],
    ['https://exa\u202emple.test/', 'url.invisible', 'invisible character'],
    ['https://\u200bexample.test/', 'url.invisible', 'invisible character'],
    ['https:///path', 'url.host', 'needs a host name'],
    ['https://a b.test', 'url.space', 'holds a space'],
    ['   ', 'missing.url', 'Enter the URL.'],
  ])('webhook URL rules: %j breaks %s, and the message names it', (url, rule, words) => {
    expect(urlRule(url)).toBe(rule);
    expect(EN_MESSAGES[rule]).toContain(words);
    expect(webhook.missing(action('webhook', 'h', { url }) as WebhookAction)).toEqual([{ pointer: '/url', message: rule }]);
  });

  it.each(['https://hooks.example.test/x?y=1#z', 'HTTP://EXAMPLE.TEST', 'https://user@example.test:8443/{{ticket.id}}'])('webhook URL rules: accepts %j', (url) => {
    expect(urlRule(url)).toBeNull();
  });

  it('webhook URL rules: a URL accepted at once breaks none of the rules, for any mix of hard characters', () => {
    // Seeded mixes of the characters the rules look at, checked rule by rule against the quick acceptance.
    const pieces = ['https://', 'http://', 'HTTPS://', 'a', 'example.test', '/', '@', ':', '?', '#', ' ', '\t', '\u00a0', '\u0085', '\u200b', '\u2028', '\ufeff', '\u061c', '\u007f', '%20', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    for (let i = 0; i < 5000; i++) {
      let url = '';
      for (let k = 0, n = 1 + (i % 6); k < n; k++) url += pieces[next()];
      const breaks =
        url.trim() === '' ||
        /[\u0000-\u001f\u007f-\u009f]/.test(url) ||
        /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.test(url) ||
        !/^https?:\/\//i.test(url) ||
        /\s/.test(url) ||
        !/^https?:\/\/[^/?#@\s]*@?[^/?#:@\s]+/i.test(url);
      expect(urlRule(url) === null, JSON.stringify(url)).toBe(!breaks);
    }
  });

  it('records a URL without tokens as it is for every ticket that reaches it', () => {
    const hook = action('webhook', 'hook', { method: 'PUT', url: 'https://hooks.example.test/all', body: '' });
    const r = run({ workflows: [workflow('wf-hook', { triggers: [{ type: 'ticketCreated' }], actions: [hook] })], events: [incoming(0, 'conv-1', 'th-1'), incoming(1, 'conv-2', 'th-2')] });
    expect(r.errors).toEqual([]);
    expect(r.webhooks.map((w) => [w.ticket, w.method, w.url, w.body])).toEqual([
      ['ticket-1', 'PUT', 'https://hooks.example.test/all', ''],
      ['ticket-2', 'PUT', 'https://hooks.example.test/all', ''],
    ]);
  });
});
