import type { RecordsBackend, StorageKind } from './backend';
import { openIdbBackend } from './idb-backend';
import { createMemoryBackend } from './memory-backend';

export type RecordsErrorKind = 'quota' | 'storage';
export interface RecordsError {
  kind: RecordsErrorKind;
  message: string;
}
export type RecordsResult<T = void> = { ok: true; value: T } | { ok: false; error: RecordsError };

let pending: Promise<RecordsBackend> | null = null;
let status: StorageKind = 'indexeddb';
let fallbackReason: string | null = null;
let factoryOverride: { indexedDB: IDBFactory | null; keyRange?: typeof IDBKeyRange } | undefined;

async function open(): Promise<RecordsBackend> {
  const factory = factoryOverride ? factoryOverride.indexedDB : (globalThis.indexedDB ?? null);
  if (!factory) return fallBack('IndexedDB is not available');
  try {
    const backend = await openIdbBackend(factory);
    status = 'indexeddb';
    return backend;
  } catch (error) {
    // Private windows and locked-down profiles refuse to open a database; keep working in memory.
    return fallBack(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
}

function fallBack(reason: string): RecordsBackend {
  status = 'memory';
  fallbackReason = reason;
  return createMemoryBackend();
}

/** The backend, opened once. Never rejects: the worst case is the in-memory fallback. */
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

/** Tests and the bench pick the IndexedDB implementation (or `null` for none) and start afresh. */
export async function configureStorage(
  options: { indexedDB: IDBFactory | null; keyRange?: typeof IDBKeyRange } | { backend: RecordsBackend },
) {
  if (pending) (await pending).close();
  fallbackReason = null;
  if ('backend' in options) {
    factoryOverride = undefined;
    status = options.backend.kind;
    pending = Promise.resolve(options.backend);
    return;
  }
  factoryOverride = options;
  status = 'indexeddb';
  pending = null;
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; inner?: unknown; failures?: unknown[] };
    if (e.name === 'QuotaExceededError') return 'QuotaExceededError';
    if (e.inner) return errorName(e.inner);
    if (Array.isArray(e.failures) && e.failures.length) return errorName(e.failures[0]);
    if (typeof e.name === 'string') return e.name;
  }
  return 'Error';
}

/** The browser's QuotaExceededError, also when a wrapper hides it (AbortError.inner, bulk failures). */
export function isQuotaError(error: unknown): boolean {
  return errorName(error) === 'QuotaExceededError';
}

export function toRecordsError(error: unknown): RecordsError {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: isQuotaError(error) ? 'quota' : 'storage', message };
}

/** Runs a storage call and turns any failure into a value the UI can show. */
export async function guard<T>(run: (b: RecordsBackend) => Promise<T>): Promise<RecordsResult<T>> {
  try {
    return { ok: true, value: await run(await backend()) };
  } catch (error) {
    return { ok: false, error: toRecordsError(error) };
  }
}
