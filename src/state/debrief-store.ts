import { analyserOptions } from './analyser';
import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { replay } from '@/engine/runtime/session';
import type { AttemptResult, Session, TraineeInput } from '@/engine/runtime/types';
import { scoreSession } from '@/engine/scoring/score';
import { toTraineeInput, type AttemptRecord } from '@/records/attempt-record';
import { getAttempt, getRubricSnapshot, getScenarioSnapshot } from '@/records/attempts';
import { useCatalogue } from './catalogue';
import { runEngineTask } from './engine-client';
import type { ModelAnswer, WhatIfResult } from './engine-tasks';

export type { ModelAnswer } from './engine-tasks';

export interface DebriefData {
  record: AttemptRecord;
  /** The scenario and rubric exactly as played (snapshots), so the debrief matches the record. */
  scenario: Scenario;
  rubric: Rubric;
  /** The attempt replayed from its stored inputs: per-turn evidence, readings, promises. */
  session: Session;
  recomputed: AttemptResult;
  /** The stored score disagrees with the replay (different engine, edited record). */
  mismatch: boolean;
  nextScenarioId: string | null;
}

interface DebriefStore {
  status: 'idle' | 'loading' | 'ready' | 'missing' | 'error';
  attemptId: string | null;
  data: DebriefData | null;
  /** Best-path answers per turn; computed after the first paint because it searches the graph. */
  models: ModelAnswer[] | null;
  error: string | null;
  load: (attemptId: string) => Promise<void>;
}

const fixedClock = { now: () => 0 };

export const useDebrief = create<DebriefStore>((set, get) => ({
  status: 'idle',
  attemptId: null,
  data: null,
  models: null,
  error: null,
  load: async (attemptId) => {
    set({ status: 'loading', attemptId, data: null, models: null, error: null });
    try {
      const record = await getAttempt(attemptId);
      if (get().attemptId !== attemptId) return;
      if (!record) return set({ status: 'missing' });
      const catalogue = await useCatalogue.getState().load();
      const live = catalogue?.entries.find((e) => e.hash === record.scenario.contentHash)?.scenario;
      const [scenario, rubricSnapshot] = await Promise.all([
        live ? Promise.resolve(live) : getScenarioSnapshot(record.scenario.contentHash),
        getRubricSnapshot(record.rubric.hash),
      ]);
      const rubric =
        rubricSnapshot ??
        (catalogue?.rubricHash === record.rubric.hash ? catalogue.rubric : null) ??
        catalogue?.rubric ??
        null;
      if (get().attemptId !== attemptId) return;
      if (!scenario || !rubric) return set({ status: 'missing' });
      const inputs = record.turns.map(toTraineeInput);
      const typing = await analyserOptions(inputs);
      if (get().attemptId !== attemptId) return;
      const seed = record.seed !== null ? { seed: record.seed } : {};
      const session = replay(scenario, rubric, inputs, {
        locale: record.locale,
        ...fixedClock,
        ...typing,
        ...seed,
      });
      const recomputed = scoreSession(session);
      const ids = catalogue?.entries.map((e) => e.scenario.id) ?? [];
      const index = ids.indexOf(scenario.id);
      const nextScenarioId = ids.length > 1 ? (ids[(index + 1) % ids.length] ?? null) : null;
      const mismatch =
        Math.abs(recomputed.overall - record.result.overall) > 0.01 ||
        recomputed.passed !== record.result.passed;
      set({
        status: 'ready',
        data: { record, scenario, rubric, session, recomputed, mismatch, nextScenarioId },
      });
      // The graph search runs in a worker; the page is usable while it works.
      runEngineTask({
        kind: 'models',
        scenario,
        rubric,
        inputs: session.state.turns.map((t) => t.input),
        locale: record.locale,
      })
        .then((models) => {
          if (get().attemptId === attemptId) set({ models });
        })
        .catch(() => {
          if (get().attemptId === attemptId) set({ models: [] });
        });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

export interface WhatIfOutcome extends WhatIfResult {
  /** 1-based turn where the alternative answer was given. */
  turn: number;
  input: TraineeInput;
}

/** "What would have happened if I had said this instead?" — the alternative played out by the best path. */
export async function whatIf(data: DebriefData, turn: number, input: TraineeInput): Promise<WhatIfOutcome> {
  const { scenario, rubric, session } = data;
  const prefix = session.state.turns.slice(0, turn - 1).map((t) => t.input);
  const result = await runEngineTask({
    kind: 'what-if',
    scenario,
    rubric,
    prefix,
    input,
    locale: session.state.locale,
  });
  return { ...result, turn, input };
}
