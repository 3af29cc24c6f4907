// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/ui/i18n';
import { SHORTCUTS, ShortcutSheet } from '../../../src/ui/shell/ShortcutSheet';

afterEach(cleanup);

describe('ShortcutSheet', () => {
  it('opens on "?" with every shortcut, and closes with Escape', async () => {
    const user = userEvent.setup();
    render(<ShortcutSheet />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const item of SHORTCUTS.flatMap((g) => g.items)) expect(sheet).toHaveTextContent(translate('en', item.what));
    expect(sheet).toHaveTextContent('Ctrl/⌘ + F');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('leaves "?" typed in a text field to the field', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="note" />
        <ShortcutSheet />
      </>,
    );
    await user.type(screen.getByLabelText('note'), 'why?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('note')).toHaveValue('why?');
  });
});
