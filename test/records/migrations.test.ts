import { RECORD_VERSION, type AttemptRecord } from '@/records/attempt-record';
import { AttemptRecordSchema } from '@/records/attempt-record-schema';
import { migrateRecord, uuidFromLegacyId, type RecordV0 } from '@/records/migrations';
import { verifyRecord } from '@/records/verify';
import { GOOD, playRecord, rubric, scenario } from './fixtures';

/** What the prototype would have written for the same attempt. */
function toV0(r: AttemptRecord, id = 'proto-42'): RecordV0 {
  return {
    id,
    traineeName: r.trainee.name,
    traineeId: r.trainee.id,
    scenarioId: r.scenario.id,
    scenarioVersion: r.scenario.version,
    scenarioHash: r.scenario.contentHash,
    rubricHash: r.rubric.hash,
    lang: r.locale,
    started: new Date(r.startedAt).toISOString(),
    finished: new Date(r.finishedAt).toISOString(),
    turns: r.turns.map((t) => ({
      node: t.node,
      response: t.responseId ?? undefined,
      time: new Date(t.at).toISOString(),
      ms: t.msToAnswer ?? undefined,
    })),
    score: {
      ...r.result.scores,
      overall: r.result.overall,
      passed: r.result.passed,
      passMark: r.result.passMark,
      critical: r.result.critical.map((c) => c.rule),
      outcome: r.result.outcome,
      mood: r.result.moodCurve.map((m) => [m.anger, m.trust] as [number, number]),
      broken: r.result.violated,
      missed: r.result.missed,
    },
  };
}

describe('record migrations', () => {
  it('a v0 prototype record migrates to a valid current record that still verifies', () => {
    const v1 = playRecord(GOOD);
    const migrated = migrateRecord(toV0(v1));
    expect(migrated.ok && migrated.from).toBe(0);
    const parsed = AttemptRecordSchema.safeParse(migrated.ok ? migrated.value : null);
    expect(parsed.success).toBe(true);
    const record = parsed.data!;
    expect(record).toMatchObject({
      recordVersion: RECORD_VERSION,
      seed: null,
      status: 'finished',
      trainee: v1.trainee,
      scenario: v1.scenario,
      startedAt: v1.startedAt,
      finishedAt: v1.finishedAt,
    });
    expect(record.turns.map((t) => t.responseId)).toEqual(['greet-apologise', 'promise', 'keep']);
    expect(verifyRecord(record, scenario, rubric).verification).toBe('verified');
  });

  it('a v0 id becomes a stable uuid, so importing the same old file twice de-duplicates', () => {
    const a = uuidFromLegacyId('proto-42');
    expect(a).toBe(uuidFromLegacyId('proto-42'));
    expect(a).not.toBe(uuidFromLegacyId('proto-43'));
    expect(AttemptRecordSchema.shape.id.safeParse(a).success).toBe(true);
  });

  it('a v0 record without an ending or trainee id is abandoned and keyed by name', () => {
    const v0 = {
      ...toV0(playRecord(GOOD)),
      traineeId: undefined,
      finished: null,
      score: { ...toV0(playRecord(GOOD)).score, outcome: null },
    };
    const migrated = migrateRecord(v0);
    const record = AttemptRecordSchema.parse(migrated.ok ? migrated.value : null);
    expect(record.status).toBe('abandoned');
    expect(record.trainee.id).toBe('name:li na');
  });

  it('a current record passes through unchanged', () => {
    const current = playRecord(GOOD);
    expect(migrateRecord(current)).toEqual({ ok: true, value: current, from: RECORD_VERSION });
  });

  it('a v1 record gains a null seed (authored order) and still verifies', () => {
    const current = playRecord(GOOD);
    const { seed: _seed, ...rest } = current;
    const migrated = migrateRecord({ ...rest, recordVersion: 1 });
    expect(migrated).toMatchObject({ ok: true, from: 1 });
    const record = AttemptRecordSchema.parse(migrated.ok ? migrated.value : null);
    expect(record.seed).toBeNull();
    expect(verifyRecord(record, scenario, rubric).verification).toBe('verified');
  });

  it('refuses newer versions, non-records and broken v0 shapes', () => {
    expect(migrateRecord({ ...playRecord(GOOD), recordVersion: 7 })).toMatchObject({
      ok: false,
      reason: 'newer-version',
    });
    expect(migrateRecord('hello')).toMatchObject({ ok: false, reason: 'not-a-record' });
    expect(migrateRecord({ recordVersion: -1 })).toMatchObject({ ok: false, reason: 'too-old' });
    expect(migrateRecord({ traineeName: 'x', scenarioId: 'y' })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
  });
});
