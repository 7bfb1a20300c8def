import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { filterRows, type RowFilter } from './row-filter';
import type { AttemptRecord } from './attempt-record';
import { toAttemptRow, type AttemptRow } from './attempt-row';
import { quickCheckRecord } from './quick-check-record';
import { guard, type RecordsResult } from './storage';
import { verifyRecord } from './verify';

export interface SaveAttemptOptions {
  /**
   * The snapshots the attempt was played on, written in the same transaction (immutable by hash: a
   * stored one is kept) so the attempt verifies at once even when storage was cleared since it began.
   */
  scenario?: { hash: string; scenario: Scenario };
  rubric?: { hash: string; rubric: Rubric };
  /** Deletes the attempt's own draft in the same transaction: the record and its draft never both vanish. */
  deleteDraft?: boolean;
}

/**
 * Stores a finished or abandoned attempt. It is verified straight away when the scenario and rubric
 * snapshots are stored (or given); otherwise its row says `pending` until `verifyPending` can check it.
 */
export async function saveAttempt(
  record: AttemptRecord,
  options: SaveAttemptOptions = {},
): Promise<RecordsResult<AttemptRow>> {
  const parsed = await validateRecord(record);
  if (!parsed.success)
    return {
      ok: false,
      error: { kind: 'storage', name: 'InvalidRecord', message: `invalid record: ${parsed.message}` },
    };
  const given = {
    scenario: options.scenario?.hash === record.scenario.contentHash ? options.scenario : undefined,
    rubric: options.rubric?.hash === record.rubric.hash ? options.rubric : undefined,
  };
  return guard(async (b) => {
    const [scenario, rubric] = await Promise.all([
      b.getScenario(record.scenario.contentHash).then((s) => s ?? given.scenario?.scenario),
      b.getRubric(record.rubric.hash).then((r) => r ?? given.rubric?.rubric),
    ]);
    const verification =
      scenario && rubric ? verifyRecord(parsed.data, scenario, rubric).verification : 'pending';
    const row = toAttemptRow(parsed.data, verification);
    await b.write({
      attempts: [parsed.data],
      rows: [row],
      scenarios: given.scenario ? [given.scenario] : [],
      rubrics: given.rubric ? [given.rubric] : [],
      deleteDrafts: options.deleteDraft ? [record.id] : [],
    });
    return row;
  });
}

/** The fast check first; zod (a lazy chunk) only to explain a record that fails it. */
async function validateRecord(
  record: unknown,
): Promise<{ success: true; data: AttemptRecord } | { success: false; message: string }> {
  if (quickCheckRecord(record)) return { success: true, data: record };
  const { AttemptRecordSchema } = await import('./attempt-record-schema');
  const parsed = AttemptRecordSchema.safeParse(record);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, message: parsed.error.issues[0]?.message ?? 'invalid' };
}

/** Rows for the review table (optionally filtered). An unreadable store reads as empty. */
export async function listAttempts(filter?: RowFilter): Promise<AttemptRow[]> {
  const result = await guard((b) => b.listRows());
  if (!result.ok) return [];
  return filter ? filterRows(result.value, filter) : result.value;
}

/** A full record, migrated to the current version; null when absent or unreadable. */
export async function getAttempt(id: string): Promise<AttemptRecord | null> {
  const result = await guard((b) => b.getAttempt(id));
  if (!result.ok || !result.value) return null;
  if (quickCheckRecord(result.value)) return result.value;
  // Stored data is untrusted (older builds, other tabs, a hand-edited profile): migrate and validate.
  const [{ migrateRecord }, { AttemptRecordSchema }] = await Promise.all([
    import('./migrations'),
    import('./attempt-record-schema'),
  ]);
  const migrated = migrateRecord(result.value);
  if (!migrated.ok) return null;
  const parsed = AttemptRecordSchema.safeParse(migrated.value);
  return parsed.success ? parsed.data : null;
}

/** Pins a scenario version by its hash. Immutable: a hash already stored keeps its first content. */
export function saveScenarioSnapshot(scenario: Scenario, hash: string): Promise<RecordsResult> {
  return guard((b) => b.write({ attempts: [], rows: [], scenarios: [{ hash, scenario }], rubrics: [] }));
}

export async function getScenarioSnapshot(hash: string): Promise<Scenario | null> {
  const result = await guard((b) => b.getScenario(hash));
  return result.ok ? (result.value ?? null) : null;
}

export function saveRubricSnapshot(rubric: Rubric, hash: string): Promise<RecordsResult> {
  return guard((b) => b.write({ attempts: [], rows: [], scenarios: [], rubrics: [{ hash, rubric }] }));
}

export async function getRubricSnapshot(hash: string): Promise<Rubric | null> {
  const result = await guard((b) => b.getRubric(hash));
  return result.ok ? (result.value ?? null) : null;
}

export async function listScenarioSnapshots(): Promise<Array<{ hash: string; scenario: Scenario }>> {
  const result = await guard((b) => b.listScenarios());
  return result.ok ? result.value : [];
}

/** Checks rows still `pending` (saved before their rubric snapshot was stored); returns the updated rows. */
export async function verifyPending(): Promise<RecordsResult<AttemptRow[]>> {
  return guard(async (b) => {
    const pendingRows = (await b.listRows()).filter((r) => r.verification === 'pending');
    const updated: AttemptRow[] = [];
    for (const row of pendingRows) {
      const record = await getAttempt(row.id);
      if (!record) continue;
      const [scenario, rubric] = await Promise.all([
        b.getScenario(row.scenarioHash),
        b.getRubric(row.rubricHash),
      ]);
      if (!rubric && scenario) continue; // the rubric may still arrive with the catalogue
      updated.push({ ...row, verification: verifyRecord(record, scenario, rubric).verification });
    }
    if (updated.length) await b.putRows(updated);
    return updated;
  });
}

export function clearAllRecords(): Promise<RecordsResult> {
  return guard((b) => b.clear());
}
