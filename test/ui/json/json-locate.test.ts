import { describe, expect, it } from 'vitest';
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
