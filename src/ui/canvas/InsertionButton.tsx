import { Plus } from 'lucide-react';
import { memo, useRef, useState, type DragEvent } from 'react';
import { linkLabel, type Action, type ActionKind, type Translate } from '../../actions';
import { actionMap, canInsertAt, type InsertionPoint } from '../../graph';
import type { Workflow } from '../../model';
import { selectOpenDoc } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { POINT_ATTRIBUTE } from './insertion';
import { KindPicker } from './KindPicker';
import { KIND_MIME } from './kinds';
import { fansOut, pathLinks } from '../../graph/links';

/** What one "+" shows; the InsertionLayer works it out for every "+" it draws. */
export interface InsertionButtonProps {
  point: InsertionPoint;
  /** pointKey(point). */
  pointKey: string;
  /** Its centre in flow coordinates. */
  x: number;
  y: number;
  /** Where it is, in words ("after Delay (wait-one-day)"). */
  where: string;
  /** Move mode: a click moves the action being moved here. */
  moving: boolean;
  pickerOpen: boolean;
  /** A bubble or a palette kind is held over it. */
  hovered: boolean;
  /** The open workflow, while its kind picker is open. */
  workflow: Workflow | undefined;
  /** In move mode, receives the point instead of the store's moveAction (several bubbles moving). */
  onMoveHere?: (point: InsertionPoint) => void;
}

/**
 * A "+" where an action can go: on every path edge and at every path end. Click or Enter opens the kind
 * picker; in move mode it receives the action being moved; palette kinds can be dropped on it. It
 * holds no store subscription of its own (the layer passes what changed), and while a bubble is dragged
 * its look comes from the canvas's data-mode, so a drag start or drop renders no "+" again.
 */
export const InsertionButton = memo(function InsertionButton({ point, pointKey: key, x, y, where, moving, pickerOpen, hovered, workflow, onMoveHere }: InsertionButtonProps) {
  const { t } = useT();
  const store = useAppStore();
  const [refused, setRefused] = useState(false);
  const ref = useRef<HTMLButtonElement>(null);

  const activate = () => {
    const s = store.getState();
    if (s.interaction.type === 'move') {
      if (onMoveHere) onMoveHere(point);
      else s.moveAction(s.interaction.actionId, point);
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

  const label = moving ? t('canvas.insert.moveHere', { where }) : t('canvas.insert.add', { where });
  return (
    <div className="tf-edge-insert" style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}>
      <button
        ref={ref}
        type="button"
        className={['tf-insert nodrag nopan', hovered ? (refused ? 'tf-insert--refused' : 'tf-insert--over') : ''].join(' ')}
        {...{ [POINT_ATTRIBUTE]: key }}
        aria-label={label}
        title={label}
        aria-haspopup={moving ? undefined : 'menu'}
        aria-expanded={moving ? undefined : pickerOpen}
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
    </div>
  );
});

const lookups = new WeakMap<Workflow, Map<string, Action>>();

/** The actions of a workflow by id (one map per workflow object). */
function actionsById(workflow: Workflow): Map<string, Action> {
  let map = lookups.get(workflow);
  if (!map) {
    map = actionMap(workflow);
    lookups.set(workflow, map);
  }
  return map;
}

/** Where an insertion point of a workflow is, in words: "at the start", "after Delay (delay-1)", "on path Urgent of …". */
export function describePointIn(workflow: Workflow | undefined, point: InsertionPoint, t: Translate): string {
  if (point.type === 'start') return t('canvas.where.start');
  const from = workflow ? actionsById(workflow).get(point.from) : undefined;
  if (!from) return point.from;
  const name = `${t(`kind.${from.kind}`)} (${from.id})`;
  if (fansOut(from)) {
    const link = pathLinks(from).find((l) => l.slot === point.slot);
    const path = link && linkLabel(link, t);
    return t('canvas.where.path', { path: path ?? point.slot, name });
  }
  return t('canvas.where.after', { name });
}
