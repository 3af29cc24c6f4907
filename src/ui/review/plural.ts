import type { Translate } from '../../actions';
import type { Language } from '../i18n';

/**
 * A counted text in the grammatical number the language uses for `count` (French says "0 fil",
 * English "0 threads"): the key's ".one" variant or its ".other" one, with {count} filled.
 */
export function counted(t: Translate, lang: Language, key: string, count: number): string {
  const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { count });
}
