import { useApp } from '../../store/store';
import { useT } from '../i18n';

/** "Saved" / "Saving…" / "Not saved" beside the header tools. */
export function SaveStatus() {
  const { t } = useT();
  const state = useApp((s) => s.storage.state);
  return (
    <span className={`tf-save tf-save--${state}`} role="status">
      {t(`shell.save.${state}`)}
    </span>
  );
}
