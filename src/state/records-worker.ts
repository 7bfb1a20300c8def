/// <reference lib="webworker" />
import { guard, storageStatus } from '@/records/storage';
import { NO_SHARED_STORAGE, runRecordsTask, type RecordsTask } from './records-tasks';

// Import, export and re-checking of attempt records, off the main thread, on the same IndexedDB
// database as the page. The page ends this worker when it is idle, which closes its connection.
self.onmessage = async (event: MessageEvent<{ id: number; task: RecordsTask }>) => {
  const { id, task } = event.data;
  try {
    // A worker whose storage fell back to memory would import into a store the page never reads.
    await guard(async () => undefined);
    if (storageStatus() !== 'indexeddb') throw new Error(NO_SHARED_STORAGE);
    const value = await runRecordsTask(task, {
      onProgress: (progress) => self.postMessage({ id, progress }),
    });
    self.postMessage({ id, ok: true, value });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
