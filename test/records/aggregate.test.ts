import type { AttemptRow } from '@/records/attempt-row';
import {
  duplicateIds,
  pickBucket,
  sortRows,
  teamSummary,
  traineeList,
  traineeProgress,
} from '@/records/aggregate';
import { filterRows } from '@/records/row-filter';

const DAY = 86_400_000;
function row(partial: Partial<AttemptRow>): AttemptRow {
  return {
    id: partial.id ?? Math.random().toString(36).slice(2),
    traineeId: 't1',
    traineeName: 'Li',
    scenarioId: 's1',
    scenarioVersion: 1,
    scenarioHash: 'aaaaaaaaaaaaaaaa',
    rubricHash: 'bbbbbbbbbbbbbbbb',
    locale: 'en',
    status: 'finished',
    startedAt: 0,
    finishedAt: 60_000,
    durationMs: 60_000,
    turns: 3,
    overall: 80,
    scores: { listening: 80, apology: 80, resolution: 80, etiquette: 80 },
    passed: true,
    outcome: 'resolved',
    violated: [],
    missed: [],
    verification: 'verified',
    ...partial,
  };
}

const rows = [
  row({
    id: 'a',
    traineeId: 't1',
    traineeName: 'Li',
    scenarioId: 's1',
    startedAt: 10 * DAY,
    overall: 90,
    passed: true,
    scores: { listening: 100, apology: 80, resolution: null, etiquette: 90 },
    missed: ['etiquette.closing'],
  }),
  row({
    id: 'b',
    traineeId: 't2',
    traineeName: 'Wang',
    scenarioId: 's1',
    startedAt: 11 * DAY,
    overall: 40,
    passed: false,
    scores: { listening: 20, apology: 60, resolution: 40, etiquette: 40 },
    violated: ['etiquette.no-blame', 'apology.no-excuses'],
    missed: ['etiquette.closing'],
    verification: 'mismatch',
  }),
  row({
    id: 'c',
    traineeId: 't1',
    traineeName: 'Li',
    scenarioId: 's2',
    startedAt: 12 * DAY,
    overall: 70,
    passed: true,
    violated: ['etiquette.no-blame'],
  }),
];

describe('aggregation', () => {
  it('filters by trainee, scenario, date range and pass', () => {
    expect(filterRows(rows, { traineeId: 't1' }).map((r) => r.id)).toEqual(['a', 'c']);
    expect(filterRows(rows, { scenarioId: 's1', passed: false }).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { from: 11 * DAY, to: 11 * DAY }).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, { verification: 'mismatch' }).map((r) => r.id)).toEqual(['b']);
  });

  it('sorts by any column both ways, untouched principles last', () => {
    expect(sortRows(rows, 'overall', 'desc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'trainee', 'asc').map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'resolution', 'asc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('team summary: principle averages over scored attempts, rules most often broken or missed, pass rate per scenario', () => {
    const s = teamSummary(rows);
    expect(s).toMatchObject({ attempts: 3, trainees: 2, averageOverall: 66.7 });
    expect(s.passRate).toBeCloseTo(2 / 3);
    expect(s.principles.resolution).toEqual({ average: 60, count: 2 });
    expect(s.principles.listening.average).toBe(66.7);
    expect(s.rules.slice(0, 2)).toEqual([
      { rule: 'etiquette.closing', total: 2, violated: 0, missed: 2, share: 2 / 3 },
      { rule: 'etiquette.no-blame', total: 2, violated: 2, missed: 0, share: 2 / 3 },
    ]);
    expect(s.scenarios).toEqual([
      { scenarioId: 's1', attempts: 2, passed: 1, passRate: 0.5, averageOverall: 65 },
      { scenarioId: 's2', attempts: 1, passed: 1, passRate: 1, averageOverall: 70 },
    ]);
    expect(s.verification).toEqual({ verified: 2, mismatch: 1, 'unknown-scenario': 0, pending: 0 });
    expect(s.bucket).toBe('day');
    expect(s.trend.map((t) => t.averageOverall)).toEqual([90, 40, 70]);
  });

  it('practice branches are left out of averages, pass rates and the trainee list', () => {
    const branch: AttemptRow = { ...rows[1]!, id: 'p', overall: 100, passed: true, practice: true };
    const s = teamSummary([...rows, branch]);
    expect(s).toMatchObject({ attempts: 3, averageOverall: 66.7 });
    expect(s.passRate).toBeCloseTo(2 / 3);
    expect(traineeList([...rows, branch])).toEqual(traineeList(rows));
  });

  it('an empty team has no averages rather than NaN', () => {
    const s = teamSummary([]);
    expect(s.passRate).toBeNull();
    expect(s.averageOverall).toBeNull();
    expect(s.principles.apology.average).toBeNull();
    expect(s.trend).toEqual([]);
  });

  it('buckets the trend by day, week or month depending on the span', () => {
    expect(pickBucket(30 * DAY)).toBe('day');
    expect(pickBucket(200 * DAY)).toBe('week');
    expect(pickBucket(800 * DAY)).toBe('month');
  });

  it('filters and counts implausible attempts: own flags, and copies under another trainee', () => {
    const flagged = [
      ...rows.map((r) => (r.id === 'a' ? { ...r, flags: ['too-fast' as const] } : r)),
      row({ id: 'd', traineeId: 't1', fingerprint: 'ffff', flags: [] }),
      row({ id: 'e', traineeId: 't3', fingerprint: 'ffff', flags: [] }),
      row({ id: 'f', traineeId: 't1', fingerprint: 'eeee', flags: [] }),
    ];
    const dups = duplicateIds(flagged);
    expect(dups).toEqual(new Set(['d', 'e']));
    expect(filterRows(flagged, { implausible: true }, dups).map((r) => r.id)).toEqual(['a', 'd', 'e']);
    expect(filterRows(flagged, { implausible: false }, dups).map((r) => r.id)).toEqual(['b', 'c', 'f']);
    // Without the duplicates set only the rows' own flags count.
    expect(filterRows(flagged, { implausible: true }).map((r) => r.id)).toEqual(['a']);
    expect(teamSummary(flagged, 10, dups).implausible).toBe(3);
    expect(teamSummary(flagged).implausible).toBe(1);
  });

  it('lists trainees and a trainee’s progress oldest first', () => {
    expect(traineeList(rows).map((t) => [t.name, t.attempts, t.averageOverall])).toEqual([
      ['Li', 2, 80],
      ['Wang', 1, 40],
    ]);
    expect(traineeProgress(rows, 't1').map((p) => p.id)).toEqual(['a', 'c']);
  });
});
