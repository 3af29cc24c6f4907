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

/** The insertion point under a screen position (for a bubble dragged onto a "+"), if any. */
export function pointAt(x: number, y: number): InsertionPoint | null {
  if (typeof document.elementsFromPoint !== 'function') return null;
  for (const el of document.elementsFromPoint(x, y)) {
    const key = el.getAttribute(POINT_ATTRIBUTE);
    if (key !== null) return parsePointKey(key);
  }
  return null;
}
