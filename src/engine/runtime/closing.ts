import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { PROMISE_KEPT_RULE, promiseQuote } from './promises';
import type { Evidence, SessionState } from './types';

/** Evidence only the end of an attempt can give: expectations that never came, promises left pending. */
export function closingEvidence(scenario: Scenario, rubric: Rubric, state: SessionState): Evidence[] {
  const turns = state.turns;
  const last = turns.length;
  if (last === 0) return [];
  const out: Evidence[] = [];
  const escalated = state.ending === null || rubric.failOutcomes.includes(state.ending.outcome);
  // A loop over the keys rather than Object.entries, and `touched` a module function: this runs at
  // every ending lint's searches reach, and the pairs and a named closure (tsx, which runs the CLI
  // and the bench, keeps function names: one more call and allocation each) were most of what it allocated.
  const rules = rubric.rules;
  for (const rule in rules) {
    if (!Object.hasOwn(rules, rule)) continue;
    const def = rules[rule]!;
    const expect = def.expect;
    if (!expect) continue;
    let window: [number, number];
    if (expect.on === 'first-turn') window = [1, 1];
    else if (expect.on === 'within-turns') window = [1, Math.min(expect.turns, last)];
    else if (expect.on === 'any-turn') window = [1, last];
    else if (escalated) continue;
    else window = [Math.max(1, last - 1), last];
    // A violation already costs the trainee; `missed` is for silence on the rule.
    if (
      touched(turns, rule, window[0], window[1], 'met') ||
      touched(turns, rule, window[0], window[1], 'violated')
    )
      continue;
    out.push({
      turn: window[1],
      rule,
      verdict: 'missed',
      source: 'expectation',
      quote: '',
      weight: def.weight,
    });
  }
  for (const p of state.promises) {
    if (p.status !== 'pending' || !rubric.rules[PROMISE_KEPT_RULE]) continue;
    const quote = promiseQuote(scenario, p, p.id, state.locale);
    out.push({
      turn: last,
      rule: PROMISE_KEPT_RULE,
      verdict: 'violated',
      source: 'promise',
      quote,
      weight: rubric.rules[PROMISE_KEPT_RULE]!.weight,
      cue: p.id,
    });
  }
  return out;
}

function touched(
  turns: SessionState['turns'],
  rule: string,
  from: number,
  to: number,
  verdict: 'met' | 'violated',
): boolean {
  // Plain loops: a closure for `some` on every turn of every rule was most of what an ending allocated.
  for (let i = 0; i < turns.length; i += 1) {
    const t = turns[i]!;
    if (t.turn < from || t.turn > to) continue;
    const evidence = t.evidence;
    for (let k = 0; k < evidence.length; k += 1)
      if (evidence[k]!.rule === rule && evidence[k]!.verdict === verdict) return true;
  }
  return false;
}
