import { resume } from '@/engine/runtime/session';
import type { Rubric } from '@/engine/format/rubric-schema';
import { buildAttemptRecord } from '@/records/attempt-record';
import { saveAttempt, getScenarioSnapshot, getRubricSnapshot } from '@/records/attempts';
import { deleteDraft, type Draft } from '@/records/drafts';

/**
 * Closes a draft that can no longer be resumed (its scenario changed, or another scenario is starting)
 * by storing it as an abandoned attempt, pinned to the scenario version it was played on.
 * Returns false when the draft could not be turned into a record (its snapshot is gone).
 */
export async function abandonDraft(draft: Draft, fallbackRubric: Rubric, now: number): Promise<boolean> {
  try {
    const [scenario, rubric] = await Promise.all([
      getScenarioSnapshot(draft.scenarioHash),
      getRubricSnapshot(draft.rubricHash),
    ]);
    if (!scenario) return false;
    const session = resume(scenario, rubric ?? fallbackRubric, draft.state, { now: () => now });
    const record = buildAttemptRecord({
      attemptId: draft.attemptId,
      trainee: draft.trainee,
      session,
      scenarioHash: draft.scenarioHash,
      rubricHash: draft.rubricHash,
      status: 'abandoned',
      finishedAt: Math.max(now, draft.state.startedAt),
    });
    const saved = await saveAttempt(record);
    return saved.ok;
  } catch {
    // A draft from an older build may not replay; the trainee still gets a fresh start.
    return false;
  } finally {
    await deleteDraft();
  }
}
