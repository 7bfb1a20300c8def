import { pickText } from '../format/localized-text';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';
import { currentNode, respond, start } from '../runtime/session';
import type { AttemptResult, Session } from '../runtime/types';
import { mulberry32 } from '../seeded-random';
import { scoreState } from '../scoring/score';
import { optimise } from './optimise';

/** A way to answer without knowing any rule: if one passes, the score does not measure skill. */
export type Strategy = 'authored-order' | 'longest' | 'shortest' | 'most-courteous' | 'random';

export interface StrategyResult {
  strategy: Strategy;
  /** The locale whose text the strategy read (length and courtesy depend on it). */
  locale: string | null;
  overall: number;
  passed: boolean;
  /** For random play: the share of runs that passed. */
  passRate?: number;
}

const COURTESY: Record<string, RegExp> = {
  zh: /您|请|抱歉|对不起|谢谢|感谢|麻烦|不好意思/g,
  en: /\b(?:sorry|please|thank|thanks|apolog\w*|appreciate|kindly)\b/gi,
};
const family = (locale: string) => (locale.startsWith('zh') ? 'zh' : 'en');

/** Courtesy words a response carries in a locale: the tell a guesser would follow. */
export function courtesy(text: string, locale: string): number {
  return text.match(COURTESY[family(locale)]!)?.length ?? 0;
}

// Strictly greater keeps the earlier response on ties, as a guesser scanning top-down would.
function pickBy(responses: readonly ScenarioResponse[], measure: (r: ScenarioResponse) => number) {
  let best = responses[0]!;
  let bestValue = measure(best);
  for (const r of responses.slice(1)) {
    const value = measure(r);
    if (value > bestValue) [best, bestValue] = [r, value];
  }
  return best;
}

const MAX_TURNS = 200;

/** A session some plays reached, with where each choice from it leads (filled in as plays go there). */
interface Reached {
  session: Session;
  next: Map<string, Reached>;
  result?: AttemptResult;
}

/**
 * Plays from the start in one locale. Naive plays retrace each other's first turns (every random
 * run begins at the same decision): each session reached is kept and played on from once, so a turn
 * two plays share costs one `respond`. The runtime is pure: a shared session is the same as a new one.
 */
function player(scenario: Scenario, rubric: Rubric, locale: string) {
  const root: Reached = { session: start(scenario, rubric, { locale, now: () => 0 }), next: new Map() };
  return (choose: (responses: readonly ScenarioResponse[]) => ScenarioResponse): AttemptResult => {
    let at = root;
    for (let i = 0; i < MAX_TURNS && at.session.state.status === 'active'; i += 1) {
      const node = currentNode(at.session);
      if (!node?.responses) break;
      const id = choose(node.responses).id;
      let next = at.next.get(id);
      if (!next) {
        next = { session: respond(at.session, { choice: id }).session, next: new Map() };
        at.next.set(id, next);
      }
      at = next;
    }
    return (at.result ??= scoreState(scenario, rubric, at.session.state));
  };
}

/**
 * Plays the naive strategies through the real runtime: authored order, and for each locale the
 * longest, shortest and most courteous response, plus the average of seeded random play.
 */
