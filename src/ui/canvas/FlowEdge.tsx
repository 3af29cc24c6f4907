import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { NODE_SIZE } from '../../graph';
import { memo } from 'react';
import type { InsertionPoint } from '../../graph';
import { InsertionButton } from './InsertionButton';
import { useApp } from '../../store/store';
import { useEdgeOnPath } from '../simulation/use-canvas-marks';

/** Data of a canvas edge: the insertion point it carries (none for go-to jumps and path ends), its label, and whether it is a jump. */
export type FlowEdgeType = Edge<{ point: InsertionPoint | null; jump: boolean; label?: string }, 'flow'>;

/**
 * A path between two nodes, with its branch label and a "+" at its middle; a go-to jump is drawn
 * as a dashed curve in its own colour with an arrow, and carries no "+".
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const { source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const jump = data?.jump ?? false;
  const slot = jump ? 'target' : data?.point?.type === 'link' ? data.point.slot : 'start';
  const onPath = useEdgeOnPath(useApp((s) => s.openId), source, slot);
  const [path, labelX, labelY] = jump
    ? jumpPath(sourceX, sourceY, targetX, targetY)
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const point = data?.point ?? null;
  // The "+" sits on the last leg into the target; a path label sits just right of it, so neither hides the other.
  const plusY = jump ? labelY : targetY - Math.min(24, Math.max(12, (targetY - sourceY) / 3));
  return (
    <>
      <BaseEdge path={path} markerEnd={markerEnd} className={jump ? 'tf-edge tf-edge--jump' : 'tf-edge'} data-sim={onPath ? 'path' : undefined} />
      <EdgeLabelRenderer>
        {data?.label && (
          <div
            className={`tf-edge-label${jump ? ' tf-edge-label--jump' : ''} nodrag nopan`}
            title={data.label}
            style={{
              transform: jump
                ? `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`
                : `translate(0, -50%) translate(${targetX + 16}px, ${plusY}px)`,
            }}
          >
            {data.label}
          </div>
        )}
        {point && (
          <div className="tf-edge-insert" style={{ transform: `translate(-50%, -50%) translate(${targetX}px, ${plusY}px)` }}>
            <InsertionButton point={point} />
          </div>
        )}
      </EdgeLabelRenderer>
    </>
  );
});

/**
 * A go-to jump from the right side of its bubble to the right side of the target, bowing out to the
 * right so it never runs through the bubbles of the path between them.
 */
function jumpPath(sourceX: number, sourceY: number, targetX: number, targetY: number): [string, number, number] {
  const half = NODE_SIZE.action.width / 2;
  const sx = sourceX + half;
  const sy = sourceY - NODE_SIZE.action.height / 2;
  const tx = targetX + half;
  const ty = targetY + NODE_SIZE.action.height / 2;
  const bow = Math.max(sx, tx) + 60 + Math.min(200, Math.abs(sy - ty) / 4);
  return [`M ${sx} ${sy} C ${bow} ${sy}, ${bow} ${ty}, ${tx} ${ty}`, bow - 15, (sy + ty) / 2];
}
