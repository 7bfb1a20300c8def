import { replay } from '@/engine/runtime/session';
import { buildAttemptRecord, toTraineeInput, RECORD_VERSION } from '@/records/attempt-record';
import { toAttemptRow } from '@/records/attempt-row';
import { rememberPracticeLink } from '@/records/practice-link';
import { AttemptRecordSchema } from '@/records/attempt-record-schema';
import { BAD, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from './fixtures';
import { verifyRecord } from '@/records/verify';

describe('attempt record v1', () => {
  it('a played attempt becomes a schema-valid v1 record pinned to its scenario and rubric hashes', () => {
    const record = playRecord(GOOD);
    expect(AttemptRecordSchema.safeParse(record).success).toBe(true);
    expect(record.recordVersion).toBe(RECORD_VERSION);
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record.scenario).toMatchObject({ id: 'fake-callback-call', version: 1 });
    expect(record.turns.map((t) => t.responseId)).toEqual(['greet-apologise', 'promise', 'keep']);
    expect(record.turns[0]?.msToAnswer).toBe(4200);
    expect(record.result.outcome).toBe('resolved');
    expect(record.finishedAt).toBeGreaterThanOrEqual(record.startedAt);
  });

  it('stored turns turn back into the same engine inputs', () => {
    const record = playRecord(GOOD);
    expect(record.turns.map(toTraineeInput)).toEqual(GOOD);
  });

  it('a blaming attempt records the critical violation and fails', () => {
    const record = playRecord(BAD);
    expect(record.result.passed).toBe(false);
    expect(record.result.violated).toContain('etiquette.no-blame');
    expect(record.result.critical.map((c) => c.rule)).toContain('etiquette.no-blame');
  });

  it('an untouched record verifies against its scenario and rubric', () => {
    expect(verifyRecord(playRecord(GOOD), scenario, rubric).verification).toBe('verified');
    expect(verifyRecord(playRecord(BAD), scenario, rubric).verification).toBe('verified');
  });

  it('an abandoned attempt mid-way verifies too', () => {
    const record = playRecord([{ choice: 'greet-apologise' }], undefined, 'abandoned');
    expect(record.result.outcome).toBeNull();
    expect(verifyRecord(record, scenario, rubric).verification).toBe('verified');
  });

  it('an edited score, an edited response or a missing scenario is never trusted', () => {
    const record = playRecord(BAD);
    const scoreEdited = { ...record, result: { ...record.result, overall: 99, passed: true } };
    const v = verifyRecord(scoreEdited, scenario, rubric);
    expect(v.verification).toBe('mismatch');
    expect(v.differences.join('\n')).toMatch(/overall/);
    const responseEdited = {
      ...record,
      turns: record.turns.map((t, i) => (i === 0 ? { ...t, responseId: 'greet-apologise' } : t)),
    };
    expect(verifyRecord(responseEdited, scenario, rubric).verification).toBe('mismatch');
    const unknownChoice = { ...record, turns: record.turns.map((t) => ({ ...t, responseId: 'nope' })) };
    expect(verifyRecord(unknownChoice, scenario, rubric).verification).toBe('mismatch');
    expect(verifyRecord(record, undefined, rubric).verification).toBe('unknown-scenario');
  });

  it('editing the scenario never rescores an attempt made on the old version', () => {
    const record = playRecord(GOOD);
    const edited = {
      ...scenario,
      version: 2,
      customer: { ...scenario.customer, mood: { anger: 95, trust: 5 } },
    };
    // Against its own snapshot it still verifies; against the edited version it would not.
    expect(verifyRecord(record, scenario, rubric).verification).toBe('verified');
    expect(verifyRecord(record, edited, rubric).verification).toBe('mismatch');
  });

  it('a very long trainee name or id is clamped so the record still saves', () => {
    const record = playRecord(GOOD, { id: 'x'.repeat(300), name: '李'.repeat(500) });
    expect(AttemptRecordSchema.safeParse(record).success).toBe(true);
    expect(record.trainee.name).toHaveLength(200);
  });

  it('a practice branch carries its origin; records without one read as before', () => {
    const plain = playRecord(GOOD);
    expect('practice' in plain).toBe(false);
    expect(toAttemptRow(plain, 'verified').practice).toBeUndefined();
    const of = crypto.randomUUID();
    const branch = { ...plain, practice: { of, fromTurn: 2 } };
    expect(AttemptRecordSchema.safeParse(branch).success).toBe(true);
    expect(toAttemptRow(branch, 'verified').practice).toBe(true);
    expect(AttemptRecordSchema.safeParse({ ...plain, practice: { of, fromTurn: 0 } }).success).toBe(false);
    expect(AttemptRecordSchema.safeParse({ ...plain, practice: { of: 'x', fromTurn: 2 } }).success).toBe(
      false,
    );
  });

  it('the record of an attempt begun as a practice branch is marked when it is built', () => {
    const trainee = { id: 'e-1', name: 'Li Na' };
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    });
    try {
      const of = crypto.randomUUID();
      const id = crypto.randomUUID();
      rememberPracticeLink(id, { of, fromTurn: 3 });
      const session = replay(scenario, rubric, GOOD, { now: () => 0 });
      const build = (attemptId: string) =>
        buildAttemptRecord({ attemptId, trainee, session, scenarioHash, rubricHash, status: 'finished' });
      expect(build(id).practice).toEqual({ of, fromTurn: 3 });
      expect('practice' in build(crypto.randomUUID())).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
