import {
  attemptKind,
  dayStreak,
  exercisedPrinciples,
  filterAttempts,
  headline,
  mostBrokenRules,
  NO_FILTER,
  principleAverages,
  principleSeries,
  suggestNext,
  weakestPrinciple,
} from '@/features/progress/progress-stats';
import type { AttemptRow } from '@/records/attempt-row';
import { fakeAttemptRow } from '../../fakes/attempt-row';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';

const DAY = 86_400_000;
/** Noon local time on a fixed day, so day boundaries never depend on the machine's zone. */
const NOON = new Date(2026, 5, 15, 12).getTime();

function row(over: Partial<AttemptRow> = {}): AttemptRow {
  return fakeAttemptRow({ traineeId: 'T-1', startedAt: NOON, ...over });
}
const practice = (over: Partial<AttemptRow> = {}) => ({ ...row(over), practice: true as const });

describe('attempt kinds', () => {
  it('counts finished attempts, sets practice branches and abandoned attempts apart', () => {
    expect(attemptKind(row())).toBe('counted');
    expect(attemptKind(practice())).toBe('practice');
    expect(attemptKind(row({ status: 'abandoned' }))).toBe('abandoned');
  });
});

describe('filterAttempts', () => {
  const rows = [
    row({ id: 'pass', scenarioId: 'a', passed: true, startedAt: NOON }),
    row({ id: 'fail', scenarioId: 'b', passed: false, startedAt: NOON - 10 * DAY }),
    practice({ id: 'prac', scenarioId: 'a', passed: true, startedAt: NOON - 40 * DAY }),
    row({ id: 'gone', scenarioId: 'a', status: 'abandoned', passed: false, startedAt: NOON }),
  ];
  const ids = (f: Partial<typeof NO_FILTER>) =>
    filterAttempts(rows, { ...NO_FILTER, ...f }, NOON).map((r) => r.id);

  it('keeps everything with no filter', () => {
    expect(ids({})).toEqual(['pass', 'fail', 'prac', 'gone']);
  });
  it('filters by scenario', () => {
    expect(ids({ scenarioId: 'b' })).toEqual(['fail']);
  });
  it('passed and failed are about counted attempts only', () => {
    expect(ids({ result: 'passed' })).toEqual(['pass']);
    expect(ids({ result: 'failed' })).toEqual(['fail']);
    expect(ids({ result: 'practice' })).toEqual(['prac']);
    expect(ids({ result: 'abandoned' })).toEqual(['gone']);
  });
  it('filters by period back from now', () => {
    expect(ids({ period: '7' })).toEqual(['pass', 'gone']);
    expect(ids({ period: '30' })).toEqual(['pass', 'fail', 'gone']);
    expect(ids({ period: '90' })).toHaveLength(4);
  });
});

describe('per-principle scores', () => {
  const rows = [
    row({
      id: 'late',
      startedAt: NOON + 1000,
      scores: { listening: 90, apology: null, resolution: 50, etiquette: 70 },
    }),
    row({
      id: 'early',
      startedAt: NOON,
      scores: { listening: 60, apology: 40, resolution: 70, etiquette: 70 },
    }),
    practice({ startedAt: NOON + 500, scores: { listening: 0, apology: 0, resolution: 0, etiquette: 0 } }),
    row({
      status: 'abandoned',
      startedAt: NOON + 700,
      scores: { listening: 0, apology: 0, resolution: 0, etiquette: 0 },
    }),
  ];

  it('one series per principle over counted attempts, oldest first, null where untouched', () => {
    expect(principleSeries(rows)).toEqual({
      listening: [60, 90],
      apology: [40, null],
      resolution: [70, 50],
      etiquette: [70, 70],
    });
  });
  it('averages leave practice and abandoned attempts out', () => {
    expect(principleAverages(rows)).toEqual({ listening: 75, apology: 40, resolution: 60, etiquette: 70 });
  });
  it('the weakest principle is the lowest average; untouched principles are not weakest', () => {
    expect(weakestPrinciple({ listening: 75, apology: 40, resolution: 60, etiquette: 70 })).toBe('apology');
    expect(weakestPrinciple({ listening: 75, apology: null, resolution: 60, etiquette: 60 })).toBe(
      'resolution',
    );
    expect(
      weakestPrinciple({ listening: null, apology: null, resolution: null, etiquette: null }),
    ).toBeNull();
  });
});

