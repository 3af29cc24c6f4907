import type { FitViewOptions } from '@xyflow/react';

/** How the bare React Flow page of the bench fits a workflow (React Flow's own proportional padding). */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1 };

/**
 * How the canvas fits a workflow, on open and from Fit View: with room for the overlays, the zoom
 * controls at the bottom left and the overview map at the bottom right (when it is open), so neither
 * covers a bubble or a path label. Fit View measures the bubbles only; a branch's last path, its
 * label and its end "+" reach about 70 px further right, so the map's side keeps that room too
 * (the map is 200 px wide, 16 px from the edge).
 */
export function fitViewOptions(mapOpen: boolean): FitViewOptions {
  return { padding: { top: '32px', left: '72px', bottom: '32px', right: mapOpen ? '300px' : '72px' }, maxZoom: 1 };
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
