import Mustache from 'mustache';
import { fillTemplate, TOKEN_NAMES, unknownTokenNames } from '../engine/tokens';
import type { EmailTemplate, Workspace } from '../model';

/** The personalization tokens an email template can use: the simulation's own table. */
export const TEMPLATE_TOKENS = TOKEN_NAMES;

/** Tokens a text uses that are not personalization tokens (they are sent as written); throws on unreadable text. */
export const unknownTokens = unknownTokenNames;

/** A template filled in for a sample ticket, or the field whose tokens cannot be read. */
export type TemplatePreview =
  | { ok: true; subject: string; body: string; footer: string | null; to: string }
  | { ok: false; field: 'subject' | 'body'; message: string };

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
  const sample: Record<string, string> = {
    'ticket.id': 'T-1001',
    'ticket.subject': sampleSubject,
    'ticket.status': pipeline.statuses[0]!.label,
    'ticket.statusId': pipeline.statuses[0]!.id,
    'ticket.pipeline': pipeline.name,
    'ticket.priority': ws.defaultPriority,
    'ticket.owner': owner.name,
    'ticket.source': 'email',
    'ticket.createdAt': '2026-01-05T09:00:00.000Z',
    'ticket.closedAt': '',
    'ticket.link': '#/tickets/T-1001',
    'contact.name': contact.name,
    'contact.email': contact.email,
    'owner.name': owner.name,
    'owner.email': owner.email,
    'workspace.name': ws.name,
  };
  const values = new Map(Object.entries(sample));
  const fields = { subject: template.subject, body: template.body };
  const out = { subject: '', body: '' };
  for (const field of ['subject', 'body'] as const) {
    const error = tokenError(fields[field]);
    if (error !== null) return { ok: false, field, message: error };
    out[field] = fillTemplate(fields[field], (name) => values.get(name));
  }
  return { ok: true, ...out, footer: ws.branding.footer ? ws.branding.footerText : null, to: contact.email || contact.name };
}
