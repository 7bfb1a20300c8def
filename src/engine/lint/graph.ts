import type { Scenario, ScenarioNode } from '../format/scenario-schema';

/**
 * The scenario as numbered nodes with edges in compressed rows (every response, branch and
 * `otherwise`), so reachability, cycle checks and the search's potentials stay linear and
 * allocation-light on 10,000 nodes. Built once per scenario (`graphOf`) and shared by them all.
 */
export interface Graph {
  ids: string[];
  /** The nodes in the same order: lint's passes walk this array, never the 10,000-key object. */
  nodes: ScenarioNode[];
  index: Map<string, number>;
  /** Edges of node i are e = offsets[i] … offsets[i + 1] - 1, leading to targets[e]. */
  offsets: Int32Array;
  targets: Int32Array;
  /** The node each edge leaves. */
  sources: Int32Array;
  /** Which of the node's `responses` an edge is, or -1 for an automatic edge (`when`, `otherwise`). */
  response: Int32Array;
  isEnding: Uint8Array;
}

const graphs = new WeakMap<Scenario, Graph>();

/** The scenario's graph, built on first use. Scenarios are values: one is never edited once loaded. */
export function graphOf(scenario: Scenario): Graph {
  let graph = graphs.get(scenario);
  if (!graph) graphs.set(scenario, (graph = buildGraph(scenario)));
  return graph;
}

/** References to nodes that do not exist get no edge (the loader reports them). */
export function buildGraph(scenario: Scenario): Graph {
  const ids = Object.keys(scenario.nodes);
  const n = ids.length;
  const index = new Map<string, number>();
  const nodes = new Array<ScenarioNode>(n);
  let room = 0;
  for (let i = 0; i < n; i += 1) {
    index.set(ids[i]!, i);
    const node = (nodes[i] = scenario.nodes[ids[i]!]!);
    room += (node.responses?.length ?? 0) + (node.when?.length ?? 0) + (node.otherwise ? 1 : 0);
  }
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(room);
  const sources = new Int32Array(room);
  const response = new Int32Array(room);
  const isEnding = new Uint8Array(n);
  let e = 0;
  const edge = (from: number, next: string, k: number) => {
    const t = index.get(next);
    if (t === undefined) return;
    targets[e] = t;
    sources[e] = from;
    response[e] = k;
    e += 1;
  };
  for (let i = 0; i < n; i += 1) {
    const node = nodes[i]!;
    if (node.ending) isEnding[i] = 1;
    const responses = node.responses;
    if (responses) for (let k = 0; k < responses.length; k += 1) edge(i, responses[k]!.next, k);
    const when = node.when;
    if (when) for (let k = 0; k < when.length; k += 1) edge(i, when[k]!.next, -1);
    if (node.otherwise) edge(i, node.otherwise, -1);
    offsets[i + 1] = e;
  }
  return {
    ids,
    nodes,
    index,
    offsets,
    targets: targets.subarray(0, e),
    sources: sources.subarray(0, e),
    response: response.subarray(0, e),
    isEnding,
  };
}

const reverses = new WeakMap<Graph, { offsets: Int32Array; edges: Int32Array }>();

/** Edges into each node, in compressed rows: those into node i are edges[offsets[i]] … edges[offsets[i + 1] - 1]. */
export function incoming(graph: Graph): { offsets: Int32Array; edges: Int32Array } {
  let found = reverses.get(graph);
  if (found) return found;
  const n = graph.ids.length;
  const m = graph.targets.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e += 1) offsets[graph.targets[e]! + 1]! += 1;
  for (let i = 0; i < n; i += 1) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const edges = new Int32Array(m);
  for (let e = 0; e < m; e += 1) edges[fill[graph.targets[e]!]!++] = e;
  reverses.set(graph, (found = { offsets, edges }));
  return found;
}

/** Nodes reachable from `from` (as a membership array), following edges forwards or backwards. */
export function reachable(graph: Graph, from: number[], reverse = false): Uint8Array {
  const seen = new Uint8Array(graph.ids.length);
  const stack = [...from];
  for (const s of from) seen[s] = 1;
  const rows = reverse ? incoming(graph) : null;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const lo = rows ? rows.offsets[i]! : graph.offsets[i]!;
    const hi = rows ? rows.offsets[i + 1]! : graph.offsets[i + 1]!;
    for (let k = lo; k < hi; k += 1) {
      const t = rows ? graph.sources[rows.edges[k]!]! : graph.targets[k]!;
      if (!seen[t]) {
        seen[t] = 1;
        stack.push(t);
      }
    }
  }
  return seen;
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
  const { offsets, targets, response, isEnding } = graph;
  const state = new Uint8Array(n); // 0 new, 1 on the current path, 2 finished
  const cycles: string[][] = [];
  // The depth-first path as two stacks: the node, and the next of its edges to follow.
  const path: number[] = [];
  const edges: number[] = [];
  const automatic = (i: number) => {
    for (let e = offsets[i]!; e < offsets[i + 1]!; e += 1) if (response[e]! < 0) return true;
    return false;
  };
  for (let root = 0; root < n; root += 1) {
    if (state[root] || isEnding[root]) continue;
    // Most nodes only have responses: nothing automatic can start there.
    if (!automatic(root)) {
      state[root] = 2;
      continue;
    }
    path.push(root);
    edges.push(offsets[root]!);
    state[root] = 1;
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      const e = edges[top]!;
      if (e >= offsets[node + 1]!) {
        state[node] = 2;
        path.pop();
        edges.pop();
        continue;
      }
      edges[top] = e + 1;
      const next = targets[e]!;
      if (response[e]! >= 0 || isEnding[next]) continue;
      if (state[next] === 1) cycles.push(path.slice(path.indexOf(next)).map((i) => graph.ids[i]!));
      else if (state[next] === 0) {
        state[next] = 1;
        path.push(next);
        edges.push(offsets[next]!);
      }
    }
  }
  return cycles;
}
