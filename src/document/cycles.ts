/**
 * A directed graph over the nodes 0 … size - 1 (an action's position), its edges in compressed rows:
 * the successors of node n are next[start[n]] … next[start[n + 1] - 1], in order.
 */
export interface Rows {
  size: number;
  start: Int32Array;
  next: Int32Array;
}

/**
 * The strongly connected components of a graph that contain a cycle: several nodes, or one node that
 * links to itself. Tarjan's algorithm, iterative (its stacks are arrays) so that a 20,000-action
 * chain cannot overflow the call stack; roots are tried in the order of `roots`, successors in row
 * order, and components come out in the order the search closes them.
 */
export function cyclicComponents(graph: Rows, roots: readonly number[]): number[][] {
  const { size, start, next } = graph;
  const UNSEEN = -1;
  const index = new Int32Array(size).fill(UNSEEN);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  // Tarjan's stack of visited nodes, and the path of the depth-first search with each node's next edge.
  const stack = new Int32Array(size);
  let top = 0;
  const path = new Int32Array(size);
  const edge = new Int32Array(size);
  let depth = 0;
  let counter = 0;
  const out: number[][] = [];
  const enter = (node: number) => {
    index[node] = counter;
    low[node] = counter;
    counter++;
    stack[top++] = node;
    onStack[node] = 1;
    path[depth] = node;
    edge[depth] = start[node]!;
    depth++;
  };
  const linksToItself = (node: number) => {
    for (let e = start[node]!; e < start[node + 1]!; e++) if (next[e] === node) return true;
    return false;
  };
  for (const root of roots) {
    if (index[root] !== UNSEEN) continue;
    enter(root);
    while (depth > 0) {
      const node = path[depth - 1]!;
      const e = edge[depth - 1]!;
      if (e < start[node + 1]!) {
        edge[depth - 1] = e + 1;
        const w = next[e]!;
        if (index[w] === UNSEEN) enter(w);
        else if (onStack[w]) low[node] = Math.min(low[node]!, index[w]!);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = path[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] !== index[node]) continue;
      // Most components are one node without a loop: they are dropped without building a list.
      if (stack[top - 1] === node) {
        top--;
        onStack[node] = 0;
        if (linksToItself(node)) out.push([node]);
        continue;
      }
      const component: number[] = [];
      let member: number;
      do {
        member = stack[--top]!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== node);
      out.push(component);
    }
  }
  return out;
}
