import 'fake-indexeddb/auto';
import {
  getAttempt,
  getScenarioSnapshot,
  listAttempts,
  saveAttempt,
  saveRubricSnapshot,
  saveScenarioSnapshot,
  verifyPending,
} from '@/records/attempts';
import { createMemoryBackend } from '@/records/memory-backend';
import { deleteDraft, loadDraft, saveDraft } from '@/records/drafts';
import { configureStorage, storageStatus } from '@/records/storage';
import { replay } from '@/engine/runtime/session';
import { contentHash } from '@/engine/format/content-hash';
import { BAD, freshStorage, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from './fixtures';

beforeEach(freshStorage);

describe('attempt storage (IndexedDB)', () => {
  it('a saved attempt lists as a verified row and reads back whole', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveRubricSnapshot(rubric, rubricHash);
    const record = playRecord(GOOD);
    const saved = await saveAttempt(record);
    expect(saved.ok).toBe(true);
    expect(storageStatus()).toBe('indexeddb');
    const rows = await listAttempts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: record.id,
      traineeName: 'Li Na',
      verification: 'verified',
      overall: record.result.overall,
    });
    expect(await getAttempt(record.id)).toEqual(record);
    expect(await getAttempt('missing')).toBeNull();
  });

  it('an attempt saved before its rubric snapshot is pending, then verified once the rubric is stored', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveAttempt(playRecord(BAD));
    expect((await listAttempts())[0]?.verification).toBe('pending');
    await saveRubricSnapshot(rubric, rubricHash);
    const updated = await verifyPending();
    expect(updated.ok && updated.value.map((r) => r.verification)).toEqual(['verified']);
    expect((await listAttempts())[0]?.verification).toBe('verified');
  });

  it('a scenario snapshot is immutable: a later write under the same hash keeps the first content', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveScenarioSnapshot({ ...scenario, version: 9 }, scenarioHash);
    expect((await getScenarioSnapshot(scenarioHash))?.version).toBe(1);
  });

  it('editing a scenario later never breaks or rescores attempts already made on the old version', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveRubricSnapshot(rubric, rubricHash);
    const record = playRecord(GOOD);
    await saveAttempt(record);
    const edited = {
      ...scenario,
      version: 2,
      customer: { ...scenario.customer, mood: { anger: 95, trust: 5 } },
    };
    await saveScenarioSnapshot(edited, contentHash(edited));
    await saveRubricSnapshot(rubric, rubricHash);
    expect(await verifyPending()).toMatchObject({ ok: true, value: [] });
    expect((await listAttempts())[0]).toMatchObject({
      verification: 'verified',
      overall: record.result.overall,
      scenarioVersion: 1,
    });
    expect(await getScenarioSnapshot(scenarioHash)).toEqual(scenario);
  });

  it('filters rows by trainee and pass', async () => {
    await saveAttempt(playRecord(GOOD, { id: 'a', name: 'A' }));
    await saveAttempt(playRecord(BAD, { id: 'b', name: 'B' }));
    expect((await listAttempts({ traineeId: 'b' })).map((r) => r.traineeName)).toEqual(['B']);
    expect((await listAttempts({ passed: true })).map((r) => r.traineeName)).toEqual(['A']);
  });

  it('an invalid record is refused, not stored', async () => {
    const record = { ...playRecord(GOOD), id: 'not-a-uuid' };
    const saved = await saveAttempt(record);
    expect(saved.ok).toBe(false);
    expect(await listAttempts()).toHaveLength(0);
  });

  it('keeps one draft, replaces it each turn and deletes it', async () => {
    const session = replay(scenario, rubric, [{ choice: 'greet-apologise' }], { locale: 'en', now: () => 1 });
    const draft = {
      attemptId: crypto.randomUUID(),
      trainee: { id: 'a', name: 'A' },
      scenarioHash,
      rubricHash,
      state: session.state,
      savedAt: 1,
    };
    await saveDraft(draft);
    await saveDraft({ ...draft, savedAt: 2 });
    expect((await loadDraft())?.savedAt).toBe(2);
    expect((await loadDraft())?.state.turns).toHaveLength(1);
    await deleteDraft(draft.attemptId);
    expect(await loadDraft()).toBeNull();
  });
});

describe('storage faults', () => {
  it('without IndexedDB (private mode) records fall back to memory and say so', async () => {
    await configureStorage({ indexedDB: null });
    const record = playRecord(GOOD);
    expect((await saveAttempt(record)).ok).toBe(true);
    expect(storageStatus()).toBe('memory');
    expect(await getAttempt(record.id)).toEqual(record);
  });

  it('a database that refuses to open falls back to memory', async () => {
    const broken = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await configureStorage({ indexedDB: broken });
    expect((await saveAttempt(playRecord(GOOD))).ok).toBe(true);
    expect(storageStatus()).toBe('memory');
    expect(await listAttempts()).toHaveLength(1);
  });

  it('a full disk (QuotaExceededError) comes back as a quota error, not swallowed', async () => {
    const full = createMemoryBackend();
    full.write = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await configureStorage({ backend: full });
    const saved = await saveAttempt(playRecord(GOOD));
    expect(saved).toEqual({
      ok: false,
      error: { kind: 'quota', name: 'QuotaExceededError', message: 'The quota has been exceeded.' },
    });
  });

  it('a quota error wrapped in an AbortError (inner) is still recognised', async () => {
    const full = createMemoryBackend();
    full.write = async () => {
      const inner = new DOMException('quota', 'QuotaExceededError');
      throw Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner });
    };
    await configureStorage({ backend: full });
    const saved = await saveAttempt(playRecord(GOOD));
    expect(!saved.ok && saved.error.kind).toBe('quota');
  });
});
