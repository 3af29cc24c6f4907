import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../src/model';
import { action, incoming, run, text, workflow } from '../engine/helpers';

const onCreate = (a: ReturnType<typeof action<'sendEmail'>>) => workflow('wf-email', { triggers: [{ type: 'ticketCreated' }], actions: [a] });

describe('sendEmail.run', () => {
  it('fills the tokens of a template and sends it to the ticket contact', () => {
    const r = run({ workflows: [onCreate(action('sendEmail', 'mail', { templateId: 'tpl-closed' }))], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox).toHaveLength(1);
    expect(r.outbox[0]).toMatchObject({ to: 'jo@example.test', template: 'tpl-closed', subject: 'Your request is resolved: Subject of conv-1' });
    expect(r.outbox[0]!.body).toContain('Hi Jo Customer,');
    expect(r.outbox[0]!.body).toContain('(ticket ticket-1)');
  });

  it('sends a custom subject and body without HTML escaping', () => {
    const mail = action('sendEmail', 'mail', { subject: '{{ticket.subject}} & more', body: 'Owner: {{owner.name}}; status {{ticket.status}}; <b>{{contact.email}}</b>' });
    const r = run({ workflows: [onCreate(mail)], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox[0]).toMatchObject({ template: null, subject: 'Subject of conv-1 & more', body: 'Owner: ; status New; <b>jo@example.test</b>' });
  });

  it('fails with a clear message on a template it cannot read or a template that does not exist', () => {
    const broken = action('sendEmail', 'mail', { subject: 'Hi', body: '{{#ticket}} never closed' });
    const r1 = run({ workflows: [onCreate(broken)], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r1.outbox).toEqual([]);
    expect(r1.errors[0]).toMatchObject({ code: 'action.failed', action: 'mail', workflow: 'wf-email', ticket: 'ticket-1' });
    expect(r1.errors[0]!.message).toContain('the body could not be filled in');
    expect(r1.history['ticket-1']!.enrollments.at(-1)).toMatchObject({ code: 'unenrollment.failed' });

    const ws = defaultWorkspace();
    ws.templates = ws.templates.filter((t) => t.id !== 'tpl-closed');
    const r2 = run({ workspace: ws, workflows: [onCreate(action('sendEmail', 'mail', { templateId: 'tpl-closed' }))], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r2.errors[0]!.message).toContain('template "tpl-closed" does not exist in the workspace');
  });
});

describe('[S-branding] automated emails carry the branding footer by default', () => {
  it('appends the footer when the workspace keeps branding on', () => {
    const r = run({ workflows: [onCreate(action('sendEmail', 'mail', { templateId: 'tpl-received' }))], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox[0]!.footer).toBe('Sent with Ticketflow');
    expect(text(r.history['ticket-1']!.actions[0]!)).toContain('with the branding footer');
  });

  it('leaves the footer out when the workspace setting removes it', () => {
    const ws = defaultWorkspace();
    ws.branding.footer = false;
    const r = run({ workspace: ws, workflows: [onCreate(action('sendEmail', 'mail', { templateId: 'tpl-received' }))], events: [incoming(0, 'conv-1', 'th-1')] });
    expect(r.outbox[0]!.footer).toBeNull();
    expect(text(r.history['ticket-1']!.actions[0]!)).toContain('without the branding footer');
  });
});
