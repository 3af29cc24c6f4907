import { describe, expect, it } from 'vitest';
import { buildFlow, effectiveLayout, mergeEdges, mergeNodes } from '../../../src/ui/canvas/flow-model';
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
});
