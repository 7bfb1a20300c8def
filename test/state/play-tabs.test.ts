import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { LockManagerLike } from '@/state/tab-lock';
import { fakeLockManager } from '../fakes/tab-locks';

// Each "tab" is a fresh copy of every module (its own play store, storage connection and locks),
// sharing what a browser shares between tabs: the IndexedDB factory and the lock manager.
const TRAINEE = { id: 'T-1', name: 'Test Trainee' };

interface Shared {
  factory: IDBFactory;
  locks: LockManagerLike;
}

async function openTab(shared: Shared) {
  vi.resetModules();
  const storage = await import('@/records/storage');
  const { setCatalogueForTests } = await import('@/state/catalogue');
  const { setTabLocks, webLocks } = await import('@/state/tab-lock');
  const { usePlay } = await import('@/state/play-store');
  const { fakeCatalogue } = await import('../fakes/app');
  const { fakeScenario } = await import('../fakes/scenario');
  await storage.configureStorage({ indexedDB: shared.factory, keyRange: IDBKeyRange });
  setCatalogueForTests(
    fakeCatalogue([
      fakeScenario(),
      fakeScenario({ id: 'other-call', title: { en: 'Another call', 'zh-CN': '另一个来电' } }),
    ]),
  );
  const locks = webLocks(shared.locks);
  setTabLocks(locks);
  const tab = {
    play: usePlay,
    open: (scenarioId: string) => usePlay.getState().open(scenarioId, TRAINEE, 'en'),
    answer: async (choice: string) => {
      await usePlay.getState().respond({ choice });
      expect(usePlay.getState().rejected).toBeNull();
    },
    turns: () =>
      usePlay.getState().session?.state.turns.map((t) => ('choice' in t.input ? t.input.choice : '?')),
    /** A tab closing: the browser drops its locks, and its memory goes. */
    close: async () => {
      const { attemptId, unsaved } = usePlay.getState();
      for (const id of [attemptId, ...unsaved.map((u) => u.record.id)]) if (id) locks.release(id);
      usePlay.getState().reset();
      await storage.configureStorage({ indexedDB: null });
    },
    records: async () => (await import('@/records/attempts')).listAttempts(),
    drafts: async () => (await import('@/records/drafts')).listDrafts(),
  };
  return tab;
}

let shared: Shared;
beforeEach(() => {
  shared = { factory: new IDBFactory(), locks: fakeLockManager().manager };
});

describe('attempts in several tabs', () => {
  it('tabs on different scenarios: one finishing never costs the other its place', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const b = await openTab(shared);
    await b.open('other-call');
    await b.answer('greet');
    await b.answer('promise');
    expect(b.play.getState().notices).not.toContain('other-draft-closed'); // A's draft is A's

    await a.answer('promise');
    await a.answer('keep');
    expect(a.play.getState().phase).toBe('ended');
    expect(a.play.getState().savedAttemptId).toBe(a.play.getState().attemptId);

    // B reloads: back on its own turn 3, with both answers.
    await b.close();
    const b2 = await openTab(shared);
    await b2.open('other-call');
    expect(b2.play.getState().notices).toContain('resumed');
    expect(b2.turns()).toEqual(['greet', 'promise']);
    await b2.answer('keep');
    const rows = await b2.records();
    expect(rows.map((r) => [r.scenarioId, r.status, r.turns]).sort()).toEqual([
      ['fake-call', 'finished', 3],
      ['other-call', 'finished', 3],
    ]);
  });

  it('the library offers "continue" on every scenario this trainee left unfinished, and only theirs', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const b = await openTab(shared);
    await b.open('other-call');
    await b.answer('greet');
    const { useLibrary } = await import('@/state/library-store');
    await useLibrary.getState().loadProgress(TRAINEE.id);
    expect([...useLibrary.getState().draftScenarioIds].sort()).toEqual(['fake-call', 'other-call']);
    await useLibrary.getState().loadProgress('someone-else');
    expect(useLibrary.getState().draftScenarioIds).toEqual([]);
  });

  it('a second tab on the same scenario gets its own attempt and is told; both attempts are kept', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const b = await openTab(shared);
    await b.open('fake-call');
    expect(b.play.getState().notices).toEqual(['open-elsewhere']);
    expect(b.play.getState().attemptId).not.toBe(a.play.getState().attemptId);
    expect(b.turns()).toEqual([]);

    await b.answer('blame'); // B ends at once: 1 turn
    await a.answer('promise');
    await a.answer('keep');
    const rows = await a.records();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.turns).sort()).toEqual([1, 3]);
    expect(new Set(rows.map((r) => r.id))).toEqual(
      new Set([a.play.getState().attemptId, b.play.getState().attemptId]),
    );
  });

  it('quitting abandons only this tab’s attempt, never the draft another tab is playing', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const b = await openTab(shared);
    await b.open('fake-call');
    await b.answer('greet');
    await b.answer('promise');
    expect((await b.play.getState().quit()).saved).toBe(true);

    const drafts = await a.drafts();
    expect(drafts.map((d) => d.attemptId)).toEqual([a.play.getState().attemptId]);
    expect((await a.records()).map((r) => [r.status, r.turns])).toEqual([['abandoned', 2]]);
  });

  it('opening another scenario abandons only free drafts: one held by a live tab is left alone', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const b = await openTab(shared);
    await b.open('fake-call'); // a second attempt of the same scenario, in B
    await b.answer('greet');
    await b.close(); // B's draft is free now; A's is not

    const c = await openTab(shared);
    await c.open('other-call');
    expect(c.play.getState().notices).toContain('other-draft-closed');
    expect((await c.records()).map((r) => r.status)).toEqual(['abandoned']);
    expect(new Set((await c.drafts()).map((d) => d.attemptId))).toEqual(
      new Set([a.play.getState().attemptId, c.play.getState().attemptId]),
    );
  });

  it('a page that died after storing the ending but before the record: the next open stores it as finished', async () => {
    const a = await openTab(shared);
    await a.open('fake-call');
    await a.answer('greet');
    const id = a.play.getState().attemptId!;
    // Make the record write fail (the page "dies" before it), but let the draft of the ending through.
    const storage = await import('@/records/storage');
    const b = await storage.backend();
    const write = b.write.bind(b);
    b.write = async () => {
      throw new DOMException('', 'AbortError');
    };
    await a.answer('promise');
    await a.answer('keep');
    expect(a.play.getState().savedAttemptId).toBeNull();
    b.write = write;
    await a.close();

    const again = await openTab(shared);
    await again.open('other-call');
    const rows = await again.records();
    expect(rows.map((r) => [r.id, r.status, r.turns])).toEqual([[id, 'finished', 3]]);
    expect((await again.drafts()).map((d) => d.attemptId)).toEqual([again.play.getState().attemptId]);
  });
});
