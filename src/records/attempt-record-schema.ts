import { z } from 'zod';
import { OUTCOMES } from '@/engine/format/ids';
import { RECORD_VERSION } from './record-version';

// The zod schema of record v2. Kept apart from attempt-record.ts so playing and saving an attempt
// does not load zod; only reading untrusted records (import, stored data) does.
const Hash = z.string().regex(/^[0-9a-f]{8,64}$/, 'a content hash');
const Id = z.string().min(1).max(100);
const Score = z.number().min(0).max(100);
const Time = z.number().min(0).max(8.64e15);
const MoodPoint = z.strictObject({ anger: Score, trust: Score });

/** How a typed reply was read (record v2): what replay needs to reproduce the turn exactly. */
export const ReadingSchema = z.strictObject({
  analyser: z.string().min(1).max(64),
  evidence: z
    .array(
      z.strictObject({
        rule: Id,
        verdict: z.enum(['met', 'violated']),
        cue: z.string().max(100),
        quote: z.string().max(4000),
      }),
    )
    .max(100),
  responseId: Id.nullable(),
  confidence: z.number().min(-1000).max(1000),
  shared: z.array(Id).max(100),
  opposed: z.array(Id).max(100),
  similarity: z.number().min(0).max(1),
});

export const RecordTurnSchema = z.strictObject({
  node: Id,
  /** The authored response followed (for free text: the one the reply was mapped to). */
  responseId: Id.nullable(),
  /** The trainee's own words, when they typed instead of choosing. */
  text: z.string().min(1).max(4000).optional(),
  /** The turn timed out (phone silence). */
  silence: z.literal(true).optional(),
  reading: ReadingSchema.optional(),
  at: Time,
  msToAnswer: z.number().min(0).max(8.64e7).nullable(),
});

export const RecordResultSchema = z.strictObject({
  scores: z.strictObject({
    listening: Score.nullable(),
    apology: Score.nullable(),
    resolution: Score.nullable(),
    etiquette: Score.nullable(),
  }),
  overall: Score,
  passed: z.boolean(),
  passMark: Score,
  critical: z.array(z.strictObject({ rule: Id, turn: z.number().int().min(0) })).max(1000),
  outcome: z.enum(OUTCOMES).nullable(),
  moodCurve: z.array(MoodPoint).max(2000),
  /** Rule ids broken / expected-but-missed at least once, sorted: what the team summary counts. */
  violated: z.array(Id).max(1000),
  missed: z.array(Id).max(1000),
});

export const AttemptRecordSchema = z.strictObject({
  recordVersion: z.literal(RECORD_VERSION),
  id: z.uuid(),
  status: z.enum(['finished', 'abandoned']),
  trainee: z.strictObject({ id: Id, name: z.string().max(200) }),
  scenario: z.strictObject({ id: Id, version: z.number().int().min(1), contentHash: Hash }),
  rubric: z.strictObject({ id: Id, hash: Hash }),
  locale: z.string().min(2).max(35),
  /** Seeds the order responses were shown in; null: the authored order (attempts before v2). */
  seed: z.number().int().min(0).max(0xffffffff).nullable(),
  startedAt: Time,
  finishedAt: Time,
  turns: z.array(RecordTurnSchema).max(1000),
  result: RecordResultSchema,
  /**
   * Set on a practice branch: the trainee replayed attempt `of` up to just before `fromTurn` and
   * answered on from there. Optional, so every record written before it still reads as it was.
   */
  practice: z.strictObject({ of: z.uuid(), fromTurn: z.number().int().min(1).max(1000) }).optional(),
});
