import type { Action } from '../actions';
import { TRIGGER_NODE_ID, type Enrollment, type Layout, type Point, type Workflow } from '../model/workflow';
import type { InsertionPoint } from './draft';
import { drawingForest, endNodeId, LAYOUT_GAP, layoutWorkflow, NODE_SIZE, rowTop, type TreeNode } from './layout';
import { actionMap, linksOf, reachableFromStart } from './links';

interface NodeBox {
  id: string;
  /** Top-left corner. */
  position: Point;
  width: number;
  height: number;
}

/** A node to draw: the trigger card, an action bubble, or the end marker of a path (where a "+" adds an action). */
export type CanvasNode =
  | (NodeBox & { type: 'trigger'; data: { enrollment: Enrollment } })
  | (NodeBox & { type: 'action'; data: { action: Action; isStart: boolean; reachable: boolean } })
  | (NodeBox & { type: 'end'; data: { point: InsertionPoint } });

/** A connection to draw. Path edges carry the insertion point of their "+"; go-to jumps (jump: true) have none. */
export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  /** The link slot it leaves its source by ('start' for the trigger card's edge). */
  slot: string;
  /** Label of a branch path. */
  label?: string;
  /** The message key of a label the core gives (see ActionLink.labelKey). */
  labelKey?: string;
  jump: boolean;
  point: InsertionPoint | null;
  /** The id the link names when no such action exists; the edge then ends at an end marker. */
  missingTarget?: string;
}

/** Horizontal distance between neighbouring paths placed without a stored position. */
const PATH_STEP = NODE_SIZE.action.width + LAYOUT_GAP.node;

/**
 * Plain node and edge data for the canvas. Positions come from the layout (computed with layoutWorkflow
 * when none is given); an action the layout does not place yet is put below its predecessor on its path,
 * and end markers sit where an action added at that path end would go.
 */
export function toCanvas(workflow: Workflow, layout: Layout = layoutWorkflow(workflow)): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const byId = actionMap(workflow);
  const reachable = reachableFromStart(workflow, byId);
  const stored = layout.positions;
  const centre = new Map<string, Point>();
  const nodes: CanvasNode[] = [];
  const edges: CanvasEdge[] = [];

  const box = (id: string, kind: 'trigger' | 'action' | 'end'): NodeBox => {
    const size = NODE_SIZE[kind];
    const c = centre.get(id)!;
    return { id, position: { x: Math.round(c.x - size.width / 2), y: Math.round(c.y - size.height / 2) }, ...size };
  };
  const storedCentre = (node: TreeNode): Point | undefined => {
    if (node.kind === 'end' || !Object.hasOwn(stored, node.id)) return undefined;
    const p = stored[node.id]!;
    const size = NODE_SIZE[node.kind];
    return { x: p.x + size.width / 2, y: p.y + size.height / 2 };
  };

  // Children of a placed node: stored positions win; the others fill the row below, between placed siblings.
  const placeChildren = (parent: TreeNode) => {
    const pc = centre.get(parent.id)!;
    const parentBottom = pc.y + NODE_SIZE[parent.kind].height / 2;
    const known = parent.children.map(storedCentre);
    parent.children.forEach((child, i) => {
      const own = known[i];
      if (own) {
        centre.set(child.id, own);
        return;
      }
      let x: number;
      const left = known.findLastIndex((k, j) => j < i && k !== undefined);
      const right = known.findIndex((k, j) => j > i && k !== undefined);
      if (left >= 0 && right >= 0) x = known[left]!.x + ((known[right]!.x - known[left]!.x) * (i - left)) / (right - left);
      else if (left >= 0) x = known[left]!.x + (i - left) * PATH_STEP;
      else if (right >= 0) x = known[right]!.x - (right - i) * PATH_STEP;
      else x = pc.x + (i - (parent.children.length - 1) / 2) * PATH_STEP;
      // On the row of a placed sibling when there is one, else a row below the parent.
      const sibling = known[left] ?? known[right];
      const top = sibling ? sibling.y - NODE_SIZE.action.height / 2 : parentBottom + LAYOUT_GAP.row;
      centre.set(child.id, { x, y: top + NODE_SIZE[child.kind === 'end' ? 'end' : 'action'].height / 2 });
    });
  };

  const forest = drawingForest(workflow, byId);
  let freeX = 0;
  for (const p of Object.values(stored)) freeX = Math.max(freeX, p.x + NODE_SIZE.trigger.width);
  for (const root of forest) {
    let c = storedCentre(root);
    if (!c) {
      c = root.kind === 'trigger'
        ? { x: NODE_SIZE.trigger.width / 2, y: NODE_SIZE.trigger.height / 2 }
        : { x: freeX + LAYOUT_GAP.node + NODE_SIZE.action.width / 2, y: rowTop(1) + NODE_SIZE.action.height / 2 };
      freeX = Math.max(freeX, c.x + NODE_SIZE.action.width / 2 + LAYOUT_GAP.node);
    }
    centre.set(root.id, c);
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      placeChildren(node);
      for (const child of node.children) stack.push(child);
    }
  }

  const endNode = (from: string | null, slot: string) => {
    const id = endNodeId(from, slot);
    const point: InsertionPoint = from === null ? { type: 'start' } : { type: 'link', from, slot };
    nodes.push({ ...box(id, 'end'), type: 'end', data: { point } });
    return id;
  };

  nodes.push({ ...box(TRIGGER_NODE_ID, 'trigger'), type: 'trigger', data: { enrollment: workflow.enrollment } });
  const start = workflow.startActionId;
  const startEdge: CanvasEdge = { id: `${TRIGGER_NODE_ID}->start`, source: TRIGGER_NODE_ID, target: '', slot: 'start', jump: false, point: { type: 'start' } };
  if (start !== null && byId.has(start)) startEdge.target = start;
  else {
    startEdge.target = endNode(null, 'start');
    if (start !== null) startEdge.missingTarget = start;
  }
  edges.push(startEdge);

  for (const a of workflow.actions) {
    if (byId.get(a.id) !== a) continue;
    nodes.push({ ...box(a.id, 'action'), type: 'action', data: { action: a, isStart: a.id === start, reachable: reachable.has(a.id) } });
    const drawn = new Set<string>();
    for (const l of linksOf(a)) {
      // A repeated branch path id (TF310) names the same slot twice; its edge would repeat an id.
      if (drawn.has(l.slot)) continue;
      drawn.add(l.slot);
      const edge: CanvasEdge = { id: `${a.id}->${l.slot}`, source: a.id, target: '', slot: l.slot, jump: l.jump, point: null };
      if (l.label !== undefined) edge.label = l.label;
      if (l.labelKey !== undefined) edge.labelKey = l.labelKey;
      if (l.jump) {
        if (l.target === null || !byId.has(l.target)) continue;
        edge.target = l.target;
      } else {
        edge.point = { type: 'link', from: a.id, slot: l.slot };
        if (l.target !== null && byId.has(l.target)) edge.target = l.target;
        else {
          edge.target = endNode(a.id, l.slot);
          if (l.target !== null) edge.missingTarget = l.target;
        }
      }
      edges.push(edge);
    }
  }
  return { nodes, edges };
}
