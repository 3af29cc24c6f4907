/**
 * The strongly connected components of a directed graph that contain a cycle: several nodes, or one
 * node that links to itself. Nodes are numbers below `size` (an action's position), so the search
 * keeps its state in typed arrays rather than maps. Tarjan's algorithm, iterative so that a
 * 20,000-action chain cannot overflow the stack; roots are tried in the order of `nodes`, and
 * successors in the order `successorsOf` gives them. `successorsOf` must only return nodes of `nodes`.
 */
export function cyclicComponents(
  size: number,
  nodes: readonly number[],
  successorsOf: (node: number) => readonly number[],
): number[][] {
  const UNSEEN = -1;
  const index = new Int32Array(size).fill(UNSEEN);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const enter = (node: number) => {
    index[node] = counter;
    low[node] = counter;
    counter++;
    stack.push(node);
    onStack[node] = 1;
    return { node, next: successorsOf(node), i: 0 };
  };
  for (const root of nodes) {
    if (index[root] !== UNSEEN) continue;
    const work = [enter(root)];
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const w = frame.next[frame.i++]!;
        if (index[w] === UNSEEN) work.push(enter(w));
        else if (onStack[w]) low[frame.node] = Math.min(low[frame.node]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== index[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || frame.next.includes(frame.node)) out.push(component);
    }
  }
  return out;
}
