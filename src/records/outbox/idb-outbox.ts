import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { createMemoryOutboxStore, type OutboxItem, type OutboxStore } from './outbox';

// The outbox has its own database, apart from the attempt records: it can be cleared, versioned and
// opened without touching them, and a record store upgrade never waits on it.
export const OUTBOX_DB = 'composure-outbox';
const VERSION = 1;

interface OutboxDb extends DBSchema {
  queue: { key: string; value: OutboxItem; indexes: { seq: number } };
  /** Ids the LRS acknowledged: never queued again. */
  sent: { key: string; value: { id: string; at: number } };
  /** Attempts whose closing statements were queued. */
  closed: { key: string; value: { id: string } };
}

function storeOver(db: IDBPDatabase<OutboxDb>): OutboxStore {
  return {
    async add(items) {
      const tx = db.transaction(['queue', 'sent'], 'readwrite');
      let added = 0;
      for (const item of items) {
        const [queued, sent] = await Promise.all([
          tx.objectStore('queue').getKey(item.id),
          tx.objectStore('sent').getKey(item.id),
        ]);
        if (queued !== undefined || sent !== undefined) continue;
        await tx.objectStore('queue').put(item);
        added += 1;
      }
      await tx.done;
      return added;
    },
    async list() {
      return db.getAllFromIndex('queue', 'seq');
    },
    async put(items) {
      const tx = db.transaction('queue', 'readwrite');
      for (const item of items) {
        // Only items still queued: one sent meanwhile (another tab) must not come back.
        if ((await tx.store.getKey(item.id)) !== undefined) await tx.store.put(item);
      }
      await tx.done;
    },
    async markSent(ids, at) {
      const tx = db.transaction(['queue', 'sent'], 'readwrite');
      for (const id of ids) {
        await tx.objectStore('queue').delete(id);
        await tx.objectStore('sent').put({ id, at });
      }
      await tx.done;
    },
    async remove(ids) {
      const tx = db.transaction('queue', 'readwrite');
      for (const id of ids) await tx.store.delete(id);
      await tx.done;
    },
    sentCount: () => db.count('sent'),
    async isClosed(id) {
      return (await db.getKey('closed', id)) !== undefined;
    },
    async close(id) {
      await db.put('closed', { id });
    },
  };
}

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(OUTBOX_DB, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('queue', { keyPath: 'id' }).createIndex('seq', 'seq');
      db.createObjectStore('sent', { keyPath: 'id' });
      db.createObjectStore('closed', { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the outbox database is blocked by another tab'));
  });
}

/**
 * Opens the outbox in IndexedDB (the page's own, or the factory a test gives). A browser that refuses
 * it (private mode, blocked storage) gets the queue in memory and `persistent: false`, which the
 * settings page says.
 */
export async function openOutboxStore(
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
): Promise<{ store: OutboxStore; persistent: boolean; reason?: string }> {
  if (!factory)
    return { store: createMemoryOutboxStore(), persistent: false, reason: 'IndexedDB is not available' };
  try {
    const db = wrap(await openRaw(factory)) as unknown as IDBPDatabase<OutboxDb>;
    return { store: storeOver(db), persistent: true };
  } catch (error) {
    return { store: createMemoryOutboxStore(), persistent: false, reason: String(error) };
  }
}
