import Mustache from 'mustache';
import { tokenView } from '../engine/tokens';
import type { EmailTemplate, Workspace } from '../model';

/** The personalization tokens an email template can use (the simulation fills the same ones). */
export const TEMPLATE_TOKENS = [
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'ticket.pipeline',
  'ticket.priority',
  'ticket.owner',
  'ticket.source',
  'ticket.createdAt',
  'ticket.link',
  'contact.name',
  'contact.email',
  'owner.name',
  'owner.email',
  'workspace.name',
] as const;

/** A template filled in for a sample ticket, or the field whose tokens cannot be read. */
export type TemplatePreview =
  | { ok: true; subject: string; body: string; footer: string | null; to: string }
  | { ok: false; field: 'subject' | 'body'; message: string };

// Emails are plain text: values go in as they are; the preview escapes the whole result instead.
const PLAIN = { escape: (value: unknown) => String(value) };

/** The names of the variables a template text uses, in order of appearance, sections included. */
function tokenNames(text: string): string[] {
  const names: string[] = [];
  const walk = (tokens: unknown[][]) => {
    for (const tok of tokens) {
      const [type, name, , , children] = tok as [string, string, number, number, unknown[][] | undefined];
      if (type === 'name' || type === '&' || type === '#' || type === '^') names.push(name);
      if (children) walk(children);
    }
  };
  walk(Mustache.parse(text) as unknown[][]);
  return names;
}

/** Tokens a text uses that are not personalization tokens (they would come out empty); throws on unreadable text. */
export function unknownTokens(text: string): string[] {
  const known = new Set<string>(TEMPLATE_TOKENS);
  return [...new Set(tokenNames(text).filter((n) => !known.has(n)))];
}

/** Why a template text cannot be read, or null when it can. */
export function tokenError(text: string): string | null {
  try {
    Mustache.parse(text);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The template as a contact would receive it for a sample ticket of the workspace: its first
 * contact, first help-desk user as owner, first pipeline and status, and the branding footer
 * as the workspace sets it.
 */
export function previewTemplate(ws: Workspace, template: Pick<EmailTemplate, 'subject' | 'body'>, sampleSubject: string): TemplatePreview {
  const contact = ws.contacts[0] ?? { name: '', email: '' };
  const owner = ws.users.find((u) => u.helpDeskAccess) ?? { name: '', email: '' };
  const pipeline = ws.pipelines[0]!;
  const view = tokenView({
    ticket: {
      id: 'T-1001',
      subject: sampleSubject,
      status: pipeline.statuses[0]!.label,
      pipeline: pipeline.name,
      priority: ws.defaultPriority,
      owner: owner.name,
      source: 'email',
      createdAt: '2026-01-05T09:00:00.000Z',
      link: '#/tickets/T-1001',
    },
    contact: { name: contact.name, email: contact.email },
    owner: { name: owner.name, email: owner.email },
    workspace: { name: ws.name },
  });
  const fields = { subject: template.subject, body: template.body };
  const out = { subject: '', body: '' };
  for (const field of ['subject', 'body'] as const) {
    const error = tokenError(fields[field]);
    if (error !== null) return { ok: false, field, message: error };
    out[field] = Mustache.render(fields[field], view, undefined, PLAIN);
  }
  return { ok: true, ...out, footer: ws.branding.footer ? ws.branding.footerText : null, to: contact.email || contact.name };
}
