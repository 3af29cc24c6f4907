import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertionPoints, layoutWorkflow, toCanvas } from '../../src/graph';
import { runSession, sessionArb } from './sessions';

describe('graph operations under random editing sessions', () => {
  it('keep ids unique, links whole, every action reachable, and never mutate their input', () => {
    let applied = 0;
    let steps = 0;
    fc.assert(
      fc.property(sessionArb, (ops) => {
        applied += runSession(ops).applied;
        steps += ops.length;
      }),
      { seed: 20261121, numRuns: 150 },
    );
    // The session must mostly do things, or the property says little.
    expect(applied / steps).toBeGreaterThan(0.5);
  });

  it('give layouts where every action has a place and no two nodes overlap', () => {
    fc.assert(
      fc.property(sessionArb, (ops) => {
        const { wf } = runSession(ops);
        const { nodes } = toCanvas(wf, layoutWorkflow(wf));
        expect(nodes.filter((x) => x.type === 'action')).toHaveLength(wf.actions.length);
        for (let i = 0; i < nodes.length; i++) {
          for (let j = i + 1; j < nodes.length; j++) {
            const a = nodes[i]!;
            const b = nodes[j]!;
            const apart =
              a.position.x + a.width <= b.position.x ||
              b.position.x + b.width <= a.position.x ||
              a.position.y + a.height <= b.position.y ||
              b.position.y + b.height <= a.position.y;
            if (!apart) expect.fail(`${a.id} overlaps ${b.id}`);
          }
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('give canvases whose "+" points are exactly the insertion points', () => {
    fc.assert(
      fc.property(sessionArb, (ops) => {
        const { wf } = runSession(ops);
        const { nodes, edges } = toCanvas(wf);
        const nodeIds = new Set(nodes.map((x) => x.id));
        for (const e of edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
        const key = (p: unknown) => JSON.stringify(p);
        const onEdges = edges.flatMap((e) => (e.point ? [key(e.point)] : [])).sort();
        expect(onEdges).toEqual(insertionPoints(wf).map(key).sort());
      }),
      { seed: 11, numRuns: 60 },
    );
  });
});
