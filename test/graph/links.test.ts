import { describe, expect, it } from 'vitest';
import type { ActionKind } from '../../src/actions';
import { continuationSlot, fansOut, pathLinks } from '../../src/graph/links';
import { act } from './helpers';

describe('pathLinks, continuationSlot and fansOut', () => {
  const cases: [ActionKind, Record<string, string | null>, string[], string | null, boolean][] = [
    ['setStatus', {}, ['next'], 'next', false],
    ['delay', {}, ['next'], 'next', false],
    ['branch', { 'branch:p1': null, 'branch:p2': null, default: null }, ['branch:p1', 'branch:p2', 'default'], 'default', true],
    ['goto', {}, [], null, false],
  ];
  it.each(cases)('read a %s action', (kind, links, slots, continuation, fans) => {
    const a = act(kind, 'a', links);
    expect(pathLinks(a).map((l) => l.slot)).toEqual(slots);
    expect(continuationSlot(a)).toBe(continuation);
    expect(fansOut(a)).toBe(fans);
  });
});
