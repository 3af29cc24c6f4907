import {
  applyNodeChanges,
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type NodeChange,
  type OnConnectEnd,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { NODE_SIZE, type InsertionPoint } from '../../graph';
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
import { FindBar } from './FindBar';
import { SelectionBar } from './SelectionBar';
import { buildFlow, effectiveLayout, mergeEdges, mergeNodes, withDiffOverlay, withSelection, type FlowNode } from './flow-model';
import { nodeAt, spotAt } from './insertion';
import { FAR_ZOOM, InsertionLayer } from './InsertionLayer';
import './canvas.css';
import { neighbour, type Direction } from './navigation';
import { OverviewMap, readMapOpen } from './OverviewMap';
import { TriggerNode } from './TriggerNode';
import { GhostNode } from '../history/GhostNode';
import { useDiffOverlay } from '../history/use-diff-overlay';

const NODE_TYPES = { action: ActionNode, trigger: TriggerNode, end: EndNode, ghost: GhostNode };
const EDGE_TYPES = { flow: FlowEdge };
const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const NONE: ReadonlySet<string> = new Set();
/** Whether a node id names an action (not the trigger card or a path end). */
const isActionId = (id: string) => id !== TRIGGER_NODE_ID && !id.startsWith('#');

/** How near (flow units) the pointer of a dragged bubble must be to a "+" to drop there: the "+" grown on hover. */
const DROP_RADIUS = 17;

/** The canvas of the open workflow: trigger card, bubbles, labelled paths, go-to jumps, insertion points. */
export function Canvas() {
  const openId = useApp((s) => s.openId);
  if (!openId) return <NoWorkflow />;
  // A fresh flow per workflow: its own React Flow store and viewport, fitted on open. A store shared across
  // workflows would still hold the previous workflow's nodes when the next one mounts, and mount them all.
  return (
    <ReactFlowProvider key={openId}>
      <WorkflowCanvas />
    </ReactFlowProvider>
  );
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
  const built = useMemo(() => (workflow ? buildFlow(workflow, layout, null) : { nodes: [], edges: [], inserts: [], labels: [] }), [workflow, layout]);
  // Several bubbles picked with shift-click or a shift-drawn box, beside the store's one selection.
  const [picked, setPicked] = useState<ReadonlySet<string>>(NONE);
  const pickedRef = useRef(picked);
  pickedRef.current = picked;
  const selectedIds = useMemo(() => {
    const ids = new Set(picked);
    if (selection !== null) ids.add(selection.kind === 'trigger' ? TRIGGER_NODE_ID : selection.id);
    return ids;
  }, [selection, picked]);
  const [finding, setFinding] = useState(false);
  const [movingMany, setMovingMany] = useState<readonly string[] | null>(null);
  // The history view's diff: marks on added and changed bubbles, ghosts of removed ones.
  const overlay = useDiffOverlay();
  const derived = useMemo(
    () => ({ ...built, nodes: withDiffOverlay(withSelection(built.nodes, selectedIds), overlay) }),
    [built, selectedIds, overlay],
  );
  // Zoomed out, bubbles draw as plain shapes (React Flow's width is 0 until the pane is measured).
  const far = useStore((s) => s.width > 0 && s.transform[2] < FAR_ZOOM);
  // Fitted once the pane has its size: React Flow's own fitView runs at the first commit of nodes whose
  // sizes are known up front, before the pane is measured, and would fit them into nothing. A passive
  // effect, so React Flow (a child) has taken this workflow's nodes first.
  const paneReady = useStore((s) => s.width > 0 && s.height > 0 && s.panZoom !== null);
  const fitted = useRef(false);
  const [mapOpen, setMapOpen] = useState(readMapOpen);
  // A workflow too big to fit even at the smallest zoom opens (and fits) on its beginning, not on its middle.
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const fitOptions = useMemo(
    () => fitViewOptions(mapOpen, { nodes: built.nodes, pane: { width: paneWidth, height: paneHeight }, startId: TRIGGER_NODE_ID }),
    [mapOpen, built.nodes, paneWidth, paneHeight],
  );
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

  // Selection belongs to the store (one bubble) and to `picked` (several); React Flow's own select and
  // remove changes are not applied, except that a box drawn with Shift picks the bubbles inside it.
  const rf = useStoreApi();
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const kept = changes.filter((c) => c.type === 'position' || c.type === 'dimensions');
      if (kept.length) setNodes((nds) => applyNodeChanges(kept, nds));
      if (!rf.getState().userSelectionActive) return;
      const boxed = changes.filter((c) => c.type === 'select' && isActionId(c.id));
      if (boxed.length === 0) return;
      setPicked((prev) => {
        const next = new Set(prev);
        for (const c of boxed) if (c.type === 'select') (c.selected ? next.add(c.id) : next.delete(c.id));
        return next;
      });
    },
    [rf],
  );

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback(
    (e, node) => {
      const s = store.getState();
      if (node.type === 'end' || node.type === 'ghost') return;
      if ((e.shiftKey || e.metaKey || e.ctrlKey) && node.type === 'action') {
        // Shift-click adds a bubble to the picked ones (the selected bubble first), or takes it out again.
        const next = new Set(pickedRef.current);
        if (next.size === 0 && s.selection?.kind === 'action') next.add(s.selection.id);
        if (next.has(node.id)) {
          next.delete(node.id);
          setPicked(next);
          if (s.selection?.kind === 'action' && s.selection.id === node.id) s.select(next.size ? { kind: 'action', id: [...next].at(-1)! } : null);
          return;
        }
        next.add(node.id);
        setPicked(next);
        s.select({ kind: 'action', id: node.id });
        return;
      }
      setPicked(NONE);
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
    setPicked(NONE);
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
    (e, node, dragged) => {
      const s = store.getState();
      const point = node.type === 'action' ? (spotUnder(e)?.point ?? null) : null;
      s.setDropTarget(null);
      s.setInteraction({ type: 'idle' });
      const several = dragged.filter((n) => n.type === 'action');
      if (point && several.length > 1) s.moveActions(several.map((n) => n.id), point);
      else if (point) s.moveAction(node.id, point);
      else if (!s.reviewMode) s.placeNodes(Object.fromEntries((dragged.length ? dragged : [node]).map((n) => [n.id, n.position])));
      // Whatever the store kept (a refused move, an unchanged place), the canvas shows it again.
      setNodes((prev) => mergeNodes(prev, latest.current.nodes));
    },
    [store, spotUnder],
  );

  // Dragging from a bubble's output onto another bubble connects them with a go-to, where the rules allow.
  const onConnectEnd: OnConnectEnd = useCallback(
    (e, connection) => {
      const from = connection.fromNode?.id;
      if (!from || !('clientX' in e)) return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false });
      const target = nodeAt(latest.current.nodes, p.x, p.y);
      const s = store.getState();
      if (!target || target.type !== 'action') {
        s.notify({ tone: 'error', key: 'canvasTools.connect.nowhere' });
        return;
      }
      if (target.id === from) return;
      if (s.connectGoto(from, target.id).ok) {
        const sel = store.getState().selection;
        if (sel?.kind === 'action') store.getState().revealNode(sel.id);
      }
    },
    [flow, store],
  );

  // Move for several picked bubbles: the "+" picked next receives them all.
  useEffect(() => {
    if (mode !== 'move') setMovingMany(null);
  }, [mode]);
  const onMoveHere = useCallback(
    (point: InsertionPoint) => {
      const ids = movingMany;
      if (!ids) return false;
      setMovingMany(null);
      if (store.getState().moveActions(ids, point).ok) setPicked(NONE);
      return true;
    },
    [movingMany, store],
  );
  const selectionCommands = useMemo(
    () => ({
      delete: () => {
        if (store.getState().deleteActions([...pickedRef.current]).ok) setPicked(NONE);
      },
      copy: async () => {
        const text = store.getState().copyActions([...pickedRef.current]);
        if (text === null) return;
        await navigator.clipboard?.writeText(text);
        store.getState().notify({ tone: 'info', key: 'canvasTools.selection.copied', params: { count: pickedRef.current.size } });
      },
      move: () => {
        const ids = [...pickedRef.current];
        setMovingMany(ids);
        store.getState().setInteraction({ type: 'move', actionId: ids[0]! });
      },
      clear: () => setPicked(NONE),
    }),
    [store],
  );
  // Copy (Ctrl/Cmd+C) of several picked bubbles, ahead of the one-bubble copy of the app's shortcuts.
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (pickedRef.current.size < 2 || isTextEntry(e.target) || !e.clipboardData) return;
      if (document.getSelection()?.toString()) return;
      const text = store.getState().copyActions([...pickedRef.current]);
      e.preventDefault();
      e.stopImmediatePropagation();
      if (text === null) return;
      e.clipboardData.setData('text/plain', text);
      store.getState().notify({ tone: 'info', key: 'canvasTools.selection.copied', params: { count: pickedRef.current.size } });
    };
    // Ctrl/Cmd+F finds bubbles (unless an editor such as the JSON view took the key first).
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      setFinding(true);
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.tf-find input')?.select());
    };
    window.addEventListener('copy', onCopy, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('copy', onCopy, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [store]);

  /** Shows a found bubble: selects it and pans there (zooming in so it can be read), leaving focus in the find bar. */
  const showMatch = useCallback(
    (id: string) => {
      setPicked(NONE);
      store.getState().select({ kind: 'action', id });
      const node = flow.getNode(id);
      if (!node) return;
      void flow.setCenter(node.position.x + NODE_SIZE.action.width / 2, node.position.y + NODE_SIZE.action.height / 2, {
        zoom: Math.max(flow.getZoom(), 0.75),
        duration: 200,
      });
    },
    [flow, store],
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
    if ((e.key === 'Delete' || e.key === 'Backspace') && onNode && pickedRef.current.size > 1) {
      e.preventDefault();
      selectionCommands.delete();
      return;
    }
    if (e.key === 'Escape' && pickedRef.current.size > 0 && s.interaction.type === 'idle') {
      setPicked(NONE);
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
      {finding && workflow && <FindBar workflow={workflow} onShow={showMatch} onClose={() => setFinding(false)} />}
      {picked.size > 1 && mode !== 'move' && <SelectionBar count={picked.size} commands={selectionCommands} review={review} />}
      {mode === 'move' && (
        <div className="tf-canvas__hint" role="status">
          {movingMany ? t('canvasTools.selection.moveHint', { count: movingMany.length }) : t('canvas.move.hint')}
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
        nodesConnectable={!review}
        onConnectEnd={onConnectEnd}
        selectionKeyCode="Shift"
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        ariaLabelConfig={ariaLabelConfig}
        aria-label={t('canvas.label')}
      >
        <InsertionLayer inserts={derived.inserts} labels={derived.labels} workflow={workflow} onMoveHere={movingMany ? onMoveHere : undefined} />
        <Background gap={24} />
        <OverviewMap nodes={built.nodes} workflow={workflow} open={mapOpen} onOpenChange={setMapOpen} />
        <Controls showInteractive={false} fitViewOptions={fitOptions} />
      </ReactFlow>
      </FarContext.Provider>
    </div>
  );
}
