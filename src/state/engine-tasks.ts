import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { bestPath, modelAnswers } from '@/engine/lint/best-path';
import { replay } from '@/engine/runtime/session';
import type { AttemptResult, ReplyAnalyzer, SessionState, TraineeInput } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';
import type { AttemptRecord, RecordResult } from '@/records/attempt-record';
import type { Verification } from '@/records/attempt-row';
import { checkPlausibility, type RecordPlausibility } from '@/records/plausibility';
import { verifyRecord } from '@/records/verify';

// Replays and graph searches can take seconds on a long scenario: they run in a worker
// (engine-worker.ts), and these plain functions are what the worker (or, without workers, the page)
// executes. Inputs and results are plain data, so they cross to the worker and back by copy.

export type EngineTask =
  | { kind: 'models'; scenario: Scenario; rubric: Rubric; inputs: TraineeInput[]; locale: string }
  | {
      kind: 'what-if';
      scenario: Scenario;
      rubric: Rubric;
      prefix: TraineeInput[];
      input: TraineeInput;
      locale: string;
    }
  | {
      kind: 'open';
      record: AttemptRecord;
      scenario: Scenario | null;
      rubric: Rubric | null;
      /** The rubric is the version the attempt was played on; false: a stand-in, for display only. */
      rubricExact: boolean;
    };

export interface ModelAnswer {
  turn: number;
  node: string;
  responseId: string;
}

export interface WhatIfResult {
  state: SessionState;
  result: AttemptResult;
  /** How many turns the best path added after the alternative answer. */
  continuedTurns: number;
}

/** An attempt replayed from its stored responses: the score check, the replay and the plausibility. */
export interface OpenResult {
  /** `verified` means consistent: the stored score is the engine's for these responses. */
  verification: Verification;
  /** The engine's result for the responses, in record form; null when it could not replay them. */
  recomputed: RecordResult | null;
  /** What disagrees, as `field: stored → recomputed`. */
  differences: string[];
  /** The replayed session (evidence, readings, promises, customer lines); null without a replay. */
  state: SessionState | null;
  /** The engine's full result for the replay. */
  result: AttemptResult | null;
  plausibility: RecordPlausibility;
}

export type TaskResult<T extends EngineTask> = T extends { kind: 'models' }
  ? ModelAnswer[]
  : T extends { kind: 'what-if' }
    ? WhatIfResult
    : OpenResult;

const clock = { now: () => 0 };

const typing = (analyzer?: ReplyAnalyzer) => (analyzer ? { analyzer } : {});

export function runModels(
  task: Extract<EngineTask, { kind: 'models' }>,
  analyzer?: ReplyAnalyzer,
): ModelAnswer[] {
  return modelAnswers(
    replay(task.scenario, task.rubric, task.inputs, { locale: task.locale, ...clock, ...typing(analyzer) }),
  );
}

/** Replays up to the chosen turn, gives the other answer, then lets the best path finish the conversation. */
export function runWhatIf(
  task: Extract<EngineTask, { kind: 'what-if' }>,
  analyzer?: ReplyAnalyzer,
): WhatIfResult {
  const { scenario, rubric, prefix, input } = task;
  const options = { locale: task.locale, ...clock, ...typing(analyzer) };
  let session = replay(scenario, rubric, [...prefix, input], options);
  let continuedTurns = 0;
  if (session.state.status !== 'ended') {
    const best = bestPath(scenario, rubric, session.state);
    if (best) {
      session = replay(scenario, rubric, [...prefix, input, ...best.inputs], options);
      continuedTurns = best.inputs.length;
    }
  }
  return { state: session.state, result: scoreSession(session), continuedTurns };
}

/**
 * Record → replay → consistency check → plausibility. The check needs the exact rubric version;
 * with a stand-in rubric the attempt is replayed for display and reported as not checkable.
 */
export function runOpen(task: Extract<EngineTask, { kind: 'open' }>, analyzer?: ReplyAnalyzer): OpenResult {
  const { record, scenario, rubric, rubricExact } = task;
  const plausibility = checkPlausibility(record, scenario ?? undefined);
  const check = verifyRecord(
    record,
    scenario ?? undefined,
    rubric ?? undefined,
    analyzer ? { analyzer } : {},
  );
  const exact = rubricExact && check.verification !== 'unknown-scenario';
  return {
    verification: exact ? check.verification : 'unknown-scenario',
    recomputed: check.recomputed,
    differences: exact ? check.differences : [],
    state: check.session?.state ?? null,
    result: check.result,
    plausibility,
  };
}

export function runTaskNow<T extends EngineTask>(task: T, analyzer?: ReplyAnalyzer): TaskResult<T> {
  const t = task as EngineTask;
  const value =
    t.kind === 'models'
      ? runModels(t, analyzer)
      : t.kind === 'what-if'
        ? runWhatIf(t, analyzer)
        : runOpen(t, analyzer);
  return value as TaskResult<T>;
}
