import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamOutput, type Output } from '../../src/cli/io';
import { canonicalJson, ChunkedWriter, CHUNK, memoryOutput, writeJson, writeLines } from '../../src/cli/output';
import { stableStringify } from '../../src/document';
import { simulate } from '../../src/engine';
import { EXAMPLE_SCENARIOS, EXAMPLE_WORKFLOWS } from '../../src/examples';
import { defaultWorkspace } from '../../src/model';
import { at, incoming, run, webhookEveryMinute } from '../engine/helpers';

/** RFC 8785 text of a JSON value, written independently: members sorted by UTF-16 code units, no whitespace. */
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : jcs(v))).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined);
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs(record[k])}`).join(',')}}`;
}

/** JSON text without the whitespace between tokens. */
function minified(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_m, str: string | undefined) => str ?? '');
}

describe('canonicalJson', () => {
  const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', '0', '1', '10', '9', '01', '-1', '4294967295', 'toJSON', 'é', 'z'));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
  })).node;

  it('reads back as the same value, with every object\'s keys in RFC 8785 order (integer-like keys too)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(minified(canonicalJson(v))).toBe(jcs(v));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ 10: 'a', 9: 'b', a: 1, B: 2 })).toBe('{\n  "10": "a",\n  "9": "b",\n  "B": 2,\n  "a": 1\n}\n');
  });

  it('writes what stableStringify writes where no key is integer-like', () => {
    const plainKey = fc.string().filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
    const plain = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }).filter((x) => typeof x !== 'object' || x === null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(plainKey, tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(plain, (v) => {
        expect(canonicalJson(v)).toBe(stableStringify(v));
      }),
      { numRuns: 300 },
    );
  });

  it('writes undefined members as JSON.stringify does: left out of objects, null in arrays', () => {
    const v = { a: undefined, b: [1, undefined, () => 2], c: { d: undefined }, e: [] };
    expect(canonicalJson(v)).toBe(stableStringify(v));
  });
});

describe('writeJson', () => {
  it('writes simulation results as canonicalJson does', async () => {
    for (const { scenario } of EXAMPLE_SCENARIOS) {
      const result = simulate({ workspace: defaultWorkspace(), workflows: EXAMPLE_WORKFLOWS.map((e) => e.document.workflow), scenario });
      const out = memoryOutput();
      await writeJson(out, result);
      expect(out.text()).toBe(canonicalJson(result));
    }
  });

  it('writes a long result in pieces no longer than a chunk and one record', async () => {
    const result = run({ workflows: [webhookEveryMinute('wf-tick')], events: [incoming(0, 'conv-1', 'th-1')], end: at(2000) });
    const out = memoryOutput();
    await writeJson(out, result);
    expect(out.text()).toBe(canonicalJson(result));
    expect(out.pieces.length).toBeGreaterThan(10);
    for (const piece of out.pieces) expect(piece.length).toBeLessThan(CHUNK + 5_000);
  });

  it('waits for each write before making the next piece: never more than one write outstanding', async () => {
    const result = run({ workflows: [webhookEveryMinute('wf-tick')], events: [incoming(0, 'conv-1', 'th-1')], end: at(2000) });
    let pending = 0;
    let most = 0;
    let text = '';
    const slow: Output = {
      closed: false,
      async write(piece) {
        pending++;
        most = Math.max(most, pending);
        await new Promise((resolve) => setTimeout(resolve, 1));
        text += piece;
        pending--;
      },
    };
    await writeJson(slow, result);
    expect(most).toBe(1);
    expect(text).toBe(canonicalJson(result));
  });

  it('stops making output once the reader has gone', async () => {
    const result = run({ workflows: [webhookEveryMinute('wf-tick')], events: [incoming(0, 'conv-1', 'th-1')], end: at(2000) });
    let writes = 0;
    const closing: Output = {
      get closed() {
        return writes >= 2;
      },
      write() {
        writes++;
        return Promise.resolve();
      },
    };
    await writeJson(closing, result);
    expect(writes).toBe(2);
  });
});

describe('streamOutput', () => {
  it("awaits 'drain' when the stream's buffer is full", async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const out = streamOutput(stream);
    let written = false;
    const write = out.write('x'.repeat(100)).then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written).toBe(false);
    stream.resume();
    await write;
    expect(written).toBe(true);
  });

  it('ends quietly when the reader goes away: no error, and later writes are dropped', async () => {
    const stream = new PassThrough({ highWaterMark: 16 });
    const out = streamOutput(stream);
    const pending = out.write('x'.repeat(100));
    stream.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await pending;
    expect(out.closed).toBe(true);
    await out.write('more');
  });
});

describe('ChunkedWriter', () => {
  it('gathers small texts into few writes and writes nothing until flushed or full', async () => {
    const out = memoryOutput();
    const w = new ChunkedWriter(out);
    await w.push('a');
    await w.push('b');
    expect(out.pieces).toEqual([]);
    await w.push('x'.repeat(70_000));
    expect(out.pieces).toEqual([`ab${'x'.repeat(70_000)}`]);
    await w.push('c');
    await w.flush();
    await w.flush();
    expect(out.pieces.slice(1)).toEqual(['c']);
  });
});

describe('writeLines', () => {
  it('ends every line with a line end, across chunks', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    const out = memoryOutput();
    await writeLines(out, lines);
    expect(out.pieces.length).toBeGreaterThan(1);
    expect(out.text()).toBe(`${lines.join('\n')}\n`);
  });
});
