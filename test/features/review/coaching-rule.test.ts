import {
  COACHING_RULE,
  coachTeam,
  coachTrainee,
  criticalRules,
  failReason,
  heatMap,
  needsCoaching,
  trendOf,
  weakestRule,
} from '@/features/review/coaching-rule';
import { sortCoaching } from '@/features/review/coaching-table';
import { fakeAttemptRow } from '../../fakes/attempt-row';

const CRITICAL = new Set(['etiquette.no-blame']);
const NONE: ReadonlySet<string> = new Set();
const row = fakeAttemptRow;

const results = (...passed: boolean[]) => passed.map((p) => row({ passed: p }));

describe('needsCoaching (the stated rule)', () => {
  it('states the numbers the page shows', () => {
    expect(COACHING_RULE).toEqual({ passRateBelow: 0.7, window: 5, criticalWindow: 3 });
  });

  it('passes 4 of the last 5 (80%): on track; 3 of 5 (60%): needs coaching', () => {
    expect(needsCoaching(results(true, true, true, true, false), CRITICAL)).toMatchObject({
      needs: false,
      windowPassRate: 0.8,
    });
    expect(needsCoaching(results(true, true, true, false, false), CRITICAL)).toMatchObject({
      needs: true,
      windowPassRate: 0.6,
    });
  });

  it('looks only at the last five: old failures do not count', () => {
    const old = results(false, false, false, false, false);
    expect(needsCoaching([...old, ...results(true, true, true, true, true)], CRITICAL).needs).toBe(false);
    expect(needsCoaching([...results(true, true, true, true, true), ...old], CRITICAL).needs).toBe(true);
  });

  it('70% exactly is not below 70%', () => {
    const rows = results(true, true, true, true, true, true, true, false, false, false);
    expect(needsCoaching(rows, CRITICAL, { passRateBelow: 0.7, window: 10, criticalWindow: 3 }).needs).toBe(
      false,
    );
  });

  it('a critical rule broken in the last three flags a trainee who passes the rest', () => {
    const rows = [...results(true, true, true), row({ passed: false, violated: ['etiquette.no-blame'] })];
    const v = needsCoaching([...rows, row()], CRITICAL);
    expect(v.needs).toBe(true);
    expect(v.critical).toEqual({ rule: 'etiquette.no-blame', attemptId: rows[3]!.id });
  });

  it('a critical violation four attempts back no longer counts', () => {
    const rows = [row({ passed: true, violated: ['etiquette.no-blame'] }), ...results(true, true, true)];
    expect(needsCoaching(rows, CRITICAL)).toMatchObject({ needs: false, critical: null });
    // A rule the rubric does not mark critical never counts.
    expect(needsCoaching(rows, NONE).critical).toBeNull();
  });

  it('with no attempts there is nothing to judge', () => {
    expect(needsCoaching([], CRITICAL)).toEqual({ needs: false, windowPassRate: null, critical: null });
  });
});

describe('coachTrainee', () => {
  it('leaves abandoned and implausible attempts out of every figure, counting them apart', () => {
    const rows = [
      row({ overall: 80 }),
      row({ overall: 60, passed: false }),
      row({ status: 'abandoned', overall: 0, passed: false, outcome: null }),
      row({ overall: 100, flags: ['too-fast'] }),
      row({ overall: 100, id: 'copy' }),
    ];
    const c = coachTrainee(rows, CRITICAL, new Set(['copy']));
    expect(c).toMatchObject({ attempts: 2, abandoned: 1, implausible: 2, passRate: 0.5, average: 70 });
    expect(c.lastAt).toBe(rows[4]!.startedAt);
    expect(c.status).toBe('coach');
  });

  it('leaves practice branches (retries from a turn) out of the figures', () => {
    const c = coachTrainee(
      [row({ overall: 60, passed: false }), row({ overall: 100, passed: true, practice: true })],
      CRITICAL,
      NONE,
    );
    expect(c).toMatchObject({ attempts: 1, passRate: 0, average: 60 });
  });

  it('names the lowest principle average as the weakest, skipping principles never scored', () => {
    const c = coachTrainee(
      [
        row({ scores: { listening: 50, apology: null, resolution: 90, etiquette: 70 } }),
        row({ scores: { listening: 70, apology: null, resolution: 90, etiquette: 40 } }),
      ],
      CRITICAL,
      NONE,
    );
    expect(c.principles).toEqual({ listening: 60, apology: null, resolution: 90, etiquette: 55 });
    expect(c.weakest).toBe('etiquette');
  });

  it('names no weakest principle when every principle scored the same', () => {
    const level = { listening: 100, apology: 100, resolution: null, etiquette: 100 };
    expect(coachTrainee([row({ scores: level })], CRITICAL, NONE).weakest).toBeNull();
  });

  it('rates each rule by the share of counted attempts that broke it', () => {
    const c = coachTrainee(
      [row({ violated: ['a', 'b'] }), row({ violated: ['a'] }), row(), row({ violated: ['a'] })],
      CRITICAL,
      NONE,
    );
    expect(c.ruleRates).toEqual({ a: 0.75, b: 0.25 });
    expect(weakestRule(c.ruleRates)).toBe('a');
  });

  it('no finished attempt: no data, not "needs coaching"', () => {
    const c = coachTrainee([row({ status: 'abandoned', passed: false })], CRITICAL, NONE);
    expect(c).toMatchObject({ status: 'no-data', attempts: 0, passRate: null, average: null, trend: null });
  });
});

