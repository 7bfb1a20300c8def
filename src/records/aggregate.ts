import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { AttemptRow, Verification } from './attempt-row';
import { duplicateIds, rowFlags } from './plausibility';
import { isImplausible, NO_DUPLICATES } from './row-filter';

// Pure functions over review rows. Each is one pass (or one sort) so 100,000 rows stay interactive.

// The plausibility helpers views need, re-exported from this pure module.
export { duplicateIds, rowFlags };
export type { PlausibilityFlag } from './plausibility';

export type SortKey =
  | 'trainee'
  | 'scenario'
  | 'startedAt'
  | 'durationMs'
  | 'overall'
  | Principle
  | 'passed'
  | 'outcome'
  | 'verification';
export type SortDir = 'asc' | 'desc';

function sortValue(row: AttemptRow, key: SortKey): string | number {
  switch (key) {
    case 'trainee':
      return row.traineeName;
    case 'scenario':
      return row.scenarioId;
    case 'startedAt':
    case 'durationMs':
    case 'overall':
      return row[key];
    case 'passed':
      return row.passed ? 1 : 0;
    case 'outcome':
      return row.outcome ?? '';
    case 'verification':
      return row.verification;
    default:
      // Untouched principles sort below every score.
      return row.scores[key] ?? -1;
  }
}

/** A sorted copy. Keys are computed once (not per comparison); ties break on id so order is stable. */
export function sortRows(rows: readonly AttemptRow[], key: SortKey, dir: SortDir): AttemptRow[] {
  const keyed = rows.map((row) => ({ row, v: sortValue(row, key) }));
  const sign = dir === 'asc' ? 1 : -1;
  keyed.sort((a, b) =>
    a.v < b.v ? -sign : a.v > b.v ? sign : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0,
  );
  return keyed.map((k) => k.row);
}

export interface RuleTally {
  rule: string;
  violated: number;
  missed: number;
  /** Attempts where the rule was broken or missed. */
  total: number;
  /** `total` as a share of all attempts, 0–1. */
  share: number;
}

export interface ScenarioTally {
  scenarioId: string;
  attempts: number;
  passed: number;
  passRate: number;
  averageOverall: number;
}

export interface TrendPoint {
  start: number;
  attempts: number;
  averageOverall: number;
  passRate: number;
}

export interface TeamSummary {
  attempts: number;
  trainees: number;
  passRate: number | null;
  averageOverall: number | null;
  principles: Record<Principle, { average: number | null; count: number }>;
  rules: RuleTally[];
  scenarios: ScenarioTally[];
  trend: TrendPoint[];
  bucket: 'day' | 'week' | 'month';
  verification: Record<Verification | 'pending', number>;
  /** Attempts with at least one plausibility flag. */
  implausible: number;
}

const DAY = 86_400_000;
const BUCKETS = { day: DAY, week: 7 * DAY, month: 30 * DAY } as const;

