// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SettingsPage } from '../../../src/ui/settings/SettingsPage';
import { renderSettings } from './host';

describe('SettingsPage', () => {
  it('goes through every page from the menu and tells the shell', async () => {
    const user = userEvent.setup();
    const onPageChange = vi.fn();
    renderSettings(SettingsPage, { onViewWorkflow: vi.fn(), onCreateWorkflow: vi.fn(), onPageChange });
    const headings: Record<string, string> = {
      users: 'Users',
      teams: 'Teams',
      channels: 'Channels',
      templates: 'Email templates',
      sla: 'SLA policy',
      branding: 'Branding',
    };
    for (const [page, heading] of Object.entries(headings)) {
      await user.click(screen.getByRole('button', { name: heading }));
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: heading })).toHaveAttribute('aria-current', 'page');
      expect(onPageChange).toHaveBeenLastCalledWith(page);
    }
  });

  it("opens on a pipeline's Automate tab when asked, in French", () => {
    renderSettings(SettingsPage, { onViewWorkflow: vi.fn(), onCreateWorkflow: vi.fn(), initialPipelineTab: 'automate', lang: 'fr' });
    expect(screen.getByRole('heading', { name: 'Déclencher des actions lorsqu’un ticket atteint un certain statut' })).toBeInTheDocument();
  });

  it('passes the pipeline to the shell with "View workflow"', async () => {
    const user = userEvent.setup();
    const onViewWorkflow = vi.fn();
    renderSettings(SettingsPage, { onViewWorkflow, onCreateWorkflow: vi.fn(), initialPipelineTab: 'automate' });
    await user.click(screen.getByRole('button', { name: 'View workflow of “A customer replies to an email”' }));
    expect(onViewWorkflow.mock.calls[0]!.slice(0, 2)).toEqual(['support', 'onCustomerReply']);
  });
});
