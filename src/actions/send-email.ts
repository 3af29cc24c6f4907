import { z } from 'zod';
import { IdSchema } from '../model/common';
import { actionHead, linearLinks, NextSchema, withNext } from './link';
import { fillField, fillFieldLater } from './render';
import type { ActionDefinition } from './types';

/** Send an email to the ticket's contact, from a template or with a custom subject and body. */
export const SendEmailSchema = z
  .object({
    ...actionHead('sendEmail'),
    templateId: IdSchema.nullable().describe('The email template; null to write a custom subject and body.'),
    subject: z.string().max(1000).describe('Custom subject (used when no template is chosen); may contain tokens.'),
    body: z.string().max(20000).describe('Custom plain-text body (used when no template is chosen); may contain tokens.'),
    next: NextSchema,
  })
  .describe("Send email to the ticket's contact.");
export type SendEmailAction = z.infer<typeof SendEmailSchema>;

export const sendEmail: ActionDefinition<SendEmailAction> = {
  kind: 'sendEmail',
  schema: SendEmailSchema,
  create: (id) => ({ id, kind: 'sendEmail', templateId: null, subject: '', body: '', next: null }),
  summary(a, ws, t) {
    if (a.templateId) {
      const tpl = ws.templates.find((x) => x.id === a.templateId);
      return t('summary.sendEmail.template', { name: tpl?.name ?? a.templateId });
    }
    if (a.subject) return t('summary.sendEmail.custom', { subject: a.subject });
    return t('summary.incomplete', { what: t('kind.sendEmail') });
  },
  missing: (a) =>
    a.templateId || (a.subject.trim() && a.body.trim()) ? [] : [{ pointer: '/templateId', message: 'missing.template' }],
  references: (a) => (a.templateId ? [{ type: 'template', id: a.templateId, pointer: '/templateId' }] : []),
  links: linearLinks,
  withLink: withNext,
  run(a, ctx) {
    const contact = ctx.contact;
    if (!contact) return ctx.fail('the ticket has no contact to email');
    let subjectText = a.subject;
    let bodyText = a.body;
    let templateId: string | null = null;
    if (a.templateId) {
      const template = ctx.template(a.templateId);
      if (!template) return ctx.fail(`template "${a.templateId}" does not exist in the workspace`);
      subjectText = template.subject;
      bodyText = template.body;
      templateId = template.id;
    }
    const subject = fillField(ctx, 'subject', subjectText);
    if (subject === null) return null;
    const body = fillFieldLater(ctx, 'body', bodyText);
    if (body === null) return null;
    // [S-branding] automated emails carry the product footer unless the workspace setting removes it.
    const branding = ctx.workspace.branding;
    const footer = branding.footer ? branding.footerText : null;
    ctx.sendEmail({ templateId: a.templateId, subject, body, footer });
    ctx.note('action.sendEmail.sent', { subject, to: contact.email, template: templateId, footer: footer !== null });
    return a.next;
  },
};
