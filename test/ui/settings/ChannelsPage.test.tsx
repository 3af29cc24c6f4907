// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../../../src/model';
import { ChannelsPage } from '../../../src/ui/settings/ChannelsPage';
import { renderSettings } from './host';

function setup() {
  return { ...renderSettings(ChannelsPage, {}), user: userEvent.setup() };
}

const channel = (ws: { channels: { id: string }[] }, id: string) => ws.channels.find((c) => c.id === id)!;

describe('ChannelsPage', () => {
  it('turns ticket creation on for a channel and moves it to the help desk', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'sales@acme.test creates tickets' }));
    await user.selectOptions(screen.getByLabelText('Location of sales@acme.test'), 'Help desk');
    expect(channel(last(), 'ch-sales')).toMatchObject({ createTickets: true, location: 'helpDesk' });
  });

  it('changes the kind of a channel', async () => {
    const { user, last } = setup();
    await user.selectOptions(screen.getByLabelText('Kind of Support line'), 'WhatsApp');
    expect(channel(last(), 'ch-calling')).toMatchObject({ kind: 'whatsapp' });
  });

  it('sends a channel to a named pipeline and back to the first one', async () => {
    const { user, last } = setup();
    const select = screen.getByLabelText('Pipeline of Contact form');
    await user.selectOptions(select, 'Support pipeline');
    expect(channel(last(), 'ch-form')).toMatchObject({ pipelineId: 'support' });
    await user.selectOptions(select, 'First pipeline (Support pipeline)');
    expect(JSON.parse(JSON.stringify(channel(last(), 'ch-form')))).not.toHaveProperty('pipelineId');
  });

  it('adds a channel of a chosen kind', async () => {
    const { user, last } = setup();
    const form = screen.getByRole('form', { name: 'Add channel' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Form');
    await user.type(within(form).getByLabelText('Address or name'), 'Returns form');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    expect(last().channels.at(-1)).toEqual({ id: 'ch-returns-form', kind: 'form', name: 'Returns form', location: 'inbox', createTickets: false });
  });

  it('deletes a channel after asking', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Support line' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(last().channels.map((c) => c.id)).not.toContain('ch-calling');
  });

  it('shows a channel name with markup as text', async () => {
    const workspace = defaultWorkspace();
    workspace.channels[0]!.name = '<img src=x onerror="alert(1)">';
    const { container } = renderSettings(ChannelsPage, { workspace });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByLabelText('Address or name of <img src=x onerror="alert(1)">')).toHaveValue('<img src=x onerror="alert(1)">');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete <img src=x onerror="alert(1)">' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Delete <img src=x onerror="alert(1)">?');
    expect(container.querySelector('img')).toBeNull();
  });
});
