import type { Rubric } from '@/engine/format/rubric-schema';
import type { AttemptRow } from '@/records/attempt-row';
import {
  exportBundle,
  importBundles,
  type ImportProgress,
  type ImportReport,
  type ImportSource,
} from '@/records/import-export';
import { recheckRows } from '@/records/recheck';
import type { RecordsError } from '@/records/storage';

// Import, export and re-checking read and write many records and hash or replay each of them: they
// run in records-worker.ts (its own IndexedDB connection) so the page never blocks, or on the page,
// in slices, where there is no worker or storage is only in memory (a worker would not share it).

/** Told to the page when the worker cannot reach the same IndexedDB: the page then does the work. */
export const NO_SHARED_STORAGE = 'records-worker: no shared storage';

export type KnownRubrics = Array<{ hash: string; rubric: Rubric }>;

/** A file to import: a `Blob` crosses to the worker by reference, `text` reads it on the page. */
export interface ImportFile {
  name: string;
  size?: number;
  blob?: Blob;
  text?: () => Promise<string>;
}

export type RecordsTask =
  | { kind: 'import'; files: ImportFile[]; rubrics: KnownRubrics }
  | { kind: 'export'; ids?: string[]; rubrics: KnownRubrics }
  | { kind: 'recheck'; rows: AttemptRow[]; rubrics: KnownRubrics };

export type RecordsProgress =
  | ({ kind: 'import' } & ImportProgress)
  | { kind: 'recheck'; done: number; total: number }
  | { kind: 'export'; phase: 'reading' | 'writing' };

export type ExportOutcome =
  { ok: true; filename: string; blob: Blob; count: number } | { ok: false; error: RecordsError };

export type RecheckOutcome = { ok: true; rows: AttemptRow[] } | { ok: false; error: RecordsError };

export type RecordsTaskResult<T extends RecordsTask> = T extends { kind: 'import' }
  ? ImportReport[]
  : T extends { kind: 'export' }
    ? ExportOutcome
    : RecheckOutcome;

export interface RunOptions {
  onProgress?: (progress: RecordsProgress) => void;
  /** Awaited between slices of work: on the page, a macrotask so it can paint. */
  yieldEvery?: () => Promise<void>;
}

/** A file's text: the page's reader when given, else through the Blob (the worker's way). */
function readable(file: ImportFile): ImportSource {
  const { blob, text } = file;
  if (text) return { name: file.name, ...(file.size === undefined ? {} : { size: file.size }), text };
  if (blob) return { name: file.name, size: blob.size, text: () => blob.text() };
  return { name: file.name, text: () => Promise.reject(new Error('no content')) };
}

export async function runRecordsTask<T extends RecordsTask>(
  task: T,
  options: RunOptions = {},
): Promise<RecordsTaskResult<T>> {
  const t = task as RecordsTask;
  const progress = options.onProgress;
  let value: ImportReport[] | ExportOutcome | RecheckOutcome;
  if (t.kind === 'import') {
    value = await importBundles(t.files.map(readable), {
      rubrics: t.rubrics,
      ...(progress ? { onProgress: (p: ImportProgress) => progress({ kind: 'import', ...p }) } : {}),
      ...(options.yieldEvery ? { yieldEvery: options.yieldEvery } : {}),
    });
  } else if (t.kind === 'export') {
    progress?.({ kind: 'export', phase: 'reading' });
    const exported = await exportBundle(t.ids, { rubrics: t.rubrics });
    progress?.({ kind: 'export', phase: 'writing' });
    value = exported.ok
      ? {
          ok: true,
          filename: exported.value.filename,
          blob: new Blob([exported.value.json], { type: 'application/json' }),
          count: exported.value.bundle.attempts.length,
        }
      : { ok: false, error: exported.error };
  } else {
    const checked = await recheckRows(t.rows, {
      rubrics: t.rubrics,
      ...(progress
        ? { onProgress: (done: number, total: number) => progress({ kind: 'recheck', done, total }) }
        : {}),
    });
    value = checked.ok ? { ok: true, rows: checked.value } : { ok: false, error: checked.error };
  }
  return value as RecordsTaskResult<T>;
}
