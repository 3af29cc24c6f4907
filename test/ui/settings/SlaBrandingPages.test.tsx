// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BrandingPage } from '../../../src/ui/settings/BrandingPage';
import { SlaPage } from '../../../src/ui/settings/SlaPage';
import { renderSettings } from './host';

describe('SlaPage', () => {
  it('changes a target of one priority', async () => {
    const user = userEvent.setup();
    const { last } = renderSettings(SlaPage, {});
    const box = screen.getByLabelText('Time to first response for high priority, in minutes');
    await user.clear(box);
    await user.type(box, '90{Enter}');
    expect(last().sla.targets.high).toEqual({ firstResponseMinutes: 90, closeMinutes: 1440 });
  });

  it.each([
    ['0', 'Enter 1 or more.'],
    ['', 'Enter a number.'],
    ['2.5', 'Enter a whole number.'],
  ])('refuses %j beside the field', async (typed, message) => {
    const user = userEvent.setup();
    const { emitted } = renderSettings(SlaPage, {});
    const box = screen.getByLabelText('Time to close for urgent priority, in minutes');
    await user.clear(box);
    if (typed) await user.type(box, typed);
    await user.tab();
    expect(box.closest('td')).toHaveTextContent(message);
    expect(emitted).toHaveLength(0);
  });

  it('renames the policy', async () => {
    const user = userEvent.setup();
    const { last } = renderSettings(SlaPage, {});
    const name = screen.getByLabelText('Policy name');
    await user.clear(name);
    await user.type(name, 'Gold{Enter}');
    expect(last().sla.name).toBe('Gold');
  });
});

describe('BrandingPage', () => {
  it('[S-branding] carries the footer by default and turns it off', async () => {
    const user = userEvent.setup();
    const { last } = renderSettings(BrandingPage, {});
    const box = screen.getByRole('checkbox', { name: 'Add the branding footer to automated emails' });
    expect(box).toBeChecked();
    await user.click(box);
    expect(last().branding.footer).toBe(false);
  });

  it('edits the footer text and refuses one that is too long', async () => {
    const user = userEvent.setup();
    const { last, emitted } = renderSettings(BrandingPage, {});
    const text = screen.getByLabelText('Footer text');
    await user.clear(text);
    await user.type(text, 'Sent by Acme{Enter}');
    expect(last().branding.footerText).toBe('Sent by Acme');
    await user.click(text);
    await user.paste('x'.repeat(500));
    await user.keyboard('{Enter}');
    expect(text.closest('.tf-field')).toHaveTextContent('Use at most 500 characters.');
    expect(emitted).toHaveLength(1);
  });
});
