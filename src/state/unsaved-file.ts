import { getAttempt, getRubricSnapshot, getScenarioSnapshot } from '@/records/attempts';
import { buildBundle } from '@/records/bundle';
import type { UnsavedAttempt } from './play-store';
import { saveFile } from './save-file';

/**
 * Offers attempts as one attempt bundle, the file Review imports: ones that could not be stored, or
 * one stored only in memory. Loaded only when a trainee asks for it (it brings the bundle format and
 * its validation along).
 */
export function downloadAttempts(
  unsaved: ReadonlyArray<Pick<UnsavedAttempt, 'record' | 'scenario' | 'rubric'>>,
  name = 'unsaved-attempts',
): void {
  const exportedAt = new Date();
  const bundle = buildBundle({
    attempts: unsaved.map((u) => u.record),
    scenarios: Object.fromEntries(unsaved.map((u) => [u.record.scenario.contentHash, u.scenario])),
    rubrics: Object.fromEntries(unsaved.map((u) => [u.record.rubric.hash, u.rubric])),
    exportedAt,
  });
  const stamp = exportedAt.toISOString().slice(0, 19).replace(/[T:]/g, '-');
  saveFile(`composure-${name}-${stamp}.json`, JSON.stringify(bundle));
}

/** Offers one stored attempt (with its snapshots) as a file: memory-only storage loses it with the tab. */
export async function downloadStored(attemptId: string): Promise<void> {
  const record = await getAttempt(attemptId);
  if (!record) return;
  const [scenario, rubric] = await Promise.all([
    getScenarioSnapshot(record.scenario.contentHash),
    getRubricSnapshot(record.rubric.hash),
  ]);
  if (scenario && rubric) downloadAttempts([{ record, scenario, rubric }], 'attempt');
}
