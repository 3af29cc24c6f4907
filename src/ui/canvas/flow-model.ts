import { MarkerType, Position, type NodeHandle } from '@xyflow/react';
import { layoutWorkflow, NODE_SIZE, toCanvas, type InsertionPoint } from '../../graph';
import { linksOf } from '../../graph/links';
import { TRIGGER_NODE_ID, type Layout, type Workflow } from '../../model';
import type { Selection } from '../../store/selection-slice';
import type { ActionNodeType } from './ActionNode';
import type { EndNodeType } from './EndNode';
import type { FlowEdgeType } from './FlowEdge';
import type { GhostNodeType } from '../history/GhostNode';
import { pointKey } from './insertion';
import type { TriggerNodeType } from './TriggerNode';

/** Any node of the canvas. */
export type FlowNode = ActionNodeType | TriggerNodeType | EndNodeType | GhostNodeType;

const EMPTY = {} as Record<string, never>;
const autoLayouts = new WeakMap<Workflow, { key: string; layout: Layout }>();
let lastAuto: { key: string; layout: Layout } | null = null;

/** What decides the automatic layout: the actions and their links, not their settings. */
function structureKey(workflow: Workflow): string {
  const parts = [workflow.startActionId ?? ''];
  for (const a of workflow.actions) parts.push(`${a.id}>${linksOf(a).map((l) => `${l.slot}=${l.target ?? ''}`).join(',')}`);
  return parts.join('|');
}

/**
 * The automatic layout of a workflow, recomputed only when its structure changed: editing a
 * bubble's settings must not run the layout of a thousand-action workflow again.
 */
export function autoLayout(workflow: Workflow): Layout {
  const cached = autoLayouts.get(workflow);
  if (cached) return cached.layout;
  const key = structureKey(workflow);
  const entry = lastAuto && lastAuto.key === key ? lastAuto : { key, layout: layoutWorkflow(workflow) };
  lastAuto = entry;
  autoLayouts.set(workflow, entry);
  return entry.layout;
}

/** Positions in effect: the ones the user placed, the automatic layout for the rest. */
export function effectiveLayout(workflow: Workflow, placed: Layout | undefined): Layout {
  const auto = autoLayout(workflow);
  return placed ? { positions: { ...auto.positions, ...placed.positions } } : auto;
}

/** Half the size of a node's (invisible) handle: React Flow centres it on the node's top or bottom edge. */
const HANDLE = 3;

/**
 * Where a node's handles are, given up front with its size (`measured`), so React Flow can draw its
 * edges and cull it before it has been rendered once: without them, every node is mounted on the
 * first commit to be measured.
 */
function handlesOf(width: number, height: number, sides: { target: boolean; source: boolean }): NodeHandle[] {
  const x = width / 2 - HANDLE;
  const size = { width: 2 * HANDLE, height: 2 * HANDLE };
  const handles: NodeHandle[] = [];
  if (sides.target) handles.push({ type: 'target', position: Position.Top, x, y: -HANDLE, ...size });
  if (sides.source) handles.push({ type: 'source', position: Position.Bottom, x, y: height - HANDLE, ...size });
  return handles;
}

/** A "+" on the canvas: an insertion point and its centre in flow coordinates. */
export interface InsertSpot {
  key: string;
  point: InsertionPoint;
  x: number;
  y: number;
}

/** A branch-path or go-to label: its anchor in flow coordinates (left-middle for a path, centre for a jump). */
export interface LabelSpot {
  id: string;
  /** The label as the workflow holds it, and the key that words a label the core gives in the reader's language. */
  text: string;
  labelKey?: string;
  x: number;
  y: number;
  jump: boolean;
}

/** The distance from a path's target to its "+", on the last leg into the target. */
export function plusOffset(sourceY: number, targetY: number): number {
  return Math.min(24, Math.max(12, (targetY - sourceY) / 3));
}

/**
 * A go-to jump from the right side of its bubble to the right side of the target, bowing out to the
 * right so it never runs through the bubbles of the path between them; returns the path and its label's centre.
 * The coordinates are those of the edge's ends (bottom of the source, top of the target).
 */
export function jumpPath(sourceX: number, sourceY: number, targetX: number, targetY: number): [string, number, number] {
  const half = NODE_SIZE.action.width / 2;
  const sx = sourceX + half;
  const sy = sourceY - NODE_SIZE.action.height / 2;
  const tx = targetX + half;
  const ty = targetY + NODE_SIZE.action.height / 2;
  const bow = Math.max(sx, tx) + 60 + Math.min(200, Math.abs(sy - ty) / 4);
  return [`M ${sx} ${sy} C ${bow} ${sy}, ${bow} ${ty}, ${tx} ${ty}`, bow - 15, (sy + ty) / 2];
}

