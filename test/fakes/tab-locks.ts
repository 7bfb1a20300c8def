import type { LockManagerLike } from '@/state/tab-lock';

/** The Web Locks API as a browser keeps it: one manager for every tab of the origin. */
export function fakeLockManager() {
  const held = new Set<string>();
  const manager: LockManagerLike = {
    async request(name, _options, callback) {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
  return { manager, held };
}
