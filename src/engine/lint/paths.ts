import { OUTCOMES, PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { scoreSession } from '../scoring/score';
import { start } from '../runtime/session';
import type { AttemptResult, Session } from '../runtime/types';
import { traverse } from './traverse';

export { MAX_PATH_TURNS } from './traverse';

export interface PathResult {
  choices: string[];
  result: AttemptResult;
}

export interface PathSearch {
  best: PathResult | null;
  worst: PathResult | null;
  paths: number;
  /** False when the step budget ran out or a path looped past MAX_PATH_TURNS: bounds are then what was seen. */
  exact: boolean;
  bounds: {
    overall: { best: number; worst: number };
    principles: Record<Principle, { best: number | null; worst: number | null }>;
  };
  anyPass: boolean;
  allPass: boolean;
}

const outcomeRank = (r: AttemptResult) =>
  r.outcome === null ? OUTCOMES.length : OUTCOMES.indexOf(r.outcome);

/** Better for the trainee: passing, then a higher overall, then a better ending, then a calmer customer. */
export function compareResults(a: AttemptResult, b: AttemptResult): number {
  return (
    Number(a.passed) - Number(b.passed) ||
    a.overall - b.overall ||
    outcomeRank(b) - outcomeRank(a) ||
    b.finalMood.anger - a.finalMood.anger ||
    a.finalMood.trust - b.finalMood.trust
  );
}

/** Walks every path with the real runtime (depth first), so bounds include mood- and flag-driven branches. */
export function searchPaths(from: Session, budget = 2_000_000, onPath?: (p: PathResult) => void): PathSearch {
  const principles = Object.fromEntries(
    PRINCIPLES.map((p) => [p, { best: null, worst: null }]),
  ) as PathSearch['bounds']['principles'];
  const search: PathSearch = {
    best: null,
    worst: null,
    paths: 0,
    exact: true,
    bounds: { overall: { best: 0, worst: 100 }, principles },
    anyPass: false,
    allPass: true,
  };
  const walk = traverse(from, {
    budget,
    visit: (session, choices) =>
      record(search, { choices: choices.slice(), result: scoreSession(session) }, onPath),
  });
  search.exact = !walk.exhausted && !walk.cut;
  if (search.paths === 0) search.allPass = false;
  return search;
}

function record(search: PathSearch, path: PathResult, onPath?: (p: PathResult) => void) {
  onPath?.(path);
  const r = path.result;
  search.paths += 1;
  if (!search.best || compareResults(r, search.best.result) > 0) search.best = path;
  if (!search.worst || compareResults(r, search.worst.result) < 0) search.worst = path;
  search.bounds.overall.best = Math.max(search.bounds.overall.best, r.overall);
  search.bounds.overall.worst = Math.min(search.bounds.overall.worst, r.overall);
  for (const p of PRINCIPLES) {
    const score = r.principles[p].score;
    if (score === null) continue;
    const b = search.bounds.principles[p];
    b.best = b.best === null ? score : Math.max(b.best, score);
    b.worst = b.worst === null ? score : Math.min(b.worst, score);
  }
  search.anyPass ||= r.passed;
  search.allPass &&= r.passed;
}

export function searchScenario(scenario: Scenario, rubric: Rubric, budget?: number): PathSearch {
  return searchPaths(start(scenario, rubric, { now: () => 0 }), budget);
}

/**
 * How many complete paths there are, counting up to `budget` steps. Not `complete` when the budget
 * ran out or a path ran past MAX_PATH_TURNS (`cut`): there are more than `count`, and the count stops
 * at the cut, since it can no longer be exact.
 */
export function countPaths(
  from: Session,
  budget: number,
): { count: number; complete: boolean; cut: boolean } {
  let count = 0;
  const walk = traverse(from, {
    budget,
    afterCut: 0,
    visit: () => {
      count += 1;
    },
  });
  return { count, complete: !walk.exhausted && !walk.cut, cut: walk.cut };
}
