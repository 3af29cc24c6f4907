import type { Action } from '../actions';
import { TRIGGER_NODE_ID, type Layout, type Point, type Workflow } from '../model/workflow';
import { actionMap, pathLinks } from './links';

/** Sizes of the canvas nodes; the UI draws its nodes at these sizes. */
export const NODE_SIZE = {
  trigger: { width: 300, height: 88 },
  action: { width: 260, height: 84 },
  end: { width: 24, height: 24 },
} as const;

/** Gaps between rows (vertically) and between neighbouring nodes of a row (horizontally). */
export const LAYOUT_GAP = { row: 56, node: 40 } as const;

/** Id of the end marker of a path: the path leaving `from` on `slot`, or the start when `from` is null. */
export function endNodeId(from: string | null, slot: string): string {
  // '#' cannot start an action id, so end markers never collide with actions.
  return from === null ? '#end:start' : `#end:${from}:${slot}`;
}

/** The top of a row: row 0 holds the trigger card, every later row one action. */
export function rowTop(row: number): number {
  if (row <= 0) return 0;
  return NODE_SIZE.trigger.height + LAYOUT_GAP.row + (row - 1) * (NODE_SIZE.action.height + LAYOUT_GAP.row);
}

/** A node of the drawing tree: the trigger card, an action, or the end marker of a path. */
export interface TreeNode {
  id: string;
  kind: 'trigger' | 'action' | 'end';
  children: TreeNode[];
}

/**
 * The forest the canvas draws: the trigger card with the start's paths below it, then a tree for each
 * action no path reaches (only go-tos, or nothing), in the order of the actions array. Each action belongs
 * to the first path that reaches it, so malformed links (merges, loops) cannot make the walk go round.
 */
export function drawingForest(workflow: Workflow, byId: Map<string, Action> = actionMap(workflow)): TreeNode[] {
  const onPath = new Set<string>();
  for (const a of workflow.actions) for (const l of pathLinks(a)) if (l.target !== null && l.target !== a.id) onPath.add(l.target);
  const claimed = new Set<string>();

  const treeAt = (id: string): TreeNode => {
    claimed.add(id);
    const root: TreeNode = { id, kind: 'action', children: [] };
    // Iterative, so a path of thousands of actions cannot overflow the stack.
    const stack = [root];
    while (stack.length) {
      const node = stack.pop()!;
      for (const l of pathLinks(byId.get(node.id)!)) {
        if (l.target === null || !byId.has(l.target)) {
          node.children.push({ id: endNodeId(node.id, l.slot), kind: 'end', children: [] });
        } else if (!claimed.has(l.target)) {
          claimed.add(l.target);
          const child: TreeNode = { id: l.target, kind: 'action', children: [] };
          node.children.push(child);
          stack.push(child);
        }
      }
    }
    return root;
  };

  const start = workflow.startActionId;
  const trigger: TreeNode = { id: TRIGGER_NODE_ID, kind: 'trigger', children: [] };
  trigger.children.push(start !== null && byId.has(start) ? treeAt(start) : { id: endNodeId(null, 'start'), kind: 'end', children: [] });
  const forest = [trigger];
  for (const a of workflow.actions) if (!claimed.has(a.id) && !onPath.has(a.id)) forest.push(treeAt(a.id));
  for (const a of workflow.actions) if (!claimed.has(a.id)) forest.push(treeAt(a.id));
  return forest;
}

/**
 * The left and right edges of a subtree on each of its rows, relative to a reference x. Stored deepest
 * row first, so a parent adds its own row with a push; `shift` is added to every stored value, so a
 * whole contour moves in O(1). A row with nothing on it holds +Infinity / -Infinity.
 */
interface Contour {
  left: number[];
  right: number[];
  shift: number;
}

/** The width a node takes in its row; an end marker keeps room for the action that would replace it. */
function slotWidth(node: TreeNode): number {
  return node.kind === 'trigger' ? NODE_SIZE.trigger.width : NODE_SIZE.action.width;
}

/**
 * Puts contours side by side, each as close to the previous ones as their rows allow (all start on the
 * same row). Returns each one's offset from the first, and the merged contour in the first one's frame.
 * The merged contour reuses the longer of the two arrays at each step, so the cost is that of the shorter.
 */
