import { describe, expect, it } from 'vitest';
import { buildFlow, effectiveLayout, jumpDash, mergeEdges, mergeNodes } from '../../../src/ui/canvas/flow-model';
import { example, openWorkflow, storeWith } from '../../store/fixtures';

const URGENT = 'wf-urgent-escalation';

function flowOf(store: ReturnType<typeof storeWith>) {
  const s = store.getState();
  const doc = s.documents[s.openId!]!;
  return buildFlow(doc.workflow, effectiveLayout(doc.workflow, doc.layout), s.selection);
}

describe('flow model', () => {
  it('keeps every node and edge object when only an action’s settings change', () => {
    const store = storeWith(example(URGENT));
    const before = flowOf(store);
    const action = openWorkflow(store).actions.find((a) => a.id === 'notify-leads')!;
    if (action.kind !== 'notify') throw new Error('expected a notify action');
    store.getState().updateAction({ ...action, subject: 'Changed' });
    const after = flowOf(store);
    expect(mergeNodes(before.nodes, after.nodes)).toBe(before.nodes);
    expect(mergeEdges(before.edges, after.edges)).toBe(before.edges);
  });

  it('replaces only the node that was dragged', () => {
    const store = storeWith(example(URGENT));
    const before = flowOf(store);
    store.getState().placeNode('wait-one-day', { x: 999, y: 999 });
    const merged = mergeNodes(before.nodes, flowOf(store).nodes);
    const changed = merged.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['wait-one-day']);
  });

  it('marks the selected bubble and puts insertion points on path edges, not on go-to jumps', () => {
    const store = storeWith(example(URGENT));
    store.getState().select({ kind: 'action', id: 'wait-one-day' });
    const flow = flowOf(store);
    expect(flow.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['wait-one-day']);
    const toDelay = flow.edges.find((e) => e.target === 'wait-one-day')!;
    expect(toDelay.data?.point).toEqual({ type: 'link', from: 'branch-priority', slot: 'default' });
    expect(toDelay.data?.label).toBe('Otherwise');
    expect(flow.edges.filter((e) => e.data?.jump)).toEqual([]);
  });

  it('draws a go-to as a jump edge with an arrow and no insertion point', () => {
    const store = storeWith(example(URGENT));
    store.getState().insertAt({ type: 'link', from: 'notify-leads', slot: 'next' }, 'goto');
    const gotoId = openWorkflow(store).actions.find((a) => a.kind === 'goto')!.id;
    store.getState().updateAction({ id: gotoId, kind: 'goto', target: 'wait-one-day' });
    const jump = flowOf(store).edges.find((e) => e.source === gotoId)!;
    expect(jump.data).toMatchObject({ jump: true, point: null });
    expect(jump.markerEnd).toBeDefined();
  });

  it('gives every node its size and handles up front, so React Flow can draw and cull it before measuring', () => {
    const flow = flowOf(storeWith(example(URGENT)));
    for (const n of flow.nodes) {
      expect(n.measured, n.id).toEqual({ width: n.width, height: n.height });
      expect(n.handles?.some((h) => h.type === 'source'), n.id).toBe(n.type !== 'end');
      expect(n.handles?.some((h) => h.type === 'target'), n.id).toBe(n.type !== 'trigger');
    }
  });

  it('puts one "+" on each path edge and path end, none on a jump, each at the edge into its target', () => {
    const store = storeWith(example(URGENT));
    const flow = flowOf(store);
    const keys = flow.inserts.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    const pointsOnEdges = flow.edges.filter((e) => e.data?.point).length;
    const ends = flow.nodes.filter((n) => n.type === 'end').length;
    expect(flow.inserts).toHaveLength(pointsOnEdges + ends);
    const delay = flow.nodes.find((n) => n.id === 'wait-one-day')!;
    const intoDelay = flow.inserts.find((i) => i.point.type === 'link' && i.point.from === 'branch-priority' && i.point.slot === 'default')!;
    expect(intoDelay.x).toBe(delay.position.x + delay.width! / 2);
    expect(intoDelay.y).toBeLessThan(delay.position.y);
    const label = flow.labels.find((l) => l.text === 'Otherwise')!;
    expect(label).toMatchObject({ jump: false, x: intoDelay.x + 16, y: intoDelay.y });
  });
});

describe('go-to jump dashes', () => {
  const dashes = (pattern: string, length: number) => {
    const [on, off] = pattern.split(' ').map(Number);
    return length / (on! + off!);
  };

  it('keeps the 6-on, 4-off dash on a short jump', () => {
    expect(jumpDash(0, 100, 0, 250)).toBe('6 4');
  });

  it('stretches the dash on a long jump, so no jump has more than 60 dashes however long it is', () => {
    for (const dy of [5_000, 50_000, 500_000]) {
      const pattern = jumpDash(0, 0, 0, dy);
      expect(pattern).not.toBe('6 4');
      const [on, off] = pattern.split(' ').map(Number);
      expect(on! / off!).toBeCloseTo(1.5, 1);
      // The curve is at least as long as its height, and at most its hull (the two bows and the height).
      expect(dashes(pattern, dy)).toBeLessThanOrEqual(60);
      expect(dashes(pattern, dy + 2 * 320)).toBeGreaterThan(55);
    }
  });
});
