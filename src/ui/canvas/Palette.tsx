import { ACTION_KINDS } from '../../actions';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/canvas';
import { KIND_ICONS, KIND_MIME } from './kinds';

/**
 * The action kinds, to drag onto a "+" of the canvas. Each entry is also a button: activating it
 * asks the store to insert after the selected bubble (or first, with the trigger or nothing selected).
 */
export function Palette() {
  const { t } = useT();
  const store = useAppStore();
  const review = useApp((s) => s.reviewMode);
  return (
    <section className="tf-palette" aria-labelledby="tf-palette-title">
      <h2 id="tf-palette-title" className="tf-panel-title">
        {t('canvas.palette.title')}
      </h2>
      <p className="tf-palette__hint">{t('canvas.palette.hint')}</p>
      <ul className="tf-palette__list">
        {ACTION_KINDS.map((kind) => {
          const Icon = KIND_ICONS[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className="tf-palette__item"
                draggable={!review}
                disabled={review}
                aria-label={t('canvas.palette.add', { kind: t(`kind.${kind}`) })}
                title={t('canvas.palette.add', { kind: t(`kind.${kind}`) })}
                onDragStart={(e) => {
                  e.dataTransfer.setData(KIND_MIME, kind);
                  e.dataTransfer.setData('text/plain', kind);
                  e.dataTransfer.effectAllowed = 'copy';
                  store.getState().setInteraction({ type: 'dragKind', kind });
                }}
                onDragEnd={() => {
                  const s = store.getState();
                  if (s.interaction.type === 'dragKind') s.setInteraction({ type: 'idle' });
                  if (s.dropTarget) s.setDropTarget(null);
                }}
                onClick={() => addAfterSelection(store, kind)}
              >
                <Icon size={16} aria-hidden />
                <span>{t(`kind.${kind}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function addAfterSelection(store: ReturnType<typeof useAppStore>, kind: (typeof ACTION_KINDS)[number]) {
  const s = store.getState();
  const sel = s.selection;
  const doc = s.openId ? s.documents[s.openId] : undefined;
  if (!doc) return;
  const action = sel?.kind === 'action' ? doc.workflow.actions.find((a) => a.id === sel.id) : undefined;
  const point = action ? s.pointAfter(action.id) : ({ type: 'start' } as const);
  if (!point) {
    s.notify({ tone: 'error', key: 'canvas.palette.nowhere' });
    return;
  }
  if (s.insertAt(point, kind).ok) {
    const now = store.getState().selection;
    if (now?.kind === 'action') store.getState().revealNode(now.id);
  }
}
