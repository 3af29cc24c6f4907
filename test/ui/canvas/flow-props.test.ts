import { getViewportForBounds, getNodesBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { TRIGGER_NODE_ID } from '../../../src/model';
import { buildFlow, effectiveLayout } from '../../../src/ui/canvas/flow-model';
import { FLOW_PROPS, fitViewOptions } from '../../../src/ui/canvas/flow-props';
import { generateWorkflowDocument } from '../../bench/generate';
import { example } from '../../store/fixtures';

const PANE = { width: 1000, height: 700 };

function nodesOf(workflow: ReturnType<typeof example>['workflow']) {
  return buildFlow(workflow, effectiveLayout(workflow, undefined), null).nodes;
}

/** The nodes a viewport shows whole, as React Flow culls them. */
function shown(nodes: ReturnType<typeof nodesOf>, v: { x: number; y: number; zoom: number }) {
  const left = -v.x / v.zoom;
  const top = -v.y / v.zoom;
  const right = left + PANE.width / v.zoom;
  const bottom = top + PANE.height / v.zoom;
  return nodes.filter((n) => n.position.x + n.width! > left && n.position.x < right && n.position.y + n.height! > top && n.position.y < bottom);
}

describe('fitting the canvas', () => {
  it('fits a workflow that fits as a whole, leaving room for the controls and the map', () => {
    const nodes = nodesOf(example('wf-urgent-escalation').workflow);
    const closed = fitViewOptions(false, { nodes, pane: PANE, startId: TRIGGER_NODE_ID });
    const open = fitViewOptions(true, { nodes, pane: PANE, startId: TRIGGER_NODE_ID });
    expect(closed.nodes).toBeUndefined();
    expect(closed.padding).toEqual({ top: '32px', left: '72px', bottom: '32px', right: '72px' });
    expect(open.padding).toEqual({ top: '32px', left: '72px', bottom: '32px', right: '300px' });
    expect(fitViewOptions(false)).toEqual(closed);
  });

  it('opens a workflow too wide for the smallest zoom on its beginning, with bubbles in view, not on its empty middle (20,000 actions)', () => {
    const nodes = nodesOf(generateWorkflowDocument(20000).workflow);
    const all = getNodesBounds(nodes);
    // Centring the whole workflow at the smallest zoom, as a plain fit does, shows next to nothing here.
    const centred = getViewportForBounds(all, PANE.width, PANE.height, FLOW_PROPS.minZoom, 1, 0);
    expect(centred.zoom).toBe(FLOW_PROPS.minZoom);
    const options = fitViewOptions(false, { nodes, pane: PANE, startId: TRIGGER_NODE_ID });
    expect(options.minZoom).toBe(FLOW_PROPS.minZoom);
    expect(options.maxZoom).toBe(FLOW_PROPS.minZoom);
    const ids = new Set(options.nodes!.map((n) => n.id));
    expect(ids.has(TRIGGER_NODE_ID)).toBe(true);
    const chosen = nodes.filter((n) => ids.has(n.id));
    expect(chosen.length).toBeGreaterThan(10);
    expect(chosen.length).toBeLessThan(nodes.length);
    // Every chosen node fits in the pane (less the room at its sides) at the smallest zoom.
    const box = getNodesBounds(chosen);
    expect(box.width * FLOW_PROPS.minZoom).toBeLessThanOrEqual(PANE.width - 72 - 72);
    expect(box.height * FLOW_PROPS.minZoom).toBeLessThanOrEqual(PANE.height - 32 - 32);
    const fitted = getViewportForBounds(box, PANE.width, PANE.height, FLOW_PROPS.minZoom, FLOW_PROPS.minZoom, 0);
    expect(shown(nodes, fitted).length).toBeGreaterThanOrEqual(chosen.length);
    expect(shown(nodes, centred).length * 5).toBeLessThan(chosen.length);
  }, 60_000);
});
