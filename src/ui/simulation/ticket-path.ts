import { enrollmentOutcome, type TicketHistory } from '../../engine';
import { linksOf } from '../../graph/links';
import { TRIGGER_NODE_ID, type Workflow } from '../../model';
import { idRecord } from '../../store/id-record';

/** A link of the canvas a ticket went along: from the trigger card or an action, out of one slot. */
export interface PathEdge {
  /** The action id, or "trigger" for the enrollment card. */
  from: string;
  /** 'start' from the trigger; otherwise the action's link slot ('next', 'branch:<id>', 'default', 'target'). */
  slot: string;
  /** The action it led to; null when the path ended there. */
  to: string | null;
}

/** The path one ticket took through one workflow, as plain data the canvas paints. */
export interface TicketPath {
  ticket: string;
  workflow: string;
  /** Whether the ticket ever enrolled in this workflow. */
  enrolled: boolean;
  /** Actions it ran, each once, in the order first run. */
  actions: string[];
  edges: PathEdge[];
}

/**
 * The actions a ticket ran in a workflow and the links between them. The engine logs actions in the
 * order they ran; two actions in a row within one enrollment are joined by the link that leads from
 * the first to the second. A branch that ended its run took a path with no action on it; that path is
 * known when only one of its paths is empty.
 */
export function ticketPath(workflow: Workflow, ticketId: string, history: TicketHistory | undefined): TicketPath {
  const path: TicketPath = { ticket: ticketId, workflow: workflow.id, enrolled: false, actions: [], edges: [] };
  if (!history) return path;
  path.enrolled = history.enrollments.some((e) => e.workflow === workflow.id && enrollmentOutcome(e) === 'enrolled');
  const byId = new Map(workflow.actions.map((a) => [a.id, a]));
  const seenActions = new Set<string>();
  const seenEdges = new Set<string>();
  const addEdge = (edge: PathEdge) => {
    const key = `${edge.from}\u0000${edge.slot}\u0000${edge.to ?? ''}`;
    if (seenEdges.has(key)) return;
    seenEdges.add(key);
    path.edges.push(edge);
  };
  let previous: string | null = null;
  for (const entry of history.actions) {
    if (entry.workflow !== workflow.id) continue;
    const id = entry.action;
    if (!seenActions.has(id)) {
      seenActions.add(id);
      path.actions.push(id);
    }
    const from = previous === null ? undefined : byId.get(previous);
    const link = from ? linksOf(from).find((l) => l.target === id) : undefined;
    if (from && link) addEdge({ from: from.id, slot: link.slot, to: id });
    else if (id === workflow.startActionId) addEdge({ from: TRIGGER_NODE_ID, slot: 'start', to: id });
    previous = id;
  }
  // Where each run ended: the last action before a restart (or the very last) may have left through an empty slot.
  const ends = new Set<string>();
  let last: string | null = null;
  for (const entry of history.actions) {
    if (entry.workflow !== workflow.id) continue;
    const action = last === null ? undefined : byId.get(last);
    if (action && !linksOf(action).some((l) => l.target === entry.action)) ends.add(last!);
    last = entry.action;
  }
  if (last !== null) ends.add(last);
  for (const id of ends) {
    const action = byId.get(id);
    if (!action) continue;
    const empty = linksOf(action).filter((l) => l.target === null);
    if (empty.length === 1) addEdge({ from: id, slot: empty[0]!.slot, to: null });
  }
  return path;
}

/** The paths of a ticket in every workflow, by workflow id. */
export function ticketPaths(workflows: readonly Workflow[], ticketId: string, history: TicketHistory | undefined): Record<string, TicketPath> {
  const out = idRecord<TicketPath>();
  for (const wf of workflows) out[wf.id] = ticketPath(wf, ticketId, history);
  return out;
}
