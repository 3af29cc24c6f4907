import { useEffect, useState } from 'react';
import { Dialog } from '../canvas/Dialog';
import { useT } from '../i18n';
import '../i18n/app';
import { isTextEntry } from './use-shortcuts';

/** Every keyboard shortcut of the app, in groups: the keys (as the user presses them) and what they do. */
export const SHORTCUTS: readonly { group: string; items: readonly { keys: string; what: string }[] }[] = [
  {
    group: 'app.keys.group.everywhere',
    items: [
      { keys: 'app.keys.undo.keys', what: 'app.keys.undo' },
      { keys: 'app.keys.redo.keys', what: 'app.keys.redo' },
      { keys: 'app.keys.find.keys', what: 'app.keys.find' },
      { keys: 'app.keys.sheet.keys', what: 'app.keys.sheet' },
      { keys: 'app.keys.escape.keys', what: 'app.keys.escape' },
    ],
  },
  {
    group: 'app.keys.group.canvas',
    items: [
      { keys: 'app.keys.arrows.keys', what: 'app.keys.arrows' },
      { keys: 'app.keys.edit.keys', what: 'app.keys.edit' },
      { keys: 'app.keys.delete.keys', what: 'app.keys.delete' },
      { keys: 'app.keys.clone.keys', what: 'app.keys.clone' },
      { keys: 'app.keys.copy.keys', what: 'app.keys.copy' },
      { keys: 'app.keys.paste.keys', what: 'app.keys.paste' },
      { keys: 'app.keys.pick.keys', what: 'app.keys.pick' },
    ],
  },
  {
    group: 'app.keys.group.panel',
    items: [
      { keys: 'app.keys.save.keys', what: 'app.keys.save' },
      { keys: 'app.keys.cancel.keys', what: 'app.keys.cancel' },
      { keys: 'app.keys.tabs.keys', what: 'app.keys.tabs' },
    ],
  },
];

/** The sheet of every shortcut, opened with "?" anywhere but in a text field. */
export function ShortcutSheet() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  if (!open) return null;
  return (
    <Dialog title={t('app.keys.title')} onCancel={() => setOpen(false)}>
      <div className="tf-shortcuts">
        {SHORTCUTS.map((g) => (
          <section key={g.group}>
            <h3>{t(g.group)}</h3>
            <dl>
              {g.items.map((item) => (
                <div key={item.what} className="tf-shortcuts__row">
                  <dt>
                    <kbd>{t(item.keys)}</kbd>
                  </dt>
                  <dd>{t(item.what)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="tf-dialog__actions">
        <button type="button" className="tf-button tf-button--primary" onClick={() => setOpen(false)} data-autofocus>
          {t('app.keys.close')}
        </button>
      </div>
    </Dialog>
  );
}
