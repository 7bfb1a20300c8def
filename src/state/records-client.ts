import { guard, storageStatus } from '@/records/storage';
import { createWorkerClient } from './worker-client';
import {
  runRecordsTask,
  type RecordsProgress,
  type RecordsTask,
  type RecordsTaskResult,
} from './records-tasks';

const client = createWorkerClient(
  () => new Worker(new URL('./records-worker.ts', import.meta.url), { type: 'module' }),
  { idleClose: true },
);

/** A macrotask: lets the page paint and answer input between slices of work. */
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Only what crosses to the worker: functions (a page reader's `text`) cannot be copied. */
function forWorker(task: RecordsTask): RecordsTask | null {
  if (task.kind !== 'import') return task;
  if (!task.files.every((f) => f.blob)) return null;
  return { ...task, files: task.files.map((f) => ({ name: f.name, size: f.blob!.size, blob: f.blob! })) };
}

/**
 * Runs an import, export or re-check in the records worker when the page's storage is IndexedDB
 * (the worker opens the same database); on the page, in slices, otherwise or when the worker fails.
 * Import is all-or-nothing per file and de-duplicated by id, so running it again on the page after
 * a worker failure never doubles an attempt.
 */
export async function runRecords<T extends RecordsTask>(
  task: T,
  onProgress?: (progress: RecordsProgress) => void,
): Promise<RecordsTaskResult<T>> {
  await guard(async () => undefined); // storage opened, so its kind is known
  const message = storageStatus() === 'indexeddb' ? forWorker(task) : null;
  const inWorker = message
    ? client.run(message, onProgress as ((progress: unknown) => void) | undefined)
    : null;
  if (inWorker) {
    try {
      return (await inWorker) as RecordsTaskResult<T>;
    } catch {
      // No worker here after all, or it could not reach the database: do it on the page.
    }
  }
  return runRecordsTask(task, { ...(onProgress ? { onProgress } : {}), yieldEvery: macrotask });
}
