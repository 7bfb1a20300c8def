import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '@/engine/runtime/session';
import { buildAttemptRecord } from '@/records/attempt-record';
import { AttemptRecordSchema } from '@/records/attempt-record-schema';
import { quickCheckRecord } from '@/records/quick-check-record';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const record = buildAttemptRecord({
  attemptId: '3b241101-e2bb-4255-8caf-4136c566a962',
  trainee: { id: 't1', name: 'Li' },
  session: replay(
    fakeCallbackCall(),
    fakeCallbackRubric(),
    [{ choice: 'greet-apologise' }, { choice: 'promise' }, { choice: 'keep' }],
    { now: () => 1000 },
  ),
  scenarioHash: 'abcdef0123456789',
  rubricHash: '0123456789abcdef',
  status: 'finished',
});
const text = JSON.stringify(record);
const paths = (v: unknown, prefix: string[] = []): string[][] =>
  v === null || typeof v !== 'object'
    ? [prefix]
    : [prefix, ...Object.keys(v).flatMap((k) => paths((v as Record<string, unknown>)[k], [...prefix, k]))];
const all = paths(record).filter((p) => p.length > 0);

describe('quickCheckRecord is never looser than the zod schema', () => {
  it('accepts a record the app builds', () => {
    expect(quickCheckRecord(JSON.parse(text))).toBe(true);
    expect(AttemptRecordSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('on single-field mutations (3,000 runs): quick yes ⇒ zod yes', () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(
        null,
        '',
        'x'.repeat(101),
        -1,
        0,
        100,
        101,
        1.5,
        true,
        'loyal',
        'nope',
        'ABCDEF12',
        '3B241101-E2BB-4255-8CAF-4136C566A962',
        [],
        {},
      ),
    );
    fc.assert(
      fc.property(fc.constantFrom(...all), values, (path, value) => {
        const doc = JSON.parse(text);
        let node = doc;
        for (const k of path.slice(0, -1)) node = node[k];
        node[path.at(-1)!] = value;
        const clean = JSON.parse(JSON.stringify(doc));
        if (quickCheckRecord(clean))
          expect(AttemptRecordSchema.safeParse(clean).success, path.join('/')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a practice branch (retry from a turn)', () => {
  const practice = JSON.parse(
    JSON.stringify({ ...record, practice: { of: '5f0c6c2e-8d1a-4b7e-9c3d-2a1b0c9d8e7f', fromTurn: 2 } }),
  ) as Record<string, unknown>;

  it('is accepted without the schema, so saving one needs no zod download', () => {
    expect(quickCheckRecord(practice)).toBe(true);
    expect(AttemptRecordSchema.safeParse(practice).success).toBe(true);
  });

  it('on mutations of its origin: quick yes ⇒ zod yes, and a malformed origin is refused', () => {
    const values = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(0, 1, 1000, 1001, 2.5, 'not-a-uuid', '3B241101-E2BB-4255-8CAF-4136C566A962', {}),
    );
    fc.assert(
      fc.property(fc.constantFrom('of', 'fromTurn', 'extra'), values, (key, value) => {
        const doc = JSON.parse(JSON.stringify(practice)) as { practice: Record<string, unknown> };
        doc.practice[key] = value;
        const clean = JSON.parse(JSON.stringify(doc));
        if (quickCheckRecord(clean)) expect(AttemptRecordSchema.safeParse(clean).success, key).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(quickCheckRecord({ ...practice, practice: { of: 'x', fromTurn: 2 } })).toBe(false);
    expect(
      quickCheckRecord({ ...practice, practice: { ...(practice.practice as object), fromTurn: 0 } }),
    ).toBe(false);
  });
});
