import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n';
import type { EditSession } from './use-edit-session';

/**
 * The frame of an edit session: the fields (all disabled when read-only), the state of the draft,
 * and Save / Cancel. Enter in a one-line field saves (the form's submit); Escape cancels the edits,
 * or closes the panel when there are none.
 */
export function SessionForm<T>({
  session,
  readOnly,
  onClose,
  onDirtyChange,
  onDone,
  children,
}: {
  session: EditSession<T>;
  readOnly: boolean;
  onClose: () => void;
  onDirtyChange?: (dirty: boolean) => void;
  /** Called after Save, Cancel or Escape, so focus can go back to what the form edits. */
  onDone?: () => void;
  children: ReactNode;
}) {
  const { t } = useT();
  const { dirty, blocked, problems } = session;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const incomplete = problems.some((p) => p.level === 'incomplete');
  const status = blocked
    ? t('inspector.status.blocked')
    : incomplete
      ? t('inspector.status.incomplete')
      : dirty
        ? t('inspector.status.dirty')
        : '';
  return (
    <form
      className="tf-session"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly && session.save()) onDone?.();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        // Told first: focus goes back to the bubble this form edits, which closing deselects.
        onDone?.();
        if (dirty && !readOnly) session.cancel();
        else onClose();
      }}
    >
      <fieldset className="tf-session__fields" disabled={readOnly}>
        {children}
      </fieldset>
      {!readOnly && (
        <footer className="tf-session__footer">
          <p className={`tf-session__status${blocked ? ' tf-session__status--blocked' : ''}`} aria-live="polite">
            {status}
          </p>
          <button
            type="button"
            className="tf-button"
            disabled={!dirty}
            onClick={() => {
              session.cancel();
              onDone?.();
            }}
          >
            {t('inspector.cancel')}
          </button>
          <button type="submit" className="tf-button tf-button--primary" disabled={!dirty || blocked}>
            {t('inspector.save')}
          </button>
        </footer>
      )}
    </form>
  );
}
