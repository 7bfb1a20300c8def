import { PRINCIPLES } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { PROMISE_BROKEN_RULE, PROMISE_KEPT_RULE } from '../runtime/promises';
import { graphOf, incoming, type Graph } from './graph';

/** Principles in PRINCIPLES order: per-node values sit at node * P + principle. */
export const P = PRINCIPLES.length;

export interface Potentials {
  graph: Graph;
  /** Most met evidence weight any path onward from node i could still add, per principle, at i * P + p. */
  gain: Float64Array;
  /** Most violated (or missed) evidence weight any path onward could still add, laid out as `gain`. */
  loss: Float64Array;
  /** Evidence the ending may still add whatever the path: expectations missed, promises unsettled. */
  closingLoss: Float64Array;
}

/**
 * For every node, the most evidence weight of each principle any path onward could still add:
 * `gain` (met) and `loss` (violated or missed). Infinite where a cycle could repeat it forever.
 * These are the optimistic/pessimistic bounds that let the path search prune. Flat typed arrays over
 * the scenario's one graph (graph.ts): this runs on every lint of a 10,000-node file.
 */
export function potentials(scenario: Scenario, rubric: Rubric, graph: Graph = graphOf(scenario)): Potentials {
  const { gains, losses, promisesMade } = edgeWeights(graph, rubric);
  const closingLoss = new Float64Array(P);
  for (const def of Object.values(rubric.rules))
    if (def.expect) closingLoss[PRINCIPLES.indexOf(def.principle)]! += def.weight;
  for (const rule of [PROMISE_KEPT_RULE, PROMISE_BROKEN_RULE]) {
    const def = rubric.rules[rule];
    if (def) closingLoss[PRINCIPLES.indexOf(def.principle)]! += promisesMade * def.weight;
  }
  // Bounds are over the authored responses: the searches never choose silence on a timed node.
  const [gain, loss] = longest(graph, gains, losses);
  return { graph, gain, loss, closingLoss };
}

// Each phase is its own small function whose loop comes last: called once per lint, a function with
// code after a long loop keeps entering the loop's on-stack-replaced code, which lacks feedback for
// what follows, and falls back to the interpreter there on every call until it is fully compiled.

/** Met (gains) and violated (losses) evidence weight of each response edge, per principle. */
function edgeWeights(graph: Graph, rubric: Rubric) {
  const slots = new Map<string, { slot: number; weight: number } | null>();
  const ruleSlot = (rule: string) => {
    let found = slots.get(rule);
    if (found === undefined) {
      const def = rubric.rules[rule];
      found = def ? { slot: PRINCIPLES.indexOf(def.principle), weight: def.weight } : null;
      slots.set(rule, found);
    }
    return found;
  };
  const kept = ruleSlot(PROMISE_KEPT_RULE);
  const { nodes, offsets, response } = graph;
  const edges = graph.targets.length;
  const gains = new Float64Array(edges * P);
  const losses = new Float64Array(edges * P);
  let promisesMade = 0;
  for (let i = 0; i < nodes.length; i += 1) {
    const responses = nodes[i]!.responses;
    if (!responses) continue;
    for (let k = 0; k < responses.length; k += 1) if (responses[k]!.promise) promisesMade += 1;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e += 1) {
      const k = response[e]!;
      if (k < 0) continue;
      const r = responses[k]!;
      for (const rule in r.rules) {
        const n = r.rules[rule]!;
        const hit = ruleSlot(rule);
        if (hit) (n > 0 ? gains : losses)[e * P + hit.slot]! += Math.abs(n) * hit.weight;
      }
      if (kept && r.keep?.length) gains[e * P + kept.slot]! += r.keep.length * kept.weight;
    }
  }
  return { gains, losses, promisesMade };
}

/**
 * Longest weighted path to any sink per principle, for two edge weightings at once (met and
 * violated), by reverse topological order (Kahn); where a cycle could repeat an edge, Infinity.
 */
function longest(graph: Graph, wa: Float64Array, wb: Float64Array): [Float64Array, Float64Array] {
  const nodes = graph.ids.length;
  const outDegree = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const a = new Float64Array(nodes * P).fill(Infinity);
  const b = new Float64Array(nodes * P).fill(Infinity);
  relax(graph, wa, wb, a, b, outDegree, queue, sinks(graph, outDegree, queue));
  return [a, b];
}

/** Fills in each node's out-degree and queues the sinks; returns how many. */
function sinks(graph: Graph, outDegree: Int32Array, queue: Int32Array): number {
  let tail = 0;
  for (let i = 0; i < outDegree.length; i += 1) {
    outDegree[i] = graph.offsets[i + 1]! - graph.offsets[i]!;
    if (outDegree[i] === 0) queue[tail++] = i;
  }
  return tail;
}

/** Children finish before parents; each parent takes the best child edge once all are in. */
function relax(
  graph: Graph,
  wa: Float64Array,
  wb: Float64Array,
  a: Float64Array,
  b: Float64Array,
  outDegree: Int32Array,
  queue: Int32Array,
  tail: number,
) {
  const sources = graph.sources;
  const parents = incoming(graph);
  const bestA = new Float64Array(a.length);
  const bestB = new Float64Array(b.length);
  for (let q = 0; q < tail; q += 1) {
    const child = queue[q]!;
    const c = child * P;
    for (let p = 0; p < P; p += 1) {
      a[c + p] = bestA[c + p]!;
      b[c + p] = bestB[c + p]!;
    }
    for (let k = parents.offsets[child]!; k < parents.offsets[child + 1]!; k += 1) {
      const e = parents.edges[k]!;
      const parent = sources[e]!;
      const at = parent * P;
      for (let p = 0; p < P; p += 1) {
        const va = wa[e * P + p]! + a[c + p]!;
        if (va > bestA[at + p]!) bestA[at + p] = va;
        const vb = wb[e * P + p]! + b[c + p]!;
        if (vb > bestB[at + p]!) bestB[at + p] = vb;
      }
      outDegree[parent]! -= 1;
      if (outDegree[parent] === 0) queue[tail++] = parent;
    }
  }
}
