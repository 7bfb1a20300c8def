import { pickText } from '../format/localized-text';
import type { Rubric } from '../format/rubric-schema';
import type { ScenarioResponse } from '../format/scenario-schema';

export interface DetectedHit {
  rule: string;
  verdict: 'met' | 'violated';
}

export interface Placement {
  /** The authored response whose branch the reply follows, or null when it cannot be placed. */
  responseId: string | null;
  confidence: number;
  /** Rules the reply and the chosen response share, and rules on which they disagree. */
  shared: string[];
  opposed: string[];
  similarity: number;
  /** The reply broke a critical rule and follows a response that breaks it too (or the worst one). */
  critical: boolean;
}

/** Below this a reply is not placed: the customer asks what the trainee means. */
export const MIN_PLACEMENT_CONFIDENCE = 0.75;
const SIMILARITY_WEIGHT = 2;
// A response's merit that the reply does not show counts a little against it; a fault it does not
// commit counts more, and a critical one rules the branch out: the customer must not react to an
// insult that was never said.
const UNMATCHED_MERIT = 0.25;
const UNMATCHED_FAULT = 0.5;
const UNMATCHED_CRITICAL = 2;

function scoreAgainst(
  hits: ReadonlyMap<string, 'met' | 'violated'>,
  response: ScenarioResponse,
  similarity: number,
  rubric: Rubric,
): { score: number; shared: string[]; opposed: string[] } {
  const tags = response.rules ?? {};
  const shared: string[] = [];
  const opposed: string[] = [];
  for (const [rule, verdict] of hits) {
    const tag = tags[rule];
    const tagVerdict = tag === undefined ? undefined : tag > 0 ? 'met' : 'violated';
    if (tagVerdict === verdict) shared.push(rule);
    else if (tagVerdict !== undefined || verdict === 'violated') opposed.push(rule);
  }
  let unmatched = 0;
  for (const [rule, n] of Object.entries(tags)) {
    if (hits.has(rule)) continue;
    unmatched +=
      n > 0 ? UNMATCHED_MERIT : rubric.rules[rule]?.critical ? UNMATCHED_CRITICAL : UNMATCHED_FAULT;
  }
  const score = shared.length - opposed.length - unmatched + SIMILARITY_WEIGHT * similarity;
  return { score, shared, opposed };
}

/**
 * Decides which branch a typed reply takes, from what was detected in its words. The reply earns
 * only its own evidence; this only picks where the conversation goes. A reply that breaks a critical
 * rule follows a response that breaks it too, so the customer reacts to what was actually said.
 */
export function placeReply(
  detected: readonly DetectedHit[],
  responses: readonly ScenarioResponse[],
  similarity: (authored: string) => number,
  rubric: Rubric,
  locale: string,
): Placement {
  const hits = new Map<string, 'met' | 'violated'>();
  for (const hit of detected) if (hits.get(hit.rule) !== 'violated') hits.set(hit.rule, hit.verdict);
  const criticals = [...hits].filter(([rule, v]) => v === 'violated' && rubric.rules[rule]?.critical);
  const scored = responses.map((response) => {
    const sim = similarity(pickText(response.text, locale));
    return { response, sim, ...scoreAgainst(hits, response, sim, rubric) };
  });
  const best = (list: typeof scored) =>
    list.reduce<(typeof scored)[number] | undefined>(
      (a, b) => (a === undefined || b.score > a.score ? b : a),
      undefined,
    );

  if (criticals.length > 0) {
    const sharing = scored.filter((s) => criticals.some(([rule]) => (s.response.rules?.[rule] ?? 0) < 0));
    const harshness = (s: (typeof scored)[number]) =>
      Object.values(s.response.rules ?? {}).reduce((sum, n) => sum + Math.min(0, n), 0);
    const chosen =
      best(sharing) ?? scored.reduce((a, b) => (harshness(b) < harshness(a) ? b : a), scored[0]!);
    return {
      responseId: chosen.response.id,
      confidence: Math.max(chosen.score, MIN_PLACEMENT_CONFIDENCE),
      shared: chosen.shared,
      opposed: chosen.opposed,
      similarity: chosen.sim,
      critical: true,
    };
  }
  const chosen = best(scored);
  if (!chosen)
    return { responseId: null, confidence: 0, shared: [], opposed: [], similarity: 0, critical: false };
  const placed = chosen.score >= MIN_PLACEMENT_CONFIDENCE && (chosen.shared.length > 0 || chosen.sim >= 0.5);
  return {
    responseId: placed ? chosen.response.id : null,
    confidence: Math.round(chosen.score * 1000) / 1000,
    shared: chosen.shared,
    opposed: chosen.opposed,
    similarity: Math.round(chosen.sim * 1000) / 1000,
    critical: false,
  };
}
