/**
 * The strongly connected components of a directed graph that contain a cycle: several nodes, or one
 * node that links to itself. Tarjan's algorithm, iterative so that a 20,000-action chain cannot
 * overflow the stack. `successorsOf` must only return nodes of `nodes`.
 */
export function cyclicComponents(nodes: readonly string[], successorsOf: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const enter = (id: string) => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    return { id, next: successorsOf(id), i: 0 };
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [enter(root)];
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const w = frame.next[frame.i++]!;
        if (!index.has(w)) work.push(enter(w));
        else if (onStack.has(w)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      if (component.length > 1 || frame.next.includes(frame.id)) out.push(component);
    }
  }
  return out;
}
