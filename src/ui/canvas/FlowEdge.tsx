import { BaseEdge, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { InsertionPoint } from '../../graph';
import { useApp } from '../../store/store';
import { useEdgeOnPath } from '../simulation/use-canvas-marks';
import { useFar } from './far';
import { jumpDash, jumpPath } from './flow-model';

/** Data of a canvas edge: the insertion point it carries (none for go-to jumps and path ends), its label, and whether it is a jump. */
export type FlowEdgeType = Edge<{ point: InsertionPoint | null; jump: boolean; label?: string }, 'flow'>;

/**
 * A path between two nodes; a go-to jump is drawn as a dashed curve in its own colour with an arrow.
 * The edge draws its line only: its "+" and its label are drawn by the canvas's one InsertionLayer.
 */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<FlowEdgeType>) {
  const { source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const jump = data?.jump ?? false;
  const slot = jump ? 'target' : data?.point?.type === 'link' ? data.point.slot : 'start';
  const onPath = useEdgeOnPath(useApp((s) => s.openId), source, slot);
  // Zoomed out, the stylesheet draws jumps solid; nearer, their dashes are stretched on long jumps.
  const far = useFar();
  const [path] = jump
    ? jumpPath(sourceX, sourceY, targetX, targetY)
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const style = jump && !far ? { strokeDasharray: jumpDash(sourceX, sourceY, targetX, targetY) } : undefined;
  return <BaseEdge path={path} markerEnd={markerEnd} style={style} className={jump ? 'tf-edge tf-edge--jump' : 'tf-edge'} data-sim={onPath ? 'path' : undefined} />;
});
