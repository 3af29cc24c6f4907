import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { NODE_SIZE } from '../../graph';
import { TRIGGER_NODE_ID } from '../../model';
import { selectOpenDoc } from '../../store/selectors';
import { useApp, useAppStore } from '../../store/store';
import { useT } from '../i18n';
import '../i18n/canvas';
import { isTextEntry } from '../shell/use-shortcuts';
import { ActionNode } from './ActionNode';
import { deleteOne, editNode } from './commands';
import { EndNode } from './EndNode';
import { FlowEdge, type FlowEdgeType } from './FlowEdge';
import { FLOW_PROPS, fitViewOptions } from './flow-props';
import { FarContext } from './far';
import { buildFlow, effectiveLayout, mergeEdges, mergeNodes, withSelection, type FlowNode } from './flow-model';
import { spotAt } from './insertion';
import { FAR_ZOOM, InsertionLayer } from './InsertionLayer';
import './canvas.css';
import { neighbour, type Direction } from './navigation';
import { OverviewMap, readMapOpen } from './OverviewMap';
import { TriggerNode } from './TriggerNode';

const NODE_TYPES = { action: ActionNode, trigger: TriggerNode, end: EndNode };
const EDGE_TYPES = { flow: FlowEdge };
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
/** How near (flow units) the pointer of a dragged bubble must be to a "+" to drop there: the "+" grown on hover. */
const DROP_RADIUS = 17;

/** The canvas of the open workflow: trigger card, bubbles, labelled paths, go-to jumps, insertion points. */
export function Canvas() {
  const openId = useApp((s) => s.openId);
  if (!openId) return <NoWorkflow />;
  // A fresh flow per workflow: its own viewport, fitted on open.
  return <WorkflowCanvas key={openId} />;
}

function NoWorkflow() {
  const { t } = useT();
  return <p className="tf-empty">{t('shell.noWorkflow')}</p>;
}

