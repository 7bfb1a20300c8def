import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';
import { respond } from '../runtime/session';
import type { AttemptResult, Evidence, Session } from '../runtime/types';
import { scoreState } from '../scoring/score';
import { compareResults, MAX_PATH_TURNS, type PathResult } from './paths';
import { potentials, type PerPrinciple } from './potential';

export type Objective = 'overall' | Principle;
export type Sense = 'best' | 'worst';

export interface Optimum {
  path: PathResult | null;
  /** False when the step budget ran out before the search could prove its answer. */
  exact: boolean;
  steps: number;
}

type Potentials = ReturnType<typeof potentials>;
const cache = new WeakMap<Scenario, WeakMap<Rubric, Potentials>>();

function potentialsFor(scenario: Scenario, rubric: Rubric): Potentials {
  let byRubric = cache.get(scenario);
  if (!byRubric) cache.set(scenario, (byRubric = new WeakMap()));
  let found = byRubric.get(rubric);
  if (!found) byRubric.set(rubric, (found = potentials(scenario, rubric)));
  return found;
}

/**
 * Branch and bound over the real runtime: the best (or worst) reachable value of one objective.
 * Violations already made can never be undone, so a prefix whose optimistic bound is below the
 * best found so far is pruned; for the overall, ties are broken by `compareResults`.
 */
export function optimise(from: Session, objective: Objective, sense: Sense, budget = 400_000): Optimum {
  const { scenario, rubric } = from;
  const pot = potentialsFor(scenario, rubric);
  const sign = sense === 'best' ? 1 : -1;
  const valueOf = (r: AttemptResult) => (objective === 'overall' ? r.overall : r.principles[objective].score);
  let incumbent: { value: number; path: PathResult } | null = null;
  let steps = 0;
  let exact = true;
  const choices: string[] = [];
  const focus = objective === 'overall' ? null : objective;
  // Each node's responses in promising-first order, sorted once per search rather than per visit.
  const orders = new Map<string, ScenarioResponse[]>();

  const consider = (session: Session) => {
    const result = scoreState(scenario, rubric, session.state);
    const value = valueOf(result);
    if (value === null) return;
    const better =
      !incumbent ||
      (objective === 'overall'
        ? sign * compareResults(result, incumbent.path.result) > 0
        : sign * (value - incumbent.value) > 0);
    if (better) incumbent = { value, path: { choices: choices.slice(), result } };
  };

  // For the overall, passing outranks the number (see compareResults): a subtree is only pruned on
  // its bound when it cannot change the pass/fail side of the incumbent either.
  const canPrune = (best: AttemptResult, session: Session, tally: Tally, value: number) => {
    const beyond =
      sign * (bound(session.state.node, tally, pot, rubric, scenario, objective, sense) - value) < 0;
    if (!beyond || objective !== 'overall') return beyond;
    if (sense === 'best') return best.passed || tally.critical;
    return !best.passed;
  };

  // A principle score cannot beat 100 (or go below 0): once reached, the search is done.
  const settled = () =>
    objective !== 'overall' && incumbent !== null && incumbent.value === (sense === 'best' ? 100 : 0);

  const visit = (session: Session, tally: Tally) => {
    if (session.state.status === 'ended') {
      // The bound is cheap and sound at an ending too: most endings are beaten before being scored.
      if (incumbent && canPrune(incumbent.path.result, session, tally, incumbent.value)) return;
      return consider(session);
    }
    if (settled()) return;
    const node = scenario.nodes[session.state.node];
    if (!node?.responses || choices.length >= MAX_PATH_TURNS) {
      exact = false;
      return;
    }
    if (incumbent && canPrune(incumbent.path.result, session, tally, incumbent.value)) return;
    let ordered = orders.get(session.state.node);
    if (!ordered) {
      ordered = [...node.responses].sort(
        (a, b) => sign * (tagBalance(b.rules, rubric, focus) - tagBalance(a.rules, rubric, focus)),
      );
      orders.set(session.state.node, ordered);
    }
    for (const response of ordered) {
      if (steps >= budget) {
        exact = false;
        return;
      }
      steps += 1;
      choices.push(response.id);
      const next = respond(session, { choice: response.id }).session;
      visit(next, addTurn(tally, next.state.turns.at(-1)?.evidence ?? [], rubric));
      choices.pop();
    }
  };
  visit(
    from,
    from.state.turns.reduce((t, turn) => addTurn(t, turn.evidence, rubric), emptyTally()),
  );
  return { path: (incumbent as { path: PathResult } | null)?.path ?? null, exact, steps };
}

