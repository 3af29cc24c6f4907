import type { InsertionPoint } from '../../graph';

/** A string key for an insertion point (DOM attribute, React key). */
export function pointKey(point: InsertionPoint): string {
  return point.type === 'start' ? 'start' : `${point.from}\u0000${point.slot}`;
}

/** The insertion point a key names (inverse of pointKey). */
export function parsePointKey(key: string): InsertionPoint {
  if (key === 'start') return { type: 'start' };
  const [from, slot] = key.split('\u0000') as [string, string];
  return { type: 'link', from, slot };
}

/** The attribute that marks an element as an insertion point, holding its key. */
export const POINT_ATTRIBUTE = 'data-insertion-point';

/**
 * The nearest of the spots within `radius` of a point (all in flow coordinates), if any: what a bubble
 * dragged onto a "+" is over, found from the layout's geometry rather than from the DOM.
 */
export function spotAt<T extends { x: number; y: number }>(spots: readonly T[], x: number, y: number, radius: number): T | null {
  let best: T | null = null;
  let bestD = radius * radius;
  for (const s of spots) {
    const dx = s.x - x;
    const dy = s.y - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

/** The node whose box holds a point (flow coordinates), the topmost (last) first; null over empty canvas. */
export function nodeAt<T extends { position: { x: number; y: number }; width?: number; height?: number }>(nodes: readonly T[], x: number, y: number): T | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (x >= n.position.x && y >= n.position.y && x <= n.position.x + (n.width ?? 0) && y <= n.position.y + (n.height ?? 0)) return n;
  }
  return null;
}
