// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { defaultWorkspace } from '../../../src/model';
import { TemplatesPage } from '../../../src/ui/settings/TemplatesPage';
import { renderSettings } from './host';

function setup(workspace = defaultWorkspace()) {
  return { ...renderSettings(TemplatesPage, { workspace }), user: userEvent.setup() };
}

const preview = () => screen.getByRole('figure', { name: 'Preview for a sample ticket' });

describe('TemplatesPage', () => {
  it('previews the chosen template filled in for a sample ticket, with the branding footer', async () => {
    const { user } = setup();
    expect(preview()).toHaveTextContent('We received your request: My order has not arrived');
    await user.click(screen.getByRole('button', { name: /Ticket closed/ }));
    expect(preview()).toHaveTextContent('Your request is resolved: My order has not arrived');
    expect(preview()).toHaveTextContent('Hi Jo Customer,');
    expect(preview()).toHaveTextContent('Sent with Ticketflow');
  });

  it('edits the subject and the preview follows', async () => {
    const { user, last } = setup();
    const subject = screen.getByLabelText('Subject');
    await user.clear(subject);
    await user.type(subject, 'Got it: {{{{ticket.subject}}{Enter}');
    expect(last().templates[0]!.subject).toBe('Got it: {{ticket.subject}}');
    expect(preview()).toHaveTextContent('Got it: My order has not arrived');
  });

  it('refuses tokens that cannot be read, beside the field', async () => {
    const { user, emitted } = setup();
    const body = screen.getByLabelText('Body');
    await user.type(body, ' {{{{contact.name');
    await user.tab();
    expect(body.closest('.tf-field')).toHaveTextContent('The tokens cannot be read: Unclosed tag');
    expect(emitted).toHaveLength(0);
  });

  it('warns about tokens that would come out empty', async () => {
    const { user } = setup();
    const subject = screen.getByLabelText('Subject');
    await user.type(subject, ' {{{{ticket.sbuject}}{Enter}');
    expect(screen.getByText('Unknown tokens come out empty: {{ticket.sbuject}}')).toBeInTheDocument();
  });

  it('shows markup in a template as text, never as elements', () => {
    const ws = defaultWorkspace();
    ws.templates[0] = { ...ws.templates[0]!, subject: '<b>Hi</b>', body: '<img src=x onerror="alert(1)"><script>alert(2)</script>' };
    setup(ws);
    expect(preview().querySelector('img, script, b')).toBeNull();
    expect(preview()).toHaveTextContent('<img src=x onerror="alert(1)"><script>alert(2)</script>');
  });

  it('[S-branding] leaves the footer out of the preview when branding is off', () => {
    const ws = defaultWorkspace();
    ws.branding.footer = false;
    setup(ws);
    expect(preview()).not.toHaveTextContent('Sent with Ticketflow');
  });

  it('keeps the built-in templates: no delete button', () => {
    setup();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it('adds a custom template and deletes it after asking', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'New template' }));
    expect(last().templates).toHaveLength(3);
    expect(screen.getByLabelText('Template name')).toHaveValue('New template');
    await user.click(screen.getByRole('button', { name: 'Delete New template' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(last().templates).toHaveLength(2);
  });
});

describe('TemplatesPage when rendering a template fails', () => {
  it('shows the error in the preview, and the rest of the page stays', async () => {
    const module = await import('../../../src/settings/template-preview');
    const spy = vi.spyOn(module, 'previewTemplate').mockImplementation(() => {
      throw new Error('the renderer gave up');
    });
    setup();
    expect(preview()).toHaveTextContent('the renderer gave up');
    expect(screen.getByLabelText('Subject')).toBeInTheDocument();
    spy.mockRestore();
  });
});