function WorkflowCanvas() {
  const { t } = useT();
  const store = useAppStore();
  const flow = useReactFlow<FlowNode, FlowEdgeType>();
  const workflow = useApp((s) => selectOpenDoc(s)?.workflow);
  const placed = useApp((s) => selectOpenDoc(s)?.layout);
  const selection = useApp((s) => s.selection);
  const review = useApp((s) => s.reviewMode);
  const mode = useApp((s) => s.interaction.type);
  const reveal = useApp((s) => s.reveal);

  const layout = useMemo(() => (workflow ? effectiveLayout(workflow, placed) : { positions: {} }), [workflow, placed]);
  const built = useMemo(() => (workflow ? buildFlow(workflow, layout, null) : { nodes: [], edges: [], inserts: [], labels: [] }), [workflow, layout]);
  const selectedIds = useMemo(() => new Set(selection === null ? [] : [selection.kind === 'trigger' ? TRIGGER_NODE_ID : selection.id]), [selection]);
  const derived = useMemo(() => ({ ...built, nodes: withSelection(built.nodes, selectedIds) }), [built, selectedIds]);
  // Zoomed out, bubbles draw as plain shapes (React Flow's width is 0 until the pane is measured).
  const far = useStore((s) => s.width > 0 && s.transform[2] < FAR_ZOOM);
  // Fitted once the pane has its size: React Flow's own fitView runs at the first commit of nodes whose
  // sizes are known up front, before the pane is measured, and would fit them into nothing. A passive
  // effect, so React Flow (a child) has taken this workflow's nodes first.
  const paneReady = useStore((s) => s.width > 0 && s.height > 0 && s.panZoom !== null);
  const fitted = useRef(false);
  const [mapOpen, setMapOpen] = useState(readMapOpen);
  const fitOptions = useMemo(() => fitViewOptions(mapOpen), [mapOpen]);
  useEffect(() => {
    if (!paneReady || fitted.current) return;
    fitted.current = true;
    void flow.fitView(fitOptions);
  }, [paneReady, flow, fitOptions]);
  const ariaLabelConfig = useMemo(() => ({ 'controls.ariaLabel': t('canvas.controls') }), [t]);
  const canvasRef = useRef<HTMLDivElement>(null);
  // The viewport gets its own compositing layer only while it moves: a permanent one makes every bubble
  // drag re-layerize the whole flow, none at all makes every pan frame repaint it.
  const layered = useCallback((on: boolean) => {
    const viewport = canvasRef.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (viewport) viewport.style.willChange = on ? 'transform' : '';
  }, []);
  const onMoveStart = useCallback(() => layered(true), [layered]);
  const onMoveEnd = useCallback(() => layered(false), [layered]);
  const [nodes, setNodes] = useState<FlowNode[]>(derived.nodes);
  const [edges, setEdges] = useState<FlowEdgeType[]>(derived.edges);
  const latest = useRef(derived);
  latest.current = derived;
  useLayoutEffect(() => {
    setNodes((prev) => mergeNodes(prev, derived.nodes));
    setEdges((prev) => mergeEdges(prev, derived.edges));
  }, [derived]);

  // Selection belongs to the store; React Flow's own select/remove changes are not applied.
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
    if (kept.length) setNodes((nds) => applyNodeChanges(kept, nds));
  }, []);

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (_e, node) => {
      const s = store.getState();
      if (node.type === 'end') return;
      s.select(node.id === TRIGGER_NODE_ID ? { kind: 'trigger' } : { kind: 'action', id: node.id });
    },
    [store],
  );
  const onNodeDoubleClick: NodeMouseHandler<FlowNode> = useCallback(
    (_e, node) => {
      if (node.type !== 'end') editNode(store, node.id);
    },
    [store],
  );
  const onPaneClick = useCallback(() => {
    const s = store.getState();
    if (s.interaction.type === 'move') s.setInteraction({ type: 'idle' });
    s.select(null);
  }, [store]);

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(
    (_e, node) => {
      const s = store.getState();
      if (node.type === 'action') s.setInteraction({ type: 'dragAction', actionId: node.id });
    },
    [store],
  );
  /** The "+" under the pointer of a dragged bubble, from the layout's geometry (none when zoomed out: no "+" is drawn). */
  const spotUnder = useCallback(
    (e: MouseEvent | TouchEvent) => {
      if (!('clientX' in e) || flow.getZoom() < FAR_ZOOM) return null;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false });
      return spotAt(latest.current.inserts, p.x, p.y, DROP_RADIUS);
    },
    [flow],
  );
  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (e, node) => {
      if (node.type !== 'action') return;
      const key = spotUnder(e)?.key ?? null;
      const s = store.getState();
      if (s.dropTarget !== key) s.setDropTarget(key);
    },
    [store, spotUnder],
  );
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (e, node) => {
      const s = store.getState();
      const point = node.type === 'action' ? (spotUnder(e)?.point ?? null) : null;
      s.setDropTarget(null);
      s.setInteraction({ type: 'idle' });
      if (point) s.moveAction(node.id, point);
      else if (!s.reviewMode) s.placeNode(node.id, node.position);
      // Whatever the store kept (a refused move, an unchanged place), the canvas shows it again.
      setNodes((prev) => mergeNodes(prev, latest.current.nodes));
    },
    [store, spotUnder],
  );

  useEffect(() => {
    if (!reveal) return;
    const node = flow.getNode(reveal.id);
    if (node) {
      const size = node.type === 'trigger' ? NODE_SIZE.trigger : NODE_SIZE.action;
      void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.75),
        duration: 200,
      });
    }
    const focus = () => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(reveal.id)}"]`)?.focus({ preventScroll: true });
    const timer = setTimeout(focus, 230);
    focus();
    return () => clearTimeout(timer);
  }, [reveal, flow]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || isTextEntry(e.target)) return;
    const target = e.target as HTMLElement;
    const onNode = target.classList.contains('react-flow__node');
    const s = store.getState();
    const sel = s.selection;
    const selectedId = sel === null ? null : sel.kind === 'trigger' ? TRIGGER_NODE_ID : sel.id;
    const mod = e.ctrlKey || e.metaKey;
    const direction = ARROWS[e.key];
    if (direction && (onNode || target === e.currentTarget || target.classList.contains('react-flow__pane'))) {
      e.preventDefault();
      const doc = selectOpenDoc(s);
      if (!doc) return;
      const next = selectedId ? neighbour(doc.workflow, selectedId, direction, layout.positions) : TRIGGER_NODE_ID;
      if (next) s.revealNode(next);
      return;
    }
    if (!onNode || !selectedId) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      editNode(store, selectedId);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && sel?.kind === 'action') {
      e.preventDefault();
      const doc = selectOpenDoc(s);
      const up = doc ? neighbour(doc.workflow, sel.id, 'up', layout.positions) : null;
      deleteOne(store, sel.id);
      const after = store.getState();
      if (up && !after.dialog && selectOpenDoc(after)?.workflow.actions.every((a) => a.id !== sel.id)) after.revealNode(up);
    } else if (mod && e.key.toLowerCase() === 'd' && sel?.kind === 'action') {
      e.preventDefault();
      if (s.cloneAction(sel.id).ok) {
        const now = store.getState().selection;
        if (now?.kind === 'action') store.getState().revealNode(now.id);
      }
    }
  };

  const onDragOver = (e: DragEvent) => {
    if (store.getState().interaction.type !== 'dragKind') return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const s = store.getState();
    if (s.interaction.type !== 'dragKind') return;
    e.preventDefault();
    s.setInteraction({ type: 'idle' });
    s.setDropTarget(null);
    s.notify({ tone: 'error', key: 'canvas.drop.nowhere' });
  };

  return (
    <div ref={canvasRef} className="tf-canvas" data-mode={mode} data-far={far || undefined} onKeyDown={onKeyDown} onDragOver={onDragOver} onDrop={onDrop}>
      {mode === 'move' && (
        <div className="tf-canvas__hint" role="status">
          {t('canvas.move.hint')}
          <button type="button" onClick={() => store.getState().setInteraction({ type: 'idle' })}>
            {t('canvas.move.cancel')}
          </button>
        </div>
      )}
      <FarContext.Provider value={far}>
      <ReactFlow<FlowNode, FlowEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onPaneClick={onPaneClick}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        nodesDraggable={!review}
        {...FLOW_PROPS}
        fitView={false}
        onlyRenderVisibleElements={nodes.length > 300}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('canvas.label')}
      >
        <InsertionLayer inserts={derived.inserts} labels={derived.labels} workflow={workflow} />
        <Background gap={24} />
        <OverviewMap nodes={built.nodes} workflow={workflow} open={mapOpen} onOpenChange={setMapOpen} />
        <Controls showInteractive={false} fitViewOptions={fitOptions} />
      </ReactFlow>
      </FarContext.Provider>
    </div>
  );
}
