import 'fake-indexeddb/auto';
import type { AttemptRow } from '@/records/attempt-row';
import { listAttempts, saveAttempt, saveScenarioSnapshot } from '@/records/attempts';
import { needsRecheck, recheckRows } from '@/records/recheck';
import { backend } from '@/records/storage';
import { freshStorage, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from './fixtures';

beforeEach(freshStorage);

const known = new Set([scenarioHash]);

describe('needsRecheck', () => {
  const base = {
    verification: 'verified',
    flags: [],
    minReadMs: 9000,
    fingerprint: 'f',
    scenarioHash,
  } as const;
  const row = (partial: Partial<AttemptRow>) => ({ ...base, ...partial }) as AttemptRow;

  it('pending rows, rows from older builds, and rows whose reading time can now be judged', () => {
    expect(needsRecheck(row({}), known)).toBe(false);
    expect(needsRecheck(row({ verification: 'pending' }), known)).toBe(true);
    expect(needsRecheck(row({ flags: undefined }), known)).toBe(true);
    expect(needsRecheck(row({ fingerprint: undefined }), known)).toBe(true);
    expect(needsRecheck(row({ minReadMs: null }), known)).toBe(true);
    // The scenario is still unknown: checking again would learn nothing.
    expect(needsRecheck(row({ minReadMs: null }), new Set())).toBe(false);
  });
});

describe('recheckRows', () => {
  it('an attempt saved before its snapshots were stored is checked once they are', async () => {
    const record = playRecord(GOOD);
    await saveAttempt(record);
    const [saved] = await listAttempts();
    // Saving at the end of play leaves the plausibility to Review.
    expect(saved).toMatchObject({ verification: 'pending' });
    expect(saved!.flags).toBeUndefined();

    await saveScenarioSnapshot(scenario, scenarioHash);
    expect(needsRecheck(saved!, known)).toBe(true);
    const checked = await recheckRows([saved!], { rubrics: [{ hash: rubricHash, rubric }] });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toHaveLength(1);
    expect(checked.value[0]).toMatchObject({ id: record.id, verification: 'verified', flags: [] });
    expect(checked.value[0]!.minReadMs).toBeGreaterThan(0);
    // Written back: the next load has nothing left to do.
    const [stored] = await listAttempts();
    expect(stored).toEqual(checked.value[0]);
    expect(needsRecheck(stored!, known)).toBe(false);
  });

  it('without its rubric a pending attempt stays pending, but its plausibility is filled in', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    const record = playRecord(GOOD);
    await saveAttempt(record);
    const [saved] = await listAttempts();
    const checked = await recheckRows([saved!]);
    expect(checked.ok && checked.value[0]).toMatchObject({ verification: 'pending', flags: [] });
    expect(checked.ok && checked.value[0]!.minReadMs).toBeGreaterThan(0);
  });

  it('a row written by an older build (no plausibility) gets its flags; a checked verdict is kept', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    const record = playRecord(GOOD);
    const instant = { ...record, finishedAt: record.startedAt + 5 };
    await saveAttempt(instant);
    const [saved] = await listAttempts();
    const {
      flags: _f,
      minReadMs: _m,
      fingerprint: _p,
      ...legacy
    } = { ...saved!, verification: 'mismatch' as const };
    await (await backend()).putRows([legacy]);
    const checked = await recheckRows([legacy]);
    expect(checked.ok && checked.value[0]).toMatchObject({
      verification: 'mismatch',
      flags: ['too-fast', 'clock-backwards'],
    });
    expect((await listAttempts())[0]?.flags).toEqual(['too-fast', 'clock-backwards']);
  });

  it('a row whose record is gone is skipped, and reports progress', async () => {
    const ghost = {
      id: crypto.randomUUID(),
      verification: 'pending',
      scenarioHash,
      rubricHash,
    } as AttemptRow;
    const seen: Array<[number, number]> = [];
    const checked = await recheckRows([ghost], { onProgress: (d, t) => seen.push([d, t]) });
    expect(checked).toEqual({ ok: true, value: [] });
    expect(seen).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});
