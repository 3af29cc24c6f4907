import { useT } from '../i18n';
import '../i18n/settings';
import './settings.css';
import { CommitField, EditProblems } from './CommitField';
import type { SettingsProps } from './types';
import { useEditor } from './use-workspace-edit';

/** [S-branding] Whether automated emails carry the branding footer (on by default), and its text. */
export function BrandingPage(props: SettingsProps) {
  const { t } = useT();
  const { apply, run, problems } = useEditor(props.workspace, props.onChange);
  const branding = props.workspace.branding;
  return (
    <section className="tf-settings__page" aria-labelledby="branding-title">
      <h2 id="branding-title">{t('settings.branding.title')}</h2>
      <label className="tf-check">
        <input
          type="checkbox"
          checked={branding.footer}
          onChange={(e) => run((ws) => ({ ...ws, branding: { ...ws.branding, footer: e.target.checked } }))}
        />
        <span>{t('settings.branding.footer')}</span>
      </label>
      <p className="tf-field__hint">{t('settings.branding.hint')}</p>
      <EditProblems problems={problems} />
      <CommitField
        label={t('settings.branding.footerText')}
        value={branding.footerText}
        pointer="/branding/footerText"
        onCommit={(v) => apply((ws) => ({ ...ws, branding: { ...ws.branding, footerText: v } }), '/branding/footerText')}
      />
    </section>
  );
}
