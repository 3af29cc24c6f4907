/** The policy inside every preview document: inline styles only, so nothing remote loads and nothing runs. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** An email as the contact receives it. */
export interface PreviewEmail {
  /** Sender line, e.g. the help desk's address. */
  from: string;
  /** Recipient address (or name when the contact has no address). */
  to: string;
  subject: string;
  /** Plain-text body with tokens already filled. */
  body: string;
  /** The branding footer, or null when the workspace turned it off. */
  footer: string | null;
  /** Labels of the header lines, in the UI language. */
  labels: { from: string; to: string; subject: string };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place anywhere in HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The srcdoc of an email preview. Every value is escaped, so markup in a subject, a contact's name
 * or a template shows as text; the iframe it goes into carries sandbox="" on top of the CSP here.
 */
export function emailSrcDoc(email: PreviewEmail): string {
  const paragraphs = email.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('');
  const footer = email.footer === null ? '' : `<footer>${escapeHtml(email.footer)}</footer>`;
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PREVIEW_CSP)}">` +
    '<style>body{font:14px/1.5 system-ui,sans-serif;margin:0;padding:12px;color:#1f2328;background:#fff}' +
    'dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 8px;margin:0 0 12px;padding-bottom:8px;border-bottom:1px solid #d0d7de}' +
    'dt{color:#59636e}dd{margin:0}p{margin:0 0 10px;white-space:pre-wrap}' +
    'footer{margin-top:16px;padding-top:8px;border-top:1px solid #d0d7de;color:#59636e;font-size:12px}</style>' +
    '</head><body>' +
    `<dl><dt>${escapeHtml(email.labels.from)}</dt><dd>${escapeHtml(email.from)}</dd>` +
    `<dt>${escapeHtml(email.labels.to)}</dt><dd>${escapeHtml(email.to)}</dd>` +
    `<dt>${escapeHtml(email.labels.subject)}</dt><dd><strong>${escapeHtml(email.subject)}</strong></dd></dl>` +
    paragraphs +
    footer +
    '</body></html>'
  );
}
