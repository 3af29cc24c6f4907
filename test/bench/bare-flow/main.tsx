/**
 * The bench's baseline: bare React Flow 12 (the version the app uses) drawing the same nodes and edges
 * as Ticketflow's canvas (layoutWorkflow + toCanvas of the same file), with the same ReactFlow props
 * (FLOW_PROPS) and the same fit, plain memoised nodes of the same sizes, a minimap and the controls. Nothing else: no
 * store, no validation, no "+" buttons, menus or badges. A workflow file set on the file input is read,
 * parsed, laid out and drawn, as Ticketflow's import does with its own work on top.
 */
import '@xyflow/react/dist/style.css';
import {
  applyNodeChanges,
  Background,
  Controls,
  Handle,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import { memo, useCallback, useState, type ChangeEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { layoutWorkflow, toCanvas } from '../../../src/graph';
import { TRIGGER_NODE_ID, type Workflow } from '../../../src/model';
import { FLOW_PROPS, fitViewOptions } from '../../../src/ui/canvas/flow-props';

type PlainNode = Node<{ label: string }, 'plain'>;

const PlainNodeView = memo(function PlainNodeView({ data, width, height }: NodeProps<PlainNode>) {
  return (
    <div className="bare-node" style={{ width, height }}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});
const NODE_TYPES = { plain: PlainNodeView };

function toFlow(workflow: Workflow): { nodes: PlainNode[]; edges: Edge[]; fit: ReturnType<typeof fitViewOptions> } {
  const canvas = toCanvas(workflow, layoutWorkflow(workflow));
  // The same part of the workflow as Ticketflow's canvas shows (its fit, with the overview map open): a
  // workflow too big for the smallest zoom opens on its beginning, whose middle may hold no node at all.
  const pane = { width: PANE.width ?? window.innerWidth, height: PANE.height ?? window.innerHeight };
  const fit = fitViewOptions(true, { nodes: canvas.nodes, pane, startId: TRIGGER_NODE_ID });
  const nodes = canvas.nodes.map((n) => ({
    id: n.id,
    type: 'plain' as const,
    position: n.position,
    // Sizes as style, measured by React Flow like any plain node (the app's canvas may do better).
    style: { width: n.width, height: n.height },
    data: { label: n.type === 'action' ? `${n.data.action.kind} ${n.id}` : n.type === 'trigger' ? 'Trigger' : '+' },
  }));
  const edges = canvas.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.jump ? 'default' : 'smoothstep', label: e.label }));
  return { nodes, edges, fit };
}

/** The pane's size, from `?w=…&h=…` (the bench gives Ticketflow's canvas size, so both show as many nodes); the window otherwise. */
const params = new URLSearchParams(location.search);
const PANE = { width: Number(params.get('w')) || undefined, height: Number(params.get('h')) || undefined };

function BareFlow() {
  const [flow, setFlow] = useState<({ key: number } & ReturnType<typeof toFlow>) | null>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const doc = JSON.parse(await file.text()) as { workflow: Workflow };
    setFlow((prev) => ({ key: (prev?.key ?? 0) + 1, ...toFlow(doc.workflow) }));
    e.target.value = '';
  };
  return (
    <div style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column' }}>
      <input type="file" data-testid="bare-file" onChange={onFile} />
      <div style={{ flex: PANE.height ? 'none' : 1, position: 'relative', ...PANE }}>{flow && <Graph key={flow.key} nodes={flow.nodes} edges={flow.edges} fit={flow.fit} />}</div>
    </div>
  );
}

function Graph(props: { nodes: PlainNode[]; edges: Edge[]; fit: ReturnType<typeof fitViewOptions> }) {
  const [nodes, setNodes] = useState(props.nodes);
  const onNodesChange = useCallback((changes: NodeChange<PlainNode>[]) => setNodes((nds) => applyNodeChanges(changes, nds)), []);
  return (
    <ReactFlowProvider>
      <ReactFlow nodes={nodes} edges={props.edges} nodeTypes={NODE_TYPES} onNodesChange={onNodesChange} {...FLOW_PROPS} fitViewOptions={props.fit}>
        <Background gap={24} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}

const style = document.createElement('style');
style.textContent =
  '.bare-node { box-sizing: border-box; border: 1px solid #999; border-radius: 12px; background: #fff; font: 13px sans-serif; display: grid; place-items: center; overflow: hidden; }';
document.head.append(style);
createRoot(document.getElementById('root')!).render(<BareFlow />);