/** Few enough points to read on a chart: days for two months, then weeks, then 30-day spans. */
export function pickBucket(spanMs: number): TeamSummary['bucket'] {
  return spanMs <= 60 * DAY ? 'day' : spanMs <= 420 * DAY ? 'week' : 'month';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Practice branches replay part of another attempt: counting them would weigh that attempt twice. */
const counted = (rows: readonly AttemptRow[]) => rows.filter((r) => !r.practice);

export function teamSummary(
  all: readonly AttemptRow[],
  topRules = 10,
  duplicates: ReadonlySet<string> = NO_DUPLICATES,
): TeamSummary {
  const rows = counted(all);
  const sums = { listening: 0, apology: 0, resolution: 0, etiquette: 0 };
  const counts = { listening: 0, apology: 0, resolution: 0, etiquette: 0 };
  const violated = new Map<string, number>();
  const missed = new Map<string, number>();
  const touched = new Map<string, number>();
  const scenarios = new Map<string, { attempts: number; passed: number; overall: number }>();
  const trainees = new Set<string>();
  const verification = { verified: 0, mismatch: 0, 'unknown-scenario': 0, pending: 0 };
  let passed = 0;
  let overall = 0;
  let implausible = 0;
  let min = Infinity;
  let max = -Infinity;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  for (const r of rows) {
    trainees.add(r.traineeId);
    verification[r.verification] += 1;
    if (isImplausible(r, duplicates)) implausible += 1;
    if (r.passed) passed += 1;
    overall += r.overall;
    if (r.startedAt < min) min = r.startedAt;
    if (r.startedAt > max) max = r.startedAt;
    for (const p of PRINCIPLES) {
      const s = r.scores[p];
      if (s !== null) {
        sums[p] += s;
        counts[p] += 1;
      }
    }
    for (const rule of r.violated) {
      bump(violated, rule);
      bump(touched, rule);
    }
    for (const rule of r.missed) {
      bump(missed, rule);
      if (!r.violated.includes(rule)) bump(touched, rule);
    }
    const sc = scenarios.get(r.scenarioId) ?? { attempts: 0, passed: 0, overall: 0 };
    sc.attempts += 1;
    sc.passed += r.passed ? 1 : 0;
    sc.overall += r.overall;
    scenarios.set(r.scenarioId, sc);
  }

  const n = rows.length;
  const bucket = pickBucket(n ? max - min : 0);
  const size = BUCKETS[bucket];
  const trendMap = new Map<number, { attempts: number; overall: number; passed: number }>();
  for (const r of rows) {
    const start = Math.floor(r.startedAt / size) * size;
    const t = trendMap.get(start) ?? { attempts: 0, overall: 0, passed: 0 };
    t.attempts += 1;
    t.overall += r.overall;
    t.passed += r.passed ? 1 : 0;
    trendMap.set(start, t);
  }

  return {
    attempts: n,
    trainees: trainees.size,
    passRate: n ? passed / n : null,
    averageOverall: n ? round1(overall / n) : null,
    principles: Object.fromEntries(
      PRINCIPLES.map((p) => [
        p,
        { average: counts[p] ? round1(sums[p] / counts[p]) : null, count: counts[p] },
      ]),
    ) as TeamSummary['principles'],
    rules: [...touched]
      .map(([rule, total]) => ({
        rule,
        total,
        violated: violated.get(rule) ?? 0,
        missed: missed.get(rule) ?? 0,
        share: n ? total / n : 0,
      }))
      .sort((a, b) => b.total - a.total || (a.rule < b.rule ? -1 : 1))
      .slice(0, topRules),
    scenarios: [...scenarios]
      .map(([scenarioId, s]) => ({
        scenarioId,
        attempts: s.attempts,
        passed: s.passed,
        passRate: s.passed / s.attempts,
        averageOverall: round1(s.overall / s.attempts),
      }))
      .sort((a, b) => (a.scenarioId < b.scenarioId ? -1 : 1)),
    trend: [...trendMap]
      .sort((a, b) => a[0] - b[0])
      .map(([start, t]) => ({
        start,
        attempts: t.attempts,
        averageOverall: round1(t.overall / t.attempts),
        passRate: t.passed / t.attempts,
      })),
    bucket,
    verification,
    implausible,
  };
}

export interface TraineeEntry {
  id: string;
  name: string;
  attempts: number;
  passed: number;
  averageOverall: number;
  lastAt: number;
}

export function traineeList(rows: readonly AttemptRow[]): TraineeEntry[] {
  const map = new Map<string, TraineeEntry & { sum: number }>();
  for (const r of counted(rows)) {
    const e = map.get(r.traineeId) ?? {
      id: r.traineeId,
      name: r.traineeName,
      attempts: 0,
      passed: 0,
      averageOverall: 0,
      lastAt: 0,
      sum: 0,
    };
    e.attempts += 1;
    e.passed += r.passed ? 1 : 0;
    e.sum += r.overall;
    if (r.startedAt >= e.lastAt) {
      e.lastAt = r.startedAt;
      e.name = r.traineeName; // the latest name wins if a trainee renamed themselves
    }
    map.set(r.traineeId, e);
  }
  return [...map.values()]
    .map(({ sum, ...e }) => ({ ...e, averageOverall: round1(sum / e.attempts) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface ProgressPoint {
  id: string;
  startedAt: number;
  scenarioId: string;
  overall: number;
  passed: boolean;
  scores: Record<Principle, number | null>;
}

/** One trainee's attempts oldest first: the progress-over-time chart and per-principle lines. */
export function traineeProgress(rows: readonly AttemptRow[], traineeId: string): ProgressPoint[] {
  return counted(rows)
    .filter((r) => r.traineeId === traineeId)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((r) => ({
      id: r.id,
      startedAt: r.startedAt,
      scenarioId: r.scenarioId,
      overall: r.overall,
      passed: r.passed,
      scores: r.scores,
    }));
}
