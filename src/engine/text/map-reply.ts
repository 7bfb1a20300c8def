import type { ReplyAnalysis } from './types';

export interface AuthoredResponse {
  id: string;
  text: string | Record<string, string>;
  rules?: Record<string, number>;
}

export interface ReplyMapping {
  responseId: string;
  score: number;
  reasons: string[];
}

// Shared rubric moves say more about intent than shared wording, so they weigh more.
const RULE_WEIGHT = 1;
const TEXT_WEIGHT = 2;

function responseText(text: AuthoredResponse['text'], locale: string): string {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  const exact = text[locale];
  if (typeof exact === 'string') return exact;
  const base = locale.split('-')[0] ?? locale;
  const sameLang = Object.keys(text).find((k) => k.split('-')[0] === base);
  const chosen = sameLang ? text[sameLang] : Object.values(text)[0];
  return typeof chosen === 'string' ? chosen : '';
}

/** Chinese has no spaces, so character bigrams stand in for words there. */
function features(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const w of lower.match(/[a-z0-9']+/g) ?? []) if (w.length > 1) out.add(w);
  const cjkRuns = lower.match(/[\u3400-\u9fff]+/g) ?? [];
  for (const run of cjkRuns) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const f of a) if (b.has(f)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export function mapReplyToResponse(
  text: string,
  analysis: ReplyAnalysis,
  responses: ReadonlyArray<AuthoredResponse>,
  locale: string,
): ReplyMapping {
  try {
    const hits = analysis?.hits ?? {};
    const mine = features(typeof text === 'string' ? text : '');
    let best: ReplyMapping = { responseId: '', score: 0, reasons: [] };
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const r of Array.isArray(responses) ? responses : []) {
      const reasons: string[] = [];
      let ruleScore = 0;
      const rules: Record<string, number> = r.rules ?? {};
      for (const [rule, weight] of Object.entries(rules)) {
        if (typeof weight !== 'number') continue;
        const want = weight > 0 ? 'met' : weight < 0 ? 'violated' : undefined;
        const got = hits[rule];
        if (!want || !got) continue;
        if (got === want) {
          ruleScore += RULE_WEIGHT;
          reasons.push(`shared:${rule}`);
        } else {
          ruleScore -= RULE_WEIGHT;
          reasons.push(`opposite:${rule}`);
        }
      }
      const sim = dice(mine, features(responseText(r.text, locale)));
      if (sim > 0) reasons.push(`similar-text:${sim.toFixed(2)}`);
      const score = Math.round((ruleScore + TEXT_WEIGHT * sim) * 1000) / 1000;
      // Strictly greater keeps the earlier response on ties.
      if (score > bestScore) {
        bestScore = score;
        best = { responseId: r.id, score, reasons };
      }
    }
    return best;
  } catch {
    return { responseId: '', score: 0, reasons: [] };
  }
}
