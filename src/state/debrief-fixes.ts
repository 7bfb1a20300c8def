import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { Evidence, SessionState } from '@/engine/runtime/types';
import { allEvidence, scoreState } from '@/engine/scoring/score';

export interface Fix {
  evidence: Evidence;
  critical: boolean;
  /** End-of-attempt evidence (a promise left unkept, an expectation never met), not a turn's own. */
  closing: boolean;
  /** Overall points the attempt would have gained had this item been met (the engine's own scoring). */
  gain: number;
}

/**
 * The fixes worth most, by a stated rule: critical violations first (each fails the attempt on its
 * own), in turn order; then the other broken or missed items by the overall points the engine gives
 * back when that one item is met instead, more first, then the heavier rule, then the earlier turn.
 * One fix per rule (its most valuable instance), at most `limit`.
 */
export function topFixes(scenario: Scenario, rubric: Rubric, state: SessionState, limit = 3): Fix[] {
  const base = scoreState(scenario, rubric, state).overall;
  const wrong = allEvidence(state).filter((e) => e.verdict !== 'met');
  const metInstead = (item: Evidence): SessionState => {
    const flip = (list: Evidence[]) => list.map((e) => (e === item ? { ...e, verdict: 'met' as const } : e));
    return {
      ...state,
      turns: state.turns.map((t) => ({ ...t, evidence: flip(t.evidence) })),
      closingEvidence: flip(state.closingEvidence),
    };
  };
  const candidates = wrong.map((evidence) => ({
    evidence,
    critical: evidence.verdict === 'violated' && Boolean(rubric.rules[evidence.rule]?.critical),
    closing: state.closingEvidence.includes(evidence),
    gain: scoreState(scenario, rubric, metInstead(evidence)).overall - base,
  }));
  candidates.sort(
    (a, b) =>
      Number(b.critical) - Number(a.critical) ||
      (a.critical ? 0 : b.gain - a.gain || b.evidence.weight - a.evidence.weight) ||
      a.evidence.turn - b.evidence.turn,
  );
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.evidence.rule) && seen.add(c.evidence.rule)).slice(0, limit);
}
