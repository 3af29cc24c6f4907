import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimerHeap } from '../../src/engine';

describe('TimerHeap', () => {
  it('pops timers by time, and timers of equal time in the order they were pushed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = new TimerHeap<{ at: number; seq: number }>();
        times.forEach((at, seq) => heap.push({ at, seq }));
        const popped: { at: number; seq: number }[] = [];
        for (let t = heap.pop(); t; t = heap.pop()) popped.push(t);
        const expected = times.map((at, seq) => ({ at, seq })).sort((a, b) => a.at - b.at || a.seq - b.seq);
        expect(popped).toEqual(expected);
        expect(heap.size).toBe(0);
      }),
    );
  });

  it('shows the earliest timer without removing it', () => {
    const heap = new TimerHeap<{ at: number; seq: number }>();
    heap.push({ at: 5, seq: 1 });
    heap.push({ at: 2, seq: 2 });
    expect(heap.peek()).toEqual({ at: 2, seq: 2 });
    expect(heap.size).toBe(2);
  });
});
