import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware';

// localStorage for zustand's `persist` that never throws: blocked storage (privacy modes, quotas)
// must not break the app, and what was saved stays in memory for this visit.

/** The version `migrate` receives for a value an older build saved bare, before it used `persist`. */
export const BARE_VERSION = 0;

const isEnvelope = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  'state' in value &&
  typeof (value as { version?: unknown }).version === 'number';

/** JSON, or undefined for text that is not (a corrupt or hand-edited value). */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function safeLocalStorage(bare: ((raw: string) => unknown) | undefined): StateStorage {
  const local = () => globalThis.localStorage as Storage | undefined;
  return {
    getItem: (name) => {
      let raw: string | null | undefined;
      try {
        raw = local()?.getItem(name);
      } catch {
        return null;
      }
      if (raw === null || raw === undefined) return null;
      if (isEnvelope(parseJson(raw))) return raw;
      // Saved bare by an older build: hand it to `migrate` as version 0.
      return bare ? JSON.stringify({ state: bare(raw) ?? null, version: BARE_VERSION }) : null;
    },
    setItem: (name, value) => {
      try {
        local()?.setItem(name, value);
      } catch {
        // Full or blocked: the value still lives in memory.
      }
    },
    removeItem: (name) => {
      try {
        local()?.removeItem(name);
      } catch {
        // nothing to remove
      }
    },
  };
}

export interface LocalStorageOptions<S> {
  /** The state an older build's bare value stands for; `migrate` gets it with version 0. */
  bare?: (raw: string) => unknown;
  /** State that is nothing to keep: its key is removed rather than written. */
  isEmpty?: (state: S) => boolean;
}

/** The `storage` option for `persist`: JSON in localStorage, never throwing, reading older bare values. */
export function localJsonStorage<S>(options: LocalStorageOptions<S> = {}): PersistStorage<S> {
  const json = createJSONStorage<S>(() => safeLocalStorage(options.bare))!;
  return {
    getItem: json.getItem,
    removeItem: json.removeItem,
    setItem: (name, value) =>
      options.isEmpty?.(value.state) ? json.removeItem(name) : json.setItem(name, value),
  };
}

/** A field of a saved value of unknown shape. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
