// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TeamsPage } from '../../../src/ui/settings/TeamsPage';
import { renderSettings } from './host';

function setup() {
  return { ...renderSettings(TeamsPage, {}), user: userEvent.setup() };
}

describe('TeamsPage', () => {
  it('adds and removes members', async () => {
    const { user, last } = setup();
    const members = screen.getByRole('group', { name: 'Members of Tier 1' });
    await user.click(within(members).getByRole('checkbox', { name: 'Ana García' }));
    await user.click(within(members).getByRole('checkbox', { name: 'Marco Rossi' }));
    expect(last().teams[0]!.memberIds).toEqual(['u-ana', 'u-claire']);
  });

  it('marks users without help-desk access', () => {
    setup();
    expect(screen.getAllByRole('checkbox', { name: 'Sam Lee (no help-desk access)' })).toHaveLength(2);
  });

  it('asks before deleting a team that workflows notify, naming them', async () => {
    const { user, last } = setup();
    await user.click(screen.getByRole('button', { name: 'Delete Tier 1' }));
    const ask = screen.getByRole('alertdialog', { name: 'Delete Tier 1?' });
    expect(within(ask).getByRole('button', { name: 'Notify the team and the owner when a ticket is waiting on us' })).toBeInTheDocument();
    expect(within(ask).getByRole('button', { name: 'Acknowledge chat conversations' })).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Delete' }));
    expect(last().teams.map((x) => x.id)).toEqual(['t-leads']);
  });

  it('adds a team and renames it', async () => {
    const { user, last } = setup();
    const form = screen.getByRole('form', { name: 'Add team' });
    await user.type(within(form).getByLabelText('Team name'), 'Billing');
    await user.click(within(form).getByRole('button', { name: 'Add team' }));
    expect(last().teams.at(-1)).toEqual({ id: 't-billing', name: 'Billing', memberIds: [] });
    const names = screen.getAllByLabelText('Team name');
    await user.type(names[2]!, ' desk{Enter}');
    expect(last().teams.at(-1)!.name).toBe('Billing desk');
  });
});
