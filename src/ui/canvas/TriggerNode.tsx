import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { Zap } from 'lucide-react';
import { memo } from 'react';
import { TRIGGER_NODE_ID } from '../../model';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import { NodeBadges } from './NodeBadges';
import { BubbleMenu, type MenuItem } from './BubbleMenu';
import { editNode } from './commands';
import { useFar } from './far';
import { triggerSummary } from './trigger-summary';
import { useNodeMark } from '../simulation/use-canvas-marks';

/** The enrollment card node. */
export type TriggerNodeType = Node<Record<string, never>, 'trigger'>;

/** The enrollment card at the top: the workflow's triggers and filters; its menu offers Comment and Edit. */
export const TriggerNode = memo(function TriggerNode() {
  return useFar() ? <FarTriggerNode /> : <NearTriggerNode />;
});

/** The enrollment card zoomed out: a plain shape in the trigger's colour. */
function FarTriggerNode() {
  const mark = useNodeMark(useApp((s) => s.openId), TRIGGER_NODE_ID);
  return (
    <div className="tf-trigger tf-bubble--far" data-sim={mark ?? undefined}>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="tf-handle" />
    </div>
  );
}

function NearTriggerNode() {
  const { t } = useT();
  const store = useAppStore();
  const enrollment = useApp((s) => selectOpenDoc(s)?.workflow.enrollment);
  const workspace = useApp((s) => s.workspace);
  const review = useApp((s) => s.reviewMode);
  const mark = useNodeMark(useApp((s) => s.openId), TRIGGER_NODE_ID);
  if (!enrollment) return null;
  const lines = enrollment.triggers.map((tr) => triggerSummary(tr, workspace, t));
  const first = lines[0] ?? t('canvas.trigger.none');
  const more = lines.length > 1 ? t('canvas.trigger.more', { count: lines.length - 1 }) : '';
  const filters = enrollment.filters.length ? t('canvas.trigger.filters', { count: enrollment.filters.length }) : '';

  const items: MenuItem[] = [{ id: 'comment', label: t('canvas.menu.comment'), onSelect: () => store.getState().openComments(TRIGGER_NODE_ID) }];
  if (!review) items.push({ id: 'edit', label: t('canvas.menu.edit'), onSelect: () => editNode(store, TRIGGER_NODE_ID) });

  return (
    <div className="tf-trigger" data-sim={mark ?? undefined}>
      <span className="tf-bubble__icon" aria-hidden>
        <Zap size={18} />
      </span>
      <span className="tf-bubble__text">
        <span className="tf-bubble__kind">{t('canvas.trigger.title')}</span>
        <span className="tf-bubble__summary" title={lines.join('\n')}>
          {first}
          {more && <span className="tf-trigger__more"> {more}</span>}
        </span>
        {filters && <span className="tf-trigger__filters">{filters}</span>}
      </span>
      <NodeBadges id={TRIGGER_NODE_ID} />
      <BubbleMenu label={t('canvas.menu.triggerLabel')} items={items} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="tf-handle" />
    </div>
  );
}
