import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import type { Evidence, Mood } from './types';

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n * 10) / 10));

/**
 * Author effects apply as written; the rubric's default effect of each rule hit is scaled by the
 * persona (a victim is calmed most by apology, a negotiator by a remedy) and fades on repeats.
 * Returns the new mood and the updated repeat counts.
 */
export function applyMood(
  mood: Mood,
  authored: { anger?: number | undefined; trust?: number | undefined } | undefined,
  evidence: readonly Evidence[],
  scenario: Scenario,
  rubric: Rubric,
  repeats: Readonly<Record<string, number>>,
): { mood: Mood; repeats: Record<string, number> } {
  let anger = mood.anger + (authored?.anger ?? 0);
  let trust = mood.trust + (authored?.trust ?? 0);
  const nextRepeats = { ...repeats };
  const persona = rubric.personas?.[scenario.customer.persona];
  for (const item of evidence) {
    const rule = rubric.rules[item.rule];
    if (!rule || item.verdict === 'missed') continue;
    const effect = rule.mood?.[item.verdict];
    if (!effect) continue;
    const key = `${item.rule}:${item.verdict}`;
    const seen = nextRepeats[key] ?? 0;
    const factor = (persona?.[rule.principle] ?? 1) * rubric.repeatDecay ** seen;
    nextRepeats[key] = seen + 1;
    anger += (effect.anger ?? 0) * factor;
    trust += (effect.trust ?? 0) * factor;
  }
  return { mood: { anger: clamp(anger), trust: clamp(trust) }, repeats: nextRepeats };
}
