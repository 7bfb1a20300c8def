import { readFileSync } from 'node:fs';
import validateStatement from '@learninglocker/xapi-validation';
import { replay } from '@/engine/runtime/session';
import type { TraineeInput } from '@/engine/runtime/types';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { buildAttemptRecord, toRecordTurn } from '@/records/attempt-record';
import { verifyRecord } from '@/records/verify';
import { rebuildAttempts } from '@/records/xapi/rebuild';
import {
  closingStatements,
  contextForRecord,
  initializedStatement,
  isoDuration,
  respondedStatement,
  statementsForRecord,
} from '@/records/xapi/statements';
import type { XapiStatement } from '@/records/xapi/types';
import { uuidV5 } from '@/records/xapi/uuid';
import { CMI5, EXTENSIONS, VERBS } from '@/records/xapi/vocabulary';
import { BAD, GOOD, playRecord, rubric, rubricHash, scenario, scenarioHash } from '../fixtures';

const actor = {
  objectType: 'Agent' as const,
  name: 'Li Na',
  account: { homePage: 'https://hr.example.com', name: 'e-1001' },
};

/** Learning Locker's validator: every problem with a statement, as readable lines. */
function problems(statement: XapiStatement): string[] {
  return validateStatement(JSON.parse(JSON.stringify(statement))).map((w) => {
    const path = (w as { path?: unknown[] }).path ?? [];
    return `${path.join('.')}: ${(w as { constructor: { name: string } }).constructor.name}`;
  });
}

function typedRecord() {
  let t = Date.UTC(2026, 10, 3, 9, 0, 0);
  const session = replay(
    scenario,
    rubric,
    [{ text: 'Good morning, I am so sorry about this, that must be frustrating.', msToAnswer: 8000 }],
    { locale: 'en', now: () => (t += 5000), analyzer: freeTextAnalyzer, seed: 12345 },
  );
  return buildAttemptRecord({
    trainee: { id: 'e-1002', name: 'Wang Wei' },
    session,
    scenarioHash,
    rubricHash,
    status: 'abandoned',
  });
}

