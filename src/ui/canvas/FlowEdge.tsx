import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { InsertionPoint } from '../../graph';
import { InsertionButton } from './InsertionButton';

/** Data of a canvas edge: the insertion point it carries (none for go-to jumps and path ends), its label, and whether it is a jump. */
export type FlowEdgeType = Edge<{ point: InsertionPoint | null; jump: boolean; label?: string }, 'flow'>;

/**
 * A path between two nodes, with its branch label and a "+" at its middle; a go-to jump is drawn
 * as a dashed curve in its own colour with an arrow, and carries no "+".
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const jump = data?.jump ?? false;
  const [path, labelX, labelY] = jump
    ? getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, curvature: 0.6 })
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const point = data?.point ?? null;
  // Labels sit just below the fork, the "+" at the middle of the segment's last leg.
  const midY = jump ? labelY : (sourceY + targetY) / 2 + Math.max(0, (targetY - sourceY) / 4);
  return (
    <>
      <BaseEdge path={path} markerEnd={markerEnd} className={jump ? 'tf-edge tf-edge--jump' : 'tf-edge'} />
      <EdgeLabelRenderer>
        {data?.label && (
          <div
            className={`tf-edge-label${jump ? ' tf-edge-label--jump' : ''} nodrag nopan`}
            style={{ transform: `translate(-50%, -50%) translate(${jump ? labelX : targetX}px, ${jump ? labelY : sourceY + 28}px)` }}
          >
            {data.label}
          </div>
        )}
        {point && (
          <div className="tf-edge-insert" style={{ transform: `translate(-50%, -50%) translate(${targetX}px, ${midY}px)` }}>
            <InsertionButton point={point} />
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
});
