import type { AttemptRow } from '@/records/attempt-row';

let next = 0;

/** A Review row: a finished, verified pass (85) unless told otherwise; each call a later attempt. */
export function fakeAttemptRow(over: Partial<AttemptRow> = {}): AttemptRow {
  next += 1;
  const passed = over.passed ?? true;
  return {
    id: `a-${String(next).padStart(4, '0')}`,
    traineeId: 't-1',
    traineeName: 'Li Na',
    scenarioId: 's-1',
    scenarioVersion: 1,
    scenarioHash: 'h',
    rubricHash: 'r',
    locale: 'en',
    status: 'finished',
    startedAt: next * 60_000,
    finishedAt: next * 60_000 + 30_000,
    durationMs: 30_000,
    turns: 5,
    overall: passed ? 85 : 40,
    scores: { listening: 80, apology: 70, resolution: 90, etiquette: 60 },
    passed,
    outcome: 'resolved',
    violated: [],
    missed: [],
    verification: 'verified',
    flags: [],
    ...over,
  };
}
