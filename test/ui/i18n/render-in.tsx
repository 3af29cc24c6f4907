import '@testing-library/jest-dom/vitest';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import { I18nProvider, type Language } from '../../../src/ui/i18n';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

/** Renders a component inside the i18n provider speaking `lang` (English by default); rerender keeps it. */
export function renderIn(ui: ReactElement, lang: Language = 'en'): RenderResult {
  const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider lang={lang}>{children}</I18nProvider>;
  return render(ui, { wrapper });
}
