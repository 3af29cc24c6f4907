import { EdgeLabelRenderer, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { linkLabel } from '../../actions';
import type { InsertionPoint } from '../../graph';
import type { Workflow } from '../../model';
import { useApp } from '../../store/store';
import { useT } from '../i18n';
import type { InsertSpot, LabelSpot } from './flow-model';
import { describePointIn, InsertionButton } from './InsertionButton';

/** Below this zoom the canvas draws bubbles as plain shapes: no "+", labels, menus, badges or icons. */
export const FAR_ZOOM = 0.4;
/** Up to this many "+" and labels are drawn without culling. */
const CULL_ABOVE = 300;
/** The layer culls by tiles of this size (flow units): it renders again only when the visible tiles change. */
const TILE = 600;

/**
 * What part of the flow is in view, coarsely: 'all' (the pane has no size yet, or the flow is small),
 * 'far' (zoomed out below FAR_ZOOM), or the range of visible tiles. Panning within a tile changes nothing.
 */
function viewKey(s: ReactFlowState, cull: boolean): string {
  const [tx, ty, zoom] = s.transform;
  if (!s.width || !s.height) return 'all';
  if (zoom < FAR_ZOOM) return 'far';
  if (!cull) return 'all';
  const x0 = Math.floor(-tx / zoom / TILE);
  const y0 = Math.floor(-ty / zoom / TILE);
  const x1 = Math.floor((s.width - tx) / zoom / TILE);
  const y1 = Math.floor((s.height - ty) / zoom / TILE);
  return `${x0},${y0},${x1},${y1}`;
}

function inView<T extends { x: number; y: number }>(spots: readonly T[], key: string): readonly T[] {
  if (key === 'all') return spots;
  if (key === 'far') return [];
  const [x0, y0, x1, y1] = key.split(',').map(Number) as [number, number, number, number];
  // Labels run right of their anchor: a tile's margin keeps those starting just outside the view.
  const left = x0 * TILE - TILE;
  const top = y0 * TILE;
  const right = (x1 + 1) * TILE;
  const bottom = (y1 + 1) * TILE;
  return spots.filter((p) => p.x >= left && p.x <= right && p.y >= top && p.y <= bottom);
}

/**
 * Every "+" and every path and go-to label of the canvas, in one layer between the edges and the
 * nodes: one portal and one set of store subscriptions for all of them, culled to the visible part of
 * the flow, and none at all when zoomed out.
 */
export const InsertionLayer = memo(function InsertionLayer({
  inserts,
  labels,
  workflow,
  onMoveHere,
}: {
  inserts: readonly InsertSpot[];
  labels: readonly LabelSpot[];
  workflow: Workflow | undefined;
  /** In move mode, what a picked "+" does instead of moving the store's one action (moving several). */
  onMoveHere?: (point: InsertionPoint) => void;
}) {
  const { t } = useT();
  const review = useApp((s) => s.reviewMode);
  const moving = useApp((s) => s.interaction.type === 'move');
  const pickerAt = useApp((s) => s.pickerAt);
  const dropTarget = useApp((s) => s.dropTarget);
  const cull = inserts.length + labels.length > CULL_ABOVE;
  const key = useStore((s) => viewKey(s, cull));
  const shownInserts = useMemo(() => (review ? [] : inView(inserts, key)), [inserts, key, review]);
  const shownLabels = useMemo(() => inView(labels, key), [labels, key]);
  return (
    <EdgeLabelRenderer>
      {shownLabels.map((l) => (
        <EdgeLabel key={l.id} spot={l} />
      ))}
      {shownInserts.map((spot) => (
        <InsertionButton
          key={spot.key}
          point={spot.point}
          pointKey={spot.key}
          x={spot.x}
          y={spot.y}
          where={describePointIn(workflow, spot.point, t)}
          moving={moving}
          pickerOpen={pickerAt === spot.key}
          hovered={dropTarget === spot.key}
          workflow={pickerAt === spot.key ? workflow : undefined}
          onMoveHere={onMoveHere}
        />
      ))}
    </EdgeLabelRenderer>
  );
});

const EdgeLabel = memo(function EdgeLabel({ spot }: { spot: LabelSpot }) {
  const { t } = useT();
  const text = linkLabel({ label: spot.text, labelKey: spot.labelKey }, t);
  return (
    <div
      className={`tf-edge-label${spot.jump ? ' tf-edge-label--jump' : ''} nodrag nopan`}
      title={text}
      style={{ transform: spot.jump ? `translate(-50%, -50%) translate(${spot.x}px, ${spot.y}px)` : `translate(0, -50%) translate(${spot.x}px, ${spot.y}px)` }}
    >
      {text}
    </div>
  );
});
