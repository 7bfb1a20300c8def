import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { bestPath, modelAnswers } from '@/engine/lint/best-path';
import { replay } from '@/engine/runtime/session';
import type { AttemptResult, ReplyAnalyser, SessionState, TraineeInput } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';

// Graph searches can take seconds on a long scenario: they run in a worker (engine-worker.ts),
// and these plain functions are what the worker (or, without workers, the page) executes.

export type EngineTask =
  | { kind: 'models'; scenario: Scenario; rubric: Rubric; inputs: TraineeInput[]; locale: string }
  | {
      kind: 'what-if';
      scenario: Scenario;
      rubric: Rubric;
      prefix: TraineeInput[];
      input: TraineeInput;
      locale: string;
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

export type TaskResult<T extends EngineTask> = T extends { kind: 'models' } ? ModelAnswer[] : WhatIfResult;

const clock = { now: () => 0 };

const typing = (analyser?: ReplyAnalyser) => (analyser ? { analyser } : {});

export function runModels(
  task: Extract<EngineTask, { kind: 'models' }>,
  analyser?: ReplyAnalyser,
): ModelAnswer[] {
  return modelAnswers(
    replay(task.scenario, task.rubric, task.inputs, { locale: task.locale, ...clock, ...typing(analyser) }),
  );
}

/** Replays up to the chosen turn, gives the other answer, then lets the best path finish the conversation. */
export function runWhatIf(
  task: Extract<EngineTask, { kind: 'what-if' }>,
  analyser?: ReplyAnalyser,
): WhatIfResult {
  const { scenario, rubric, prefix, input } = task;
  const options = { locale: task.locale, ...clock, ...typing(analyser) };
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

export function runTaskNow(task: EngineTask, analyser?: ReplyAnalyser): ModelAnswer[] | WhatIfResult {
  return task.kind === 'models' ? runModels(task, analyser) : runWhatIf(task, analyser);
}
