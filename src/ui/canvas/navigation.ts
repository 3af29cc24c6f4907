import { pathLinks, predecessors } from '../../graph/links';
import { TRIGGER_NODE_ID, type Point, type Workflow } from '../../model';
import { actionIndex } from '../../store/selectors';

/** A direction of arrow-key navigation on the canvas. */
export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node an arrow key leads to from a node ("trigger" or an action id): up to the predecessor,
 * down to the first successor on a path, left/right to the neighbouring path of the same branch,
 * else to the nearest node on the same row. Null when there is none that way.
 */
export function neighbour(workflow: Workflow, from: string, direction: Direction, positions: Record<string, Point>): string | null {
  const byId = actionIndex(workflow);
  const parentOf = (id: string): string | null => {
    if (id === TRIGGER_NODE_ID) return null;
    const incoming = (predecessors(workflow).get(id) ?? []).find((p) => !p.jump);
    if (!incoming) return null;
    return incoming.from ?? TRIGGER_NODE_ID;
  };
  const childrenOf = (id: string): string[] => {
    if (id === TRIGGER_NODE_ID) return workflow.startActionId ? [workflow.startActionId] : [];
    const action = byId.get(id);
    return action ? pathLinks(action).flatMap((l) => (l.target !== null && byId.has(l.target) ? [l.target] : [])) : [];
  };
  if (direction === 'up') return parentOf(from);
  if (direction === 'down') return childrenOf(from)[0] ?? null;
  const parent = parentOf(from);
  const siblings = parent ? childrenOf(parent) : [];
  const at = siblings.indexOf(from);
  const step = direction === 'left' ? -1 : 1;
  if (at >= 0 && siblings[at + step]) return siblings[at + step]!;
  const here = positions[from];
  if (!here) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const [id, p] of Object.entries(positions)) {
    if (id === from || Math.abs(p.y - here.y) > 24) continue;
    const dx = (p.x - here.x) * step;
    if (dx > 0 && dx < bestDistance) {
      best = id;
      bestDistance = dx;
    }
  }
  return best;
}
