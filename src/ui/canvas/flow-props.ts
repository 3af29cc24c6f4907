import type { FitViewOptions } from '@xyflow/react';

/** How Fit View frames a workflow (on open and from the controls). */
export const FIT_VIEW_OPTIONS: FitViewOptions = { padding: 0.2, maxZoom: 1 };

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
