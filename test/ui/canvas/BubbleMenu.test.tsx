// @vitest-environment jsdom
import '../../setup-dom';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../src/ui/i18n';
import { BubbleMenu } from '../../../src/ui/canvas/BubbleMenu';

afterEach(cleanup);

function setup() {
  const calls: string[] = [];
  const items = [
    { id: 'comment', label: 'Comment', onSelect: () => calls.push('comment') },
    { id: 'edit', label: 'Edit', onSelect: () => calls.push('edit') },
    {
      id: 'delete',
      label: 'Delete',
      items: [
        { id: 'one', label: 'This action', onSelect: () => calls.push('one') },
        { id: 'following', label: 'This action and all following', onSelect: () => calls.push('following') },
      ],
    },
  ];
  render(
    <I18nProvider lang="en">
      <BubbleMenu label="Actions for Delay 1 day" items={items} />
    </I18nProvider>,
  );
  return calls;
}

describe('BubbleMenu', () => {
  it('opens from its named button and runs the chosen command', async () => {
    const calls = setup();
    const user = userEvent.setup();
    const button = screen.getByRole('button', { name: 'Actions for Delay 1 day' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(screen.getByRole('menu', { name: 'Actions for Delay 1 day' })).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }));
    expect(calls).toEqual(['edit']);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('works with the keyboard: arrows move, → opens the submenu, Escape steps back then closes', async () => {
    const calls = setup();
    const user = userEvent.setup();
    screen.getByRole('button', { name: 'Actions for Delay 1 day' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Comment' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: /Delete/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('menu', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: /Back/ })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('menuitem', { name: 'Comment' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actions for Delay 1 day' })).toHaveFocus();
    expect(calls).toEqual([]);
  });

  it('runs a submenu command with Enter', async () => {
    const calls = setup();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Actions for Delay 1 day' }));
    await user.click(screen.getByRole('menuitem', { name: /Delete/ }));
    screen.getByRole('menuitem', { name: 'This action and all following' }).focus();
    await user.keyboard('{Enter}');
    expect(calls).toEqual(['following']);
  });

  it('keeps its keys from reaching the canvas shortcuts', async () => {
    setup();
    const user = userEvent.setup();
    const outside = vi.fn();
    document.addEventListener('keydown', outside);
    await user.click(screen.getByRole('button', { name: 'Actions for Delay 1 day' }));
    await user.keyboard('{Delete}{ArrowDown}');
    document.removeEventListener('keydown', outside);
    expect(outside).not.toHaveBeenCalled();
  });
});
