import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { PROMISE_BROKEN_RULE, PROMISE_KEPT_RULE } from '../runtime/promises';

export type PerPrinciple = Record<Principle, number>;

/**
 * For every node, the most evidence weight of each principle any path onward could still add:
 * `gain` (met) and `loss` (violated or missed). Infinite where a cycle could repeat it forever.
 * These are the optimistic/pessimistic bounds that let the path search prune.
 */
export function potentials(
  scenario: Scenario,
  rubric: Rubric,
): { gain: Map<string, PerPrinciple>; loss: Map<string, PerPrinciple>; closingLoss: PerPrinciple } {
  const principleOf = (rule: string) => rubric.rules[rule]?.principle;
  const weight = (rule: string) => rubric.rules[rule]?.weight ?? 0;
  const zero = (): PerPrinciple => ({ listening: 0, apology: 0, resolution: 0, etiquette: 0 });
  const stepGain = new Map<string, Array<{ next: string; gain: PerPrinciple; loss: PerPrinciple }>>();
  let promisesMade = 0;
  for (const [id, node] of Object.entries(scenario.nodes)) {
    const steps: Array<{ next: string; gain: PerPrinciple; loss: PerPrinciple }> = [];
    for (const r of node.responses ?? []) {
      const gain = zero();
      const loss = zero();
      for (const [rule, n] of Object.entries(r.rules ?? {})) {
        const p = principleOf(rule);
        if (p) (n > 0 ? gain : loss)[p] += Math.abs(n) * weight(rule);
      }
      const kept = principleOf(PROMISE_KEPT_RULE);
      if (kept && r.keep?.length) gain[kept] += r.keep.length * weight(PROMISE_KEPT_RULE);
      if (r.promise) promisesMade += 1;
      steps.push({ next: r.next, gain, loss });
    }
    for (const b of node.when ?? []) steps.push({ next: b.next, gain: zero(), loss: zero() });
    if (node.otherwise) steps.push({ next: node.otherwise, gain: zero(), loss: zero() });
    stepGain.set(id, steps);
  }
  const closingLoss = zero();
  for (const def of Object.values(rubric.rules)) if (def.expect) closingLoss[def.principle] += def.weight;
  for (const rule of [PROMISE_KEPT_RULE, PROMISE_BROKEN_RULE]) {
    const p = principleOf(rule);
    if (p) closingLoss[p] += promisesMade * weight(rule);
  }
  // Bounds are over the authored responses: the searches never choose silence on a timed node.
  const solve = (pick: 'gain' | 'loss') => longest(scenario, stepGain, pick);
  return { gain: solve('gain'), loss: solve('loss'), closingLoss };
}

/** Longest weighted path to any ending per principle, by reverse topological order; cycles give Infinity. */
function longest(
  scenario: Scenario,
  steps: Map<string, Array<{ next: string; gain: PerPrinciple; loss: PerPrinciple }>>,
  pick: 'gain' | 'loss',
): Map<string, PerPrinciple> {
  const ids = Object.keys(scenario.nodes);
  const outDegree = new Map(
    ids.map((id) => [id, (steps.get(id) ?? []).filter((s) => s.next in scenario.nodes).length]),
  );
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [id, list] of steps) for (const s of list) parents.get(s.next)?.push(id);
  const result = new Map<string, PerPrinciple>();
  const queue = ids.filter((id) => outDegree.get(id) === 0);
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i]!;
    const best: PerPrinciple = { listening: 0, apology: 0, resolution: 0, etiquette: 0 };
    for (const s of steps.get(id) ?? []) {
      const after = result.get(s.next);
      if (!after) continue;
      for (const p of PRINCIPLES) best[p] = Math.max(best[p], s[pick][p] + after[p]);
    }
    result.set(id, best);
    for (const parent of parents.get(id) ?? []) {
      const left = outDegree.get(parent)! - 1;
      outDegree.set(parent, left);
      if (left === 0) queue.push(parent);
    }
  }
  const infinite: PerPrinciple = {
    listening: Infinity,
    apology: Infinity,
    resolution: Infinity,
    etiquette: Infinity,
  };
  for (const id of ids) if (!result.has(id)) result.set(id, infinite);
  return result;
}
