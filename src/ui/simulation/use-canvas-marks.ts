import { TRIGGER_NODE_ID } from '../../model';
import { useSimulationStore } from './simulation-store';
import { ownEntry } from '../../store/id-record';

/** How the canvas marks a node during a simulation: the action being run, a step of the selected ticket's path, or nothing. */
export type NodeMark = 'active' | 'path' | null;

/**
 * The mark of one canvas node (an action id, or "trigger" for the enrollment card) of a workflow.
 * It returns a primitive, so a bubble re-renders only when its own mark changes.
 */
export function useNodeMark(workflowId: string | null, nodeId: string): NodeMark {
  return useSimulationStore((s) => {
    if (workflowId === null) return null;
    const active = s.activeAction;
    if (active && active.workflow === workflowId && active.action === nodeId) return 'active';
    const path = ownEntry(s.paths, workflowId);
    if (!path) return null;
    if (nodeId === TRIGGER_NODE_ID) return path.enrolled ? 'path' : null;
    return path.actions.includes(nodeId) ? 'path' : null;
  });
}

/** Whether the selected ticket went along the link leaving `from` (an action id or "trigger") through `slot`. */
export function useEdgeOnPath(workflowId: string | null, from: string, slot: string): boolean {
  return useSimulationStore((s) => {
    const path = workflowId === null ? undefined : ownEntry(s.paths, workflowId);
    return path ? path.edges.some((e) => e.from === from && e.slot === slot) : false;
  });
}
