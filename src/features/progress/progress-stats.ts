import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRow } from '@/records/attempt-row';

// Pure computations behind "My progress": one trainee's rows in, numbers out. No React, no storage,
// no clock (callers pass `now`), so every rule here is unit-tested.

export type ResultFilter = 'all' | 'passed' | 'failed' | 'practice' | 'abandoned';
export type PeriodFilter = 'all' | '7' | '30' | '90';

export interface ProgressFilter {
  scenarioId: string | null;
  result: ResultFilter;
  period: PeriodFilter;
}

export const NO_FILTER: ProgressFilter = { scenarioId: null, result: 'all', period: 'all' };

const DAY = 86_400_000;

/**
 * A practice branch (a retry from a turn of an earlier attempt) carries `practice` on its row. Read
 * defensively: rows written before the field existed have none, and the field's shape is the debrief's.
 */
export function isPractice(row: AttemptRow): boolean {
  const practice: unknown = (row as { practice?: unknown }).practice;
  return practice === true || (typeof practice === 'object' && practice !== null);
}

export type AttemptKind = 'counted' | 'practice' | 'abandoned';

/** Only finished, non-practice attempts count in averages: the others are listed apart. */
export function attemptKind(row: AttemptRow): AttemptKind {
  if (row.status !== 'finished') return 'abandoned';
  return isPractice(row) ? 'practice' : 'counted';
}

export function filterAttempts(
  rows: readonly AttemptRow[],
  filter: ProgressFilter,
  now: number,
): AttemptRow[] {
  const since = filter.period === 'all' ? -Infinity : now - Number(filter.period) * DAY;
  return rows.filter((r) => {
    if (filter.scenarioId !== null && r.scenarioId !== filter.scenarioId) return false;
    if (r.startedAt < since) return false;
    const kind = attemptKind(r);
    switch (filter.result) {
      case 'all':
        return true;
      case 'passed':
        return kind === 'counted' && r.passed;
      case 'failed':
        return kind === 'counted' && !r.passed;
      default:
        return kind === filter.result;
    }
  });
}

/** Newest first, for the list. */
export const newestFirst = (rows: readonly AttemptRow[]) =>
  [...rows].sort((a, b) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1));

/** Counted attempts oldest first: the x axis of the per-principle chart. */
export function countedOldestFirst(rows: readonly AttemptRow[]): AttemptRow[] {
  return rows
    .filter((r) => attemptKind(r) === 'counted')
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
}

/** One series per principle, a value per counted attempt (null where the attempt did not touch it). */
export function principleSeries(rows: readonly AttemptRow[]): Record<Principle, Array<number | null>> {
  const ordered = countedOldestFirst(rows);
  return Object.fromEntries(PRINCIPLES.map((p) => [p, ordered.map((r) => r.scores[p])])) as Record<
    Principle,
    Array<number | null>
  >;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Average per principle over counted attempts; null for a principle none of them touched. */
export function principleAverages(rows: readonly AttemptRow[]): Record<Principle, number | null> {
  const counted = rows.filter((r) => attemptKind(r) === 'counted');
  return Object.fromEntries(
    PRINCIPLES.map((p) => {
      const scores = counted.map((r) => r.scores[p]).filter((s): s is number => s !== null);
      return [p, scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null];
    }),
  ) as Record<Principle, number | null>;
}

/** The principle with the lowest average; ties go to the principles' fixed order. Null with no scores. */
export function weakestPrinciple(averages: Record<Principle, number | null>): Principle | null {
  let weakest: Principle | null = null;
  for (const p of PRINCIPLES) {
    const v = averages[p];
    if (v === null) continue;
    if (weakest === null || v < averages[weakest]!) weakest = p;
  }
  return weakest;
}

export interface BrokenRule {
  rule: string;
  /** Counted attempts in which the rule was broken or, though expected, missed. */
  count: number;
}

/** The rules most often broken or missed across counted attempts, most first (ties by id). */
export function mostBrokenRules(rows: readonly AttemptRow[], top = 5): BrokenRule[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (attemptKind(r) !== 'counted') continue;
    for (const rule of new Set([...r.violated, ...r.missed])) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1))
    .slice(0, top);
}

/** How many of a scenario's authored responses test each principle (a response tagged with one of its rules). */
export function exercisedPrinciples(scenario: Scenario, rubric: Rubric): Record<Principle, number> {
  const counts = { listening: 0, apology: 0, resolution: 0, etiquette: 0 };
  for (const node of Object.values(scenario.nodes)) {
    for (const response of node.responses ?? []) {
      const touched = new Set<Principle>();
      for (const rule of Object.keys(response.rules ?? {})) {
        const principle = Object.hasOwn(rubric.rules, rule) ? rubric.rules[rule]?.principle : undefined;
        if (principle) touched.add(principle);
      }
      for (const p of touched) counts[p] += 1;
    }
  }
  return counts;
}

export interface Suggestion {
  scenarioId: string;
  principle: Principle;
  /** Responses in the scenario that test the principle. */
  responses: number;
}

/**
 * The rule the page states: the weakest principle (lowest average over counted attempts), then the
 * scenario with the most responses testing it; ties go to the scenario this trainee has played least,
 * then to its id. With no counted attempt there is no weakest principle and no suggestion.
 */
export function suggestNext(
  rows: readonly AttemptRow[],
  scenarios: readonly Scenario[],
  rubric: Rubric,
): Suggestion | null {
  const principle = weakestPrinciple(principleAverages(rows));
  if (principle === null) return null;
  const played = new Map<string, number>();
  for (const r of rows) played.set(r.scenarioId, (played.get(r.scenarioId) ?? 0) + 1);
  let best: Suggestion | null = null;
  let bestPlayed = 0;
  for (const s of scenarios) {
    const responses = exercisedPrinciples(s, rubric)[principle];
    if (responses === 0) continue;
    const times = played.get(s.id) ?? 0;
    const better =
      best === null ||
      responses > best.responses ||
      (responses === best.responses &&
        (times < bestPlayed || (times === bestPlayed && s.id < best.scenarioId)));
    if (better) {
      best = { scenarioId: s.id, principle, responses };
      bestPlayed = times;
    }
  }
  return best;
}

/** The local calendar day of a time, as a number that increases by one a day. */
function dayNumber(ms: number): number {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY);
}

/**
 * Days in a row, ending today or yesterday, with at least one finished attempt (practice counts:
 * it is practice). Zero when the last one is older than yesterday.
 */
export function dayStreak(rows: readonly AttemptRow[], now: number): number {
  const days = new Set(rows.filter((r) => r.status === 'finished').map((r) => dayNumber(r.startedAt)));
  const today = dayNumber(now);
  let day = days.has(today) ? today : today - 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

export interface Headline {
  counted: number;
  /** Average overall score of counted attempts, one decimal; null with none. */
  average: number | null;
  /** Share of counted attempts passed, 0–1; null with none. */
  passRate: number | null;
  streak: number;
}

export function headline(rows: readonly AttemptRow[], now: number): Headline {
  const counted = rows.filter((r) => attemptKind(r) === 'counted');
  const n = counted.length;
  return {
    counted: n,
    average: n ? round1(counted.reduce((sum, r) => sum + r.overall, 0) / n) : null,
    passRate: n ? counted.filter((r) => r.passed).length / n : null,
    streak: dayStreak(rows, now),
  };
}
