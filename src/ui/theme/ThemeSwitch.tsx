import { Moon, Sun } from 'lucide-react';
import { useT } from '../i18n';
import type { Theme } from './theme';
import '../common/common.css';

/** A toggle between the light and the dark theme; pressed means dark. */
export function ThemeSwitch({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const { t } = useT();
  const dark = value === 'dark';
  return (
    <button
      type="button"
      className="tf-icon-button"
      aria-pressed={dark}
      aria-label={t('common.theme.dark')}
      title={dark ? t('common.theme.toLight') : t('common.theme.toDark')}
      onClick={() => onChange(dark ? 'light' : 'dark')}
    >
      {dark ? <Moon size={16} aria-hidden /> : <Sun size={16} aria-hidden />}
    </button>
  );
}
