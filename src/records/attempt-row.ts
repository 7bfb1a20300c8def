import type { Outcome, Principle } from '@/engine/format/ids';
import type { AttemptRecord, AttemptStatus } from './attempt-record';
import type { RecordFlag, RecordPlausibility } from './plausibility';

/**
 * Whether a stored score is consistent with the stored responses, decided by recomputing it:
 * `verified` (consistent: the engine agrees; the UI says "consistent", since this proves nothing
 * about who played), `mismatch` (it does not: edited or produced by another engine),
 * `unknown-scenario` (the scenario or rubric version it was played on is not here to replay).
 */
export type Verification = 'verified' | 'mismatch' | 'unknown-scenario';

/**
 * One line of the review table: the flat, index-friendly part of a record (no turns, no mood curve),
 * so 100,000 of them fit in memory and sort/filter/aggregate in milliseconds.
 * `pending` means not yet checked (an attempt saved while its rubric snapshot was not stored).
 */
export interface AttemptRow {
  id: string;
  traineeId: string;
  traineeName: string;
  scenarioId: string;
  scenarioVersion: number;
  scenarioHash: string;
  rubricHash: string;
  locale: string;
  status: AttemptStatus;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  turns: number;
  overall: number;
  scores: Record<Principle, number | null>;
  passed: boolean;
  outcome: Outcome | null;
  violated: string[];
  missed: string[];
  verification: Verification | 'pending';
  /**
   * Plausibility flags the record raises on its own (plausibility.ts). Absent on rows written before
   * the check existed; Review fills them in.
   */
  flags?: RecordFlag[];
  /** The least reading time of what the attempt showed; null: the scenario was not at hand. */
  minReadMs?: number | null;
  /** Transcript identity, to find the same attempt stored under another trainee. */
  fingerprint?: string | null;
  /** A practice branch (retry from a turn): listed, never averaged with ordinary attempts. */
  practice?: true;
}

/**
 * Without `plausibility` the row leaves it out, and Review checks it (recheck.ts, off the page):
 * saving an attempt at the end of play does not load the checks into the trainee's download.
 */
export function toAttemptRow(
  record: AttemptRecord,
  verification: AttemptRow['verification'],
  plausibility?: RecordPlausibility,
): AttemptRow {
  return {
    id: record.id,
    traineeId: record.trainee.id,
    traineeName: record.trainee.name,
    scenarioId: record.scenario.id,
    scenarioVersion: record.scenario.version,
    scenarioHash: record.scenario.contentHash,
    rubricHash: record.rubric.hash,
    locale: record.locale,
    status: record.status,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    durationMs: Math.max(0, record.finishedAt - record.startedAt),
    turns: record.turns.length,
    overall: record.result.overall,
    scores: { ...record.result.scores },
    passed: record.result.passed,
    outcome: record.result.outcome,
    violated: record.result.violated,
    missed: record.result.missed,
    verification,
    ...(record.practice ? { practice: true as const } : {}),
    ...(plausibility
      ? {
          flags: plausibility.flags,
          minReadMs: plausibility.minReadMs,
          fingerprint: plausibility.fingerprint,
        }
      : {}),
  };
}