function packSideBySide(contours: Contour[]): { offsets: number[]; merged: Contour } {
  let acc = contours[0]!;
  const offsets = [0];
  for (let j = 1; j < contours.length; j++) {
    const next = contours[j]!;
    const rows = Math.min(acc.left.length, next.left.length);
    let offset = -Infinity;
    for (let t = 0; t < rows; t++) {
      const a = acc.right[acc.right.length - 1 - t]! + acc.shift;
      const b = next.left[next.left.length - 1 - t]! + next.shift;
      offset = Math.max(offset, a - b + LAYOUT_GAP.node);
    }
    if (!Number.isFinite(offset)) offset = offsets[j - 1]!;
    offsets.push(offset);
    next.shift += offset;
    const [base, other] = next.left.length > acc.left.length ? [next, acc] : [acc, next];
    for (let t = 0; t < other.left.length; t++) {
      const bi = base.left.length - 1 - t;
      const oi = other.left.length - 1 - t;
      base.left[bi] = Math.min(base.left[bi]!, other.left[oi]! + other.shift - base.shift);
      base.right[bi] = Math.max(base.right[bi]!, other.right[oi]! + other.shift - base.shift);
    }
    acc = base;
  }
  return { offsets, merged: acc };
}

/**
 * Positions (top-left corners) for the trigger card and every action: a tidy top-down tree in rows, the
 * trigger card on top, each branch centred over its paths, which fan out left to right in path order, and
 * room kept at every path end for its end marker. Subtrees pack as closely as their row-by-row outlines
 * allow, so a long path beside a short one wastes no space. Go-to jumps take no part: the canvas draws
 * them over the tree. Outlines merge smaller-into-larger, so the cost stays near-linear; nothing recurses.
 */
export function layoutWorkflow(workflow: Workflow): Layout {
  const forest = drawingForest(workflow);
  const row = new Map<TreeNode, number>();
  const order: TreeNode[] = [];
  const stack: [TreeNode, number][] = forest.map((root): [TreeNode, number] => [root, root.kind === 'trigger' ? 0 : 1]);
  while (stack.length) {
    const [node, r] = stack.pop()!;
    row.set(node, r);
    order.push(node);
    for (const child of node.children) stack.push([child, r + 1]);
  }

  // Children before parents: each subtree's contour, and each child's x relative to its parent.
  const contour = new Map<TreeNode, Contour>();
  const relX = new Map<TreeNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    const half = slotWidth(node) / 2;
    let own: Contour = { left: [], right: [], shift: 0 };
    if (node.children.length) {
      const { offsets, merged } = packSideBySide(node.children.map((c) => contour.get(c)!));
      const centre = (offsets[0]! + offsets[offsets.length - 1]!) / 2;
      node.children.forEach((c, j) => relX.set(c, offsets[j]! - centre));
      own = merged;
      own.shift -= centre;
      for (const c of node.children) contour.delete(c);
    }
    own.left.push(-half - own.shift);
    own.right.push(half - own.shift);
    contour.set(node, own);
  }

  // Trees of the forest side by side, the trigger's first; those starting a row lower get an empty top row.
  const roots = forest.map((root) => {
    const c = contour.get(root)!;
    for (let r = row.get(root)!; r > 0; r--) {
      c.left.push(Infinity);
      c.right.push(-Infinity);
    }
    return c;
  });
  const { offsets } = packSideBySide(roots);

  const positions: Layout['positions'] = {};
  const centre = new Map<TreeNode, number>();
  forest.forEach((root, i) => centre.set(root, offsets[i]!));
  for (const node of order) {
    const x = centre.get(node)!;
    for (const c of node.children) centre.set(c, x + relX.get(c)!);
    if (node.kind !== 'end') positions[node.id] = topLeft(x, row.get(node)!, node.kind);
  }
  return { positions };
}

function topLeft(centreX: number, r: number, kind: 'trigger' | 'action'): Point {
  return { x: Math.round(centreX - NODE_SIZE[kind].width / 2), y: rowTop(r) };
}
