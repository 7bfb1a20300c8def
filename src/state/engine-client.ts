import { loadAnalyzer } from './analyzer';
import type { EngineTask, TaskResult } from './engine-tasks';
import { createWorkerClient } from './worker-client';

const engine = createWorkerClient(
  () => new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' }),
);

/**
 * Runs a heavy engine task (replay, check, graph search) in the worker; resolves with its result.
 * Without workers the page runs it, loading the task code only then: a browser with workers never
 * downloads the searches and checks twice.
 */
export async function runEngineTask<T extends EngineTask>(task: T): Promise<TaskResult<T>> {
  const inWorker = engine.run(task);
  if (inWorker) return (await inWorker) as TaskResult<T>;
  const [{ runTaskNow }, analyzer] = await Promise.all([import('./engine-tasks'), loadAnalyzer()]);
  return runTaskNow(task, analyzer);
}
