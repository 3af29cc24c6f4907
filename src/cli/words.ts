import { EN_MESSAGES, tableTranslator } from '../actions/messages';
import type { Translate } from '../actions/types';
import { renderProblem } from '../engine';
import { MESSAGES as ES } from '../ui/i18n/es/actions';
import { MESSAGES as FR } from '../ui/i18n/fr/actions';
import { MESSAGES as IT } from '../ui/i18n/it/actions';
import type { Language } from './args';
import type { FileReport } from './report';

// The texts of the core's message keys in each language are the app's own (plain data, no UI code):
// a problem the CLI words in Spanish names a missing setting as the app does.
const TABLES: Record<Language, Record<string, string>> = { en: EN_MESSAGES, es: ES, it: IT, fr: FR };

/** The core's message keys in a language, with plurals by Intl.PluralRules, falling back to English. */
export function coreTranslator(lang: Language): Translate {
  return tableTranslator(TABLES[lang], lang);
}

/**
 * A report with its problems worded in the language (the --lang option of validate and the rewriting
 * commands); in English, the report as it is. A file that cannot be read keeps its English reason.
 */
export function reportIn(report: FileReport, lang: Language): FileReport {
  if (lang === 'en' || report.unreadable) return report;
  const t = coreTranslator(lang);
  return { ...report, problems: report.problems.map((p) => ({ ...p, message: renderProblem(p, { lang, t }) })) };
}
