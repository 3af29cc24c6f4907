import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { InsertionPoint } from '../../graph';
import { InsertionButton } from './InsertionButton';

/** The end of a path: the "+" that adds the next action there. */
export type EndNodeType = Node<{ point: InsertionPoint }, 'end'>;

/** Draws a path end as an insertion point. */
export const EndNode = memo(function EndNode({ data }: NodeProps<EndNodeType>) {
  return (
    <div className="tf-end">
      <Handle type="target" position={Position.Top} isConnectable={false} className="tf-handle" />
      <InsertionButton point={data.point} />
    </div>
  );
});
