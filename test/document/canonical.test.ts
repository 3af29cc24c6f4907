import { readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson as cliCanonicalJson, jsonChunks } from '../../src/cli/output';
import { exportWorkflow, importWorkflow, jcs, stableStringify } from '../../src/document';
import { canonicalJson } from '../../src/document/canonical';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/canonical/${name}`, import.meta.url), 'utf8');

/** The independent RFC 8785 implementation (the `canonicalize` package). */
const reference = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalize wrote nothing');
  return text;
};

/** The top-level keys of a JSON text, in the order the text has them (JSON.parse would reorder integer-like keys). */
function keyOrder(text: string): string[] {
  return [...text.matchAll(/^ {2}("(?:[^"\\]|\\.)*"): /gm)].map((m) => JSON.parse(m[1]!) as string);
}

describe('RFC 8785 canonical JSON', () => {
  const values = JSON.parse(fixture('values.json')) as Record<string, unknown>;

  it('gives the same bytes as the canonicalize package on integer-like, non-ASCII and surrogate-pair keys and on numbers', () => {
    expect(jcs(values)).toBe(reference(values));
  });

  it('orders integer-like keys as strings ("10" before "9"), not as JavaScript objects enumerate them', () => {
    const order = keyOrder(stableStringify(values));
    expect(order.indexOf('10')).toBeLessThan(order.indexOf('9'));
    expect(order.indexOf('1')).toBeLessThan(order.indexOf('10'));
    expect(order.indexOf('😀')).toBeLessThan(order.indexOf('\uffff'));
    expect(order).toEqual([...order].sort());
  });

  it('lays out the same member order and values as RFC 8785: re-serialising the indented text gives the reference bytes', () => {
    const text = stableStringify(values);
    expect(text.endsWith('}\n')).toBe(true);
    expect(jcs(JSON.parse(text))).toBe(reference(values));
    // The indented text is the reference with whitespace between tokens, nothing else.
    expect(text.replace(/\n */g, '').replace(/": /g, '":')).toBe(reference(values));
  });

  it('is one writer: export, the CLI and the chunked stream give the same bytes', () => {
    expect(cliCanonicalJson(values)).toBe(canonicalJson(values));
    expect(stableStringify(values)).toBe(canonicalJson(values));
    expect([...jsonChunks(values)].join('')).toBe(canonicalJson(values));
  });

  it('exports a workflow whose action ids look like integers in RFC 8785 order', () => {
    const text = fixture('integer-like-ids.workflow.json');
    const imported = importWorkflow(text);
    expect(imported.ok, JSON.stringify(imported.problems)).toBe(true);
    if (!imported.document) throw new Error('the fixture did not import');
    const exported = exportWorkflow(imported.document);
    expect(exported).toBe(canonicalJson(imported.document));
    expect(jcs(imported.document)).toBe(reference(imported.document));
    expect(jcs(JSON.parse(exported))).toBe(reference(imported.document));
    const positions = exported.slice(exported.indexOf('"positions"'));
    expect(positions.indexOf('"10"')).toBeLessThan(positions.indexOf('"9"'));
  });

  it('leaves out undefined members and writes undefined array items as null, as JSON.stringify and canonicalize do', () => {
    const value = { b: undefined, a: [undefined, 1] };
    expect(jcs(value)).toBe('{"a":[null,1]}');
    expect(jcs(value)).toBe(reference(value));
  });
});
