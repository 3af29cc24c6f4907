import { describe, expect, it } from 'vitest';
import { emailSrcDoc, escapeHtml, PREVIEW_CSP } from '../../../src/ui/simulation/email-preview';

const labels = { from: 'From', to: 'To', subject: 'Subject' };

describe('emailSrcDoc', () => {
  const doc = emailSrcDoc({
    from: 'Acme <Support>',
    to: 'Jo "<img src=x onerror=alert(1)>" <jo@example.test>',
    subject: '<script>alert(1)</script>',
    body: 'Hi <b>Jo</b>,\n\nline two & more',
    footer: 'Sent with <Ticketflow>',
    labels,
  });

  it('escapes every value, so markup in names, subjects and templates shows as text', () => {
    expect(doc).not.toContain('<script>');
    expect(doc).not.toContain('<img');
    expect(doc).not.toContain('<b>');
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&lt;b&gt;Jo&lt;/b&gt;');
    expect(doc).toContain('line two &amp; more');
  });

  it('carries a CSP that loads nothing remote and allows only inline styles', () => {
    expect(PREVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`);
  });

  it('shows the branding footer when the email has one, and none otherwise', () => {
    expect(doc).toContain('<footer>Sent with &lt;Ticketflow&gt;</footer>');
    expect(emailSrcDoc({ from: 'a', to: 'b', subject: 's', body: 'x', footer: null, labels })).not.toContain('<footer>');
  });

  it('keeps paragraphs of the plain-text body', () => {
    expect(emailSrcDoc({ from: 'a', to: 'b', subject: 's', body: 'one\n\ntwo', footer: null, labels })).toContain('<p>one</p><p>two</p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
