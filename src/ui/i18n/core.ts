import { EN_MESSAGES, format } from '../../actions/messages';

/** Languages the UI speaks (the seeds' languages). */
export const LANGUAGES = ['en', 'es', 'it', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message table: one record of key → text per language. */
export type MessageTable = Record<Language, Record<string, string>>;

const tables: MessageTable[] = [];

/** Adds a message table; each UI area registers its own module (see ./index.ts). */
export function registerMessages(table: MessageTable): void {
  tables.push(table);
}

/** Looks a key up in the language, then English, then the core's English texts. */
export function translate(lang: Language, key: string, params?: Record<string, string | number>): string {
  for (const l of lang === 'en' ? ['en' as const] : [lang, 'en' as const]) {
    for (const t of tables) {
      const text = t[l][key];
      if (text !== undefined) return format(text, params);
    }
  }
  return format(EN_MESSAGES[key] ?? key, params);
}
