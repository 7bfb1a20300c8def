import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptResult, SessionState, TraineeInput } from '@/engine/runtime/types';
import type { AttemptRecord } from '@/records/attempt-record';
import type { Verification } from '@/records/attempt-row';
import { scoreSession } from '@/engine/scoring/score';
import { isPreviewId, loadCatalogueIndex, usePreviews } from './catalogue';
import { runEngineTask } from './engine-client';
import type { ModelAnswer, WhatIfResult } from './engine-tasks';
import { modelAnswersFor, openAttempt } from './open-attempt';

export type { ModelAnswer } from './engine-tasks';

export interface DebriefData {
  record: AttemptRecord;
  /** The scenario and rubric exactly as played (snapshots), so the debrief matches the record. */
  scenario: Scenario;
  rubric: Rubric;
  /** The attempt replayed from its stored inputs: per-turn evidence, readings, promises. */
  state: SessionState;
  recomputed: AttemptResult;
  /**
   * Whether the stored score is consistent with the responses: `verified` (consistent), `mismatch`
   * (a different engine or an edited record), `unknown-scenario` (the rubric played is not here).
   */
  verification: Verification;
  /** The stored score disagrees with the replay (different engine, edited record). */
  mismatch: boolean;
  nextScenarioId: string | null;
  /** A trainer's preview (never stored): `from` is the node a "play from here" started at. */
  preview?: { id: string; from: string | null };
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

export const useDebrief = create<DebriefStore>((set, get) => ({
  status: 'idle',
  attemptId: null,
  data: null,
  models: null,
  error: null,
  load: async (attemptId) => {
    set({ status: 'loading', attemptId, data: null, models: null, error: null });
    if (isPreviewId(attemptId)) return set(previewDebrief(attemptId));
    try {
      // The same path as Review's attempt page; the replay runs in the engine worker.
      const opened = await openAttempt(attemptId, { currentRubricFallback: true });
      if (get().attemptId !== attemptId) return;
      if (!opened || !opened.scenario || !opened.rubric) return set({ status: 'missing' });
      const { record, scenario, rubric, check } = opened;
      if (!check.state || !check.result)
        return set({
          status: 'error',
          error: check.differences.join('; ') || 'the attempt cannot be replayed',
        });
      const ids = (await loadCatalogueIndex().catch(() => null))?.scenarios.map((s) => s.id) ?? [];
      if (get().attemptId !== attemptId) return;
      const index = ids.indexOf(scenario.id);
      const nextScenarioId = ids.length > 1 ? (ids[(index + 1) % ids.length] ?? null) : null;
      set({
        status: 'ready',
        data: {
          record,
          scenario,
          rubric,
          state: check.state,
          recomputed: check.result,
          verification: check.verification,
          mismatch: check.verification === 'mismatch',
          nextScenarioId,
        },
      });
      // The graph search runs in the worker too; the page is usable while it works.
      void modelAnswersFor(opened).then((models) => {
        if (get().attemptId === attemptId) set({ models });
      });
    } catch (error) {
      if (get().attemptId === attemptId)
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

/**
 * A preview's debrief from the play kept in memory: the session as played, so a preview from a
 * node is shown as it went (replaying its record would start at the scenario's start). The model
 * answers and what-if replay from the start, so a preview has none.
 */
function previewDebrief(id: string): Partial<DebriefStore> {
  const played = usePreviews.getState().played[id];
  if (!played) return { status: 'missing' };
  const { record, session, from } = played;
  const data: DebriefData = {
    record,
    scenario: session.scenario,
    rubric: session.rubric,
    state: session.state,
    recomputed: scoreSession(session),
    verification: 'verified',
    mismatch: false,
    nextScenarioId: null,
    preview: { id, from },
  };
  return { status: 'ready', data, models: [] };
}

export interface WhatIfOutcome extends WhatIfResult {
  /** 1-based turn where the alternative answer was given. */
  turn: number;
  input: TraineeInput;
}

/** "What would have happened if I had said this instead?" — the alternative played out by the best path. */
export async function whatIf(data: DebriefData, turn: number, input: TraineeInput): Promise<WhatIfOutcome> {
  const { scenario, rubric, state } = data;
  const prefix = state.turns.slice(0, turn - 1).map((t) => t.input);
  const result = await runEngineTask({
    kind: 'what-if',
    scenario,
    rubric,
    prefix,
    input,
    locale: state.locale,
  });
  return { ...result, turn, input };
}
