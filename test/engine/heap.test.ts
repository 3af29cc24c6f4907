import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from '../../src/engine';

describe('TimerHeap', () => {
  it('pops timers by time, and timers of equal time in the order they were pushed, each with its tag', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = new TimerHeap<number>();
        times.forEach((at, n) => heap.push(at, n, n % 4));
        const popped: { at: number; n: number; tag: number }[] = [];
        while (heap.size > 0) {
          const at = heap.peekAt();
          const tag = heap.peekTag();
          popped.push({ at, tag, n: heap.pop()! });
        }
        const expected = times.map((at, n) => ({ at, n, tag: n % 4 })).sort((a, b) => a.at - b.at || a.n - b.n);
        expect(popped).toEqual(expected);
        expect(heap.pop()).toBeUndefined();
        expect(heap.peekAt()).toBe(Infinity);
      }),
    );
  });

  it('shows the earliest timer without removing it', () => {
    const heap = new TimerHeap<string>();
    heap.push(5, 'late', 1);
    heap.push(2, 'early', 3);
    expect([heap.peek(), heap.peekAt(), heap.peekTag()]).toEqual(['early', 2, 3]);
    expect(heap.size).toBe(2);
  });

  it('keeps its order past the point where its columns grow', () => {
    const heap = new TimerHeap<number>();
    for (let i = 0; i < 1000; i++) heap.push((i * 7919) % 1000, i, i & 255);
    const out: [number, number, number][] = [];
    while (heap.size > 0) {
      const at = heap.peekAt();
      const tag = heap.peekTag();
      out.push([at, tag, heap.pop()!]);
    }
    const expected = [...Array(1000).keys()].map((i): [number, number, number] => [(i * 7919) % 1000, i & 255, i]).sort((a, b) => a[0] - b[0]);
    expect(out).toEqual(expected);
  });
});
