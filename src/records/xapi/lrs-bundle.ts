import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from '../attempt-record';
import { AttemptRecordSchema } from '../attempt-record-schema';
import { buildBundle } from '../bundle';
import { migrateRecord } from '../migrations';
import type { ImportSource } from '../import-export';
import { rebuildAttempts, type RebuildReport } from './rebuild';
import type { XapiStatement } from './types';

/**
 * Statements from an LRS as a bundle the importer takes like any exported file: the records rebuilt
 * from them, each validated on its own (one malformed attempt is reported, not fatal), with the
 * scenario and rubric versions the app knows. The importer then de-duplicates by attempt id against
 * local and imported attempts and verifies every new one by recomputation.
 */
export function bundleFromStatements(
  statements: readonly XapiStatement[],
  known: { scenarios: Record<string, Scenario>; rubrics: Record<string, Rubric> },
  name: string,
): { source: ImportSource | null; report: RebuildReport } {
  const report = rebuildAttempts(statements);
  const valid: AttemptRecord[] = [];
  for (const record of report.records) {
    const migrated = migrateRecord(record);
    const parsed = migrated.ok ? AttemptRecordSchema.safeParse(migrated.value) : null;
    if (parsed?.success) valid.push(parsed.data);
    else
      report.problems.push({
        attempt: record.id,
        reason: parsed
          ? `not a valid record: ${parsed.error.issues[0]?.path.join('/')} ${parsed.error.issues[0]?.message}`
          : 'not a record',
      });
  }
  report.records = valid;
  if (!valid.length) return { source: null, report };
  const hashes = new Set(valid.map((r) => r.scenario.contentHash));
  const rubricHashes = new Set(valid.map((r) => r.rubric.hash));
  const scenarios = Object.fromEntries(Object.entries(known.scenarios).filter(([h]) => hashes.has(h)));
  const rubrics = Object.fromEntries(Object.entries(known.rubrics).filter(([h]) => rubricHashes.has(h)));
  const text = JSON.stringify(buildBundle({ attempts: valid, scenarios, rubrics }));
  return { source: { name, size: text.length, text: async () => text }, report };
}
