import { PRINCIPLES, type Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import type { AttemptResult, Evidence, PrincipleScore, Session, SessionState } from '../runtime/types';

/** Every turn's evidence, then the closing evidence: one list, built with loops (lint scores many endings). */
export function allEvidence(state: SessionState): Evidence[] {
  const out: Evidence[] = [];
  const turns = state.turns;
  for (let i = 0; i < turns.length; i += 1) {
    const evidence = turns[i]!.evidence;
    for (let k = 0; k < evidence.length; k += 1) out.push(evidence[k]!);
  }
  for (const e of state.closingEvidence) out.push(e);
  return out;
}

/** Pure: the same session state always gives the same result, and every number comes from `evidence`. */
export function scoreSession(session: Session): AttemptResult {
  return scoreState(session.scenario, session.rubric, session.state);
}

export function scoreState(scenario: Scenario, rubric: Rubric, state: SessionState): AttemptResult {
  const evidence = allEvidence(state);
  const tally: Record<Principle, { met: number; violated: number; missed: number }> = {
    listening: { met: 0, violated: 0, missed: 0 },
    apology: { met: 0, violated: 0, missed: 0 },
    resolution: { met: 0, violated: 0, missed: 0 },
    etiquette: { met: 0, violated: 0, missed: 0 },
  };
  for (const item of evidence) {
    const rule = rubric.rules[item.rule];
    if (rule) tally[rule.principle][item.verdict] += item.weight;
  }
  const principles = {} as Record<Principle, PrincipleScore>;
  let weighted = 0;
  let weights = 0;
  for (const p of PRINCIPLES) {
    const { met, violated, missed } = tally[p];
    const total = met + violated + missed;
    const score = total === 0 ? null : Math.round((100 * met) / total);
    principles[p] = { principle: p, score, met, violated, missed };
    const w = scenario.weights?.[p] ?? rubric.principles[p].weight;
    if (score !== null && w > 0) {
      weighted += w * score;
      weights += w;
    }
  }
  const overall = weights === 0 ? 0 : Math.round(weighted / weights);
  const critical = evidence.filter((e) => e.verdict === 'violated' && rubric.rules[e.rule]?.critical);
  const outcome = state.ending?.outcome ?? null;
  const passed =
    state.status === 'ended' &&
    overall >= rubric.passMark &&
    critical.length === 0 &&
    outcome !== null &&
    !rubric.failOutcomes.includes(outcome);
  return {
    principles,
    overall,
    passed,
    passMark: rubric.passMark,
    critical,
    outcome,
    moodCurve: state.moodCurve,
    finalMood: state.mood,
    evidence,
    promises: state.promises,
  };
}
