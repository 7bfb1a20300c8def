import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { PROMISE_BROKEN_RULE, PROMISE_KEPT_RULE } from '../runtime/promises';

export type PerPrinciple = Record<Principle, number>;

const P = PRINCIPLES.length;

export interface Potentials {
  gainAt(node: string): PerPrinciple;
  lossAt(node: string): PerPrinciple;
  closingLoss: PerPrinciple;
}

/**
 * For every node, the most evidence weight of each principle any path onward could still add:
 * `gain` (met) and `loss` (violated or missed). Infinite where a cycle could repeat it forever.
 * These are the optimistic/pessimistic bounds that let the path search prune.
 * Flat typed arrays indexed by node number: this runs on every lint of a 10,000-node file.
 */
export function potentials(scenario: Scenario, rubric: Rubric): Potentials {
  const ids = Object.keys(scenario.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const principleIndex = new Map(PRINCIPLES.map((p, i) => [p, i]));
  const slots = new Map<string, { slot: number; weight: number } | null>();
  const ruleSlot = (rule: string) => {
    let found = slots.get(rule);
    if (found === undefined) {
      const def = rubric.rules[rule];
      found = def ? { slot: principleIndex.get(def.principle)!, weight: def.weight } : null;
      slots.set(rule, found);
    }
    return found;
  };
  const kept = ruleSlot(PROMISE_KEPT_RULE);
  // Edges in compressed rows: from[e] → to[e], with gain/loss per principle at e * P + p.
  let edgeCount = 0;
  for (const id of ids) {
    const node = scenario.nodes[id]!;
    edgeCount += (node.responses?.length ?? 0) + (node.when?.length ?? 0) + (node.otherwise ? 1 : 0);
  }
  const from = new Int32Array(edgeCount);
  const to = new Int32Array(edgeCount);
  const gains = new Float64Array(edgeCount * P);
  const losses = new Float64Array(edgeCount * P);
  let edges = 0;
  let promisesMade = 0;
  const addEdge = (a: number, next: string) => {
    const b = index.get(next);
    if (b === undefined) return -1;
    from[edges] = a;
    to[edges] = b;
    return edges++;
  };
  ids.forEach((id, a) => {
    const node = scenario.nodes[id]!;
    for (const r of node.responses ?? []) {
      if (r.promise) promisesMade += 1;
      const e = addEdge(a, r.next);
      if (e < 0) continue;
      for (const rule in r.rules) {
        const n = r.rules[rule]!;
        const hit = ruleSlot(rule);
        if (hit) (n > 0 ? gains : losses)[e * P + hit.slot]! += Math.abs(n) * hit.weight;
      }
      if (kept && r.keep?.length) gains[e * P + kept.slot]! += r.keep.length * kept.weight;
    }
    for (const b of node.when ?? []) addEdge(a, b.next);
    if (node.otherwise) addEdge(a, node.otherwise);
  });
  const closingLoss: PerPrinciple = { listening: 0, apology: 0, resolution: 0, etiquette: 0 };
  for (const def of Object.values(rubric.rules)) if (def.expect) closingLoss[def.principle] += def.weight;
  for (const rule of [PROMISE_KEPT_RULE, PROMISE_BROKEN_RULE]) {
    const def = rubric.rules[rule];
    if (def) closingLoss[def.principle] += promisesMade * def.weight;
  }
  // Bounds are over the authored responses: the searches never choose silence on a timed node.
  const graph = { nodes: ids.length, from: from.subarray(0, edges), to: to.subarray(0, edges) };
  const gain = longest(graph, gains);
  const loss = longest(graph, losses);
  const read = (values: Float64Array, node: string): PerPrinciple => {
    const i = (index.get(node) ?? 0) * P;
    return {
      listening: values[i]!,
      apology: values[i + 1]!,
      resolution: values[i + 2]!,
      etiquette: values[i + 3]!,
    };
  };
  return { gainAt: (node) => read(gain, node), lossAt: (node) => read(loss, node), closingLoss };
}

/** Longest weighted path to any sink per principle, by reverse topological order (Kahn); cycles give Infinity. */
function longest(
  graph: { nodes: number; from: Int32Array; to: Int32Array },
  weights: Float64Array,
): Float64Array {
  const { nodes, from, to } = graph;
  const outDegree = new Int32Array(nodes);
  const parentCount = new Int32Array(nodes + 1);
  for (let e = 0; e < from.length; e += 1) {
    outDegree[from[e]!]! += 1;
    parentCount[to[e]! + 1]! += 1;
  }
  for (let i = 0; i < nodes; i += 1) parentCount[i + 1]! += parentCount[i]!;
  const parentEdges = new Int32Array(from.length);
  const fill = parentCount.slice(0, nodes);
  for (let e = 0; e < from.length; e += 1) parentEdges[fill[to[e]!]!++] = e;
  const result = new Float64Array(nodes * P).fill(Infinity);
  const done = new Uint8Array(nodes);
  const queue: number[] = [];
  for (let i = 0; i < nodes; i += 1) if (outDegree[i] === 0) queue.push(i);
  for (const i of queue) result.fill(0, i * P, i * P + P);
  // Children finish before parents; each parent takes the best child edge once all are in.
  const best = new Float64Array(nodes * P);
  for (let q = 0; q < queue.length; q += 1) {
    const child = queue[q]!;
    if (!done[child]) {
      for (let p = 0; p < P; p += 1) result[child * P + p] = best[child * P + p]!;
      done[child] = 1;
    }
    for (let k = parentCount[child]!; k < parentCount[child + 1]!; k += 1) {
      const e = parentEdges[k]!;
      const parent = from[e]!;
      for (let p = 0; p < P; p += 1) {
        const v = weights[e * P + p]! + result[child * P + p]!;
        if (v > best[parent * P + p]!) best[parent * P + p] = v;
      }
      outDegree[parent]! -= 1;
      if (outDegree[parent] === 0) queue.push(parent);
    }
  }
  return result;
}