/** How promising a response looks for the objective: explored first, it finds a good incumbent early. */
function tagBalance(
  rules: Record<string, number> | undefined,
  rubric: Rubric,
  focus: Principle | null,
): number {
  let sum = 0;
  for (const [rule, n] of Object.entries(rules ?? {})) {
    const def = rubric.rules[rule];
    if (focus && def?.principle !== focus) continue;
    sum += n * (def?.weight ?? 1) * (def?.critical && n < 0 ? 10 : 1);
  }
  return sum;
}

/** Evidence so far, carried down the search so a bound costs the same at any depth. */
interface Tally {
  met: PerPrinciple;
  bad: PerPrinciple;
  critical: boolean;
}

const emptyTally = (): Tally => ({
  met: { listening: 0, apology: 0, resolution: 0, etiquette: 0 },
  bad: { listening: 0, apology: 0, resolution: 0, etiquette: 0 },
  critical: false,
});

function addTurn(tally: Tally, evidence: readonly Evidence[], rubric: Rubric): Tally {
  const next: Tally = { met: { ...tally.met }, bad: { ...tally.bad }, critical: tally.critical };
  for (const e of evidence) {
    const def = rubric.rules[e.rule];
    if (!def) continue;
    (e.verdict === 'met' ? next.met : next.bad)[def.principle] += e.weight;
    if (e.verdict === 'violated' && def.critical) next.critical = true;
  }
  return next;
}

/** Optimistic (best) or pessimistic (worst) value any completion of this state could reach. */
function bound(
  node: string,
  { met, bad }: Tally,
  pot: Potentials,
  rubric: Rubric,
  scenario: Scenario,
  objective: Objective,
  sense: Sense,
): number {
  const gain = pot.gainAt(node);
  const loss = pot.lossAt(node);
  const extreme = (p: Principle): { value: number; definite: boolean; possible: boolean } => {
    const definite = met[p] + bad[p] > 0;
    if (sense === 'best') {
      const m = met[p] + gain[p];
      const possible = definite || gain[p] > 0 || loss[p] + pot.closingLoss[p] > 0;
      return {
        value: m === Infinity ? 100 : m + bad[p] === 0 ? 0 : (100 * m) / (m + bad[p]),
        definite,
        possible,
      };
    }
    const b = bad[p] + loss[p] + pot.closingLoss[p];
    const possible = definite || gain[p] > 0 || b > 0;
    return {
      value: b === Infinity ? 0 : met[p] + b === 0 ? 100 : (100 * met[p]) / (met[p] + b),
      definite,
      possible,
    };
  };
  // Rounded principle scores can sit half a point past the exact ratio.
  if (objective !== 'overall') return extreme(objective).value + (sense === 'best' ? 0.5 : -0.5);
  const weight = (p: Principle) => scenario.weights?.[p] ?? rubric.principles[p].weight;
  let sumW = 0;
  let sum = 0;
  const optional: Array<{ value: number; w: number }> = [];
  for (const p of PRINCIPLES) {
    const e = extreme(p);
    const w = weight(p);
    if (w <= 0 || !e.possible) continue;
    if (e.definite) {
      sumW += w;
      sum += w * e.value;
    } else optional.push({ value: e.value, w });
  }
  // Optional principles (no evidence yet) join the average only where they pull it the right way.
  optional.sort((a, b) => (sense === 'best' ? b.value - a.value : a.value - b.value));
  for (const o of optional) {
    const avg = sumW === 0 ? (sense === 'best' ? -Infinity : Infinity) : sum / sumW;
    if (sense === 'best' ? o.value > avg : o.value < avg) {
      sumW += o.w;
      sum += o.w * o.value;
    }
  }
  if (sumW === 0) return sense === 'best' ? 100 : 0;
  // Rounding principle scores and then the overall can move it by up to a point.
  return sum / sumW + (sense === 'best' ? 1 : -1);
}
