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
  /** Fails what is in flight with `WORKER_CANCELLED` and ends the worker running it; the next run starts a fresh one. */
  cancel(): void;
}

export interface WorkerClientOptions {
  /** End the worker when nothing is in flight (it then holds no storage connection that could block another tab's upgrade). */
  idleClose?: boolean;
  /**
   * Only the newest request matters: a run while another is in flight cancels it. A long task (a
   * score search) cannot be interrupted otherwise than by ending its worker.
   */
  latestOnly?: boolean;
}

export const WORKER_CANCELLED = 'cancelled by a newer request';

/**
 * Request/response over a worker: ids match answers to requests, progress messages go to the
 * caller's callback. A worker that crashes fails every request in flight and is started afresh
 * next time. The worker receives `{ id, task }` and answers with a `WorkerReply`.
 */
export function createWorkerClient(make: () => Worker, options: WorkerClientOptions = {}): WorkerClient {
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

  /** Ends `w` and fails everything in flight with `message`. */
  const stop = (w: Worker, message: string) => {
    const failed = [...waiting.values()];
    waiting.clear();
    if (worker === w) worker = null;
    w.terminate();
    for (const pending of failed) pending.reject(new Error(message));
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
      stop(w, event.message || 'worker failed');
    };
    worker = w;
    return w;
  };

  const cancel = () => {
    if (worker && waiting.size > 0) stop(worker, WORKER_CANCELLED);
  };

  return {
    run(message, onProgress) {
      if (options.latestOnly) cancel();
      const w = get();
      if (!w) return null;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        w.postMessage({ id, task: message });
      });
    },
    cancel,
  };
}
