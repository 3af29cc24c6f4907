import { describe, expect, it } from 'vitest';
import { importWorkflow } from '../../../src/document';
import { JsonLocator, pointerSegments } from '../../../src/ui/json/json-locate';

const text = JSON.stringify(
  { workflow: { actions: [{ id: 'a1', kind: 'delay', next: 'a/2' }, { id: 'a/2', kind: 'goto', target: null }] } },
  null,
  2,
);

describe('pointerSegments', () => {
  it.each([
    ['', []],
    ['/workflow/actions/1/next', ['workflow', 'actions', 1, 'next']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
  ])('splits %j', (pointer, segments) => {
    expect(pointerSegments(pointer)).toEqual(segments);
  });
});

describe('JsonLocator', () => {
  const loc = new JsonLocator(text);

  it('finds the span of the value a pointer names', () => {
    const span = loc.spanOf('/workflow/actions/0/next')!;
    expect(text.slice(span.start, span.end)).toBe('"a/2"');
  });

  it('falls back to the nearest existing ancestor for a missing member', () => {
    const span = loc.spanOf('/workflow/actions/1/missing')!;
    expect(JSON.parse(text.slice(span.start, span.end))).toEqual({ id: 'a/2', kind: 'goto', target: null });
  });

  it('finds an action by id and the action under an offset', () => {
    const span = loc.actionSpan('a/2')!;
    expect(JSON.parse(text.slice(span.start, span.end)).id).toBe('a/2');
    expect(loc.actionAt(span.start + 5)).toBe('a/2');
    expect(loc.actionAt(2)).toBeNull();
  });

  it('answers null on text that is not JSON', () => {
    const broken = new JsonLocator('{"workflow": ');
    expect(broken.actionSpan('a1')).toBeNull();
  });
});

describe('JsonLocator on hostile text (iterative, never recursive)', () => {
  const DEPTH = 100_000;

  it.each([
    ['arrays', '['.repeat(DEPTH) + ']'.repeat(DEPTH)],
    ['objects', '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)],
    ['unclosed arrays', '['.repeat(DEPTH)],
    ['objects inside the workflow', `{"workflow": {"actions": [${'{"x":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}]}}`],
  ])('locates in %s nested 100,000 levels deep without a RangeError', (_name, deep) => {
    const loc = new JsonLocator(deep);
    expect(loc.spanOf('')).toMatchObject({ start: 0 });
    expect(loc.spanOf('/0/0/0/a/a')).not.toBeNull();
    expect(loc.actionSpan('a1')).toBeNull();
    expect(loc.actionAt(deep.length >> 1)).toBeNull();
  });

  it('finds the deepest value a long pointer names', () => {
    const deep = '{"a":'.repeat(1000) + '"end"' + '}'.repeat(1000);
    const span = new JsonLocator(deep).spanOf('/' + Array(1000).fill('a').join('/'))!;
    expect(deep.slice(span.start, span.end)).toBe('"end"');
  });

  it('reads a key written twice at its last place, as JSON.parse does', () => {
    const dup = '{"workflow": {"name": "first", "name": "second"}}';
    const span = new JsonLocator(dup).spanOf('/workflow/name')!;
    expect(dup.slice(span.start, span.end)).toBe('"second"');
  });

  it('still finds what comes before the first syntax error', () => {
    const broken = '{"workflow": {"actions": [{"id": "a1", "kind": "delay"}, {"id": "a2",, }]';
    const loc = new JsonLocator(broken);
    expect(loc.actionSpan('a1')).not.toBeNull();
    expect(loc.actionAt(broken.indexOf('"kind"'))).toBe('a1');
  });

  it('reuses the tree of the same text', () => {
    expect(JsonLocator.of(text)).toBe(JsonLocator.of(text));
  });
});

describe('duplicate keys in the JSON view (TF108)', () => {
  it('marks the second place of a key written twice, and the message names both places', () => {
    const twice = '{\n  "format": "ticketflow.workflow",\n  "schemaVersion": 1,\n  "format": "other"\n}';
    const r = importWorkflow(twice);
    expect(r.document).toBeFalsy();
    const p = r.problems.find((x) => x.code === 'TF108')!;
    expect(p.message).toContain('at line 2, column 3 and again at line 4, column 3');
    const span = new JsonLocator(twice).spanOf(p.path)!;
    expect(twice.slice(span.start, span.end)).toBe('"other"');
  });
});
