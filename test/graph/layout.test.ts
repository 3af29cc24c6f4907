import { describe, expect, it } from 'vitest';
import { drawingForest, endNodeId, LAYOUT_GAP, layoutWorkflow, NODE_SIZE, rowTop } from '../../src/graph/layout';
import type { Layout } from '../../src/model/workflow';
import { act, bigWorkflow, jump, path, step, workflow } from './helpers';

const centreX = (layout: Layout, id: string, kind: 'trigger' | 'action' = 'action') =>
  layout.positions[id]!.x + NODE_SIZE[kind].width / 2;
const ROW = NODE_SIZE.action.height + LAYOUT_GAP.row;

describe('layoutWorkflow', () => {
  it('puts the trigger card on top and the start action centred below it', () => {
    const layout = layoutWorkflow(path('a'));
    expect(layout.positions.trigger!.y).toBe(0);
    expect(layout.positions.a!.y).toBe(NODE_SIZE.trigger.height + LAYOUT_GAP.row);
    expect(centreX(layout, 'a')).toBe(centreX(layout, 'trigger', 'trigger'));
  });

  it('places each action of a path one row below the previous one, in a column', () => {
    const layout = layoutWorkflow(path('a', 'b', 'c'));
    expect(layout.positions.b!.y - layout.positions.a!.y).toBe(ROW);
    expect(layout.positions.c!.y - layout.positions.b!.y).toBe(ROW);
    expect(new Set(['a', 'b', 'c'].map((id) => layout.positions[id]!.x)).size).toBe(1);
  });

  it('fans branch paths out left to right in path order, the branch centred over them', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'a', 'branch:p2': 'b', default: 'c' }), step('a'), step('b'), step('c')]);
    const layout = layoutWorkflow(wf);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => centreX(layout, id));
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
    expect(centreX(layout, 'x')).toBe((a! + c!) / 2);
    expect(new Set(['a', 'b', 'c'].map((id) => layout.positions[id]!.y)).size).toBe(1);
  });

  it('keeps an action-wide place at the end of an empty path, where its end marker and "+" go', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': null, default: 'd' }), step('d')]);
    const layout = layoutWorkflow(wf);
    expect(centreX(layout, 'd') - centreX(layout, 'x')).toBe((NODE_SIZE.action.width + LAYOUT_GAP.node) / 2);
  });

  it("lets a later branch's paths use the room under an earlier, shorter path", () => {
    const wf = workflow('b1', [
      act('branch', 'b1', { 'branch:p1': 'a1', default: 'd1' }),
      step('a1'),
      step('d1', 'd2'),
      step('d2', 'b2'),
      act('branch', 'b2', { 'branch:p1': 'e1', default: 'f1' }),
      step('e1'),
      step('f1'),
    ]);
    const layout = layoutWorkflow(wf);
    expect(layout.positions.e1!.x).toBeLessThan(layout.positions.a1!.x + NODE_SIZE.action.width);
  });

  it('places actions only a go-to reaches beside the tree of the start, from the first action row', () => {
    const wf = workflow('a', [step('a', 'g'), jump('g', 'r'), step('r')]);
    const layout = layoutWorkflow(wf);
    const right = Math.max(layout.positions.a!.x, layout.positions.g!.x) + NODE_SIZE.action.width;
    expect(layout.positions.r!.x).toBeGreaterThanOrEqual(right + LAYOUT_GAP.node);
    expect(layout.positions.r!.y).toBe(rowTop(1));
  });

  it('lays out an empty workflow as the trigger card alone', () => {
    expect(layoutWorkflow(workflow(null, []))).toEqual({ positions: { trigger: { x: -150, y: 0 } } });
  });

  it('gives the same positions for the same workflow', () => {
    const wf = bigWorkflow(300);
    expect(layoutWorkflow(wf)).toEqual(layoutWorkflow(structuredClone(wf)));
  });

  it('places every action of a malformed workflow without looping: paths merging, a path into itself', () => {
    const wf = workflow('a', [step('a', 'b'), step('b', 'a'), step('c', 'b'), step('d', 'd')]);
    expect(Object.keys(layoutWorkflow(wf).positions).sort()).toEqual(['a', 'b', 'c', 'd', 'trigger']);
  });

  it('lays out a single path of 5,000 actions (no recursion to overflow)', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `a${i}`);
    const layout = layoutWorkflow(path(...ids));
    expect(layout.positions.a4999!.y).toBe(rowTop(5000));
  });

  it('places every one of 5,000 actions with branches', () => {
    const layout = layoutWorkflow(bigWorkflow(5000));
    expect(Object.keys(layout.positions)).toHaveLength(5001);
  });
});

describe('drawingForest', () => {
  it('hangs the start below the trigger and ends each empty path with an end marker', () => {
    const wf = workflow('x', [act('branch', 'x', { 'branch:p1': 'a', default: null }), step('a')]);
    const [trigger] = drawingForest(wf);
    expect(trigger!.children.map((c) => c.id)).toEqual(['x']);
    expect(trigger!.children[0]!.children.map((c) => c.id)).toEqual(['a', endNodeId('x', 'default')]);
  });

  it('gives an empty workflow an end marker below the trigger', () => {
    expect(drawingForest(workflow(null, []))[0]!.children.map((c) => c.id)).toEqual([endNodeId(null, 'start')]);
  });
});
