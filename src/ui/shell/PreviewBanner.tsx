import { AUTOMATE_ROUTE } from '../../settings/route';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';

/** Says that the canvas shows a built-in automation read-only, and how to get back. */
export function PreviewBanner() {
  const { t } = useT();
  const store = useAppStore();
  const name = useApp((s) => s.preview?.workflow.name);
  if (!name) return null;
  return (
    <div className="tf-banner tf-banner--info" role="status">
      <span>{t('preview.body', { name })}</span>
      <a className="tf-button" href={AUTOMATE_ROUTE} onClick={() => store.getState().closePreview()}>
        {t('preview.settings')}
      </a>
      <button type="button" className="tf-button" onClick={() => store.getState().closePreview()}>
        {t('preview.close')}
      </button>
    </div>
  );
}
