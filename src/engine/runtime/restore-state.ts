import { MIN_SESSION_STATE_VERSION, SESSION_STATE_VERSION } from './session';
import type { SessionState } from './types';

export type RestoreResult =
  | { ok: true; state: SessionState; migrated: boolean }
  | { ok: false; code: 'E_STATE_SHAPE' | 'E_STATE_TOO_OLD' | 'E_STATE_NEWER'; message: string };

/** `STATE_MIGRATIONS[n]` upgrades saved state n to n + 1. */
const STATE_MIGRATIONS: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {
  // v2 added the display-order seed and the opening line's variant: older states kept the authored order.
  1: (s) => ({ ...s, stateVersion: 2, seed: null, openingVariant: 0 }),
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a saved session state before anything resumes it: its version against the oldest this
 * engine reads, then the migrations up to the current one. Never throws; says why it refuses.
 */
export function restoreState(raw: unknown): RestoreResult {
  if (!isObject(raw) || typeof raw.stateVersion !== 'number' || !Number.isInteger(raw.stateVersion))
    return { ok: false, code: 'E_STATE_SHAPE', message: 'saved state has no stateVersion' };
  const from = raw.stateVersion;
  if (from > SESSION_STATE_VERSION)
    return {
      ok: false,
      code: 'E_STATE_NEWER',
      message: `saved state version ${from} is newer than this app reads (${SESSION_STATE_VERSION})`,
    };
  if (from < MIN_SESSION_STATE_VERSION)
    return {
      ok: false,
      code: 'E_STATE_TOO_OLD',
      message: `saved state version ${from} is older than the oldest this app reads (${MIN_SESSION_STATE_VERSION})`,
    };
  let state = raw;
  for (let v = from; v < SESSION_STATE_VERSION; v += 1) state = STATE_MIGRATIONS[v]!(state);
  const shaped =
    typeof state.scenarioId === 'string' &&
    typeof state.node === 'string' &&
    typeof state.locale === 'string' &&
    Array.isArray(state.turns) &&
    Array.isArray(state.flags) &&
    Array.isArray(state.promises) &&
    isObject(state.mood) &&
    (state.status === 'active' || state.status === 'ended') &&
    (state.seed === null || (typeof state.seed === 'number' && Number.isInteger(state.seed)));
  if (!shaped) return { ok: false, code: 'E_STATE_SHAPE', message: 'saved state is missing fields' };
  return { ok: true, state: state as unknown as SessionState, migrated: from !== SESSION_STATE_VERSION };
}
