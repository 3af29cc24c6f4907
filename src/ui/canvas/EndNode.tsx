import { Handle, Position, type Node } from '@xyflow/react';
import { memo } from 'react';
import type { InsertionPoint } from '../../graph';

/** The end of a path: its "+" (which adds the next action there) is drawn by the InsertionLayer. */
export type EndNodeType = Node<{ point: InsertionPoint }, 'end'>;

/** Holds the place of a path end; the edge into it ends here. */
export const EndNode = memo(function EndNode() {
  return (
    <div className="tf-end">
      <Handle type="target" position={Position.Top} isConnectable={false} className="tf-handle" />
    </div>
  );
});
