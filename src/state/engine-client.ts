import { loadAnalyser } from './analyser';
import { runTaskNow, type EngineTask, type TaskResult } from './engine-tasks';

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function getWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null; // jsdom, old browsers: compute on the page instead
  if (!worker) {
    worker = new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.ok) pending?.resolve(reply.value);
      else pending?.reject(new Error(reply.error));
    };
    worker.onerror = (event) => {
      for (const pending of waiting.values())
        pending.reject(new Error(event.message || 'engine worker failed'));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

/** Runs a heavy engine task in the worker; resolves with its result. */
export function runEngineTask<T extends EngineTask>(task: T): Promise<TaskResult<T>> {
  const w = getWorker();
  if (!w) return loadAnalyser().then((analyser) => runTaskNow(task, analyser) as TaskResult<T>);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    w.postMessage({ id, task });
  });
}
