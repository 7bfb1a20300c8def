import type { Rubric } from '@/engine/format/rubric-schema';
import type { Draft } from '@/records/drafts';
import type { Catalogue, CatalogueEntry } from './catalogue';
import { TAB_ATTEMPT_KEY, tabLocks } from './tab-lock';

function tabAttempt(): string | null {
  try {
    return sessionStorage.getItem(TAB_ATTEMPT_KEY);
  } catch {
    return null;
  }
}

export type DraftNotice = 'scenario-changed' | 'other-draft-closed' | 'open-elsewhere';

export interface SortDraftsInput {
  scenarioId: string;
  entry: CatalogueEntry;
  catalogue: Catalogue;
  rubric: Rubric;
  rubricHash: string;
  now: number;
  /** False once a newer open owns the play store: stop touching drafts. */
  current: () => boolean;
  notice: (notice: DraftNotice) => void;
}

/**
 * Sorts out the stored drafts (this trainee's, and any that reached an ending, most recently saved
 * first) before a tab starts or resumes an attempt; loaded only when there are some. Returns this trainee's draft of the scenario that the tab may resume (claimed for this tab): its own first (remembered
 * per tab across a reload), then the most recent one no tab holds. Drafts held by other tabs are
 * never touched. Free ones that reached an ending are stored as finished; free ones of other
 * scenarios, or played on an older version of this one, as abandoned.
 */
export async function sortDrafts(found: Draft[], input: SortDraftsInput): Promise<Draft | null> {
  const { scenarioId, entry, rubricHash } = input;
  const locks = tabLocks();
  const mineFirst = tabAttempt();
  const drafts = [...found].sort(
    (a, b) => Number(b.attemptId === mineFirst) - Number(a.attemptId === mineFirst),
  );
  let resumable: Draft | null = null;
  let heldElsewhere = false;
  for (const draft of drafts) {
    if (!input.current()) break;
    const here = draft.state.scenarioId === scenarioId && draft.state.status === 'active';
    if (here && resumable) continue; // another free attempt of this scenario: left for later
    if (!(await locks.claim(draft.attemptId))) {
      if (here) heldElsewhere = true;
      continue;
    }
    if (here && draft.scenarioHash === entry.hash && draft.rubricHash === rubricHash) {
      resumable = draft;
      continue;
    }
    // Closing a draft left behind is rare: its code loads when it is needed (and if it cannot, the
    // draft stays for a later visit).
    const closed = await import('./abandon-draft')
      .then(({ closeDraft }) =>
        closeDraft(draft, draft.state.status === 'ended' ? 'finished' : 'abandoned', {
          rubric: input.rubric,
          rubricHash,
          scenarios: new Map(input.catalogue.entries.map((e) => [e.hash, e.scenario])),
          now: input.now,
        }),
      )
      .catch(() => 'failed');
    locks.release(draft.attemptId);
    if (closed !== 'saved' || draft.state.status === 'ended') continue;
    input.notice(here ? 'scenario-changed' : 'other-draft-closed');
  }
  if (!resumable && heldElsewhere) input.notice('open-elsewhere');
  if (resumable && !input.current()) {
    locks.release(resumable.attemptId);
    return null;
  }
  return resumable;
}
