import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCanvas, type CanvasNode } from '../../src/graph/canvas';
import { endNodeId, LAYOUT_GAP, layoutWorkflow, NODE_SIZE } from '../../src/graph/layout';
import { act, jump, path, step, workflow } from './helpers';

const node = (nodes: CanvasNode[], id: string) => nodes.find((n) => n.id === id)!;

describe('toCanvas', () => {
  const wf = workflow('x', [
    act('branch', 'x', { 'branch:p1': 'a', default: null }),
    step('a', 'g'),
    jump('g', 'x'),
    step('lost'),
  ]);

  it('puts the trigger and every action at its layout position, with its size', () => {
    const layout = layoutWorkflow(wf);
    const { nodes } = toCanvas(wf, layout);
    expect(node(nodes, 'trigger')).toMatchObject({ type: 'trigger', position: layout.positions.trigger, ...NODE_SIZE.trigger });
    expect(node(nodes, 'a')).toMatchObject({ type: 'action', position: layout.positions.a, ...NODE_SIZE.action });
    expect(node(nodes, 'trigger').data).toEqual({ enrollment: wf.enrollment });
  });

  it('tells which action is the start and which ones nothing reaches', () => {
    const { nodes } = toCanvas(wf);
    expect(node(nodes, 'x').data).toMatchObject({ isStart: true, reachable: true });
    expect(node(nodes, 'a').data).toMatchObject({ isStart: false, reachable: true });
    expect(node(nodes, 'lost').data).toMatchObject({ reachable: false });
  });

  it('draws the edge from the trigger card with the start as its insertion point', () => {
    const { edges } = toCanvas(wf);
    expect(edges[0]).toEqual({ id: 'trigger->start', source: 'trigger', target: 'x', slot: 'start', jump: false, point: { type: 'start' } });
  });

  it('labels branch edges with their path labels and gives each path edge its insertion point', () => {
    const { edges } = toCanvas(wf);
    expect(edges.find((e) => e.id === 'x->branch:p1')).toEqual({
      id: 'x->branch:p1',
      source: 'x',
      target: 'a',
      slot: 'branch:p1',
      label: 'Path p1',
      jump: false,
      point: { type: 'link', from: 'x', slot: 'branch:p1' },
    });
  });

  it('ends every empty path at an end marker that carries its insertion point', () => {
    const { nodes, edges } = toCanvas(wf);
    const end = node(nodes, endNodeId('x', 'default'));
    expect(end).toMatchObject({ type: 'end', data: { point: { type: 'link', from: 'x', slot: 'default' } } });
    expect(edges.find((e) => e.slot === 'default')).toMatchObject({ target: end.id, label: 'Otherwise' });
    expect(nodes.filter((n) => n.type === 'end').map((n) => n.id).sort()).toEqual([endNodeId('lost', 'next'), endNodeId('x', 'default')].sort());
  });

  it('draws go-to jumps as jump edges without an insertion point', () => {
    const { edges } = toCanvas(wf);
    expect(edges.find((e) => e.source === 'g')).toEqual({ id: 'g->target', source: 'g', target: 'x', slot: 'target', jump: true, point: null });
  });

  it('draws no edge for a go-to without a target', () => {
    const { edges } = toCanvas(workflow('g', [jump('g', null)]));
    expect(edges.filter((e) => e.source === 'g')).toEqual([]);
  });

  it('ends a link to a missing action at an end marker and names the missing id', () => {
    const { edges } = toCanvas(workflow('a', [step('a', 'ghost')]));
    expect(edges.find((e) => e.source === 'a')).toMatchObject({ target: endNodeId('a', 'next'), missingTarget: 'ghost' });
  });

  it('gives an empty workflow a single end marker below the trigger', () => {
    const { nodes, edges } = toCanvas(workflow(null, []));
    expect(nodes.map((n) => n.type)).toEqual(['trigger', 'end']);
    expect(edges).toEqual([{ id: 'trigger->start', source: 'trigger', target: '#end:start', slot: 'start', jump: false, point: { type: 'start' } }]);
  });

  it('centres an end marker a row below the action whose path it ends', () => {
    const { nodes } = toCanvas(path('a'));
    const a = node(nodes, 'a');
    const end = node(nodes, endNodeId('a', 'next'));
    expect(end.position.x + end.width / 2).toBe(a.position.x + a.width / 2);
    expect(end.position.y).toBe(a.position.y + a.height + LAYOUT_GAP.row);
  });

  it('puts an action the layout does not place yet below its predecessor', () => {
    const layout = { positions: { trigger: { x: 0, y: 0 }, a: { x: 500, y: 300 } } };
    const { nodes } = toCanvas(path('a', 'b'), layout);
    expect(node(nodes, 'b').position).toEqual({ x: 500, y: 300 + NODE_SIZE.action.height + LAYOUT_GAP.row });
  });

  it('puts an unplaced path between its placed neighbours', () => {
    const wf3 = workflow('x', [act('branch', 'x', { 'branch:p1': 'a', 'branch:p2': 'b', default: 'c' }), step('a'), step('b'), step('c')]);
    const layout = { positions: { trigger: { x: 0, y: 0 }, x: { x: 300, y: 150 }, a: { x: 0, y: 300 }, c: { x: 600, y: 300 } } };
    expect(node(toCanvas(wf3, layout).nodes, 'b').position).toEqual({ x: 300, y: 300 });
  });

  it('draws a branch path whose id repeats an earlier path once, so no two nodes or edges share an id', () => {
    const base = act('branch', 'x', { 'branch:p1': 'a', default: null });
    if (base.kind !== 'branch') throw new Error('test: not a branch');
    const twice = workflow('x', [{ ...base, paths: [base.paths[0]!, { ...base.paths[0]!, label: 'Again', next: null }] }, step('a')]);
    const { nodes, edges } = toCanvas(twice);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    expect(edges.filter((e) => e.source === 'x').map((e) => [e.slot, e.target])).toEqual([
      ['branch:p1', 'a'],
      ['default', endNodeId('x', 'default')],
    ]);
  });

  it('lays the workflow out itself when given no layout', () => {
    expect(toCanvas(wf)).toEqual(toCanvas(wf, layoutWorkflow(wf)));
  });
});

describe('the graph module', () => {
  it('imports nothing from React, React Flow, zustand, Monaco or the DOM', () => {
    const dir = join(__dirname, '../../src/graph');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from '(react|react-dom|@xyflow\/[^']+|zustand|monaco-editor|@monaco-editor\/react)'/);
      expect(text, file).not.toMatch(/\b(document|window)\./);
    }
  });
});