describe('trendOf', () => {
  it('compares the later half of the last six with the earlier half', () => {
    expect(trendOf([40, 50, 60, 70])).toBe('up');
    expect(trendOf([90, 80, 60, 50, 40, 30])).toBe('down');
    expect(trendOf([70, 72, 71, 73])).toBe('flat');
    // Only the last six: a low start long ago does not make a steady run look like progress.
    expect(trendOf([0, 0, 80, 80, 80, 80, 80, 80])).toBe('flat');
  });
  it('says nothing from fewer than four attempts', () => {
    expect(trendOf([10, 90, 90])).toBeNull();
  });
});

describe('coachTeam and sorting', () => {
  const team = () => [
    ...[1, 2, 3, 4, 5].map(() => row({ traineeId: 'ok', traineeName: 'Ok' })),
    ...[1, 2, 3, 4, 5].map((i) => row({ traineeId: 'weak', traineeName: 'Weak', passed: i === 1 })),
    ...[1, 2, 3, 4, 5].map((i) => row({ traineeId: 'mid', traineeName: 'Mid', passed: i !== 5 && i !== 4 })),
    row({ traineeId: 'none', traineeName: 'None', status: 'abandoned', passed: false }),
  ];

  it('ranks those needing coaching first, lowest recent pass rate first, then on track, then no data', () => {
    expect(coachTeam(team(), CRITICAL, NONE).map((e) => [e.traineeId, e.status])).toEqual([
      ['weak', 'coach'],
      ['mid', 'coach'],
      ['ok', 'on-track'],
      ['none', 'no-data'],
    ]);
  });

  it('sorts by a column both ways, with the no-data row after every figure', () => {
    const entries = coachTeam(team(), CRITICAL, NONE);
    expect(sortCoaching(entries, 'passRate', 'asc').map((e) => e.traineeId)).toEqual([
      'weak',
      'mid',
      'ok',
      'none',
    ]);
    expect(sortCoaching(entries, 'name', 'desc').map((e) => e.traineeId)).toEqual([
      'weak',
      'ok',
      'none',
      'mid',
    ]);
    expect(sortCoaching(entries, 'need', 'desc').map((e) => e.traineeId)[0]).toBe('none');
  });
});

describe('heatMap', () => {
  it("keeps every trainee's weakest rule as a column, then fills with the team's most broken", () => {
    const entries = coachTeam(
      [
        ...[1, 2].map(() => row({ traineeId: 'x', traineeName: 'X', violated: ['rare', 'common'] })),
        row({ traineeId: 'x', traineeName: 'X', violated: ['rare'] }),
        ...[1, 2, 3, 4].map(() => row({ traineeId: 'y', traineeName: 'Y', violated: ['common', 'other'] })),
      ],
      CRITICAL,
      NONE,
    );
    const map = heatMap(entries, 1);
    // Two weakest rules, both kept though only one column was asked for.
    expect(new Set(map.rules)).toEqual(new Set(['rare', 'common']));
    const x = map.rows.find((r) => r.traineeId === 'x')!;
    expect(x.weakest).toBe('rare');
    expect(x.rates[map.rules.indexOf('rare')]).toBe(1);
    expect(heatMap(entries, 3).rules).toEqual(['common', 'other', 'rare']);
  });
});

describe('failReason', () => {
  const failOutcomes = ['customer-lost'] as const;
  it('puts a critical violation first, even when the customer ended loyal', () => {
    expect(
      failReason(
        {
          passed: false,
          outcome: 'loyal',
          violated: ['etiquette.no-blame'],
          critical: [{ rule: 'etiquette.no-blame', turn: 4 }],
        },
        CRITICAL,
        [...failOutcomes],
      ),
    ).toEqual({ kind: 'critical', rule: 'etiquette.no-blame', turn: 4 });
    expect(
      failReason(
        { passed: false, outcome: 'customer-lost', violated: ['x', 'etiquette.no-blame'] },
        CRITICAL,
        [...failOutcomes],
      ),
    ).toEqual({ kind: 'critical', rule: 'etiquette.no-blame' });
  });
  it('then a failing ending, then a score under the mark; nothing for a pass', () => {
    expect(
      failReason({ passed: false, outcome: 'customer-lost', violated: [] }, CRITICAL, [...failOutcomes]),
    ).toEqual({
      kind: 'outcome',
      outcome: 'customer-lost',
    });
    expect(
      failReason({ passed: false, outcome: 'loyal', violated: [] }, CRITICAL, [...failOutcomes]),
    ).toEqual({
      kind: 'below-mark',
    });
    expect(failReason({ passed: false, outcome: null, violated: [] }, CRITICAL, [])).toEqual({
      kind: 'unfinished',
    });
    expect(failReason({ passed: true, outcome: 'loyal', violated: [] }, CRITICAL, [])).toBeNull();
  });
  it('reads critical rules from the rubric', () => {
    expect(criticalRules({ rules: { a: { critical: true }, b: { critical: false } } } as never)).toEqual(
      new Set(['a']),
    );
    expect(criticalRules(null).size).toBe(0);
  });
});