describe('mostBrokenRules', () => {
  it('counts each counted attempt once per rule, broken or missed, most first', () => {
    const rows = [
      row({ violated: ['etiquette.no-blame', 'apology.sincere'], missed: ['apology.sincere'] }),
      row({ violated: ['apology.sincere'] }),
      row({ missed: ['etiquette.greeting'] }),
      practice({ violated: ['etiquette.greeting', 'etiquette.greeting'] }),
      row({ status: 'abandoned', violated: ['etiquette.greeting'] }),
    ];
    expect(mostBrokenRules(rows)).toEqual([
      { rule: 'apology.sincere', count: 2 },
      { rule: 'etiquette.greeting', count: 1 },
      { rule: 'etiquette.no-blame', count: 1 },
    ]);
    expect(mostBrokenRules(rows, 1)).toHaveLength(1);
  });
});

describe('suggestNext', () => {
  const rubric = fakeRubric();
  // fake-call: greet (etiquette + apology), blame (etiquette), promise (listening).
  const call = fakeScenario();
  const apologyHeavy = fakeScenario({
    id: 'sorry-twice',
    nodes: {
      a: {
        say: 'x',
        responses: [
          { id: 'r1', text: 'x', rules: { 'apology.sincere': 1 }, next: 'b' },
          { id: 'r2', text: 'y', rules: { 'apology.sincere': -1, 'listening.paraphrase': 1 }, next: 'b' },
        ],
      },
      b: { responses: [{ id: 'r3', text: 'z', rules: { 'apology.sincere': 2 }, next: 'e' }] },
      e: { ending: { outcome: 'resolved' } },
    },
  });

  it('counts the responses that test each principle, once per response', () => {
    expect(exercisedPrinciples(call, rubric)).toEqual({
      listening: 1,
      apology: 1,
      resolution: 0,
      etiquette: 2,
    });
    expect(exercisedPrinciples(apologyHeavy, rubric).apology).toBe(3);
  });

  it('picks the scenario that tests the weakest principle most', () => {
    const rows = [row({ scores: { listening: 80, apology: 30, resolution: 70, etiquette: 90 } })];
    expect(suggestNext(rows, [call, apologyHeavy], rubric)).toEqual({
      scenarioId: 'sorry-twice',
      principle: 'apology',
      responses: 3,
    });
  });

  it('a different weakest principle names another scenario', () => {
    const rows = [row({ scores: { listening: 80, apology: 90, resolution: 70, etiquette: 20 } })];
    expect(suggestNext(rows, [call, apologyHeavy], rubric)?.scenarioId).toBe('fake-call');
  });

  it('breaks ties with the scenario played least', () => {
    const twin = fakeScenario({ id: 'another-call' });
    const rows = [
      row({
        scenarioId: 'another-call',
        scores: { listening: 80, apology: 90, resolution: 70, etiquette: 20 },
      }),
    ];
    expect(suggestNext(rows, [twin, call], rubric)?.scenarioId).toBe('fake-call');
  });

  it('suggests nothing before a counted attempt', () => {
    expect(suggestNext([practice(), row({ status: 'abandoned' })], [call], rubric)).toBeNull();
  });
});

describe('streak and headline', () => {
  it('counts consecutive days ending today or yesterday', () => {
    const days = (...ago: number[]) => ago.map((d) => row({ startedAt: NOON - d * DAY }));
    expect(dayStreak(days(0, 1, 2, 4), NOON)).toBe(3);
    expect(dayStreak(days(1, 2), NOON)).toBe(2);
    expect(dayStreak(days(2, 3), NOON)).toBe(0);
    expect(dayStreak([row({ status: 'abandoned' })], NOON)).toBe(0);
  });

  it('averages and pass rate are over counted attempts only', () => {
    const rows = [
      row({ overall: 80, passed: true }),
      row({ overall: 50, passed: false }),
      practice({ overall: 10, passed: false }),
      row({ status: 'abandoned', overall: 0, passed: false }),
    ];
    expect(headline(rows, NOON)).toEqual({ counted: 2, average: 65, passRate: 0.5, streak: 1 });
    expect(headline([], NOON)).toEqual({ counted: 0, average: null, passRate: null, streak: 0 });
  });
});
