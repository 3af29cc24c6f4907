import { useEffect, useSyncExternalStore } from 'react';

/** The UI's colour themes. */
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const DARK_QUERY = '(prefers-color-scheme: dark)';

function darkQuery(): MediaQueryList | null {
  // Tests and old engines have no matchMedia: they get the light theme.
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** The theme the operating system asks for (prefers-color-scheme), light when it says nothing. */
export function systemTheme(): Theme {
  return darkQuery()?.matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The system theme, re-rendering when the user switches their OS between light and dark. */
export function useSystemTheme(): Theme {
  return useSyncExternalStore(subscribe, systemTheme, () => 'light');
}

/** Sets the theme on an element (the document root by default): theme.css keys its colours on it. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

/**
 * The theme in effect — the user's choice, or the system's while they have made none — applied
 * to the document root. Pass the stored choice (null until the user picks one in ThemeSwitch).
 */
export function useTheme(chosen: Theme | null): Theme {
  const system = useSystemTheme();
  const theme = chosen ?? system;
  useEffect(() => applyTheme(theme), [theme]);
  return theme;
}
