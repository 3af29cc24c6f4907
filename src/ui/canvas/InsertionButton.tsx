import { Plus } from 'lucide-react';
import { memo, useRef, useState, type DragEvent } from 'react';
import type { ActionKind } from '../../actions';
import { canInsertAt, type InsertionPoint } from '../../graph';
import type { Translate } from '../../actions';
import { selectAction, selectOpenDoc } from '../../store/selectors';
import type { AppState } from '../../store/types';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { POINT_ATTRIBUTE, pointKey } from './insertion';
import { KindPicker } from './KindPicker';
import { KIND_MIME } from './kinds';

/**
 * A "+" where an action can go: on every edge and at every path end. Click or Enter opens the kind
 * picker; in move mode it receives the action being moved; palette kinds can be dropped on it.
 */
export const InsertionButton = memo(function InsertionButton({ point }: { point: InsertionPoint }) {
  const { t } = useT();
  const store = useAppStore();
  const key = pointKey(point);
  const review = useApp((s) => s.reviewMode);
  const mode = useApp((s) => s.interaction.type);
  const pickerOpen = useApp((s) => s.pickerAt === key);
  const hovered = useApp((s) => s.dropTarget === key);
  const workflow = useApp((s) => (pickerOpen ? selectOpenDoc(s)?.workflow : undefined));
  const label = useApp((s) => describePoint(s, point, t));
  const [refused, setRefused] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);
  if (review) return null;

  const receiving = mode === 'move' || mode === 'dragAction' || mode === 'dragKind';

  const activate = () => {
    const s = store.getState();
    if (s.interaction.type === 'move') {
      s.moveAction(s.interaction.actionId, point);
      return;
    }
    s.openPicker(key);
  };

  const onDragOver = (e: DragEvent) => {
    const s = store.getState();
    if (s.interaction.type !== 'dragKind') return;
    e.preventDefault();
    e.stopPropagation();
    const doc = selectOpenDoc(s);
    const ok = doc ? canInsertAt(doc.workflow, point, s.interaction.kind as ActionKind) : false;
    e.dataTransfer.dropEffect = 'copy';
    if (s.dropTarget !== key) s.setDropTarget(key);
    setRefused(!ok);
  };

  const onDragLeave = () => {
    const s = store.getState();
    if (s.dropTarget === key) s.setDropTarget(null);
    setRefused(false);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const s = store.getState();
    const kind = (e.dataTransfer.getData(KIND_MIME) || (s.interaction.type === 'dragKind' ? s.interaction.kind : '')) as ActionKind;
    s.setDropTarget(null);
    s.setInteraction({ type: 'idle' });
    setRefused(false);
    if (kind) s.insertAt(point, kind);
  };

  return (
    <>
      <button
        ref={ref}
        type="button"
        className={[
          'tf-insert nodrag nopan',
          receiving ? 'tf-insert--receiving' : '',
          hovered ? (refused ? 'tf-insert--refused' : 'tf-insert--over') : '',
        ].join(' ')}
        {...{ [POINT_ATTRIBUTE]: key }}
        aria-label={mode === 'move' ? t('canvas.insert.moveHere', { where: label }) : t('canvas.insert.add', { where: label })}
        title={mode === 'move' ? t('canvas.insert.moveHere', { where: label }) : t('canvas.insert.add', { where: label })}
        aria-haspopup={mode === 'move' ? undefined : 'menu'}
        aria-expanded={mode === 'move' ? undefined : pickerOpen}
        onClick={(e) => {
          e.stopPropagation();
          activate();
        }}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <Plus size={14} aria-hidden />
      </button>
      {pickerOpen && workflow && (
        <KindPicker
          workflow={workflow}
          point={point}
          anchor={ref.current}
          onPick={(kind) => {
            // Focus follows the new bubble, so a keyboard user can go on from there.
            if (!store.getState().insertAt(point, kind).ok) return;
            const sel = store.getState().selection;
            if (sel?.kind === 'action') store.getState().revealNode(sel.id);
          }}
          onClose={() => {
            if (store.getState().pickerAt === key) store.getState().openPicker(null);
          }}
        />
      )}
    </>
  );
});

/** Where an insertion point is, in words: "at the start", "after Delay (delay-1)", "on path Urgent of …". */
export function describePoint(s: AppState, point: InsertionPoint, t: Translate): string {
  if (point.type === 'start') return t('canvas.where.start');
  const from = selectAction(point.from)(s);
  if (!from) return point.from;
  const name = `${t(`kind.${from.kind}`)} (${from.id})`;
  if (from.kind === 'branch') {
    const path = point.slot === 'default' ? from.defaultLabel : from.paths.find((p) => `branch:${p.id}` === point.slot)?.label;
    return t('canvas.where.path', { path: path ?? point.slot, name });
  }
  return t('canvas.where.after', { name });
}
