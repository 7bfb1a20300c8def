import { replay } from '@/engine/runtime/session';
import { toTraineeInput, type AttemptRecord } from '@/records/attempt-record';
import { saveDraft } from '@/records/drafts';
import { rememberPracticeLink } from '@/records/practice-link';
import { loadCatalogueFor } from './catalogue';
import { openAttempt, type OpenedAttempt } from './open-attempt';
import { usePlay } from './play-store';
import { navigate, routeHref } from './route';
import { rememberTabAttempt } from './tab-lock';
import { useTrainee } from './trainee-store';

export type PracticeStart = 'started' | 'scenario-changed' | 'failed';

/**
 * "Retry from this turn": the attempt replayed up to just before `fromTurn` becomes a new attempt's
 * draft, and Play opens it the way it resumes any draft, so the trainee answers on in the real call.
 * The link to the original waits in practice-link.ts until the branch's record is built.
 */
export async function startPractice(record: AttemptRecord, fromTurn: number): Promise<PracticeStart> {
  // The one scenario Play will open, as Play reads it (not every file).
  const { catalogue } = await loadCatalogueFor(record.scenario.id);
  const entry = catalogue?.entries.find((e) => e.scenario.id === record.scenario.id);
  // Play resumes a draft only on the scenario and rubric it has now: an attempt on an older version
  // cannot be branched (its turns would not mean the same).
  if (
    !catalogue ||
    entry?.hash !== record.scenario.contentHash ||
    catalogue.rubricHash !== record.rubric.hash
  )
    return 'scenario-changed';
  const inputs = record.turns.slice(0, fromTurn - 1).map(toTraineeInput);
  const session = replay(entry.scenario, catalogue.rubric, inputs, {
    locale: record.locale,
    now: () => Date.now(),
    ...(record.seed === null ? {} : { seed: record.seed }),
  });
  if (session.state.turns.length !== inputs.length || session.state.status !== 'active') return 'failed';
  const attemptId = crypto.randomUUID();
  const saved = await saveDraft({
    attemptId,
    trainee: useTrainee.getState().trainee ?? record.trainee,
    scenarioHash: entry.hash,
    rubricHash: catalogue.rubricHash,
    state: session.state,
    savedAt: Date.now(),
  });
  if (!saved.ok) return 'failed';
  rememberPracticeLink(attemptId, { of: record.id, fromTurn });
  rememberTabAttempt(attemptId);
  // Play greets a draft with "welcome back"; a branch begun a moment ago is not a return.
  const stop = usePlay.subscribe((s) => {
    if (s.attemptId !== attemptId) return;
    stop();
    if (s.notices.includes('resumed')) s.dismissNotice('resumed');
  });
  navigate(routeHref.play(record.scenario.id));
  return 'started';
}

/** The attempt a practice branch came from, replayed for the side-by-side comparison. */
export function openOriginal(id: string): Promise<OpenedAttempt | null> {
  return openAttempt(id, { currentRubricFallback: true });
}
