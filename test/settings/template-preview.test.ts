import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { previewTemplate, tokenError, unknownTokens } from '../../src/settings/template-preview';

describe('previewTemplate', () => {
  const ws = defaultWorkspace();
  const closed = ws.templates.find((t) => t.builtIn === 'ticketClosed')!;

  it('fills the tokens for a sample ticket of the workspace', () => {
    const p = previewTemplate(ws, closed, 'Printer on fire');
    expect(p).toMatchObject({ ok: true, subject: 'Your request is resolved: Printer on fire', to: 'jo@example.test', footer: 'Sent with Ticketflow' });
    expect(p.ok && p.body).toContain('Hi Jo Customer,');
    expect(p.ok && p.body).toContain('(ticket T-1001)');
  });

  it('[S-branding] leaves the footer out when the workspace turns branding off', () => {
    const p = previewTemplate({ ...ws, branding: { ...ws.branding, footer: false } }, closed, 'x');
    expect(p.ok && p.footer).toBeNull();
  });

  it('keeps markup in values and texts as plain characters (the preview escapes them)', () => {
    const p = previewTemplate(ws, { subject: '<b>{{ticket.subject}}</b>', body: 'x' }, '<script>1</script>');
    expect(p.ok && p.subject).toBe('<b><script>1</script></b>');
  });

  it('names the field whose tokens cannot be read', () => {
    const p = previewTemplate(ws, { subject: 'ok', body: 'Hi {{contact.name' }, 'x');
    expect(p).toMatchObject({ ok: false, field: 'body' });
    expect(!p.ok && p.message).toMatch(/Unclosed tag/);
  });
});

describe('unknownTokens', () => {
  it('lists tokens that are not personalization tokens, once each', () => {
    expect(unknownTokens('{{ticket.subject}} {{ticket.sbuject}} {{#ticket.owner}}{{agent}}{{/ticket.owner}} {{agent}}')).toEqual(['ticket.sbuject', 'agent']);
  });

  it('is empty for the built-in templates', () => {
    for (const t of defaultWorkspace().templates) expect(unknownTokens(t.subject + t.body)).toEqual([]);
  });
});

describe('tokenError', () => {
  it('is null for a readable text and says what is wrong otherwise', () => {
    expect(tokenError('Hi {{contact.name}}')).toBeNull();
    expect(tokenError('{{#a}}open')).toMatch(/Unclosed section "a"/);
  });
});
