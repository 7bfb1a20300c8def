import { PRINCIPLES, type Outcome, type Principle } from '@/engine/format/ids';
import type { Rubric } from '@/engine/format/rubric-schema';
import { isImplausible } from '@/records/row-filter';
import type { AttemptRow } from '@/records/attempt-row';

/**
 * The stated coaching rule, shown on the page with these numbers: a trainee needs coaching when the
 * pass rate over their last `window` counted attempts is below `passRateBelow`, or when a critical
 * rule was broken in their last `criticalWindow`. Counted means finished and not flagged implausible:
 * an abandoned attempt has no score to judge, and a flagged one is not evidence either way.
 */
export const COACHING_RULE = { passRateBelow: 0.7, window: 5, criticalWindow: 3 } as const;

/** Steps of the trend arrow: the later half of the last `span` attempts against the earlier half. */
export const TREND = { span: 6, minAttempts: 4, step: 5 } as const;

export type CoachingStatus = 'coach' | 'on-track' | 'no-data';
export type Trend = 'up' | 'down' | 'flat';

export interface CoachingVerdict {
  needs: boolean;
  /** Pass rate over the last `window` counted attempts; null with none. */
  windowPassRate: number | null;
  /** The newest critical violation within the last `criticalWindow` counted attempts. */
  critical: { rule: string; attemptId: string } | null;
}

/** Rules the rubric marks critical: breaking one fails the attempt whatever the score. */
export function criticalRules(rubric: Pick<Rubric, 'rules'> | null): ReadonlySet<string> {
  if (!rubric) return new Set();
  return new Set(Object.entries(rubric.rules).flatMap(([id, r]) => (r.critical ? [id] : [])));
}

/**
 * The coaching rule itself. `counted` is one trainee's counted attempts, oldest first.
 * With no counted attempt there is nothing to judge: not "needs coaching".
 */
export function needsCoaching(
  counted: readonly Pick<AttemptRow, 'id' | 'passed' | 'violated'>[],
  critical: ReadonlySet<string>,
  rule: { passRateBelow: number; window: number; criticalWindow: number } = COACHING_RULE,
): CoachingVerdict {
  const recent = counted.slice(-rule.window);
  const windowPassRate = recent.length ? recent.filter((r) => r.passed).length / recent.length : null;
  let found: CoachingVerdict['critical'] = null;
  const last = counted.slice(-rule.criticalWindow);
  for (let i = last.length - 1; i >= 0 && !found; i -= 1) {
    const row = last[i]!;
    const rule = row.violated.find((v) => critical.has(v));
    if (rule) found = { rule, attemptId: row.id };
  }
  const low = windowPassRate !== null && windowPassRate < rule.passRateBelow;
  return { needs: low || found !== null, windowPassRate, critical: found };
}

/** Up, down or flat from overall scores oldest first; null with too few to say. */
export function trendOf(overalls: readonly number[]): Trend | null {
  const recent = overalls.slice(-TREND.span);
  if (recent.length < TREND.minAttempts) return null;
  const half = Math.floor(recent.length / 2);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const diff = mean(recent.slice(-half)) - mean(recent.slice(0, half));
  return diff >= TREND.step ? 'up' : diff <= -TREND.step ? 'down' : 'flat';
}

export interface TraineeCoaching extends CoachingVerdict {
  traineeId: string;
  name: string;
  status: CoachingStatus;
  /** Finished, plausible attempts: every figure below is over these. */
  attempts: number;
  abandoned: number;
  implausible: number;
  passRate: number | null;
  average: number | null;
  principles: Record<Principle, number | null>;
  weakest: Principle | null;
  /** The latest start of any attempt, abandoned and flagged ones included. */
  lastAt: number;
  trend: Trend | null;
  /** Share of counted attempts that broke each rule (rules never broken are absent). */
  ruleRates: Record<string, number>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One trainee's coaching figures from their rows (any order). */
export function coachTrainee(
  rows: readonly AttemptRow[],
  critical: ReadonlySet<string>,
  duplicates: ReadonlySet<string>,
): TraineeCoaching {
  const sorted = [...rows].sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  const latest = sorted.at(-1);
  const counted: AttemptRow[] = [];
  let abandoned = 0;
  let implausible = 0;
  for (const r of sorted) {
    if (r.status !== 'finished') abandoned += 1;
    else if (isImplausible(r, duplicates)) implausible += 1;
    // A practice branch replays part of another attempt: counting it would weigh that attempt twice.
    else if (!r.practice) counted.push(r);
  }
  const sums = Object.fromEntries(PRINCIPLES.map((p) => [p, [0, 0]])) as Record<Principle, [number, number]>;
  const broken = new Map<string, number>();
  for (const r of counted) {
    for (const p of PRINCIPLES) {
      const s = r.scores[p];
      if (s !== null) {
        sums[p][0] += s;
        sums[p][1] += 1;
      }
    }
    for (const rule of new Set(r.violated)) broken.set(rule, (broken.get(rule) ?? 0) + 1);
  }
  const principles = Object.fromEntries(
    PRINCIPLES.map((p) => [p, sums[p][1] ? round1(sums[p][0] / sums[p][1]) : null]),
  ) as Record<Principle, number | null>;
  let weakest: Principle | null = null;
  for (const p of PRINCIPLES) {
    const v = principles[p];
    if (v !== null && (weakest === null || v < principles[weakest]!)) weakest = p;
  }
  // With every principle level (all 100s) none is weaker: naming one would point coaching nowhere.
  const scored = PRINCIPLES.flatMap((p) => (principles[p] === null ? [] : [principles[p]]));
  if (scored.every((v) => v === scored[0])) weakest = null;
  const verdict = needsCoaching(counted, critical);
  const n = counted.length;
  return {
    ...verdict,
    traineeId: latest?.traineeId ?? '',
    name: latest?.traineeName ?? '',
    status: !n ? 'no-data' : verdict.needs ? 'coach' : 'on-track',
    attempts: n,
    abandoned,
    implausible,
    passRate: n ? counted.filter((r) => r.passed).length / n : null,
    average: n ? round1(counted.reduce((s, r) => s + r.overall, 0) / n) : null,
    principles,
    weakest,
    lastAt: latest?.startedAt ?? 0,
    trend: trendOf(counted.map((r) => r.overall)),
    ruleRates: Object.fromEntries([...broken].map(([rule, k]) => [rule, k / n])),
  };
}

const STATUS_RANK: Record<CoachingStatus, number> = { coach: 0, 'on-track': 1, 'no-data': 2 };

/** Needs coaching first (lowest recent pass rate, then lowest average), then on track, then no data. */
export function compareByNeed(a: TraineeCoaching, b: TraineeCoaching): number {
  const low = (v: number | null) => v ?? Infinity;
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    low(a.windowPassRate) - low(b.windowPassRate) ||
    low(a.average) - low(b.average) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : a.traineeId < b.traineeId ? -1 : 1)
  );
}

