import { useId } from 'react';
import { isLanguage, LANGUAGES, useT, type Language } from '.';
import '../common/common.css';

/** Each language named in itself, so a user can find theirs whatever the UI speaks now. */
const NATIVE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', it: 'Italiano', fr: 'Français' };

/** A select of the UI languages. */
export function LanguageSwitch({ value, onChange }: { value: Language; onChange: (lang: Language) => void }) {
  const { t } = useT();
  const id = useId();
  return (
    <span className="tf-language-switch">
      <label htmlFor={id} className="tf-visually-hidden">
        {t('common.language')}
      </label>
      <select
        id={id}
        className="tf-input tf-input--compact"
        value={value}
        onChange={(e) => {
          if (isLanguage(e.target.value)) onChange(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
