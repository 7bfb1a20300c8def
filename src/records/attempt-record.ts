import type { z } from 'zod';
import { PRINCIPLES, type Principle } from '@/engine/format/ids';
import type { AttemptResult, Session, TraineeInput, TurnRecord } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';
import type { AttemptRecordSchema, RecordResultSchema, RecordTurnSchema } from './attempt-record-schema';
import { practiceLinkOf, type PracticeLink } from './practice-link';
import { MIN_RECORD_VERSION, RECORD_VERSION } from './record-version';

export { MIN_RECORD_VERSION, RECORD_VERSION };

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
  const scores = Object.fromEntries(
    PRINCIPLES.map((p) => [p, result.principles[p]?.score ?? null]),
  ) as Record<Principle, number | null>;
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
  const base = {
    node: turn.node,
    responseId: turn.responseId,
    at: turn.at,
    msToAnswer: input.msToAnswer ?? null,
  };
  if ('silence' in input) return { ...base, silence: true };
  if ('text' in input)
    return { ...base, text: input.text, ...(turn.reading ? { reading: turn.reading } : {}) };
  return base;
}

/** The engine input that reproduces a stored turn: what `replay` needs to recompute the score. */
export function toTraineeInput(turn: RecordTurn): TraineeInput {
  const ms = turn.msToAnswer === null ? {} : { msToAnswer: turn.msToAnswer };
  if (turn.silence) return { silence: true, ...ms };
  if (turn.text !== undefined)
    return { text: turn.text, ...(turn.reading ? { reading: turn.reading } : {}), ...ms };
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
  /** A practice branch's origin; by default the link remembered for this attempt id, if any. */
  practice?: PracticeLink;
}

export function buildAttemptRecord(input: BuildAttemptRecordInput): AttemptRecord {
  const { session } = input;
  const state = session.state;
  const turns = state.turns.map(toRecordTurn);
  const finishedAt = input.finishedAt ?? Math.max(session.options.now(), state.startedAt);
  const id = input.attemptId ?? crypto.randomUUID();
  const practice = input.practice ?? (input.attemptId ? practiceLinkOf(id) : undefined);
  return {
    recordVersion: RECORD_VERSION,
    id,
    status: input.status,
    // The trainee form has no length limit; a record must never fail to save over a long name.
    trainee: { id: input.trainee.id.slice(0, 100), name: input.trainee.name.slice(0, 200) },
    scenario: { id: session.scenario.id, version: session.scenario.version, contentHash: input.scenarioHash },
    rubric: { id: session.rubric.id, hash: input.rubricHash },
    locale: state.locale,
    seed: state.seed,
    startedAt: state.startedAt,
    finishedAt,
    turns,
    result: summariseResult(scoreSession(session)),
    ...(practice ? { practice } : {}),
  };
}