/** Every trainee in `rows`, ranked by `compareByNeed`. */
export function coachTeam(
  rows: readonly AttemptRow[],
  critical: ReadonlySet<string>,
  duplicates: ReadonlySet<string>,
): TraineeCoaching[] {
  const byTrainee = new Map<string, AttemptRow[]>();
  for (const r of rows) {
    const list = byTrainee.get(r.traineeId);
    if (list) list.push(r);
    else byTrainee.set(r.traineeId, [r]);
  }
  return [...byTrainee.values()].map((list) => coachTrainee(list, critical, duplicates)).sort(compareByNeed);
}

/** The rule a trainee broke most often (ties: the rule id first in order); null if none. */
export function weakestRule(rates: Record<string, number>): string | null {
  let best: string | null = null;
  for (const [rule, rate] of Object.entries(rates)) {
    if (best === null || rate > rates[best]! || (rate === rates[best] && rule < best)) best = rule;
  }
  return best;
}

export interface HeatMap {
  /** Column rules: every trainee's weakest rule, then the team's most broken, up to `maxColumns`. */
  rules: string[];
  rows: Array<{
    traineeId: string;
    name: string;
    status: CoachingStatus;
    rates: number[];
    weakest: string | null;
  }>;
}

/** Trainee × rule violation rates, for the rows given (in their order) and a column set that fits. */
export function heatMap(trainees: readonly TraineeCoaching[], maxColumns = 8): HeatMap {
  const team = new Map<string, number>();
  let total = 0;
  for (const t of trainees) {
    total += t.attempts;
    for (const [rule, rate] of Object.entries(t.ruleRates))
      team.set(rule, (team.get(rule) ?? 0) + rate * t.attempts);
  }
  const teamRate = (rule: string) => (total ? (team.get(rule) ?? 0) / total : 0);
  const byTeam = (a: string, b: string) => teamRate(b) - teamRate(a) || (a < b ? -1 : 1);
  const weakest = trainees.map((t) => weakestRule(t.ruleRates));
  const chosen = new Set(weakest.filter((r): r is string => r !== null));
  for (const rule of [...team.keys()].sort(byTeam)) {
    if (chosen.size >= maxColumns) break;
    chosen.add(rule);
  }
  const rules = [...chosen].sort(byTeam);
  return {
    rules,
    rows: trainees.map((t, i) => ({
      traineeId: t.traineeId,
      name: t.name,
      status: t.status,
      rates: rules.map((rule) => t.ruleRates[rule] ?? 0),
      weakest: weakest[i]!,
    })),
  };
}

export type FailReason =
  | { kind: 'critical'; rule: string; turn?: number }
  | { kind: 'outcome'; outcome: Outcome }
  | { kind: 'below-mark' }
  | { kind: 'unfinished' };

/**
 * Why an attempt failed, the weightiest reason first: a critical violation, then an ending the rubric
 * counts as a fail, then a score under the pass mark. Null for a pass. The customer's ending is never
 * the headline of a fail ("Loyal" beside a fail misleads).
 */
export function failReason(
  attempt: {
    passed: boolean;
    status?: AttemptRow['status'];
    outcome: Outcome | null;
    violated: readonly string[];
    critical?: ReadonlyArray<{ rule: string; turn: number }>;
  },
  critical: ReadonlySet<string>,
  failOutcomes: readonly Outcome[],
): FailReason | null {
  if (attempt.passed) return null;
  const first = attempt.critical?.[0];
  if (first) return { kind: 'critical', rule: first.rule, turn: first.turn };
  const rule = attempt.violated.find((v) => critical.has(v));
  if (rule) return { kind: 'critical', rule };
  if (attempt.status === 'abandoned' || attempt.outcome === null) return { kind: 'unfinished' };
  if (failOutcomes.includes(attempt.outcome)) return { kind: 'outcome', outcome: attempt.outcome };
  return { kind: 'below-mark' };
}
