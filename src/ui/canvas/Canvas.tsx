import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
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
import { buildFlow, effectiveLayout, mergeEdges, mergeNodes, withDiffOverlay, type FlowNode } from './flow-model';
import { pointAt, pointKey } from './insertion';
import { neighbour, type Direction } from './navigation';
import { TriggerNode } from './TriggerNode';
import { GhostNode } from '../history/GhostNode';
import { useDiffOverlay } from '../history/use-diff-overlay';

const NODE_TYPES = { action: ActionNode, trigger: TriggerNode, end: EndNode, ghost: GhostNode };
const EDGE_TYPES = { flow: FlowEdge };
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1 };

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
  // A revision shown from the history is read-only, as review mode is.
  const review = useApp((s) => s.reviewMode || s.historyView !== null);
  const mode = useApp((s) => s.interaction.type);
  const reveal = useApp((s) => s.reveal);

  const layout = useMemo(() => (workflow ? effectiveLayout(workflow, placed) : { positions: {} }), [workflow, placed]);
  const overlay = useDiffOverlay();
  const derived = useMemo(() => {
    const flow = workflow ? buildFlow(workflow, layout, selection) : { nodes: [], edges: [] };
    return overlay ? { nodes: withDiffOverlay(flow.nodes, overlay), edges: flow.edges } : flow;
  }, [workflow, layout, selection, overlay]);
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
      if (node.type === 'end' || node.type === 'ghost') return;
      s.select(node.id === TRIGGER_NODE_ID ? { kind: 'trigger' } : { kind: 'action', id: node.id });
    },
    [store],
  );
  const onNodeDoubleClick: NodeMouseHandler<FlowNode> = useCallback(
    (_e, node) => {
      if (node.type !== 'end' && node.type !== 'ghost') editNode(store, node.id);
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
  const onNodeDrag: OnNodeDrag<FlowNode> = useCallback(
    (e, node) => {
      if (node.type !== 'action' || !('clientX' in e)) return;
      const point = pointAt(e.clientX, e.clientY);
      const key = point ? pointKey(point) : null;
      const s = store.getState();
      if (s.dropTarget !== key) s.setDropTarget(key);
    },
    [store],
  );
  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (e, node) => {
      const s = store.getState();
      const point = node.type === 'action' && 'clientX' in e ? pointAt(e.clientX, e.clientY) : null;
      s.setDropTarget(null);
      s.setInteraction({ type: 'idle' });
      if (point) s.moveAction(node.id, point);
      else if (!s.reviewMode) s.placeNode(node.id, node.position);
      // Whatever the store kept (a refused move, an unchanged place), the canvas shows it again.
      setNodes((prev) => mergeNodes(prev, latest.current.nodes));
    },
    [store],
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
    <div className="tf-canvas" data-mode={mode} onKeyDown={onKeyDown} onDragOver={onDragOver} onDrop={onDrop}>
      {mode === 'move' && (
        <div className="tf-canvas__hint" role="status">
          {t('canvas.move.hint')}
          <button type="button" onClick={() => store.getState().setInteraction({ type: 'idle' })}>
            {t('canvas.move.cancel')}
          </button>
        </div>
      )}
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
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        disableKeyboardA11y
        panOnScroll
        zoomOnDoubleClick={false}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        onlyRenderVisibleElements={nodes.length > 300}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{ 'controls.ariaLabel': t('canvas.controls') }}
        aria-label={t('canvas.label')}
      >
        <Background gap={24} />
        <MiniMap pannable zoomable ariaLabel={t('canvas.minimap')} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
