import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { toAttemptRow, type AttemptRow } from './attempt-row';
import { getAttempt } from './attempts';
import { createPlausibilityChecker } from './plausibility';
import { guard, type RecordsResult } from './storage';
import { createVerifier } from './verify';

/**
 * Does a stored row need checking again? `pending` rows were saved before their rubric snapshot was
 * stored; rows without plausibility were written by an older build or before their scenario was at
 * hand (`minReadMs: null`) and can be judged now that it is (`knownScenarios`).
 */
export function needsRecheck(row: AttemptRow, knownScenarios: ReadonlySet<string>): boolean {
  if (row.verification === 'pending') return true;
  if (row.flags === undefined || row.fingerprint === undefined) return true;
  return row.minReadMs === null && knownScenarios.has(row.scenarioHash);
}

export interface RecheckOptions {
  /** Rubrics the app knows (the catalogue's), for attempts stored before their rubric snapshot. */
  rubrics?: Array<{ hash: string; rubric: Rubric }>;
  onProgress?: (done: number, total: number) => void;
}

const SLICE = 250;

/**
 * Checks the given rows again from their full records: the score against the responses (pending
 * rows only: a checked verdict does not change) and the plausibility. Writes and returns the rows
 * that changed. A row whose record is gone or unreadable is left as it is.
 */
export async function recheckRows(
  rows: readonly AttemptRow[],
  options: RecheckOptions = {},
): Promise<RecordsResult<AttemptRow[]>> {
  const known = new Map((options.rubrics ?? []).map((r) => [r.hash, r.rubric]));
  return guard(async (b) => {
    const scenarios = new Map<string, Scenario | undefined>();
    const rubrics = new Map<string, Rubric | undefined>();
    const scenarioFor = async (hash: string) => {
      if (!scenarios.has(hash)) scenarios.set(hash, await b.getScenario(hash));
      return scenarios.get(hash);
    };
    const rubricFor = async (hash: string) => {
      if (!rubrics.has(hash)) rubrics.set(hash, (await b.getRubric(hash)) ?? known.get(hash));
      return rubrics.get(hash);
    };
    const verify = createVerifier();
    const plausible = createPlausibilityChecker();
    const updated: AttemptRow[] = [];
    for (const [i, row] of rows.entries()) {
      if (i % SLICE === 0) options.onProgress?.(i, rows.length);
      const record = await getAttempt(row.id);
      if (!record) continue;
      const scenario = await scenarioFor(row.scenarioHash);
      let verification = row.verification;
      if (verification === 'pending') {
        const rubric = await rubricFor(row.rubricHash);
        // Without its rubric the attempt stays pending: the rubric may still arrive with the catalogue.
        if (rubric || !scenario) verification = verify(record, scenario, rubric);
      }
      updated.push(toAttemptRow(record, verification, plausible(record, scenario)));
    }
    options.onProgress?.(rows.length, rows.length);
    if (updated.length) await b.putRows(updated);
    return updated;
  });
}