export function playNaiveStrategies(scenario: Scenario, rubric: Rubric, randomRuns = 200): StrategyResult[] {
  const out: StrategyResult[] = [];
  const players = new Map<string, ReturnType<typeof player>>();
  const play = (locale: string) => {
    let found = players.get(locale);
    if (!found) players.set(locale, (found = player(scenario, rubric, locale)));
    return found;
  };
  const first = play(scenario.locales[0] ?? 'en')((rs) => rs[0]!);
  out.push({ strategy: 'authored-order', locale: null, overall: first.overall, passed: first.passed });
  for (const locale of scenario.locales) {
    const len = (r: ScenarioResponse) => [...pickText(r.text, locale)].length;
    const measures: Array<[Strategy, (r: ScenarioResponse) => number]> = [
      ['longest', len],
      ['shortest', (r) => -len(r)],
      ['most-courteous', (r) => courtesy(pickText(r.text, locale), locale)],
    ];
    for (const [strategy, measure] of measures) {
      const result = play(locale)((rs) => pickBy(rs, measure));
      out.push({ strategy, locale, overall: result.overall, passed: result.passed });
    }
  }
  const random = mulberry32(0x5eed);
  let total = 0;
  let passes = 0;
  for (let run = 0; run < randomRuns; run += 1) {
    const result = play(scenario.locales[0] ?? 'en')((rs) => rs[Math.floor(random() * rs.length)]!);
    total += result.overall;
    if (result.passed) passes += 1;
  }
  const average = randomRuns > 0 ? Math.round(total / randomRuns) : 0;
  const passRate = randomRuns > 0 ? passes / randomRuns : 0;
  // Random play "passes" when its average attempt would: a pass mark that chance reaches.
  out.push({
    strategy: 'random',
    locale: null,
    overall: average,
    passed: average >= rubric.passMark && passRate >= 0.5,
    passRate,
  });
  return out;
}

/** What marks the best response of each decision, counted so a library's tells can be reported. */
export interface Tells {
  decisions: number;
  bestFirst: number;
  bestLongest: Record<string, number>;
  bestMostCourteous: Record<string, number>;
  /** Decisions with at least two responses that break no rule. */
  twoClean: number;
}

/** A response's local merit: its tags weighted by the rubric (violations count against it). */
export function localMerit(response: ScenarioResponse, rubric: Rubric): number {
  let sum = 0;
  for (const [rule, n] of Object.entries(response.rules ?? {})) sum += n * (rubric.rules[rule]?.weight ?? 1);
  return sum;
}

export function tells(scenario: Scenario, rubric: Rubric): Tells {
  const out: Tells = { decisions: 0, bestFirst: 0, bestLongest: {}, bestMostCourteous: {}, twoClean: 0 };
  for (const locale of scenario.locales) {
    out.bestLongest[locale] = 0;
    out.bestMostCourteous[locale] = 0;
  }
  for (const node of Object.values(scenario.nodes)) {
    const rs = node.responses;
    if (!rs || rs.length < 2) continue;
    out.decisions += 1;
    const merits = rs.map((r) => localMerit(r, rubric));
    const top = Math.max(...merits);
    const isBest = (i: number) => merits[i] === top;
    if (isBest(0)) out.bestFirst += 1;
    if (rs.filter((r) => !Object.values(r.rules ?? {}).some((n) => n < 0)).length >= 2) out.twoClean += 1;
    for (const locale of scenario.locales) {
      const lengths = rs.map((r) => [...pickText(r.text, locale)].length);
      const polite = rs.map((r) => courtesy(pickText(r.text, locale), locale));
      if (isBest(lengths.indexOf(Math.max(...lengths)))) out.bestLongest[locale]! += 1;
      if (isBest(polite.indexOf(Math.max(...polite)))) out.bestMostCourteous[locale]! += 1;
    }
  }
  return out;
}

/**
 * Decisions on the best path where at least two responses break no rule and can still lead to a pass:
 * places where the trainee has a real choice between defensible answers, not one right option and decoys.
 */
export function defensibleDecisions(scenario: Scenario, rubric: Rubric, budget = 100_000): string[] {
  const from = start(scenario, rubric, { now: () => 0 });
  const best = optimise(from, 'overall', 'best', budget).path;
  if (!best) return [];
  const out: string[] = [];
  let session = from;
  for (const choice of best.choices) {
    const node = currentNode(session);
    const clean = (node?.responses ?? []).filter((r) => !Object.values(r.rules ?? {}).some((n) => n < 0));
    const passing = clean.filter((r) => {
      const after = respond(session, { choice: r.id }).session;
      if (after.state.status === 'ended') return scoreState(scenario, rubric, after.state).passed;
      return optimise(after, 'overall', 'best', budget).path?.result.passed ?? false;
    });
    if (passing.length >= 2) out.push(session.state.node);
    session = respond(session, { choice }).session;
  }
  return out;
}
