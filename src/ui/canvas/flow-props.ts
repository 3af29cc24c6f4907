import type { FitViewOptions } from '@xyflow/react';

/** How the bare React Flow page of the bench fits a workflow (React Flow's own proportional padding). */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1 };

/** Room (px) the canvas's fit leaves at each side of the pane: for the overlays, the zoom controls at the left. */
const FIT_ROOM = { top: 32, left: 72, bottom: 32, right: 72 };
/**
 * Room at the right while the overview map is open (200 px wide, 16 px from the edge). Fit View measures
 * the bubbles only; a branch's last path, its label and its end "+" reach about 70 px further right.
 */
const MAP_ROOM = 300;

/** A node as the fit sees it: where it is and how big. */
export interface FitNode {
  id: string;
  position: { x: number; y: number };
  width?: number;
  height?: number;
}

/**
 * How the canvas fits a workflow, on open and from Fit View: with room for the overlays, the zoom
 * controls at the bottom left and the overview map at the bottom right (when it is open), so neither
 * covers a bubble or a path label.
 *
 * Given the nodes and the pane's size, a workflow too big to fit even at the smallest zoom is not
 * centred (the middle of a wide tree can be empty, and the canvas would open on nothing): the view
 * shows its beginning instead, at the smallest zoom, from `startId`'s node down, with
 * every node that fits around it (the top middle of the view).
 */
export function fitViewOptions(
  mapOpen: boolean,
  fit?: { nodes: readonly FitNode[]; pane: { width: number; height: number }; startId: string; minZoom?: number },
): FitViewOptions {
  const room = { ...FIT_ROOM, right: mapOpen ? MAP_ROOM : FIT_ROOM.right };
  const options: FitViewOptions = {
    padding: { top: `${room.top}px`, left: `${room.left}px`, bottom: `${room.bottom}px`, right: `${room.right}px` },
    maxZoom: 1,
  };
  if (!fit || fit.nodes.length === 0 || fit.pane.width <= 0 || fit.pane.height <= 0) return options;
  const minZoom = fit.minZoom ?? FLOW_PROPS.minZoom;
  const free = { width: fit.pane.width - room.left - room.right, height: fit.pane.height - room.top - room.bottom };
  if (free.width <= 0 || free.height <= 0) return options;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let start: FitNode | undefined;
  for (const n of fit.nodes) {
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + (n.width ?? 0));
    maxY = Math.max(maxY, n.position.y + (n.height ?? 0));
    if (n.id === fit.startId) start = n;
  }
  const zoom = Math.min(free.width / Math.max(1, maxX - minX), free.height / Math.max(1, maxY - minY));
  if (zoom >= minZoom) return options;
  // What the pane holds at the smallest zoom, from the start's top middle down.
  const anchor = start ?? fit.nodes[0]!;
  const view = { width: free.width / minZoom, height: free.height / minZoom };
  const left = anchor.position.x + (anchor.width ?? 0) / 2 - view.width / 2;
  const top = anchor.position.y;
  const inView = fit.nodes.filter(
    (n) => n.position.x >= left && n.position.x + (n.width ?? 0) <= left + view.width && n.position.y >= top && n.position.y + (n.height ?? 0) <= top + view.height,
  );
  return { ...options, nodes: (inView.length ? inView : [anchor]).map((n) => ({ id: n.id })), minZoom, maxZoom: minZoom };
}

/**
 * The React Flow settings of the canvas that do not depend on the workflow or the user: the canvas
 * spreads them on its <ReactFlow>, and the bench's bare React Flow page (test/bench/bare-flow) spreads
 * the same object, so the two are compared with the same props.
 */
export const FLOW_PROPS = {
  nodesConnectable: false,
  edgesFocusable: false,
  elementsSelectable: true,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  disableKeyboardA11y: true,
  panOnScroll: true,
  zoomOnDoubleClick: false,
  minZoom: 0.1,
  maxZoom: 2,
  fitView: true,
  fitViewOptions: FIT_VIEW_OPTIONS,
  onlyRenderVisibleElements: true,
  proOptions: { hideAttribution: true },
} as const;
