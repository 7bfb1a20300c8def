import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';
import type { AttemptResult, Evidence, Session } from '../runtime/types';
import { scoreState } from '../scoring/score';
import { compareResults, type PathResult } from './paths';
import { P, potentials, type Potentials } from './potential';
import { STEPS_AFTER_CUT, traverse } from './traverse';

export type Objective = 'overall' | Principle;
export type Sense = 'best' | 'worst';

export interface Optimum {
  path: PathResult | null;
  /** False when the step budget ran out before the search could prove its answer. */
  exact: boolean;
  /** A path ran past MAX_PATH_TURNS: no search of this scenario can prove its answer. */
  cut: boolean;
  steps: number;
}

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
 * best found so far is pruned; for the overall, ties are broken by `compareResults`. `provable`
 * false (the scenario has a path longer than MAX_PATH_TURNS, so nothing can be proven) keeps the
 * first found after looking only STEPS_AFTER_CUT further, and spends nothing on bounds.
 */
export function optimise(
  from: Session,
  objective: Objective,
  sense: Sense,
  budget = 400_000,
  provable = true,
): Optimum {
  const { scenario, rubric } = from;
  // The potentials are computed on the first bound asked for: a search that never prunes never needs them.
  let inputs: BoundInputs | null = null;
  const sign = sense === 'best' ? 1 : -1;
  const valueOf = (r: AttemptResult) => (objective === 'overall' ? r.overall : r.principles[objective].score);
  let incumbent: { value: number; path: PathResult } | null = null;
  const focus = objective === 'overall' ? null : objective;
  const weights = PRINCIPLES.map((p) => scenario.weights?.[p] ?? rubric.principles[p].weight);
  const objectiveIndex = focus === null ? -1 : PRINCIPLES.indexOf(focus);
  // Each node's responses in promising-first order, sorted once per search rather than per visit.
  // A node whose responses already stand in that order keeps its own list (no copy).
  const orders = new Map<string, readonly ScenarioResponse[]>();
  const promising = (a: ScenarioResponse, b: ScenarioResponse) =>
    sign * (tagBalance(b.rules, rubric, focus) - tagBalance(a.rules, rubric, focus));
  const order = (node: string, responses: readonly ScenarioResponse[]) => {
    let ordered = orders.get(node);
    if (!ordered) {
      ordered = inOrder(responses, promising) ? responses : [...responses].sort(promising);
      orders.set(node, ordered);
    }
    return ordered;
  };

  // For the overall, passing outranks the number (see compareResults): a subtree is only pruned on
  // its bound when it cannot change the pass/fail side of the incumbent either.
  const canPrune = (session: Session, tally: Tally) => {
    if (!incumbent || !provable) return false;
    inputs ??= { pot: potentialsFor(scenario, rubric), weights, objective: objectiveIndex, sense };
    const node = inputs.pot.graph.index.get(session.state.node) ?? 0;
    const beyond = sign * (bound(node, tally, inputs) - incumbent.value) < 0;
    if (!beyond || objective !== 'overall') return beyond;
    if (sense === 'best') return incumbent.path.result.passed || tally[CRITICAL] === 1;
    return !incumbent.path.result.passed;
  };

  // A principle score cannot beat 100 (or go below 0): once reached, the search is done.
  const settled = () =>
    objective !== 'overall' && incumbent !== null && incumbent.value === (sense === 'best' ? 100 : 0);

  const walk = traverse<Tally>(from, {
    budget,
    afterCut: STEPS_AFTER_CUT,
    ...(provable ? {} : { afterFirst: STEPS_AFTER_CUT }),
    order,
    initial: from.state.turns.reduce((t, turn) => addTurn(t, turn.evidence, rubric), emptyTally()),
    carry: (tally, next) => addTurn(tally, next.state.turns.at(-1)?.evidence ?? NO_EVIDENCE, rubric),
    stop: settled,
    // The bound is cheap and sound at an ending too: most endings are beaten before being scored.
    prune: (session, tally) => settled() || canPrune(session, tally),
    visit: (session, choices) => {
      const result = scoreState(scenario, rubric, session.state);
      const value = valueOf(result);
      if (value === null) return;
      const better =
        !incumbent ||
        (objective === 'overall'
          ? sign * compareResults(result, incumbent.path.result) > 0
          : sign * (value - incumbent.value) > 0);
      if (better) incumbent = { value, path: { choices: choices.slice(), result } };
    },
  });
  return {
    path: (incumbent as { path: PathResult } | null)?.path ?? null,
    exact: !walk.exhausted && !walk.cut,
    cut: walk.cut,
    steps: walk.steps,
  };
}

