import { createContext, createElement, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Translate } from '../../actions';
import type { Problem } from '../../document/codes';
import { ACTIONS_MESSAGES } from './actions';
import { FILES_MESSAGES } from '../files/messages';
import { JSON_MESSAGES } from '../json/messages';
import { COMMON_MESSAGES } from './common';
import {
  languageLoaded,
  LANGUAGES,
  loadLanguage,
  onLanguageLoaded,
  problemText,
  registerArea,
  registeredAreas,
  translate,
  type Language,
  type Messages,
} from './core';
import { INSPECTOR_MESSAGES } from './inspector';
import { PROBLEMS_MESSAGES } from './problems';
import { TEAM_MESSAGES } from './team';
import { WORKFLOWS_MESSAGES } from './workflows';
// Every area's English registers here too, not only when its feature first loads: a notice raised by
// a part of the app whose panel has not opened yet (scenario storage at start, say) still reads as
// words, never as its raw key. Each table file of this folder registers its area when imported.
import.meta.glob(['./*.ts', '!./index.ts', '!./core.ts'], { eager: true });

export { languageLoaded, LANGUAGES, loadLanguage, problemText, registerArea, registeredAreas, translate, type Language, type Messages };

registerArea('actions', ACTIONS_MESSAGES);
registerArea('common', COMMON_MESSAGES);
registerArea('inspector', INSPECTOR_MESSAGES);
registerArea('workflows', WORKFLOWS_MESSAGES);
registerArea('problems', PROBLEMS_MESSAGES);
registerArea('files', FILES_MESSAGES);
// Team mode's notices come from the store (its persistence adapter), wherever they are shown.
registerArea('team', TEAM_MESSAGES);
registerArea('json', JSON_MESSAGES);


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
  /** A problem (TF…) in the language, from its code and params: the problems list, the JSON view, import and publish. */
  problemText(problem: Problem): string;
}

function makeI18n(lang: Language): I18n {
  const t: Translate = (key, params) => translate(lang, key, params);
  const has = (key: string) => translate(lang, key) !== key;
  const plural = new Intl.PluralRules(lang);
  return {
    lang,
    t,
    has,
    problemText: (problem) => problemText(lang, problem, t),
    tc(key, count, params) {
      const exact = `${key}.${plural.select(count)}`;
      return t(has(exact) ? exact : `${key}.other`, { ...params, count });
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('en'));

/**
 * Makes every component below speak `lang` (English when no provider is mounted). A language other
 * than English is fetched when first spoken; until its texts arrive the components show English.
 */
export function I18nProvider({ lang, children }: { lang: Language; children?: ReactNode }) {
  const ready = useSyncExternalStore(onLanguageLoaded, () => languageLoaded(lang));
  useEffect(() => {
    if (!ready) loadLanguage(lang).catch((error: unknown) => console.error(`The ${lang} texts could not be loaded:`, error));
  }, [lang, ready]);
  // A new value once the texts have arrived, so every component using them renders again.
  const value = useMemo(() => makeI18n(lang), [lang, ready]);
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
