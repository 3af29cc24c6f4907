import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { summaryOf } from '../../actions';
import { selectAction, selectProblemCount } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { NodeBadges } from './NodeBadges';
import { BubbleMenu, type MenuItem } from './BubbleMenu';
import { deleteOne, deleteWithFollowing, editNode, startMove } from './commands';
import { useFar } from './far';
import '../i18n/canvas-tools';
import { KIND_ICONS } from './kinds';
import { useNodeMark } from '../simulation/use-canvas-marks';
import { fansOut } from '../../graph/links';

/** A canvas node that draws one action bubble; it reads its action from the store by id. */
export type ActionNodeType = Node<Record<string, never>, 'action'>;

/**
 * One action bubble: kind icon, kind and whole summary (wrapped on up to 3 lines, full text in its tooltip), problem badge, open comment count, and its menu.
 * It subscribes only to its own action, problems and comments, so editing one bubble re-renders one bubble.
 */
export const ActionNode = memo(function ActionNode(props: NodeProps<ActionNodeType>) {
  return useFar() ? <FarActionNode id={props.id} /> : <NearActionNode id={props.id} />;
});

/**
 * A bubble zoomed out, too small to read or click into: a plain shape in its kind's colour, with its
 * selection, simulation mark and whether it has an error, and nothing else (no icon, text, badges or menu).
 */
function FarActionNode({ id }: { id: string }) {
  const kind = useApp((s) => selectAction(id)(s)?.kind);
  const error = useApp((s) => (selectProblemCount(id)(s)?.errors ?? 0) > 0);
  const moving = useApp((s) => s.interaction.type === 'move' && s.interaction.actionId === id);
  const mark = useNodeMark(useApp((s) => s.openId), id);
  if (!kind) return null;
  return (
    <div
      className={`tf-bubble tf-bubble--far tf-bubble--${kind}${moving ? ' tf-bubble--moving' : ''}`}
      data-kind={kind}
      data-sim={mark ?? undefined}
      data-error={error || undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="tf-handle" />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="tf-handle" />
    </div>
  );
}

function NearActionNode({ id }: { id: string }) {
  const { t } = useT();
  const store = useAppStore();
  const action = useApp(selectAction(id));
  const workspace = useApp((s) => s.workspace);
  const review = useApp((s) => s.reviewMode);
  const moving = useApp((s) => s.interaction.type === 'move' && s.interaction.actionId === id);
  const mark = useNodeMark(useApp((s) => s.openId), id);
  // A go-to names the action it continues at by that action's summary (it subscribes to that one too).
  const target = useApp(selectAction(action?.kind === 'goto' && action.target ? action.target : ''));
  const summary = useMemo(() => (action ? summaryOf(action, workspace, t, (tid) => (tid === target?.id ? target : undefined)) : ''), [action, target, workspace, t]);
  if (!action) return null;
  const Icon = KIND_ICONS[action.kind];
  const kindLabel = t(`kind.${action.kind}`);

  const items: MenuItem[] = [{ id: 'comment', label: t('canvas.menu.comment'), onSelect: () => store.getState().openComments(id) }];
  if (!review) {
    items.push({ id: 'edit', label: t('canvas.menu.edit'), onSelect: () => editNode(store, id) });
    if (!fansOut(action)) {
      items.push({ id: 'clone', label: t('canvas.menu.clone'), onSelect: () => store.getState().cloneAction(id) });
    }
    items.push({ id: 'move', label: t('canvas.menu.move'), onSelect: () => startMove(store, id) });
    items.push({
      id: 'delete',
      label: t('canvas.menu.delete'),
      items: [
        { id: 'deleteOne', label: t('canvas.menu.deleteOne'), onSelect: () => deleteOne(store, id) },
        { id: 'deleteFollowing', label: t('canvas.menu.deleteFollowing'), onSelect: () => deleteWithFollowing(store, id) },
      ],
    });
  }

  return (
    <div className={`tf-bubble tf-bubble--${action.kind}${moving ? ' tf-bubble--moving' : ''}`} data-kind={action.kind} data-sim={mark ?? undefined}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="tf-handle" />
      <span className="tf-bubble__icon" aria-hidden>
        <Icon size={18} />
      </span>
      <span className="tf-bubble__text" title={`${kindLabel}: ${summary}`}>
        <span className="tf-bubble__kind">{kindLabel}</span>
        <span className="tf-bubble__summary">
          {summary}
        </span>
      </span>
      <NodeBadges id={id} />
      <BubbleMenu label={t('canvas.menu.label', { name: summary })} items={items} />
      <Handle type="source" position={Position.Bottom} isConnectable={!review} className="tf-handle tf-handle--out" title={review ? undefined : t('canvasTools.connect.handle')} />
    </div>
  );
}
