import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';
import type { AttemptRow } from './attempt-row';
import type { Draft, RecordsBackend } from './backend';

export const DB_NAME = 'composure';
const DRAFT_KEY = 'current';

interface ComposureDb extends DBSchema {
  attempts: { key: string; value: AttemptRecord };
  rows: {
    key: string;
    value: AttemptRow;
    indexes: { traineeId: string; scenarioId: string; startedAt: number };
  };
  scenarios: { key: string; value: { hash: string; scenario: Scenario } };
  rubrics: { key: string; value: { hash: string; rubric: Rubric } };
  drafts: { key: string; value: { key: string; draft: Draft } };
}

/**
 * Database versions, oldest first. A new version appends a step here (new stores or indexes); the
 * records themselves carry `recordVersion` and are migrated on read (migrations.ts).
 */
const UPGRADES: Array<(db: IDBDatabase) => void> = [
  (db) => {
    db.createObjectStore('attempts', { keyPath: 'id' });
    const rows = db.createObjectStore('rows', { keyPath: 'id' });
    rows.createIndex('traineeId', 'traineeId');
    rows.createIndex('scenarioId', 'scenarioId');
    rows.createIndex('startedAt', 'startedAt');
    db.createObjectStore('scenarios', { keyPath: 'hash' });
    db.createObjectStore('rubrics', { keyPath: 'hash' });
    db.createObjectStore('drafts', { keyPath: 'key' });
  },
];

/** Opens the database with `idb` (~1 KB, where Dexie was ~30 KB of the trainee's download). Rejects when the browser refuses IndexedDB. */
export async function openIdbBackend(factory: IDBFactory): Promise<RecordsBackend> {
  const request = factory.open(DB_NAME, UPGRADES.length);
  request.onupgradeneeded = (event) => {
    for (let v = event.oldVersion; v < UPGRADES.length; v += 1) UPGRADES[v]!(request.result);
  };
  const db = (await wrap(request)) as unknown as IDBPDatabase<ComposureDb>;
  // Another tab upgrading the schema asks us to let go; closing beats blocking it forever.
  db.addEventListener('versionchange', () => db.close());

  return {
    kind: 'indexeddb',
    async write(batch) {
      const tx = db.transaction(['attempts', 'rows', 'scenarios', 'rubrics'], 'readwrite');
      const scenarios = tx.objectStore('scenarios');
      const rubrics = tx.objectStore('rubrics');
      // Every request's promise is awaited with tx.done, so one failure (quota) rejects the whole
      // write once, and the transaction's abort leaves nothing of the batch behind.
      const ops: Promise<unknown>[] = [];
      // Snapshots are immutable by hash: keep the first content stored under a hash.
      for (const s of batch.scenarios)
        if ((await scenarios.getKey(s.hash)) === undefined) ops.push(scenarios.add(s));
      for (const r of batch.rubrics)
        if ((await rubrics.getKey(r.hash)) === undefined) ops.push(rubrics.add(r));
      for (const a of batch.attempts) ops.push(tx.objectStore('attempts').put(a));
      for (const row of batch.rows) ops.push(tx.objectStore('rows').put(row));
      await Promise.all([...ops, tx.done]);
    },
    getAttempt: (id) => db.get('attempts', id),
    async getAttempts(ids) {
      const tx = db.transaction('attempts');
      const [found] = await Promise.all([Promise.all(ids.map((id) => tx.store.get(id))), tx.done]);
      return found.filter((a): a is AttemptRecord => a !== undefined);
    },
    async existingIds(ids) {
      // One key-only scan beats thousands of point reads once the store is large.
      const wanted = new Set(ids);
      const keys = await db.getAllKeys('attempts');
      return new Set(keys.filter((k) => wanted.has(k)));
    },
    listRows: () => db.getAll('rows'),
    async putRows(rows) {
      const tx = db.transaction('rows', 'readwrite');
      await Promise.all([...rows.map((row) => tx.store.put(row)), tx.done]);
    },
    async getScenario(hash) {
      return (await db.get('scenarios', hash))?.scenario;
    },
    async getRubric(hash) {
      return (await db.get('rubrics', hash))?.rubric;
    },
    listScenarios: () => db.getAll('scenarios'),
    async getDraft() {
      return (await db.get('drafts', DRAFT_KEY))?.draft;
    },
    async putDraft(draft) {
      await db.put('drafts', { key: DRAFT_KEY, draft });
    },
    async deleteDraft() {
      await db.delete('drafts', DRAFT_KEY);
    },
    async clear() {
      const tx = db.transaction(['attempts', 'rows', 'scenarios', 'rubrics', 'drafts'], 'readwrite');
      await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
      await tx.done;
    },
    close: () => db.close(),
  };
}
