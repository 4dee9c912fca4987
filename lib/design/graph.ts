import type { DesignEdge, DesignNode } from './types';

/**
 * Finds one directed cycle, returned as the node ids along it with the first
 * id repeated at the end (`['a', 'b', 'a']`), or `null` when the graph is
 * acyclic. Edges whose ends are not nodes are ignored. O(nodes + edges).
 */
export function findCycle(
  nodes: readonly Pick<DesignNode, 'id'>[],
  edges: readonly Pick<DesignEdge, 'source' | 'target'>[],
): string[] | null {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const out: number[][] = nodes.map(() => []);
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) out[s].push(t);
  }
  // 0 = unvisited, 1 = on the stack, 2 = done. Iterative so deep graphs
  // cannot overflow the call stack.
  const state = new Uint8Array(nodes.length);
  const parent = new Int32Array(nodes.length).fill(-1);
  const cursor = new Int32Array(nodes.length);
  for (let root = 0; root < nodes.length; root++) {
    if (state[root] !== 0) continue;
    const stack = [root];
    state[root] = 1;
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (cursor[v] < out[v].length) {
        const w = out[v][cursor[v]++];
        if (state[w] === 0) {
          state[w] = 1;
          parent[w] = v;
          stack.push(w);
        } else if (state[w] === 1) {
          const cycle = [nodes[w].id];
          for (let x = v; x !== w; x = parent[x]) cycle.push(nodes[x].id);
          cycle.push(nodes[w].id);
          // Collected backwards from v to w; reverse into traffic order.
          const ordered = cycle.slice(1, -1).reverse();
          return [nodes[w].id, ...ordered, nodes[w].id];
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  return null;
}
