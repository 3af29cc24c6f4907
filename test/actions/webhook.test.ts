import { describe, expect, it } from 'vitest';
import { action, at, incoming, run, text, workflow } from '../engine/helpers';

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
    expect(r.errors[0]!.message).toContain('the URL "https://Jo Customer" is not an http or https address');
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
