// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, systemTheme, useTheme, type Theme } from '../../../src/ui/theme/theme';
import { ThemeSwitch } from '../../../src/ui/theme/ThemeSwitch';
import { renderIn } from '../i18n/render-in';

/** A fake prefers-color-scheme the test can flip. */
function fakeColorScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.stubGlobal('matchMedia', vi.fn(() => query));
  return {
    flip(next: boolean) {
      dark = next;
      act(() => listeners.forEach((fn) => fn()));
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.theme;
});

function ThemeProbe({ chosen }: { chosen: Theme | null }) {
  return <span>{useTheme(chosen)}</span>;
}

describe('theme', () => {
  it('is light when the browser cannot tell', () => {
    expect(systemTheme()).toBe('light');
  });

  it('follows prefers-color-scheme until the user chooses', () => {
    const scheme = fakeColorScheme(true);
    const view = renderIn(<ThemeProbe chosen={null} />);
    expect(screen.getByText('dark')).toBeInTheDocument();
    expect(document.documentElement.dataset.theme).toBe('dark');
    scheme.flip(false);
    expect(screen.getByText('light')).toBeInTheDocument();
    view.rerender(<ThemeProbe chosen="dark" />);
    scheme.flip(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('sets data-theme and color-scheme on the element', () => {
    const el = document.createElement('div');
    applyTheme('dark', el);
    expect(el.dataset.theme).toBe('dark');
    expect(el.style.colorScheme).toBe('dark');
  });
});

describe('ThemeSwitch', () => {
  it('is a toggle button, pressed for dark, that reports the other theme', async () => {
    const onChange = vi.fn();
    const view = renderIn(<ThemeSwitch value="light" onChange={onChange} />, 'es');
    const button = screen.getByRole('button', { name: 'Tema oscuro' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.setup().click(button);
    expect(onChange).toHaveBeenCalledWith('dark');
    view.rerender(<ThemeSwitch value="dark" onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'Tema oscuro' })).toHaveAttribute('aria-pressed', 'true');
  });
});
