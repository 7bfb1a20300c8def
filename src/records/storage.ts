import type { RecordsBackend, StorageKind } from './backend';
import { openIdbBackend } from './idb-backend';

export type RecordsErrorKind = 'quota' | 'storage';
export interface RecordsError {
  kind: RecordsErrorKind;
  /**
   * The browser's name for the failure (`QuotaExceededError`, `InvalidStateError`…). Chrome's quota
   * error arrives with an empty message, so this is what the UI can always show.
   */
  name?: string;
  message: string;
}
export type RecordsResult<T = void> = { ok: true; value: T } | { ok: false; error: RecordsError };

interface FactoryOptions {
  /** `null` for none (private mode); omitted for the page's own `indexedDB`. */
  indexedDB?: IDBFactory | null;
  keyRange?: typeof IDBKeyRange;
}

let pending: Promise<RecordsBackend> | null = null;
/** The IndexedDB connection `open()` made (not one a test configured): the only kind that reconnects. */
let connection: RecordsBackend | null = null;
let status: StorageKind = 'indexeddb';
let fallbackReason: string | null = null;
let factoryOverride: FactoryOptions | undefined;
const lostListeners = new Set<() => void>();

const describe = (error: unknown) => {
  const { name, message } = toRecordsError(error);
  return message ? `${name}: ${message}` : name!;
};

/** The page's IndexedDB. Reading `indexedDB` itself throws in some locked-down contexts (SecurityError). */
function factory(): { factory: IDBFactory | null; reason?: string } {
  if (factoryOverride && factoryOverride.indexedDB !== undefined)
    return { factory: factoryOverride.indexedDB };
  try {
    return { factory: globalThis.indexedDB ?? null };
  } catch (error) {
    return { factory: null, reason: describe(error) };
  }
}

/** Failures of a moment (the database being deleted under us while we reopen it): worth another try. */
const TRANSIENT = new Set(['AbortError', 'UnknownError', 'TimeoutError']);
const OPEN_RETRIES_MS = [50, 200, 800];

async function open(): Promise<RecordsBackend> {
  const found = factory();
  if (!found.factory) return fallBack(found.reason ?? 'IndexedDB is not available');
  for (let attempt = 0; ; attempt += 1) {
    try {
      const opened: { backend?: RecordsBackend } = {};
      const backend = await openIdbBackend(found.factory, { onClose: () => lost(opened.backend) });
      opened.backend = backend;
      connection = backend;
      status = 'indexeddb';
      return backend;
    } catch (error) {
      const wait = OPEN_RETRIES_MS[attempt];
      if (wait !== undefined && TRANSIENT.has(errorName(error))) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      // Private windows and locked-down profiles refuse to open a database; keep working in memory.
      return fallBack(describe(error));
    }
  }
}

/** The connection went away under us: forget it so the next call reopens, and tell whoever listens. */
function lost(backend: RecordsBackend | undefined, notify = true) {
  if (!backend || backend !== connection) return;
  connection = null;
  pending = null;
  if (notify) for (const listener of [...lostListeners]) listener();
}

/** Memory is the rare case (private windows, blocked storage): its code loads only then. */
async function fallBack(reason: string): Promise<RecordsBackend> {
  status = 'memory';
  fallbackReason = reason;
  try {
    return (await import('./memory-backend')).createMemoryBackend();
  } catch (error) {
    // Not even that (offline, and the chunk never loaded): every call fails, visibly, with this.
    const failing = async () => {
      throw error;
    };
    return new Proxy({ kind: 'memory', close() {} } as unknown as RecordsBackend, {
      get: (target, key) => (key in target ? target[key as keyof RecordsBackend] : failing),
    });
  }
}

/** The backend, opened once (and again after the connection is lost). Never rejects: the worst case is the in-memory fallback. */
export function backend(): Promise<RecordsBackend> {
  pending ??= open();
  return pending;
}

/** Where records are going now. `memory` means they vanish with the tab: the UI must say so. */
export function storageStatus(): StorageKind {
  return status;
}

export function storageFallbackReason(): string | null {
  return fallbackReason;
}

/**
 * Calls `listener` whenever the database connection is lost (site data cleared, another tab upgrading
 * the database). The next storage call reopens it; a store uses this to write its draft again at once.
 */
export function onStorageLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/** Tests and the bench pick the IndexedDB implementation (`null` for none, `{}` for the page's own) and start afresh. */
export async function configureStorage(options: FactoryOptions | { backend: RecordsBackend }) {
  const previous = pending;
  pending = null;
  connection = null;
  if (previous) (await previous).close();
  fallbackReason = null;
  if ('backend' in options) {
    factoryOverride = undefined;
    status = options.backend.kind;
    pending = Promise.resolve(options.backend);
    return;
  }
  factoryOverride = options;
  status = 'indexeddb';
}

/** The browser's name for a failure, also when a wrapper hides it (AbortError.inner, bulk failures). */
function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; inner?: unknown; failures?: unknown[] };
    if (e.inner) return errorName(e.inner);
    if (Array.isArray(e.failures) && e.failures.length) return errorName(e.failures[0]);
    if (typeof e.name === 'string') return e.name;
  }
  return 'Error';
}

export function toRecordsError(error: unknown): RecordsError {
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const name = errorName(error);
  return { kind: name === 'QuotaExceededError' ? 'quota' : 'storage', name, message };
}

/** A failure that a fresh connection may not have: the old one was closed, or is closing. */
function connectionGone(b: RecordsBackend, error: unknown): boolean {
  return b.isOpen?.() === false || errorName(error) === 'InvalidStateError';
}

/**
 * Runs a storage call and turns any failure into a value the UI can show. When the IndexedDB
 * connection was lost (storage cleared, a newer version opened in another tab) it reopens and runs
 * the call once more: every call is one transaction, so a failed one left nothing behind.
 */
export async function guard<T>(run: (b: RecordsBackend) => Promise<T>): Promise<RecordsResult<T>> {
  for (let attempt = 0; ; attempt += 1) {
    const b = await backend();
    const reconnects = b === connection;
    try {
      return { ok: true, value: await run(b) };
    } catch (error) {
      if (attempt === 0 && reconnects) {
        // The close event can trail the aborted transaction by a task: let it arrive first.
        await new Promise((resolve) => setTimeout(resolve, 0));
        // Gone, or already given up by the close event or a call that failed alongside this one.
        if (b !== connection || connectionGone(b, error)) {
          // This call retries by itself, so listeners are not woken (they would only write again).
          if (b === connection) {
            b.close();
            lost(b, false);
          }
          continue;
        }
      }
      return { ok: false, error: toRecordsError(error) };
    }
  }
}
