import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { Translate } from '../../actions';
import { ACTIONS_MESSAGES } from './actions';
import { FILES_MESSAGES } from '../files/messages';
import { COMMON_MESSAGES } from './common';
import { LANGUAGES, registerMessages, translate, type Language, type MessageTable } from './core';
import { INSPECTOR_MESSAGES } from './inspector';
import { PROBLEMS_MESSAGES } from './problems';
import { WORKFLOWS_MESSAGES } from './workflows';

export { LANGUAGES, translate, type Language, type MessageTable };

const areas = new Map<string, MessageTable>();

/**
 * Registers the message table of one UI area under a name. Registering the same name again is
 * a no-op, so a module may call it at import time however often it is imported. Every table
 * registered here is checked for completeness (each English key in es/it/fr) by the i18n test.
 */
export function registerArea(area: string, table: MessageTable): void {
  if (areas.has(area)) return;
  areas.set(area, table);
  registerMessages(table);
}

/** The tables registered so far, by area name (for the completeness test and tooling). */
export function registeredAreas(): ReadonlyMap<string, MessageTable> {
  return areas;
}

registerArea('actions', ACTIONS_MESSAGES);
registerArea('common', COMMON_MESSAGES);
registerArea('inspector', INSPECTOR_MESSAGES);
registerArea('workflows', WORKFLOWS_MESSAGES);
registerArea('problems', PROBLEMS_MESSAGES);
registerArea('files', FILES_MESSAGES);

/** What `useT()` gives a component: the translator and the language it speaks. */
export interface I18n {
  t: Translate;
  lang: Language;
  /**
   * A text that depends on a count: looks up `key.<plural category>` ("one", "other", ...) for the
   * language, falling back to `key.other`; `{count}` is filled in along with `params`.
   */
  tc(key: string, count: number, params?: Record<string, string | number>): string;
  /** Whether a translation (in any language) exists for the key. */
  has(key: string): boolean;
}

function makeI18n(lang: Language): I18n {
  const t: Translate = (key, params) => translate(lang, key, params);
  const has = (key: string) => translate(lang, key) !== key;
  const plural = new Intl.PluralRules(lang);
  return {
    lang,
    t,
    has,
    tc(key, count, params) {
      const exact = `${key}.${plural.select(count)}`;
      return t(has(exact) ? exact : `${key}.other`, { ...params, count });
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

/** Makes every component below speak `lang` (English when no provider is mounted). */
export function I18nProvider({ lang, children }: { lang: Language; children?: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return createElement(I18nContext.Provider, { value }, children);
}

/** The translator and current language: `const { t, lang } = useT(); t('inspector.save')`. */
export function useT(): I18n {
  return useContext(I18nContext);
}

/** Whether a string names one of the UI languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first UI language among the browser's preferred ones ("es-MX" counts as Spanish),
 * English when none matches. Pass `navigator.languages`.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
