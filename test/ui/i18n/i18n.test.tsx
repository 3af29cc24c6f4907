// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { detectLanguage, I18nProvider, isLanguage, registerArea, registeredAreas, useT, type Language } from '../../../src/ui/i18n';
import { LanguageSwitch } from '../../../src/ui/i18n/LanguageSwitch';
import { renderIn } from './render-in';

function Probe({ count = 0 }: { count?: number }) {
  const { t, tc, lang } = useT();
  return (
    <p>
      {lang}|{t('inspector.save')}|{t('kind.delay')}|{tc('workflows.errors', count)}|{t('no.such.key')}
    </p>
  );
}

describe('useT', () => {
  it('speaks English without a provider', () => {
    render(<Probe />);
    expect(screen.getByText('en|Save|Delay|0 errors|no.such.key')).toBeInTheDocument();
  });

  it.each([
    ['es', 'es|Guardar|Retraso|1 error|no.such.key', 1],
    ['it', 'it|Salva|Ritardo|3 errori|no.such.key', 3],
    ['fr', 'fr|Enregistrer|Délai|0 erreur|no.such.key', 0],
  ] as const)('speaks %s inside the provider, with its plural rules', (lang, text, count) => {
    renderIn(<Probe count={count} />, lang);
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('follows a change of language', () => {
    const view = render(
      <I18nProvider lang="en">
        <Probe />
      </I18nProvider>,
    );
    view.rerender(
      <I18nProvider lang="it">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText(/^it\|Salva/)).toBeInTheDocument();
  });
});

describe('detectLanguage', () => {
  it('picks the first UI language among the preferred ones, by its base tag', () => {
    expect(detectLanguage(['de-DE', 'fr-CA', 'es'])).toBe('fr');
    expect(detectLanguage(['ES-mx'])).toBe('es');
  });

  it('falls back to English', () => {
    expect(detectLanguage(['de', 'ja'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });

  it('tells languages from other strings', () => {
    expect(isLanguage('it')).toBe(true);
    expect(isLanguage('pt')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});

describe('registerArea', () => {
  it('registers the English texts of an area once under its name, so its keys translate', () => {
    const table = { 'test.hello': 'Hello' };
    registerArea('test-area', table);
    registerArea('test-area', { 'test.hello': 'Hi' });
    expect(registeredAreas().get('test-area')).toBe(table);
    function Hello() {
      return <span>{useT().t('test.hello')}</span>;
    }
    renderIn(<Hello />, 'es');
    expect(screen.getByText('Hello')).toBeInTheDocument();
  });
});

describe('loading a language', () => {
  // A fresh copy of the i18n modules, in which only English has loaded (the test setup loads every
  // language into the copy the other tests use).
  async function freshI18n() {
    vi.resetModules();
    return import('../../../src/ui/i18n');
  }

  it('speaks English until a language is asked for, then that language', async () => {
    const i18n = await freshI18n();
    expect(i18n.languageLoaded('es')).toBe(false);
    expect(i18n.translate('es', 'inspector.save')).toBe('Save');
    const first = i18n.loadLanguage('es');
    expect(i18n.loadLanguage('es')).toBe(first);
    await first;
    expect(i18n.languageLoaded('es')).toBe(true);
    expect(i18n.translate('es', 'inspector.save')).toBe('Guardar');
    expect(i18n.languageLoaded('it')).toBe(false);
    expect(i18n.translate('it', 'inspector.save')).toBe('Save');
  });

  it('has the provider fetch its language and render again in it once the texts arrive', async () => {
    const i18n = await freshI18n();
    function Save() {
      return <p>{i18n.useT().t('inspector.save')}</p>;
    }
    const view = render(
      <i18n.I18nProvider lang="en">
        <Save />
      </i18n.I18nProvider>,
    );
    expect(screen.getByText('Save')).toBeInTheDocument();
    view.rerender(
      <i18n.I18nProvider lang="fr">
        <Save />
      </i18n.I18nProvider>,
    );
    expect(await screen.findByText('Enregistrer')).toBeInTheDocument();
    expect(i18n.languageLoaded('fr')).toBe(true);
    expect(i18n.languageLoaded('es')).toBe(false);
  });
});

describe('LanguageSwitch', () => {
  it('lists each language in its own name and reports the choice', async () => {
    const onChange = vi.fn<(lang: Language) => void>();
    renderIn(<LanguageSwitch value="en" onChange={onChange} />, 'fr');
    const select = screen.getByRole('combobox', { name: 'Langue' });
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['English', 'Español', 'Italiano', 'Français']);
    await userEvent.setup().selectOptions(select, 'Italiano');
    expect(onChange).toHaveBeenCalledWith('it');
  });
});
