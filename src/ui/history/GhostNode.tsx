import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../i18n';
import '../i18n/versions';

/** A removed action in the history view's diff, drawn where it stood in the compared version. */
export type GhostNodeType = Node<{ kind: string; actionId: string }, 'ghost'>;

/** A faded bubble naming the kind and id of an action the shown revision does not have. */
export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostNodeType>) {
  const { t } = useT();
  return (
    <div className="tf-ghost" aria-label={t('versions.ghost', { kind: t(`kind.${data.kind}`) })}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="tf-handle" />
      <span className="tf-ghost__kind">{t('versions.ghost', { kind: t(`kind.${data.kind}`) })}</span>
      <span className="tf-ghost__id">{data.actionId}</span>
    </div>
  );
});