/** A go-to jump's dash and gap (flow units), and how many of them one jump may have at most. */
const JUMP_DASH = 6;
const JUMP_GAP = 4;
const MAX_JUMP_DASHES = 60;

/**
 * The dash pattern of a go-to jump between edge ends (as jumpPath takes them): 6 on, 4 off, stretched
 * on a long jump so that no jump has more than MAX_JUMP_DASHES dashes. A dashed stroke is dashed along
 * its whole length, on screen or not: a few hundred jumps across a 20,000-action workflow, dashed
 * finely, made every frame of a drag take seconds. The length is the curve's, near enough (its hull).
 */
export function jumpDash(sourceX: number, sourceY: number, targetX: number, targetY: number): string {
  const [, bowLabel] = jumpPath(sourceX, sourceY, targetX, targetY);
  const bow = bowLabel + 15;
  const half = NODE_SIZE.action.width / 2;
  const length = bow - (sourceX + half) + (bow - (targetX + half)) + Math.abs(sourceY - targetY);
  const stretch = Math.max(1, length / ((JUMP_DASH + JUMP_GAP) * MAX_JUMP_DASHES));
  return `${+(JUMP_DASH * stretch).toFixed(1)} ${+(JUMP_GAP * stretch).toFixed(1)}`;
}

/** The canvas's flow: React Flow's nodes and edges, and the "+" and labels drawn in one layer above the edges. */
export interface Flow {
  nodes: FlowNode[];
  edges: FlowEdgeType[];
  inserts: InsertSpot[];
  labels: LabelSpot[];
}

/**
 * React Flow nodes and edges for a workflow (plain data from toCanvas, dressed for the canvas), with
 * their sizes and handles known up front, and where every "+" and path label goes.
 */
export function buildFlow(workflow: Workflow, layout: Layout, selection: Selection): Flow {
  const canvas = toCanvas(workflow, layout);
  const selectedId = selection === null ? null : selection.kind === 'trigger' ? TRIGGER_NODE_ID : selection.id;
  const ends = new Set(canvas.nodes.flatMap((n) => (n.type === 'end' ? [n.id] : [])));
  const boxes = new Map(canvas.nodes.map((n) => [n.id, n]));
  const inserts: InsertSpot[] = [];
  const labels: LabelSpot[] = [];
  for (const n of canvas.nodes) {
    if (n.type === 'end') inserts.push({ key: pointKey(n.data.point), point: n.data.point, x: n.position.x + n.width / 2, y: n.position.y + n.height / 2 });
  }
  const edges: FlowEdgeType[] = canvas.edges.map((e) => {
    // A path end is itself a "+": the edge into it carries none of its own.
    const toEnd = ends.has(e.target);
    const from = boxes.get(e.source);
    const to = boxes.get(e.target);
    if (from && to) {
      // The ends of the edge as React Flow draws it: the centre of the source's bottom handle and of the target's top one.
      const sourceX = from.position.x + from.width / 2;
      const sourceY = from.position.y + from.height + HANDLE;
      const targetX = to.position.x + to.width / 2;
      const targetY = to.position.y - HANDLE;
      if (e.jump) {
        const [, x, y] = jumpPath(sourceX, sourceY, targetX, targetY);
        if (e.label) labels.push({ id: e.id, text: e.label, labelKey: e.labelKey, x, y, jump: true });
      } else {
        // The "+" sits on the last leg into the target; a path label sits just right of it, so neither hides the other.
        const plusY = targetY - plusOffset(sourceY, targetY);
        if (e.label) labels.push({ id: e.id, text: e.label, labelKey: e.labelKey, x: targetX + 16, y: plusY, jump: false });
        if (e.point && !toEnd) inserts.push({ key: pointKey(e.point), point: e.point, x: targetX, y: plusY });
      }
    }
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'flow',
      selectable: false,
      focusable: false,
      markerEnd: e.jump ? { type: MarkerType.ArrowClosed, color: 'var(--tf-edge-jump)', width: 18, height: 18 } : undefined,
      zIndex: e.jump ? 1 : 0,
      data: { point: toEnd ? null : e.point, jump: e.jump, label: e.label },
    };
  });
  const nodes: FlowNode[] = canvas.nodes.map((n) => {
    if (n.type === 'end') {
      return {
        id: n.id,
        type: 'end',
        position: n.position,
        data: { point: n.data.point },
        draggable: false,
        selectable: false,
        focusable: false,
        width: NODE_SIZE.end.width,
        height: NODE_SIZE.end.height,
        measured: NODE_SIZE.end,
        handles: handlesOf(NODE_SIZE.end.width, NODE_SIZE.end.height, { target: true, source: false }),
      } satisfies EndNodeType;
    }
    const size = n.type === 'trigger' ? NODE_SIZE.trigger : NODE_SIZE.action;
    return {
      id: n.id,
      type: n.type,
      position: n.position,
      data: EMPTY,
      selected: n.id === selectedId,
      draggable: true,
      width: size.width,
      height: size.height,
      measured: size,
      handles: handlesOf(size.width, size.height, { target: n.type === 'action', source: true }),
    } as ActionNodeType | TriggerNodeType;
  });
  return { nodes, edges, inserts, labels };
}

