import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from './attempt-record';
import type { AttemptRow } from './attempt-row';
import type { Draft, RecordsBackend } from './backend';

export const DB_NAME = 'composure';
/** The single draft slot of database version 1, re-keyed by attempt id in version 2. */
const LEGACY_DRAFT_KEY = 'current';
const STORES = ['attempts', 'rows', 'scenarios', 'rubrics', 'drafts'] as const;

interface ComposureDb extends DBSchema {
  attempts: { key: string; value: AttemptRecord };
  rows: {
    key: string;
    value: AttemptRow;
    indexes: { traineeId: string; scenarioId: string; startedAt: number };
  };
  scenarios: { key: string; value: { hash: string; scenario: Scenario } };
  rubrics: { key: string; value: { hash: string; rubric: Rubric } };
  /** Keyed by attempt id since version 2 (version 1 had one slot, `current`, shared by every tab). */
  drafts: { key: string; value: { key: string; draft: Draft } };
}

/**
 * Database versions, oldest first. A new version appends a step here (new stores or indexes, or
 * moving data in the upgrade transaction); the records themselves carry `recordVersion` and are
 * migrated on read (migrations.ts).
 */
const UPGRADES: Array<(db: IDBDatabase, tx: IDBTransaction) => void> = [
  (db) => {
    const missing = (name: string) => !db.objectStoreNames.contains(name);
    if (missing('attempts')) db.createObjectStore('attempts', { keyPath: 'id' });
    if (missing('rows')) {
      const rows = db.createObjectStore('rows', { keyPath: 'id' });
      for (const index of ['traineeId', 'scenarioId', 'startedAt']) rows.createIndex(index, index);
    }
    if (missing('scenarios')) db.createObjectStore('scenarios', { keyPath: 'hash' });
    if (missing('rubrics')) db.createObjectStore('rubrics', { keyPath: 'hash' });
    if (missing('drafts')) db.createObjectStore('drafts', { keyPath: 'key' });
  },
  // v2: one draft per attempt. The old shared slot moves under its own attempt id, so an attempt in
  // progress when the app was updated still resumes. A slot that names no attempt is left where it is.
  (_db, tx) => {
    const drafts = tx.objectStore('drafts');
    const read = drafts.get(LEGACY_DRAFT_KEY);
    read.onsuccess = () => {
      const old = read.result as { draft?: Partial<Draft> } | undefined;
      const attemptId = old?.draft?.attemptId;
      if (typeof attemptId !== 'string' || attemptId === LEGACY_DRAFT_KEY) return;
      drafts.put({ key: attemptId, draft: old!.draft });
      drafts.delete(LEGACY_DRAFT_KEY);
    };
  },
];
export const DB_VERSION = UPGRADES.length;

async function openDatabase(factory: IDBFactory): Promise<IDBPDatabase<ComposureDb>> {
  try {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      // Version 1's stores are made sure of on every upgrade: a database created empty (by a tool, or
      // another script of this origin) must not leave the app without its stores.
      UPGRADES[0]!(request.result, request.transaction!);
      for (let v = Math.max(1, event.oldVersion); v < DB_VERSION; v += 1)
        UPGRADES[v]!(request.result, request.transaction!);
    };
    return (await wrap(request)) as unknown as IDBPDatabase<ComposureDb>;
  } catch (error) {
    // A newer build in another tab upgraded the database. Its stores are a superset of ours (versions
    // only ever add), so this tab keeps saving into it rather than losing the attempt in progress.
    if ((error as DOMException | null)?.name !== 'VersionError') throw error;
    const db = (await wrap(factory.open(DB_NAME))) as unknown as IDBPDatabase<ComposureDb>;
    if (STORES.every((name) => db.objectStoreNames.contains(name))) return db;
    db.close();
    throw error;
  }
}

export interface IdbBackendOptions {
  /**
   * Called once when the connection is lost: storage cleared under the page, another tab upgrading
   * the database (we let go rather than block it), or the browser closing it. The backend is useless
   * afterwards; storage.ts opens a new one.
   */
  onClose?: () => void;
}

/** Opens the database with `idb` (~1 KB, where Dexie was ~30 KB of the trainee's download). Rejects when the browser refuses IndexedDB. */
export async function openIdbBackend(
  factory: IDBFactory,
  options: IdbBackendOptions = {},
): Promise<RecordsBackend> {
  const db = await openDatabase(factory);
  let open = true;
  const lost = () => {
    if (!open) return;
    open = false;
    options.onClose?.();
  };
  // Another tab upgrading the schema asks us to let go; closing beats blocking it forever.
  db.addEventListener('versionchange', () => {
    db.close();
    lost();
  });
  // Fired when the browser closes the connection itself (site data cleared, disk gone).
  db.addEventListener('close', lost);

  return {
    kind: 'indexeddb',
    async write(batch) {
      // The drafts store only when a draft goes with the batch (STORES lists it last).
      const tx = db.transaction(batch.deleteDrafts?.length ? STORES : STORES.slice(0, 4), 'readwrite');
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
      for (const id of batch.deleteDrafts ?? []) ops.push(tx.objectStore('drafts').delete(id));
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
    async getDraft(attemptId) {
      return (await db.get('drafts', attemptId))?.draft;
    },
    async listDrafts() {
      return (await db.getAll('drafts')).map((entry) => entry.draft);
    },
    async putDraft(draft) {
      await db.put('drafts', { key: draft.attemptId, draft });
    },
    async deleteDraft(attemptId) {
      await db.delete('drafts', attemptId);
    },
    async clear() {
      const tx = db.transaction([...STORES], 'readwrite');
      await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()));
      await tx.done;
    },
    close: () => {
      open = false; // closed on purpose: not a loss to report
      db.close();
    },
    isOpen: () => open,
  };
}
