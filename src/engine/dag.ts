/**
 * Kahn topological order of a DAG given as parent lists; throws on a cycle, naming the nodes left.
 *
 * @example
 *   topologicalOrder([[], [0], [0, 1]]) // [0, 1, 2]
 */
export function topologicalOrder(parents: readonly (readonly number[])[]): number[] {
  const n = parents.length;
  const indegree = parents.map((p) => p.length);
  const children: number[][] = Array.from({ length: n }, () => []);
  parents.forEach((ps, child) => ps.forEach((p) => children[p].push(child)));
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  const order: number[] = [];
  while (queue.length > 0) {
    const node = queue.shift()!;
    order.push(node);
    for (const c of children[node]) if (--indegree[c] === 0) queue.push(c);
  }
  if (order.length !== n) {
    const stuck = indegree.flatMap((d, i) => (d > 0 ? [i] : []));
    throw new Error(`dependency cycle among nodes ${stuck.join(', ')}`);
  }
  return order;
}

/**
 * The ancestor closure of a set of nodes: the nodes themselves plus every ancestor, as a sorted index list.
 *
 * @example
 *   ancestorClosure([[], [0], [1], [0]], [2]) // [0, 1, 2]
 */
export function ancestorClosure(parents: readonly (readonly number[])[], nodes: Iterable<number>): number[] {
  const seen = new Set<number>();
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...parents[n]);
  }
  return [...seen].sort((a, b) => a - b);
}
