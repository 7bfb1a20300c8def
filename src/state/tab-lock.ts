/**
 * Which tab plays which attempt. Every attempt in progress belongs to the one tab that holds its lock,
 * so two tabs never write the same draft, and a tab only resumes or abandons a draft nobody holds.
 *
 * Web Locks (`navigator.locks`) where the browser has them: the browser releases a tab's locks when
 * the tab closes or crashes, so an attempt left behind is free to resume at once. Elsewhere, tabs ask
 * each other over a BroadcastChannel ("does anyone hold this attempt?") and wait briefly for an answer.
 * With neither, the tab is assumed to be alone.
 */
export interface TabLocks {
  /** Claims an attempt for this tab; false when another tab holds it. Claiming one already held is true. */
  claim(attemptId: string): Promise<boolean>;
  /** Lets go of an attempt (finished, abandoned, or this tab moved on to another). */
  release(attemptId: string): void;
}

/** The part of the Web Locks API used here (tests pass a fake). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<void> | undefined,
  ): Promise<unknown>;
}

const LOCK_PREFIX = 'composure.attempt.';

export function webLocks(locks: LockManagerLike): TabLocks {
  const held = new Map<string, () => void>();
  const claiming = new Map<string, Promise<boolean>>();
  return {
    claim(attemptId) {
      if (held.has(attemptId)) return Promise.resolve(true);
      const inFlight = claiming.get(attemptId);
      if (inFlight) return inFlight;
      const claim = new Promise<boolean>((resolve) => {
        locks
          .request(LOCK_PREFIX + attemptId, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            // Held until released, or until the browser drops it with the tab.
            return new Promise<void>((release) => {
              held.set(attemptId, release);
              resolve(true);
            });
          })
          // A lock manager that refuses (an opaque origin) cannot tell us about other tabs either.
          .catch(() => resolve(true));
      }).finally(() => claiming.delete(attemptId));
      claiming.set(attemptId, claim);
      return claim;
    },
    release(attemptId) {
      held.get(attemptId)?.();
      held.delete(attemptId);
    },
  };
}

/** No way to reach other tabs: this one is assumed to be alone. */
export function soloLocks(): TabLocks {
  return { claim: async () => true, release() {} };
}

/**
 * The BroadcastChannel fallback, loaded only where it is needed (browsers without Web Locks): until
 * it has loaded, claims wait for it.
 */
function deferredBroadcast(): TabLocks {
  const ready = import('./tab-lock-broadcast').then((m) => m.channelLocks()).catch(soloLocks);
  return {
    claim: async (attemptId) => (await ready).claim(attemptId),
    release: (attemptId) => void ready.then((locks) => locks.release(attemptId)),
  };
}

function detect(): TabLocks {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks && typeof locks.request === 'function') return webLocks(locks);
  return typeof BroadcastChannel === 'function' ? deferredBroadcast() : soloLocks();
}

let instance: TabLocks | null = null;

/** This tab's locks, detected on first use. */
export function tabLocks(): TabLocks {
  instance ??= detect();
  return instance;
}

/** Tests choose the implementation (or `null` to detect again). */
export function setTabLocks(locks: TabLocks | null): void {
  instance = locks;
}

// The attempt this tab last played, in sessionStorage (per tab, kept across a reload): after a reload
// the tab resumes its own draft rather than another free one of the same scenario. One is enough: a
// tab that moves to another scenario closes the draft it leaves.
export const TAB_ATTEMPT_KEY = 'composure.tab-attempt';

export function rememberTabAttempt(attemptId: string): void {
  try {
    sessionStorage.setItem(TAB_ATTEMPT_KEY, attemptId);
  } catch {
    // No sessionStorage (blocked, or not a browser): the most recent free draft is resumed instead.
  }
}
