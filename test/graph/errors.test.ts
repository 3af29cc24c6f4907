import { describe, expect, it } from 'vitest';
import { GRAPH_ERROR_MESSAGES, GraphError, isAllowed, listIds } from '../../src/graph/errors';

describe('GraphError', () => {
  it('carries a stable code, its parameters and an English message filled from them', () => {
    const e = new GraphError('UNKNOWN_ACTION', { id: 'a1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('GraphError');
    expect(e.code).toBe('UNKNOWN_ACTION');
    expect(e.params).toEqual({ id: 'a1' });
    expect(e.message).toBe('There is no action "a1" in this workflow.');
  });

  it('has a message for every code, each naming what it is about', () => {
    for (const [code, text] of Object.entries(GRAPH_ERROR_MESSAGES)) expect(text, code).toMatch(/\{\w+\}/);
  });
});

describe('isAllowed', () => {
  it('is true when the operation goes through and false when it is refused', () => {
    expect(isAllowed(() => 1)).toBe(true);
    expect(isAllowed(() => { throw new GraphError('GOTO_SELF', { id: 'g' }); })).toBe(false);
  });

  it('lets other errors through, since they are bugs rather than refusals', () => {
    expect(() => isAllowed(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});

describe('listIds', () => {
  it('quotes a few ids and counts the rest', () => {
    expect(listIds(['a', 'b'])).toBe('"a", "b"');
    expect(listIds(['a', 'b', 'c', 'd'], 2)).toBe('"a", "b" and 2 more');
  });
});
