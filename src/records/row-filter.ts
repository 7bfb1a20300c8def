import type { AttemptRow, Verification } from './attempt-row';

// Filtering review rows: what a trainee's own list needs too, apart from the team figures in
// aggregate.ts, so the trainee's pages do not download those.

export const NO_DUPLICATES: ReadonlySet<string> = new Set();

/** Does the row raise any plausibility flag (its own, or a copy under another trainee)? */
export const isImplausible = (row: AttemptRow, duplicates: ReadonlySet<string>) =>
  Boolean(row.flags?.length) || duplicates.has(row.id);

export interface RowFilter {
  traineeId?: string;
  scenarioId?: string;
  /** Inclusive range on `startedAt` (ms since epoch). */
  from?: number;
  to?: number;
  passed?: boolean;
  verification?: Verification | 'pending';
  /** true: only attempts with a plausibility flag; false: only those without. */
  implausible?: boolean;
}

/** `duplicates` (from `duplicateIds` over every row) decides the `duplicate` flag for `implausible`. */
export function filterRows(
  rows: readonly AttemptRow[],
  f: RowFilter,
  duplicates: ReadonlySet<string> = NO_DUPLICATES,
): AttemptRow[] {
  const { traineeId, scenarioId, from, to, passed, verification, implausible } = f;
  return rows.filter(
    (r) =>
      (traineeId === undefined || r.traineeId === traineeId) &&
      (scenarioId === undefined || r.scenarioId === scenarioId) &&
      (from === undefined || r.startedAt >= from) &&
      (to === undefined || r.startedAt <= to) &&
      (passed === undefined || r.passed === passed) &&
      (verification === undefined || r.verification === verification) &&
      (implausible === undefined || isImplausible(r, duplicates) === implausible),
  );
}
