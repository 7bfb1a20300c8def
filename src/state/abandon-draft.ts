import { resume } from '@/engine/runtime/session';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import { buildAttemptRecord, type AttemptRecord } from '@/records/attempt-record';
import { saveAttempt, getScenarioSnapshot, getRubricSnapshot } from '@/records/attempts';
import { deleteDraft, type Draft } from '@/records/drafts';

export interface CloseDraftContext {
  /** The catalogue's rubric, used when the draft's rubric snapshot is gone. */
  rubric: Rubric;
  rubricHash: string;
  /** Scenarios the app has now, by content hash: a draft whose snapshot is gone can still be closed. */
  scenarios: ReadonlyMap<string, Scenario>;
  now: number;
}

export type CloseDraftResult = 'saved' | 'unreadable' | 'failed';

/**
 * Turns a draft this tab has claimed into a stored attempt: `abandoned` when it can no longer be
 * resumed (its scenario changed, or another scenario is starting), `finished` when it reached an
 * ending but the page died before the record was stored. The draft is deleted in the same
 * transaction as the record is written, so a failed save keeps it. Only a draft that can never be
 * replayed (its scenario is gone, or it comes from an older build) is dropped: `unreadable`.
 */
export async function closeDraft(
  draft: Draft,
  status: 'abandoned' | 'finished',
  context: CloseDraftContext,
): Promise<CloseDraftResult> {
  let record: AttemptRecord;
  let scenario: Scenario | undefined;
  try {
    const [snapshot, rubricSnapshot] = await Promise.all([
      getScenarioSnapshot(draft.scenarioHash),
      getRubricSnapshot(draft.rubricHash),
    ]);
    scenario = snapshot ?? context.scenarios.get(draft.scenarioHash);
    if (!scenario) {
      await deleteDraft(draft.attemptId);
      return 'unreadable';
    }
    const session = resume(scenario, rubricSnapshot ?? context.rubric, draft.state, {
      now: () => context.now,
    });
    record = buildAttemptRecord({
      attemptId: draft.attemptId,
      trainee: draft.trainee,
      session,
      scenarioHash: draft.scenarioHash,
      rubricHash: draft.rubricHash,
      status,
      finishedAt: Math.max(status === 'finished' ? draft.savedAt : context.now, draft.state.startedAt),
    });
  } catch {
    // A draft from an older build may not replay; the trainee still gets a fresh start.
    await deleteDraft(draft.attemptId);
    return 'unreadable';
  }
  const saved = await saveAttempt(record, {
    scenario: { hash: draft.scenarioHash, scenario },
    rubric: { hash: context.rubricHash, rubric: context.rubric },
    deleteDraft: true,
  });
  return saved.ok ? 'saved' : 'failed';
}
