import { describe, expect, it } from 'vitest';
import { chunkOf, chunkSize, ChunkedList, slotOf, startOf } from '../../src/engine/chunks';

describe('chunks', () => {
  it('places every index in one chunk that starts where the one before it ends', () => {
    let chunk = 0;
    let start = 0;
    for (let i = 0; i < 70_000; i++) {
      if (i === start + chunkSize(start)) {
        start = i;
        chunk++;
      }
      expect([chunkOf(i), slotOf(i)]).toEqual([chunk, i - start]);
    }
    expect(startOf(chunk)).toBe(start);
    expect([0, 1, 2, 3, 4, 5, 6].map(startOf)).toEqual([0, 1024, 2048, 4096, 8192, 16384, 32768]);
  });

  it('keeps a list of items across its chunks', () => {
    const list = new ChunkedList<string>();
    for (let i = 0; i < 40_000; i++) list.push(`v${i}`);
    expect(list.size).toBe(40_000);
    for (const i of [0, 1023, 1024, 16_383, 16_384, 39_999]) expect(list.at(i)).toBe(`v${i}`);
  });
});
