// A seeded team for the coaching view: 20 trainees × 15 attempts, played by the real engine in Node
// and written as an attempts bundle, so Review imports and re-verifies them as it would a real export.
import { contentHash } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { replay } from '@/engine/runtime/session';
import { buildAttemptRecord, type AttemptRecord } from '@/records/attempt-record';
import { buildBundle, type AttemptBundle } from '@/records/bundle';
import { paths, type ScenarioCase } from './paths';

export const TRAINEES = 20;
export const PER_TRAINEE = 15;

const NAMES = [
  'Chen Jing',
  'Wang Fang',
  'Li Na',
  'Zhang Wei',
  'Liu Yang',
  'Zhao Min',
  'Huang Lei',
  'Zhou Ting',
  'Wu Hao',
  'Xu Lin',
  'Sun Qian',
  'Ma Jun',
  'Zhu Hong',
  'Hu Bin',
  'Guo Xin',
  'He Yan',
  'Lin Tao',
  'Gao Rui',
  'Luo Mei',
  'Zheng Kai',
];

/**
 * How each trainee plays, by index. `weak`: the worst path every time; `slipping`: good, then two
 * bad runs among the last five (60%); `critical`: good, except one critical violation in the last
 * three (80%, still coached); `recovered`: bad for ten, then five good ones (on track); `abandons`
 * and `too-fast`: good, with two attempts left unfinished / one finished faster than it can be read.
 */
export const PROFILE: Record<
  number,
  'weak' | 'slipping' | 'critical' | 'recovered' | 'abandons' | 'too-fast'
> = {
  3: 'weak',
  8: 'weak',
  12: 'weak',
  17: 'weak',
  14: 'slipping',
  5: 'critical',
  10: 'recovered',
  19: 'abandons',
  18: 'too-fast',
};
export const COACHED = [3, 5, 8, 12, 14, 17];

export const traineeId = (i: number) => `t-${String(i + 1).padStart(2, '0')}`;
/** Attempt ids are UUIDs (the record format says so); these are fixed, so a run is repeatable. */
export const attemptId = (i: number, k: number) =>
  `c0ac${String(i).padStart(4, '0')}-0000-4000-8000-${String(k).padStart(12, '0')}`;
const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1, 1, 0, 0);

export interface Team {
  bundle: AttemptBundle;
  /** Rule ids each trainee broke, per counted (finished, plausible) attempt. */
  violations: Map<string, string[][]>;
}

/** `critical` tells which rules fail an attempt whatever the score. */
export function buildTeam(cases: ScenarioCase[], rubric: Rubric): Team {
  const scenarios: Record<string, Scenario> = {};
  for (const c of cases) scenarios[contentHash(c.scenario)] = c.scenario;
  const rubricHash = contentHash(rubric);
  const attempts: AttemptRecord[] = [];
  const violations = new Map<string, string[][]>();
  const critical = (c: ScenarioCase) => {
    const { worst } = paths(c);
    const session = replay(
      c.scenario,
      rubric,
      worst.map((choice) => ({ choice })),
      { now: () => 0 },
    );
    return session;
  };
  const withCritical = cases.find((c) => {
    const s = critical(c);
    return s.state.turns.some((t) =>
      t.evidence.some((e) => e.verdict === 'violated' && rubric.rules[e.rule]?.critical),
    );
  });
  if (!withCritical) throw new Error('no scenario has a worst path with a critical violation');

  for (let i = 0; i < TRAINEES; i += 1) {
    const id = traineeId(i);
    const mine: string[][] = [];
    for (let k = 0; k < PER_TRAINEE; k += 1) {
      const profile = PROFILE[i];
      let c = cases[(i + k) % cases.length]!;
      const bad =
        profile === 'weak' ||
        (profile === 'recovered' && k < 10) ||
        (profile === 'slipping' && (k === 11 || k === 13));
      if (profile === 'critical' && k === 13) c = withCritical;
      const { best, worst } = paths(c);
      const useWorst = bad || (profile === 'critical' && k === 13);
      const abandon = profile === 'abandons' && (k === 4 || k === 9);
      const fast = profile === 'too-fast' && k === 7;
      let choices = useWorst ? worst : best;
      if (abandon) choices = choices.slice(0, 2);
      // Every trainee answers at their own pace, so no two transcripts share their timings.
      const answerMs = fast ? 300 : 24_000 + i * 371 + k * 53;
      const startedAt = START + k * DAY + i * 3_600_000;
      let clock = startedAt;
      const session = replay(
        c.scenario,
        rubric,
        choices.map((choice) => ({ choice, msToAnswer: answerMs })),
        {
          locale: 'en',
          now: () => {
            const t = clock;
            clock += answerMs + 1_000;
            return t;
          },
        },
      );
      const record = buildAttemptRecord({
        attemptId: attemptId(i, k),
        trainee: { id, name: NAMES[i]! },
        session,
        scenarioHash: contentHash(c.scenario),
        rubricHash,
        status: abandon ? 'abandoned' : 'finished',
        finishedAt: clock,
      });
      attempts.push(record);
      if (!abandon && !fast) mine.push(record.result.violated);
    }
    violations.set(id, mine);
  }
  return {
    bundle: buildBundle({
      attempts,
      scenarios,
      rubrics: { [rubricHash]: rubric },
      exportedAt: new Date(START),
    }),
    violations,
  };
}

/** The rule a trainee broke in most attempts (ties: the smallest id), counted independently of the app. */
export function mostBroken(attempts: string[][]): string | null {
  const counts = new Map<string, number>();
  for (const rules of attempts) for (const r of new Set(rules)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return sorted[0]?.[0] ?? null;
}