describe('xAPI statements from an attempt record', () => {
  it('maps a finished attempt: initialized, one responded per turn, completed, passed/failed, terminated — all valid xAPI', () => {
    const record = playRecord(GOOD);
    const statements = statementsForRecord(record, scenario, rubric, { actor });
    expect(statements.map((s) => s.verb.id)).toEqual([
      VERBS.initialized,
      ...record.turns.map(() => VERBS.responded),
      VERBS.completed,
      record.result.passed ? VERBS.passed : VERBS.failed,
      VERBS.terminated,
    ]);
    for (const s of statements) {
      expect(problems(s)).toEqual([]);
      expect(s.context?.registration).toBe(record.id);
    }
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);

    const init = statements[0]!;
    expect(init.object.id).toBe('https://w3id.org/xapi/composure/activities/scenarios/fake-callback-call/v1');
    expect(init.object.definition?.type).toBe('http://adlnet.gov/expapi/activities/simulation');

    const first = statements[1]!;
    expect(first.object.definition?.interactionType).toBe('choice');
    expect(first.object.definition?.choices?.map((c) => c.id).sort()).toEqual(['blame', 'greet-apologise']);
    expect(first.result?.response).toBe('greet-apologise');
    expect(first.result?.duration).toBe('PT4.2S');
    const evidence = first.result?.extensions?.[EXTENSIONS.evidence] as Array<{
      rule: string;
      verdict: string;
    }>;
    expect(evidence.map((e) => `${e.rule}:${e.verdict}`)).toContain('apology.sincere:met');
    expect(first.result?.extensions?.[EXTENSIONS.mood]).toEqual(record.result.moodCurve[1]);

    const graded = statements.at(-2)!;
    expect(graded.result?.score).toEqual({
      scaled: record.result.overall / 100,
      raw: record.result.overall,
      min: 0,
      max: 100,
    });
    expect(graded.result?.success).toBe(record.result.passed);
    expect(graded.result?.extensions?.[EXTENSIONS.principleScores]).toEqual(record.result.scores);
    expect(graded.result?.duration).toMatch(/^PT/);
  });

  it('maps a typed reply: the words as the response, the reading kept; an abandoned attempt ends with terminated only', () => {
    const record = typedRecord();
    const statements = statementsForRecord(record, scenario, rubric, { actor });
    for (const s of statements) expect(problems(s)).toEqual([]);
    expect(statements.map((s) => s.verb.id)).toEqual([VERBS.initialized, VERBS.responded, VERBS.terminated]);
    const responded = statements[1]!;
    expect(responded.result?.response).toBe(record.turns[0]!.text);
    expect(responded.result?.extensions?.[EXTENSIONS.reading]).toEqual(record.turns[0]!.reading);
    // The choices are listed in the order this attempt showed them (its seed).
    expect(statements[0]!.context?.extensions?.[EXTENSIONS.attempt]).toMatchObject({ seed: 12345 });
  });

  it('gives the same statement ids and contents every time: re-sending is idempotent', () => {
    const record = playRecord(BAD);
    const a = statementsForRecord(record, scenario, rubric, { actor });
    const b = statementsForRecord(record, scenario, rubric, { actor });
    expect(b).toEqual(a);
    expect(a[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('builds the per-turn statement from the live session exactly as from the stored record', () => {
    let t = Date.UTC(2026, 10, 4, 9, 0, 0);
    const inputs: TraineeInput[] = GOOD;
    const session = replay(scenario, rubric, inputs, { locale: 'en', now: () => (t += 5000), seed: 7 });
    const record = buildAttemptRecord({
      trainee: { id: 'e-1', name: 'A' },
      session,
      scenarioHash,
      rubricHash,
      status: 'finished',
    });
    const ctx = contextForRecord(record, scenario, { actor });
    const live = [
      initializedStatement(ctx),
      ...session.state.turns.map((turn, i) => respondedStatement(ctx, i, toRecordTurn(turn), turn)),
      ...closingStatements(ctx, record),
    ];
    expect(JSON.parse(JSON.stringify(live))).toEqual(
      JSON.parse(JSON.stringify(statementsForRecord(record, scenario, rubric, { actor }))),
    );
  });

  it('rebuilds the records from the statements, in any order and with duplicates, and they verify', () => {
    const records = [playRecord(GOOD), playRecord(BAD), typedRecord()];
    const all = records.flatMap((r) => statementsForRecord(r, scenario, rubric, { actor }));
    const shuffled = [...all, ...all.slice(0, 5)].reverse();
    const report = rebuildAttempts(shuffled);
    expect(report.problems).toEqual([]);
    expect(report.inProgress).toBe(0);
    const byId = new Map(report.records.map((r) => [r.id, r]));
    for (const r of records) {
      expect(byId.get(r.id)).toEqual(r);
      expect(verifyRecord(byId.get(r.id)!, scenario, rubric).verification).toBe('verified');
    }
  });

  it('skips an attempt still in progress and reports a gap in its turns', () => {
    const record = playRecord(GOOD);
    const statements = statementsForRecord(record, scenario, rubric, { actor });
    expect(rebuildAttempts(statements.slice(0, 2)).inProgress).toBe(1);
    const gap = statements.filter((s) => !s.id.includes(statements[2]!.id));
    expect(rebuildAttempts(gap).problems[0]?.reason).toMatch(/turns missing/);
  });

  it('a tampered score in the statements is caught by recomputation', () => {
    const record = playRecord(BAD);
    const statements = statementsForRecord(record, scenario, rubric, { actor });
    const end = statements.at(-1)!;
    (end.result!.extensions![EXTENSIONS.result] as { overall: number }).overall = 99;
    const [rebuilt] = rebuildAttempts(statements).records;
    expect(verifyRecord(rebuilt!, scenario, rubric).verification).toBe('mismatch');
  });

  it('under cmi5: the LMS registration, session id, AU and the cmi5 categories; mastery score with the verdict', () => {
    const record = playRecord(GOOD);
    const cmi5 = {
      activityId: 'https://lms.example.com/au/42',
      registration: 'ec231e93-1ee3-4b0a-a5b4-6f1f7a2b8c9d',
      sessionId: 'session-1',
      masteryScore: 0.6,
    };
    const statements = statementsForRecord(record, scenario, rubric, { actor, cmi5 });
    for (const s of statements) {
      expect(problems(s)).toEqual([]);
      expect(s.context?.registration).toBe(cmi5.registration);
      expect(s.context?.extensions?.[CMI5.sessionId]).toBe('session-1');
    }
    const categories = (s: XapiStatement) => s.context?.contextActivities?.category?.map((c) => c.id) ?? [];
    expect(statements[0]!.object.id).toBe(cmi5.activityId);
    expect(categories(statements[0]!)).toContain(CMI5.category);
    expect(categories(statements[1]!)).not.toContain(CMI5.category); // responded is not cmi5-defined
    const graded = statements.at(-2)!;
    expect(categories(graded)).toEqual(expect.arrayContaining([CMI5.category, CMI5.moveOn]));
    expect(graded.context?.extensions?.[CMI5.masteryScore]).toBe(0.6);
    // Rebuilt by attempt id, not by the shared cmi5 registration.
    expect(rebuildAttempts(statements).records[0]?.id).toBe(record.id);
  });

  it('under cmi5 Browse or Review mode: no completed and no verdict, only terminated', () => {
    const record = playRecord(GOOD);
    const cmi5 = {
      activityId: 'https://lms.example.com/au/42',
      registration: 'ec231e93-1ee3-4b0a-a5b4-6f1f7a2b8c9d',
      sessionId: 's',
      launchMode: 'Browse' as const,
    };
    const verbs = statementsForRecord(record, scenario, rubric, { actor, cmi5 }).map((s) => s.verb.id);
    expect(verbs).not.toContain(VERBS.completed);
    expect(verbs).not.toContain(VERBS.passed);
    expect(verbs).not.toContain(VERBS.failed);
    expect(verbs.at(-1)).toBe(VERBS.terminated);
  });

  it('the validator is live: a broken statement is refused', () => {
    const [s] = statementsForRecord(playRecord(GOOD), scenario, rubric, { actor });
    expect(problems({ ...s!, id: 'not-a-uuid', timestamp: 'yesterday' }).length).toBeGreaterThanOrEqual(2);
    expect(problems({ ...s!, result: { score: { scaled: 2 } } })).not.toEqual([]);
  });

  it('ISO 8601 durations and RFC 9562 v5 ids', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(4210)).toBe('PT4.21S');
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    // The RFC's own example: the DNS namespace and "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('the xAPI profile in public/', () => {
  const profile = JSON.parse(readFileSync('public/xapi/composure-profile.jsonld', 'utf8')) as {
    id: string;
    '@context': string;
    concepts: Array<{ id: string; type: string }>;
    templates: Array<{ id: string; verb?: string }>;
  };

  it('is a profile that defines every extension the statements use and a template for every verb', () => {
    expect(profile['@context']).toBe('https://w3id.org/xapi/profiles/context');
    const defined = new Set(profile.concepts.map((c) => c.id));
    for (const iri of Object.values(EXTENSIONS)) expect(defined, iri).toContain(iri);
    const templated = new Set(profile.templates.map((t) => t.verb));
    for (const iri of Object.values(VERBS)) expect(templated, iri).toContain(iri);
  });
});
