import { z } from 'zod';
import { OUTCOMES, PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { AttemptResult, Session, TraineeInput, TurnRecord } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';

/** The record format this build writes, and the oldest it can still read (through `migrations.ts`). */
export const RECORD_VERSION = 1;
export const MIN_RECORD_VERSION = 0;

const Hash = z.string().regex(/^[0-9a-f]{8,64}$/, 'a content hash');
const Id = z.string().min(1).max(100);
const Score = z.number().min(0).max(100);
const Time = z.number().int().min(0).max(8.64e15);
const MoodPoint = z.strictObject({ anger: Score, trust: Score });

export const RecordTurnSchema = z.strictObject({
  node: Id,
  /** The authored response followed (for free text: the one the reply was mapped to). */
  responseId: Id.nullable(),
  /** The trainee's own words, when they typed instead of choosing. */
  text: z.string().min(1).max(4000).optional(),
  /** The turn timed out (phone silence). */
  silence: z.literal(true).optional(),
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
  startedAt: Time,
  finishedAt: Time,
  turns: z.array(RecordTurnSchema).max(1000),
  result: RecordResultSchema,
});

export type AttemptRecord = z.infer<typeof AttemptRecordSchema>;
export type RecordTurn = z.infer<typeof RecordTurnSchema>;
export type RecordResult = z.infer<typeof RecordResultSchema>;
export type AttemptStatus = AttemptRecord['status'];
export type Trainee = AttemptRecord['trainee'];

const round2 = (n: number) => Math.round(n * 100) / 100;
const uniqueSorted = (items: string[]) => [...new Set(items)].sort();

/**
 * The engine's result reduced to what a record keeps. Verification compares this exact shape, so
 * anything derived here must be deterministic (mood rounded so float noise never reads as tampering).
 */
export function summariseResult(result: AttemptResult): RecordResult {
  const scores = Object.fromEntries(PRINCIPLES.map((p) => [p, result.principles[p]?.score ?? null])) as Record<Principle, number | null>;
  return {
    scores,
    overall: round2(result.overall),
    passed: result.passed,
    passMark: result.passMark,
    critical: result.critical.map((e) => ({ rule: e.rule, turn: e.turn })),
    outcome: result.outcome,
    moodCurve: result.moodCurve.map((m) => ({ anger: round2(m.anger), trust: round2(m.trust) })),
    violated: uniqueSorted(result.evidence.filter((e) => e.verdict === 'violated').map((e) => e.rule)),
    missed: uniqueSorted(result.evidence.filter((e) => e.verdict === 'missed').map((e) => e.rule)),
  };
}

export function toRecordTurn(turn: TurnRecord): RecordTurn {
  const input = turn.input;
  const base = { node: turn.node, responseId: turn.responseId, at: turn.at, msToAnswer: input.msToAnswer ?? null };
  if ('silence' in input) return { ...base, silence: true };
  if ('text' in input) return { ...base, text: input.text };
  return base;
}

/** The engine input that reproduces a stored turn: what `replay` needs to recompute the score. */
export function toTraineeInput(turn: RecordTurn): TraineeInput {
  const ms = turn.msToAnswer === null ? {} : { msToAnswer: turn.msToAnswer };
  if (turn.silence) return { silence: true, ...ms };
  if (turn.text !== undefined) return { text: turn.text, ...ms };
  return { choice: turn.responseId ?? '', ...ms };
}

export interface BuildAttemptRecordInput {
  attemptId?: string;
  trainee: Trainee;
  session: Session;
  scenarioHash: string;
  rubricHash: string;
  status: AttemptStatus;
  /** When the attempt closed; defaults to the session's clock. */
  finishedAt?: number;
}

export function buildAttemptRecord(input: BuildAttemptRecordInput): AttemptRecord {
  const { session } = input;
  const state = session.state;
  const turns = state.turns.map(toRecordTurn);
  const finishedAt = input.finishedAt ?? Math.max(session.options.now(), state.startedAt);
  return {
    recordVersion: RECORD_VERSION,
    id: input.attemptId ?? crypto.randomUUID(),
    status: input.status,
    trainee: { id: input.trainee.id, name: input.trainee.name },
    scenario: { id: session.scenario.id, version: session.scenario.version, contentHash: input.scenarioHash },
    rubric: { id: session.rubric.id, hash: input.rubricHash },
    locale: state.locale,
    startedAt: state.startedAt,
    finishedAt,
    turns,
    result: summariseResult(scoreSession(session)),
  };
}
