import type { Outcome } from '../format/ids';
import type { Scenario } from '../format/scenario-schema';

/**
 * How many decisions the trainee has left from `node` ("turn 4 of about 12"), read from the graph
 * alone: the fewest customer turns (nodes with responses) on a way to an ending that is not in
 * `avoid`. The quickest way out is usually a failure (one blame and the customer hangs up), so
 * the count aims at the endings a trainee works towards, and only falls back to any ending when
 * none of those can be reached. Branch conditions are not evaluated, so this is an estimate.
 * Returns 0 when no ending can be reached from `node` (or it does not exist).
 */
export function decisionsLeft(
  scenario: Scenario,
  node: string,
  avoid: readonly Outcome[] = ['customer-lost', 'went-to-media', 'went-to-regulator'],
): number {
  const wanted = shortest(scenario, node, (outcome) => !avoid.includes(outcome));
  return wanted ?? shortest(scenario, node, () => true) ?? 0;
}

/**
 * 0-1 breadth-first search: leaving a customer turn costs one decision, an automatic branch none.
 * A deque keeps nodes in order of cost, so each is settled once (loops are harmless).
 */
function shortest(scenario: Scenario, from: string, accept: (outcome: Outcome) => boolean): number | null {
  const cost = new Map<string, number>([[from, 0]]);
  const queue: string[] = [from];
  const done = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (done.has(id)) continue;
    done.add(id);
    const here = cost.get(id)!;
    const node = scenario.nodes[id];
    if (!node) continue;
    if (node.ending) {
      if (accept(node.ending.outcome)) return here;
      continue;
    }
    const visit = (next: string, step: 0 | 1) => {
      const known = cost.get(next);
      if (done.has(next) || (known !== undefined && known <= here + step)) return;
      cost.set(next, here + step);
      if (step === 0) queue.unshift(next);
      else queue.push(next);
    };
    // Branches are checked on arrival, before the customer speaks: free moves.
    for (const branch of node.when ?? []) visit(branch.next, 0);
    if (node.otherwise) visit(node.otherwise, 0);
    for (const response of node.responses ?? []) visit(response.next, 1);
  }
  return null;
}

/** "Turn `turn` of about `total`": turns taken count, so silences and unclear replies push the total on. */
export function turnEstimate(
  scenario: Scenario,
  state: { node: string; turns: readonly unknown[] },
  avoid?: readonly Outcome[],
): { turn: number; total: number } {
  const turn = state.turns.length + 1;
  return { turn, total: Math.max(turn, state.turns.length + decisionsLeft(scenario, state.node, avoid)) };
}
