import type { Scenario } from '../format/scenario-schema';

/**
 * The scenario as numbered nodes with edges in compressed rows (every response, branch and
 * `otherwise`), so reachability and cycle checks stay linear and allocation-light on 10,000 nodes.
 */
export interface Graph {
  ids: string[];
  index: Map<string, number>;
  /** Edges of node i are targets[offsets[i]] … targets[offsets[i + 1] - 1]. */
  offsets: Int32Array;
  targets: Int32Array;
  /** 1 where the edge is automatic (a `when` or `otherwise`), 0 for a trainee response. */
  automatic: Uint8Array;
  isEnding: Uint8Array;
}

export function buildGraph(scenario: Scenario): Graph {
  const ids = Object.keys(scenario.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  const targets: number[] = [];
  const automatic: number[] = [];
  const isEnding = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const node = scenario.nodes[id]!;
    if (node.ending) isEnding[i] = 1;
    const push = (next: string, auto: number) => {
      const t = index.get(next);
      if (t === undefined) return;
      targets.push(t);
      automatic.push(auto);
    };
    for (const r of node.responses ?? []) push(r.next, 0);
    for (const b of node.when ?? []) push(b.next, 1);
    if (node.otherwise) push(node.otherwise, 1);
    offsets[i + 1] = targets.length;
  });
  return {
    ids,
    index,
    offsets,
    targets: Int32Array.from(targets),
    automatic: Uint8Array.from(automatic),
    isEnding,
  };
}

/** Nodes reachable from `from` (as a membership array). */
export function reachable(graph: Graph, from: number[], reverse = false): Uint8Array {
  const g = reverse ? reversed(graph) : graph;
  const seen = new Uint8Array(graph.ids.length);
  const stack = [...from];
  for (const s of from) seen[s] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e += 1) {
      const t = g.targets[e]!;
      if (!seen[t]) {
        seen[t] = 1;
        stack.push(t);
      }
    }
  }
  return seen;
}

function reversed(graph: Graph): Pick<Graph, 'offsets' | 'targets'> {
  const n = graph.ids.length;
  const offsets = new Int32Array(n + 1);
  for (const t of graph.targets) offsets[t + 1]! += 1;
  for (let i = 0; i < n; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(graph.targets.length);
  for (let i = 0; i < n; i += 1)
    for (let e = graph.offsets[i]!; e < graph.offsets[i + 1]!; e += 1)
      targets[fill[graph.targets[e]!]!++] = i;
  return { offsets, targets };
}

/** Nodes from which no ending can be reached: a conversation entering them can never finish. */
export function trappedNodes(graph: Graph): number[] {
  const endings: number[] = [];
  graph.isEnding.forEach((e, i) => e && endings.push(i));
  const canFinish = reachable(graph, endings, true);
  const out: number[] = [];
  canFinish.forEach((ok, i) => ok || out.push(i));
  return out;
}

/** Cycles made only of automatic branches (no trainee turn in between) loop without input. */
export function automaticCycles(graph: Graph): string[][] {
  const n = graph.ids.length;
  const state = new Uint8Array(n); // 0 new, 1 on the current path, 2 finished
  const cycles: string[][] = [];
  for (let root = 0; root < n; root += 1) {
    if (state[root] || graph.isEnding[root]) continue;
    const stack: Array<{ node: number; edge: number }> = [{ node: root, edge: graph.offsets[root]! }];
    const path = [root];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.edge >= graph.offsets[top.node + 1]!) {
        state[top.node] = 2;
        stack.pop();
        path.pop();
        continue;
      }
      const e = top.edge++;
      const next = graph.targets[e]!;
      if (!graph.automatic[e] || graph.isEnding[next]) continue;
      if (state[next] === 1) cycles.push(path.slice(path.indexOf(next)).map((i) => graph.ids[i]!));
      else if (state[next] === 0) {
        state[next] = 1;
        stack.push({ node: next, edge: graph.offsets[next]! });
        path.push(next);
      }
    }
  }
  return cycles;
}
