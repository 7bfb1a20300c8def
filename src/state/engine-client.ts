import { loadAnalyser } from './analyser';
import type { EngineTask, TaskResult } from './engine-tasks';

/** What a worker posts back: a final answer, or progress on the way to it. */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string }
  | { id: number; progress: unknown };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: unknown) => void;
}

export interface WorkerClient {
  /** Posts `message` to the worker; null when this browser (or jsdom) has no workers. */
  run(message: unknown, onProgress?: (progress: unknown) => void): Promise<unknown> | null;
}

/**
 * Request/response over a worker: ids match answers to requests, progress messages go to the
 * caller's callback. A worker that crashes fails every request in flight and is started afresh
 * next time. With `idleClose`, the worker is ended when nothing is in flight (it then holds no
 * storage connection that could block another tab's upgrade).
 */
export function createWorkerClient(make: () => Worker, options: { idleClose?: boolean } = {}): WorkerClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();

  const settle = (id: number) => {
    const pending = waiting.get(id);
    waiting.delete(id);
    if (options.idleClose && waiting.size === 0 && worker) {
      worker.terminate();
      worker = null;
    }
    return pending;
  };

  const get = (): Worker | null => {
    if (typeof Worker === 'undefined') return null; // jsdom, old browsers: compute on the page instead
    if (worker) return worker;
    const w = make();
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if ('progress' in reply) {
        waiting.get(reply.id)?.onProgress?.(reply.progress);
        return;
      }
      const pending = settle(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(reply.error));
    };
    w.onerror = (event) => {
      event.preventDefault();
      const failed = [...waiting.values()];
      waiting.clear();
      if (worker === w) worker = null;
      w.terminate();
      for (const pending of failed) pending.reject(new Error(event.message || 'worker failed'));
    };
    worker = w;
    return w;
  };

  return {
    run(message, onProgress) {
      const w = get();
      if (!w) return null;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        w.postMessage({ id, task: message });
      });
    },
  };
}

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
  const [{ runTaskNow }, analyser] = await Promise.all([import('./engine-tasks'), loadAnalyser()]);
  return runTaskNow(task, analyser);
}
