import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { replay } from '@/engine/runtime/session';
import { getAttempt, listAttempts, saveAttempt } from '@/records/attempts';
import type { Draft } from '@/records/backend';
import { deleteDraft, listDrafts, loadDraft, saveDraft } from '@/records/drafts';
import { DB_NAME, DB_VERSION } from '@/records/idb-backend';
import { createMemoryBackend } from '@/records/memory-backend';
import { configureStorage, onStorageLost, storageFallbackReason, storageStatus } from '@/records/storage';
import { freshStorage, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from './fixtures';

function draftOf(turns: number, overrides: Partial<Draft> = {}): Draft {
  const inputs = GOOD.slice(0, turns).map((input) => ({ choice: (input as { choice: string }).choice }));
  const session = replay(scenario, rubric, inputs, { locale: 'en', now: () => 1_000 });
  return {
    attemptId: crypto.randomUUID(),
    trainee: { id: 'e-1001', name: 'Li Na' },
    scenarioHash,
    rubricHash,
    state: session.state,
    savedAt: 1_000 + turns,
    ...overrides,
  };
}

/** An IndexedDB factory that hands the test every connection it opens, to close them under the app. */
function capturingFactory() {
  const inner = new IDBFactory();
  const connections: IDBDatabase[] = [];
  const factory = {
    open: (name: string, version?: number) => {
      const request = inner.open(name, version);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    },
    deleteDatabase: (name: string) => inner.deleteDatabase(name),
    cmp: (a: unknown, b: unknown) => inner.cmp(a, b),
    databases: () => inner.databases(),
  } as unknown as IDBFactory;
  return { inner, factory, connections };
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

beforeEach(freshStorage);

describe('per-attempt drafts', () => {
  it('keeps one draft per attempt: saving, reading and deleting one never touches another', async () => {
    const a = draftOf(1, { savedAt: 10 });
    const b = draftOf(2, { savedAt: 20 });
    await saveDraft(a);
    await saveDraft(b);
    await saveDraft({ ...a, savedAt: 30, state: draftOf(2).state });

    expect((await loadDraft(a.attemptId))?.state.turns).toHaveLength(2);
    expect((await loadDraft(b.attemptId))?.state.turns).toHaveLength(2);
    expect((await listDrafts()).map((d) => d.attemptId)).toEqual([a.attemptId, b.attemptId]);
    expect((await loadDraft())?.attemptId).toBe(a.attemptId); // the most recent

    await deleteDraft(a.attemptId);
    expect(await loadDraft(a.attemptId)).toBeNull();
    expect((await listDrafts()).map((d) => d.attemptId)).toEqual([b.attemptId]);
  });

  it('every draft goes through restoreState: a newer state version is skipped, a v1 state migrated', async () => {
    const newer = draftOf(1);
    const old = draftOf(1);
    await saveDraft({ ...newer, state: { ...newer.state, stateVersion: 99 } as Draft['state'] });
    const v1 = { ...old.state, stateVersion: 1 } as Record<string, unknown>;
    delete v1.seed;
    await saveDraft({ ...old, state: v1 as unknown as Draft['state'] });

    expect(await loadDraft(newer.attemptId)).toBeNull();
    const migrated = await loadDraft(old.attemptId);
    expect(migrated?.state).toMatchObject({ stateVersion: 2, seed: null });
    expect((await listDrafts()).map((d) => d.attemptId)).toEqual([old.attemptId]);
  });

  it('a finished attempt and its draft are written together: the record stored, only its own draft gone', async () => {
    const record = playRecord(GOOD);
    const mine = draftOf(2, { attemptId: record.id });
    const other = draftOf(1);
    await saveDraft(mine);
    await saveDraft(other);
    expect((await saveAttempt(record, { deleteDraft: true })).ok).toBe(true);
    expect(await getAttempt(record.id)).toEqual(record);
    expect((await listDrafts()).map((d) => d.attemptId)).toEqual([other.attemptId]);
  });

  it('a record that cannot be written keeps its draft', async () => {
    const full = createMemoryBackend();
    await configureStorage({ backend: full });
    const record = playRecord(GOOD);
    await saveDraft(draftOf(2, { attemptId: record.id }));
    full.write = async () => {
      throw new DOMException('', 'QuotaExceededError');
    };
    const saved = await saveAttempt(record, { deleteDraft: true });
    expect(saved).toEqual({ ok: false, error: { kind: 'quota', name: 'QuotaExceededError', message: '' } });
    expect(await loadDraft(record.id)).not.toBeNull();
  });

  it('the single draft of database version 1 moves under its attempt id when the schema upgrades', async () => {
    const factory = new IDBFactory();
    const old = draftOf(2);
    // What the previous build left behind: version 1, one slot called "current".
    const open = factory.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('attempts', { keyPath: 'id' });
      const rows = db.createObjectStore('rows', { keyPath: 'id' });
      for (const index of ['traineeId', 'scenarioId', 'startedAt']) rows.createIndex(index, index);
      db.createObjectStore('scenarios', { keyPath: 'hash' });
      db.createObjectStore('rubrics', { keyPath: 'hash' });
      db.createObjectStore('drafts', { keyPath: 'key' }).put({ key: 'current', draft: old });
    };
    (await request(open)).close();

    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    expect((await loadDraft(old.attemptId))?.state.turns).toHaveLength(2);
    expect((await listDrafts()).map((d) => d.attemptId)).toEqual([old.attemptId]);
    await configureStorage({ indexedDB: null }); // let go of the database

    const reopened = await request(factory.open(DB_NAME));
    expect(reopened.version).toBe(DB_VERSION);
    const keys = await request(reopened.transaction('drafts').objectStore('drafts').getAllKeys());
    expect(keys).toEqual([old.attemptId]);
    reopened.close();
  });
});

describe('opening storage never fails', () => {
  it('a database left empty at version 1 (created by someone else) still gets every store', async () => {
    const factory = new IDBFactory();
    (await request(factory.open(DB_NAME, 1))).close();
    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    const draft = draftOf(1);
    expect((await saveDraft(draft)).ok).toBe(true);
    expect(storageStatus()).toBe('indexeddb');
    expect((await saveAttempt(playRecord(GOOD))).ok).toBe(true);
    expect(await loadDraft(draft.attemptId)).not.toBeNull();
  });

  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
  afterEach(() => {
    if (descriptor) Object.defineProperty(globalThis, 'indexedDB', descriptor);
  });

  it('an indexedDB getter that throws falls back to memory and says why', async () => {
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    await configureStorage({});
    const record = playRecord(GOOD);
    expect((await saveAttempt(record)).ok).toBe(true);
    expect(storageStatus()).toBe('memory');
    expect(storageFallbackReason()).toMatch(/^SecurityError/);
    expect(await getAttempt(record.id)).toEqual(record);
  });

  it('open() that rejects asynchronously (the request errors) falls back to memory', async () => {
    const refusing = {
      open: () => {
        const r = new IDBFactory().open(DB_NAME, 1);
        // Fails the way a blocked profile does: the request errors instead of succeeding.
        r.addEventListener('upgradeneeded', () => r.transaction!.abort());
        return r;
      },
    } as unknown as IDBFactory;
    await configureStorage({ indexedDB: refusing });
    expect((await saveDraft(draftOf(1))).ok).toBe(true);
    expect(storageStatus()).toBe('memory');
  });
});

describe('a lost connection reconnects and retries', () => {
  it('an open that fails for a moment (the database being deleted under it) is tried again, not given up for memory', async () => {
    const inner = new IDBFactory();
    let calls = 0;
    const flaky = {
      open: (name: string, version?: number) => {
        calls += 1;
        if (calls === 1) throw new DOMException('The connection was closed.', 'AbortError');
        return inner.open(name, version);
      },
    } as unknown as IDBFactory;
    await configureStorage({ indexedDB: flaky, keyRange: IDBKeyRange });
    expect((await saveDraft(draftOf(1))).ok).toBe(true);
    expect(storageStatus()).toBe('indexeddb');
    expect(calls).toBe(2);
  });

  it('after the browser closes the connection (site data cleared), the next save reopens it', async () => {
    const { factory, connections } = capturingFactory();
    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    let lost = 0;
    const stop = onStorageLost(() => (lost += 1));
    try {
      const first = draftOf(1);
      expect((await saveDraft(first)).ok).toBe(true);
      expect(connections).toHaveLength(1);
      // Its type asks for the class; it takes a connection.
      forceCloseDatabase(connections[0]! as unknown as Parameters<typeof forceCloseDatabase>[0]);
      expect(lost).toBe(1);

      const record = playRecord(GOOD);
      expect((await saveAttempt(record)).ok).toBe(true);
      expect(connections).toHaveLength(2);
      expect(storageStatus()).toBe('indexeddb');
      expect(await getAttempt(record.id)).toEqual(record);
      expect((await loadDraft(first.attemptId))?.state.turns).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('a connection closed without a word (InvalidStateError on the next call) is reopened and the call retried', async () => {
    const { factory, connections } = capturingFactory();
    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    expect((await saveDraft(draftOf(1))).ok).toBe(true);
    connections[0]!.close(); // no close event: only the next transaction finds out
    const record = playRecord(GOOD);
    expect(await saveAttempt(record)).toMatchObject({ ok: true });
    expect(connections).toHaveLength(2);
    expect(await listAttempts()).toHaveLength(1);
  });

  it('another tab opening a newer database version: this tab lets go, then keeps saving into it', async () => {
    const { inner, factory } = capturingFactory();
    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    const draft = draftOf(1);
    expect((await saveDraft(draft)).ok).toBe(true);

    // A newer build in another tab: its upgrade needs our connection closed, and only proceeds if it is.
    const newer = inner.open(DB_NAME, DB_VERSION + 1);
    newer.onupgradeneeded = () => newer.result.createObjectStore('from-the-future');
    const other = await request(newer);

    const record = playRecord(GOOD);
    expect((await saveAttempt(record)).ok).toBe(true);
    expect((await saveDraft({ ...draft, savedAt: 99 })).ok).toBe(true);
    expect(storageStatus()).toBe('indexeddb');
    const stored = await request(other.transaction('attempts').objectStore('attempts').get(record.id));
    expect(stored).toMatchObject({ id: record.id });
    expect((await loadDraft(draft.attemptId))?.savedAt).toBe(99);
    other.close();
  });

  it('storage deleted under the page: the database is created afresh and the save goes through', async () => {
    const { inner, factory } = capturingFactory();
    await configureStorage({ indexedDB: factory, keyRange: IDBKeyRange });
    await saveAttempt(playRecord(GOOD));
    await request(inner.deleteDatabase(DB_NAME));

    const draft = draftOf(2);
    expect((await saveDraft(draft)).ok).toBe(true);
    expect((await loadDraft(draft.attemptId))?.state.turns).toHaveLength(2);
    expect(await listAttempts()).toEqual([]); // what was cleared stays cleared
  });
});
