import { EN_MESSAGES, format, pluralText } from '../../actions/messages';
import type { Translate } from '../../actions/types';
import type { Problem } from '../../document/codes';
import type { renderProblem } from '../../engine/render';

/** Languages the UI speaks (the seeds' languages). */
export const LANGUAGES = ['en', 'es', 'it', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The texts of one UI area in one language: key → text. */
export type Messages = Record<string, string>;

const areas = new Map<string, Messages>();
const translations: Record<Language, Messages[]> = { en: [], es: [], it: [], fr: [] };

/**
 * Registers the English texts of one UI area under its name; the area's other languages live in
 * ./es, ./it and ./fr under the same name and load with their language (loadLanguage). Registering
 * a name again is a no-op, so a module may call it at import time however often it is imported.
 */
export function registerArea(area: string, english: Messages): void {
  if (!areas.has(area)) areas.set(area, english);
}

/** The areas registered so far, with their English texts (for the completeness test and tooling). */
export function registeredAreas(): ReadonlyMap<string, Messages> {
  return areas;
}

function lookup(lang: Language, key: string): string | undefined {
  for (const table of translations[lang]) {
    const text = table[key];
    if (text !== undefined) return text;
  }
  for (const table of areas.values()) {
    const text = table[key];
    if (text !== undefined) return text;
  }
  return undefined;
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The plural category of a count in a language ("one", "other", …), by Intl.PluralRules. */
export function pluralCategory(lang: Language, count: number): Intl.LDMLPluralRule {
  return pluralRulesOf(lang).select(count);
}

function pluralRulesOf(lang: Language): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/**
 * Looks a key up in the language (once it has loaded), then in English, then in the core's English
 * texts. With a numeric `count`, a text written per plural category (`key.one`, `key.other`, …) is
 * chosen by Intl.PluralRules, so "1 problem" and "5 problems" come from one key in every language.
 */
export function translate(lang: Language, key: string, params?: Record<string, string | number>): string {
  const plural = pluralText((k) => lookup(lang, k), pluralRulesOf(lang), key, params);
  if (plural !== undefined) return format(plural, params);
  return format(lookup(lang, key) ?? EN_MESSAGES[key] ?? key, params);
}

// The texts of every area in each language but English, by path ("./es/canvas.ts"); the build puts
// each language's in one chunk (vite.config.ts), fetched only when that language is spoken.
const TRANSLATIONS = import.meta.glob<Messages>(['./es/*.ts', './it/*.ts', './fr/*.ts'], { import: 'MESSAGES' });

const loaded = new Set<Language>(['en']);
const loading = new Map<Language, Promise<void>>();
const listeners = new Set<() => void>();

/**
 * The core's renderer of problems (TF…) in the four languages, fetched with the first language other
 * than English: English needs none, a problem's message is its English text.
 */
let problemRenderer: typeof renderProblem | null = null;

/**
 * A problem's text in the language, from its code and params (the core's English message until the
 * language has loaded); `t` words the core's message keys it names. The one way the app words a problem.
 */
export function problemText(lang: Language, problem: Problem, t: Translate): string {
  return lang === 'en' || !problemRenderer ? problem.message : problemRenderer(problem, { lang, t });
}

/** Whether translate speaks the language yet (English always). */
export function languageLoaded(lang: Language): boolean {
  return loaded.has(lang);
}

/**
 * Fetches the texts of a language, every area's at once, and resolves when translate speaks it.
 * Asking again while it loads gives the same promise; a failed load is not kept, so asking again retries.
 */
export function loadLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    const loaders = Object.entries(TRANSLATIONS).filter(([path]) => path.startsWith(`./${lang}/`));
    const renderer = import('../../engine/render').then((m) => {
      problemRenderer = m.renderProblem;
    });
    pending = Promise.all([Promise.all(loaders.map(([, load]) => load())), renderer])
      .then(([tables]) => {
        translations[lang] = tables;
        loaded.add(lang);
        for (const listener of listeners) listener();
      })
      .finally(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

/** Calls `listener` each time a language has loaded; returns the function that stops it. */
export function onLanguageLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