/** Whether a stable sort by `compare` would leave the list as it is. */
function inOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i += 1) if (compare(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** How promising a response looks for the objective: explored first, it finds a good incumbent early. */
function tagBalance(
  rules: Record<string, number> | undefined,
  rubric: Rubric,
  focus: Principle | null,
): number {
  let sum = 0;
  // Keys, not Object.entries: the sort calls this twice for every comparison it makes.
  for (const rule in rules) {
    if (!Object.hasOwn(rules, rule)) continue;
    const n = rules[rule]!;
    const def = rubric.rules[rule];
    if (focus && def?.principle !== focus) continue;
    sum += n * (def?.weight ?? 1) * (def?.critical && n < 0 ? 10 : 1);
  }
  return sum;
}

/**
 * Evidence so far, carried down the search so a bound costs the same at any depth: met weight per
 * principle at p, violated (or missed) weight at P + p, and at CRITICAL 1 once a critical rule broke.
 */
type Tally = Float64Array;
const NO_EVIDENCE: readonly Evidence[] = [];
const CRITICAL = 2 * P;

const emptyTally = (): Tally => new Float64Array(2 * P + 1);

const principleIndex = new Map<string, number>(PRINCIPLES.map((p, i) => [p, i]));

function addTurn(tally: Tally, evidence: readonly Evidence[], rubric: Rubric): Tally {
  const next = tally.slice();
  for (const e of evidence) {
    const def = rubric.rules[e.rule];
    if (!def) continue;
    const p = principleIndex.get(def.principle)!;
    next[e.verdict === 'met' ? p : P + p]! += e.weight;
    if (e.verdict === 'violated' && def.critical) next[CRITICAL] = 1;
  }
  return next;
}

interface BoundInputs {
  pot: Potentials;
  /** Principle weights in PRINCIPLES order (the scenario's override, else the rubric's). */
  weights: number[];
  /** The principle searched for, or -1 for the overall. */
  objective: number;
  sense: Sense;
}

// Scratch space for the optional principles of one bound: the search never runs two bounds at once.
const optionalValues = new Float64Array(P);
const optionalWeights = new Float64Array(P);

/** Optimistic (best) or pessimistic (worst) value any completion of this state could reach. */
function bound(node: number, tally: Tally, { pot, weights, objective, sense }: BoundInputs): number {
  const best = sense === 'best';
  const at = node * P;
  // The extreme score principle p could end with, and whether it will (definite) or may (possible) count.
  let value = 0;
  let definite = false;
  let possible = false;
  const extreme = (p: number) => {
    const met = tally[p]!;
    const bad = tally[P + p]!;
    const gain = pot.gain[at + p]!;
    const loss = pot.loss[at + p]!;
    definite = met + bad > 0;
    if (best) {
      const m = met + gain;
      possible = definite || gain > 0 || loss + pot.closingLoss[p]! > 0;
      value = m === Infinity ? 100 : m + bad === 0 ? 0 : (100 * m) / (m + bad);
    } else {
      const b = bad + loss + pot.closingLoss[p]!;
      possible = definite || gain > 0 || b > 0;
      value = b === Infinity ? 0 : met + b === 0 ? 100 : (100 * met) / (met + b);
    }
  };
  // Rounded principle scores can sit half a point past the exact ratio.
  if (objective >= 0) {
    extreme(objective);
    return value + (best ? 0.5 : -0.5);
  }
  let sumW = 0;
  let sum = 0;
  let optional = 0;
  for (let p = 0; p < P; p += 1) {
    extreme(p);
    const w = weights[p]!;
    if (w <= 0 || !possible) continue;
    if (definite) {
      sumW += w;
      sum += w * value;
    } else {
      // Kept most extreme first; equal values keep PRINCIPLES order.
      let i = optional++;
      while (i > 0 && (best ? value > optionalValues[i - 1]! : value < optionalValues[i - 1]!)) {
        optionalValues[i] = optionalValues[i - 1]!;
        optionalWeights[i] = optionalWeights[i - 1]!;
        i -= 1;
      }
      optionalValues[i] = value;
      optionalWeights[i] = w;
    }
  }
  // Optional principles (no evidence yet) join the average only where they pull it the right way.
  for (let o = 0; o < optional; o += 1) {
    const avg = sumW === 0 ? (best ? -Infinity : Infinity) : sum / sumW;
    const v = optionalValues[o]!;
    if (best ? v > avg : v < avg) {
      sumW += optionalWeights[o]!;
      sum += optionalWeights[o]! * v;
    }
  }
  if (sumW === 0) return best ? 100 : 0;
  // Rounding principle scores and then the overall can move it by up to a point.
  return sum / sumW + (best ? 1 : -1);
}
