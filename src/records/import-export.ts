import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';
import { toAttemptRow, type AttemptRow } from './attempt-row';
import { buildBundle, MAX_BUNDLE_BYTES, parseBundle, type AttemptBundle, type RefusalReason } from './bundle';
import { createPlausibilityChecker } from './plausibility';
import { guard, type RecordsResult } from './storage';
import { createVerifier } from './verify';

/** A `File` fits this shape; tests and the bench pass plain objects. */
export interface ImportSource {
  name: string;
  size?: number;
  text(): Promise<string>;
}

/**
 * One line per file. `flagged`: imported attempts whose score is not consistent with their
 * responses (or cannot be checked); `implausible`: imported attempts with a plausibility flag of
 * their own (too fast, clock backwards). Copies under another trainee are found in Review.
 */
export type ImportReport =
  | {
      file: string;
      ok: true;
      imported: number;
      duplicates: number;
      flagged: number;
      implausible: number;
      migrated: number;
    }
  | { file: string; ok: false; reason: RefusalReason; detail: string };

/** Where an import is: file `file` of `files`, and within it `done` of `total` attempts. */
export interface ImportProgress {
  file: number;
  files: number;
  name: string;
  phase: 'reading' | 'checking' | 'scoring' | 'saving';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Rubrics the app knows (the catalogue's), used when neither the bundle nor the store has one. */
  rubrics?: Array<{ hash: string; rubric: Rubric }>;
  /** Called as the import moves on: at each phase and every few hundred attempts while scoring. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Awaited between slices of the scoring loop. On the page, a macrotask lets it paint and answer
   * input; in a worker nothing needs to wait. Never awaited inside a storage transaction.
   */
  yieldEvery?: () => Promise<void>;
}

/** Attempts scored between progress reports (and yields). */
const SLICE = 250;

/**
 * Imports bundles one file at a time: each file is validated whole, then written in one transaction,
 * so a refused file changes nothing and does not stop the others. Attempts are de-duplicated by id
 * against the store and the files before it; every new one is re-scored and flagged when it disagrees.
 */
export async function importBundles(
  files: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const seen = new Set<string>();
  const known = new Map((options.rubrics ?? []).map((r) => [r.hash, r.rubric]));
  for (const [index, file] of files.entries()) {
    const progress = (phase: ImportProgress['phase'], done = 0, total = 0) =>
      options.onProgress?.({ file: index, files: files.length, name: file.name, phase, done, total });
    reports.push(await importOne(file, seen, known, progress, options.yieldEvery));
  }
  return reports;
}

async function importOne(
  file: ImportSource,
  seen: Set<string>,
  knownRubrics: Map<string, Rubric>,
  progress: (phase: ImportProgress['phase'], done?: number, total?: number) => void,
  yieldEvery: (() => Promise<void>) | undefined,
): Promise<ImportReport> {
  const refused = (reason: RefusalReason, detail: string): ImportReport => ({
    file: file.name,
    ok: false,
    reason,
    detail,
  });
  if (file.size !== undefined && file.size > MAX_BUNDLE_BYTES)
    return refused('too-large', `${file.size} bytes`);
  progress('reading');
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return refused('unreadable', String(error));
  }
  progress('checking');
  const parsed = parseBundle(text);
  if (!parsed.ok) return refused(parsed.reason, parsed.detail);
  const total = parsed.attempts.length;
  progress('scoring', 0, total);

  const result = await guard(async (b) => {
    const existing = await b.existingIds(parsed.attempts.map((a) => a.id));
    const scenarioCache = new Map<string, Scenario | undefined>(parsed.scenarios);
    const rubricCache = new Map<string, Rubric | undefined>(parsed.rubrics);
    const scenarioFor = async (hash: string) => {
      if (!scenarioCache.has(hash)) scenarioCache.set(hash, await b.getScenario(hash));
      return scenarioCache.get(hash);
    };
    const rubricFor = async (hash: string) => {
      if (!rubricCache.has(hash)) rubricCache.set(hash, (await b.getRubric(hash)) ?? knownRubrics.get(hash));
      return rubricCache.get(hash);
    };
    const verify = createVerifier();
    const plausible = createPlausibilityChecker();
    const fresh: AttemptRecord[] = [];
    const rows: AttemptRow[] = [];
    let duplicates = 0;
    let flagged = 0;
    let implausible = 0;
    for (const [i, record] of parsed.attempts.entries()) {
      if (i > 0 && i % SLICE === 0) {
        progress('scoring', i, total);
        await yieldEvery?.();
      }
      if (existing.has(record.id) || seen.has(record.id)) {
        duplicates += 1;
        continue;
      }
      seen.add(record.id);
      const scenario = await scenarioFor(record.scenario.contentHash);
      const verification = verify(record, scenario, await rubricFor(record.rubric.hash));
      if (verification !== 'verified') flagged += 1;
      const plausibility = plausible(record, scenario);
      if (plausibility.flags.length) implausible += 1;
      fresh.push(record);
      rows.push(toAttemptRow(record, verification, plausibility));
    }
    progress('saving', total, total);
    await b.write({
      attempts: fresh,
      rows,
      scenarios: [...parsed.scenarios].map(([hash, scenario]) => ({ hash, scenario })),
      rubrics: [...parsed.rubrics].map(([hash, rubric]) => ({ hash, rubric })),
    });
    return { imported: fresh.length, duplicates, flagged, implausible };
  });
  if (!result.ok) {
    // The transaction rolled back: forget the ids so a retry after freeing space is not called a duplicate.
    for (const a of parsed.attempts) seen.delete(a.id);
    return refused(result.error.kind, result.error.message);
  }
  return { file: file.name, ok: true, ...result.value, migrated: parsed.migrated };
}

export interface ExportedBundle {
  bundle: AttemptBundle;
  json: string;
  filename: string;
}

/** Exports the given attempts (all when `ids` is omitted) with the scenario and rubric versions they need. */
export async function exportBundle(
  ids?: readonly string[],
  options: ImportOptions = {},
): Promise<RecordsResult<ExportedBundle>> {
  return guard(async (b) => {
    const list = ids ?? (await b.listRows()).map((r) => r.id);
    const attempts = await b.getAttempts([...list]);
    const scenarios: Record<string, Scenario> = {};
    const rubrics: Record<string, Rubric> = {};
    const known = new Map((options.rubrics ?? []).map((r) => [r.hash, r.rubric]));
    for (const hash of new Set(attempts.map((a) => a.scenario.contentHash))) {
      const s = await b.getScenario(hash);
      if (s) scenarios[hash] = s;
    }
    for (const hash of new Set(attempts.map((a) => a.rubric.hash))) {
      const r = (await b.getRubric(hash)) ?? known.get(hash);
      if (r) rubrics[hash] = r;
    }
    const exportedAt = new Date();
    const bundle = buildBundle({ attempts, scenarios, rubrics, exportedAt });
    const filename = `composure-attempts-${exportedAt.toISOString().slice(0, 10)}.json`;
    return { bundle, json: JSON.stringify(bundle), filename };
  });
}
