import { X } from 'lucide-react';
import { useEffect } from 'react';
import type { Notice } from '../../store/ui-slice';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';

const SHOW_MS = { info: 5000, error: 10000 } as const;

/** Short messages at the bottom of the screen: refusals (errors are announced at once) and hints. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  return (
    <div className="tf-notices" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const { t, has, problemText } = useT();
  const store = useAppStore();
  useEffect(() => {
    // A notice offering Undo stays as long as an error, to leave time to use it.
    const timer = setTimeout(() => store.getState().dismissNotice(notice.id), notice.restore !== undefined ? SHOW_MS.error : SHOW_MS[notice.tone]);
    return () => clearTimeout(timer);
  }, [store, notice]);
  const params = notice.problem ? { ...notice.params, first: problemText(notice.problem) } : notice.params;
  const text = has(notice.key) || !notice.fallback ? t(notice.key, params) : notice.fallback;
  return (
    <div className={`tf-notice tf-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {notice.restore !== undefined && (
        <button
          type="button"
          className="tf-button"
          onClick={() => {
            store.getState().dismissNotice(notice.id);
            store.getState().restoreWorkflow(notice.restore!);
          }}
        >
          {t('workflows.undoDelete')}
        </button>
      )}
      <button type="button" className="tf-icon-button" aria-label={t('shell.dismiss')} onClick={() => store.getState().dismissNotice(notice.id)}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}
