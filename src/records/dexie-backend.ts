import { Dexie, type Table } from 'dexie';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';
import type { AttemptRow } from './attempt-row';
import type { Draft, RecordsBackend } from './backend';

export const DB_NAME = 'composure';
const DRAFT_KEY = 'current';

class ComposureDb extends Dexie {
  attempts!: Table<AttemptRecord, string>;
  rows!: Table<AttemptRow, string>;
  scenarios!: Table<{ hash: string; scenario: Scenario }, string>;
  rubrics!: Table<{ hash: string; rubric: Rubric }, string>;
  drafts!: Table<{ key: string; draft: Draft }, string>;

  constructor(name: string, options?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, options);
    // Schema history. A new version adds `.stores()` + `.upgrade(tx => ...)` running `migrateRecord`
    // over stored attempts; records themselves carry `recordVersion` and are migrated on read too.
    this.version(1).stores({
      attempts: 'id',
      rows: 'id, traineeId, scenarioId, startedAt',
      scenarios: 'hash',
      rubrics: 'hash',
      drafts: 'key',
    });
  }
}

/** Opens the database; rejects when the browser refuses IndexedDB (private mode, disabled storage). */
export async function openDexieBackend(factory?: IDBFactory, keyRange?: typeof IDBKeyRange): Promise<RecordsBackend> {
  const db = factory ? new ComposureDb(DB_NAME, { indexedDB: factory, IDBKeyRange: keyRange ?? IDBKeyRange }) : new ComposureDb(DB_NAME);
  await db.open();

  return {
    kind: 'indexeddb',
    async write(batch) {
      await db.transaction('rw', [db.attempts, db.rows, db.scenarios, db.rubrics], async () => {
        if (batch.scenarios.length) {
          const have = await db.scenarios.bulkGet(batch.scenarios.map((s) => s.hash));
          await db.scenarios.bulkAdd(batch.scenarios.filter((_, i) => have[i] === undefined));
        }
        if (batch.rubrics.length) {
          const have = await db.rubrics.bulkGet(batch.rubrics.map((r) => r.hash));
          await db.rubrics.bulkAdd(batch.rubrics.filter((_, i) => have[i] === undefined));
        }
        if (batch.attempts.length) await db.attempts.bulkPut(batch.attempts);
        if (batch.rows.length) await db.rows.bulkPut(batch.rows);
      });
    },
    getAttempt: (id) => db.attempts.get(id),
    async getAttempts(ids) {
      return (await db.attempts.bulkGet(ids)).filter((a): a is AttemptRecord => a !== undefined);
    },
    async existingIds(ids) {
      // One key-only scan (getAllKeys) beats anyOf's cursor jumps by far once the store is large.
      const wanted = new Set(ids);
      const keys = await db.attempts.toCollection().primaryKeys();
      return new Set(keys.filter((k) => wanted.has(k)));
    },
    listRows: () => db.rows.toArray(),
    async putRows(rows) {
      await db.rows.bulkPut(rows);
    },
    async getScenario(hash) {
      return (await db.scenarios.get(hash))?.scenario;
    },
    async getRubric(hash) {
      return (await db.rubrics.get(hash))?.rubric;
    },
    listScenarios: () => db.scenarios.toArray(),
    async getDraft() {
      return (await db.drafts.get(DRAFT_KEY))?.draft;
    },
    async putDraft(draft) {
      await db.drafts.put({ key: DRAFT_KEY, draft });
    },
    async deleteDraft() {
      await db.drafts.delete(DRAFT_KEY);
    },
    async clear() {
      await db.transaction('rw', [db.attempts, db.rows, db.scenarios, db.rubrics, db.drafts], async () => {
        await Promise.all([db.attempts.clear(), db.rows.clear(), db.scenarios.clear(), db.rubrics.clear(), db.drafts.clear()]);
      });
    },
    close: () => db.close(),
  };
}
