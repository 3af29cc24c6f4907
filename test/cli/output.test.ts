import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedWriter, writeLines, writeStableJson } from '../../src/cli/output';
import { stableStringify } from '../../src/document';
import { simulate } from '../../src/engine';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { at, incoming, run, webhookEveryMinute } from '../engine/helpers';

/** What a writer wrote, piece by piece. */
function captured(write: (sink: (text: string) => void) => void): string[] {
  const pieces: string[] = [];
  write((text) => pieces.push(text));
  return pieces;
}

describe('writeStableJson', () => {
  it('writes what stableStringify writes, for any JSON value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '0', '1', '10', '01', '-1', '4294967295', 'toJSON'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(captured((sink) => writeStableJson(sink, v)).join('')).toBe(stableStringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('writes undefined members as JSON.stringify does: left out of objects, null in arrays', () => {
    const v = { a: undefined, b: [1, undefined, () => 2], c: { d: undefined }, e: [] };
    expect(captured((sink) => writeStableJson(sink, v)).join('')).toBe(stableStringify(v));
  });

  it('writes simulation results as stableStringify does', () => {
    for (const { scenario } of EXAMPLE_SCENARIOS) {
      const result = simulate({ workspace: defaultWorkspace(), workflows: EXAMPLE_WORKFLOWS.map((e) => e.document.workflow), scenario });
      expect(captured((sink) => writeStableJson(sink, result)).join('')).toBe(stableStringify(result));
    }
  });

  it('writes a long result in pieces no longer than a chunk and one record', () => {
    const result = run({ workflows: [webhookEveryMinute('wf-tick')], events: [incoming(0, 'conv-1', 'th-1')], end: at(2000) });
    const pieces = captured((sink) => writeStableJson(sink, result));
    expect(pieces.join('')).toBe(stableStringify(result));
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.length).toBeLessThan(70_000);
  });
});

describe('ChunkedWriter', () => {
  it('gathers small texts into few writes and writes nothing until flushed or full', () => {
    const pieces: string[] = [];
    const out = new ChunkedWriter((text) => pieces.push(text));
    out.add('a');
    out.add('b');
    expect(pieces).toEqual([]);
    out.add('x'.repeat(70_000));
    expect(pieces).toEqual([`ab${'x'.repeat(70_000)}`]);
    out.add('c');
    out.flush();
    out.flush();
    expect(pieces.slice(1)).toEqual(['c']);
  });
});

describe('writeLines', () => {
  it('ends every line with a line end, across chunks', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const pieces = captured((sink) => writeLines(sink, lines));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(`${lines.join('\n')}\n`);
  });
});
