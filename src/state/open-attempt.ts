import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { AttemptRecord } from '@/records/attempt-record';
import { getAttempt, getRubricSnapshot, getScenarioSnapshot } from '@/records/attempts';
import { loadCatalogueFor } from './catalogue';
import { runEngineTask } from './engine-client';
import type { ModelAnswer, OpenResult } from './engine-tasks';

/**
 * An attempt opened the one way the debrief and Review both use: the record, the scenario and
 * rubric versions it was played on, and the engine's replay of its stored responses with the
 * consistency check and the plausibility flags (computed in the engine worker).
 */
export interface OpenedAttempt {
  record: AttemptRecord;
  /** The scenario version it was played on; null when neither the store nor the library has it. */
  scenario: Scenario | null;
  /** The rubric it was played on, or (with `currentRubricFallback`) the app's current one. */
  rubric: Rubric | null;
  /** `rubric` is the exact version played; false: a stand-in, so the score could not be checked. */
  rubricExact: boolean;
  check: OpenResult;
}

export interface OpenOptions {
  /**
   * Replay with the app's current rubric when the exact version is nowhere (the debrief: better an
   * explanation by today's rules than none). Review leaves it off: a manager sees what was checked.
   */
  currentRubricFallback?: boolean;
}

/** record → snapshots → rubric → replay → check (in the worker). Null when the record is not here. */
export async function openAttempt(id: string, options: OpenOptions = {}): Promise<OpenedAttempt | null> {
  const record = await getAttempt(id);
  if (!record) return null;
  // The scenario's own file (or the whole catalogue when it is already here), not every file.
  const { catalogue } = await loadCatalogueFor(record.scenario.id);
  const live = catalogue?.entries.find((e) => e.hash === record.scenario.contentHash)?.scenario ?? null;
  const [stored, storedRubric] = await Promise.all([
    live ? Promise.resolve(null) : getScenarioSnapshot(record.scenario.contentHash),
    getRubricSnapshot(record.rubric.hash),
  ]);
  const scenario = live ?? stored;
  const exact =
    storedRubric ?? (catalogue?.rubricHash === record.rubric.hash ? catalogue.rubric : null) ?? null;
  const rubric = exact ?? (options.currentRubricFallback ? (catalogue?.rubric ?? null) : null);
  const check = await runEngineTask({
    kind: 'open',
    record,
    scenario,
    rubric,
    rubricExact: exact !== null,
  });
  return { record, scenario, rubric, rubricExact: exact !== null, check };
}

/**
 * The best response at each turn the trainee took, searched in the worker. Empty when the attempt
 * could not be replayed; a failed search is a missing help, never a broken page.
 */
export async function modelAnswersFor(opened: OpenedAttempt): Promise<ModelAnswer[]> {
  const { scenario, rubric, check, record } = opened;
  if (!scenario || !rubric || !check.state) return [];
  try {
    return await runEngineTask({
      kind: 'models',
      scenario,
      rubric,
      inputs: check.state.turns.map((t) => t.input),
      locale: record.locale,
    });
  } catch {
    return [];
  }
}