/**
 * The nodes with `selected` set on exactly the ids given, keeping every node object whose selection
 * did not change (so a click re-renders two bubbles, not the whole flow).
 */
export function withSelection(nodes: readonly FlowNode[], selected: ReadonlySet<string>): FlowNode[] {
  let changed = false;
  const out = nodes.map((n) => {
    const want = selected.has(n.id);
    if (!!n.selected === want) return n;
    changed = true;
    return { ...n, selected: want } as FlowNode;
  });
  return changed ? out : (nodes as FlowNode[]);
}

function samePoint(a: InsertionPoint | null | undefined, b: InsertionPoint | null | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.type === 'start' || b.type === 'start') return a.type === b.type;
  return a.from === b.from && a.slot === b.slot;
}

/**
 * Carries over what React Flow measured and keeps every unchanged node object as it was, so memoized
 * nodes that did not change are not rendered again.
 */
export function mergeNodes(previous: readonly FlowNode[], next: readonly FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  let same = previous.length === next.length;
  const merged = next.map((n, i) => {
    const p = byId.get(n.id);
    if (
      p &&
      p.type === n.type &&
      p.position.x === n.position.x &&
      p.position.y === n.position.y &&
      !!p.selected === !!n.selected &&
      p.className === n.className &&
      !p.dragging &&
      (n.type !== 'end' || samePoint((p as EndNodeType).data.point, (n as EndNodeType).data.point))
    ) {
      if (previous[i] !== p) same = false;
      return p;
    }
    same = false;
    return (p?.measured ? { ...n, measured: p.measured } : n) as FlowNode;
  });
  return same ? (previous as FlowNode[]) : merged;
}

/** Keeps unchanged edge objects as they were (same idea as mergeNodes). */
export function mergeEdges(previous: readonly FlowEdgeType[], next: readonly FlowEdgeType[]): FlowEdgeType[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  let same = previous.length === next.length;
  const merged = next.map((e, i) => {
    const p = byId.get(e.id);
    if (
      p &&
      p.source === e.source &&
      p.target === e.target &&
      p.data?.jump === e.data?.jump &&
      p.data?.label === e.data?.label &&
      samePoint(p.data?.point, e.data?.point)
    ) {
      if (previous[i] !== p) same = false;
      return p;
    }
    same = false;
    return e;
  });
  return same ? (previous as FlowEdgeType[]) : merged;
}


/** The history view's diff on the canvas: how each node differs, and where removed actions stood. */
export interface DiffOverlay {
  marks: ReadonlyMap<string, 'added' | 'changed' | 'removed'>;
  /** Removed actions, drawn as ghosts at their place in the compared version. */
  ghosts: readonly { id: string; kind: string; position: { x: number; y: number } }[];
}

/**
 * Dresses nodes for the history view (SPEC §10): a CSS class on each added or changed node, and a
 * ghost node per removed action. Kept apart from buildFlow so the editing canvas pays nothing for it.
 */
export function withDiffOverlay(nodes: readonly FlowNode[], overlay: DiffOverlay | null): FlowNode[] {
  if (!overlay) return nodes as FlowNode[];
  const marked = nodes.map((n) => {
    const mark = overlay.marks.get(n.id);
    return mark && mark !== 'removed' ? ({ ...n, className: `tf-diff tf-diff--${mark}` } as FlowNode) : n;
  });
  const ghosts = overlay.ghosts.map(
    (g) =>
      ({
        id: `ghost:${g.id}`,
        type: 'ghost',
        position: g.position,
        data: { kind: g.kind, actionId: g.id },
        className: 'tf-diff tf-diff--removed',
        draggable: false,
        selectable: false,
        focusable: false,
        width: NODE_SIZE.action.width,
        height: NODE_SIZE.action.height,
      }) satisfies GhostNodeType,
  );
  return [...marked, ...ghosts];
}
