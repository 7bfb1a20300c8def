import { restoreState } from '@/engine/runtime/restore-state';
import type { Draft } from './backend';
import { guard, type RecordsResult } from './storage';

export type { Draft } from './backend';

/** Saves the in-progress attempt (one at a time); called by the play store after every turn. */
export function saveDraft(draft: Draft): Promise<RecordsResult> {
  return guard((b) => b.putDraft(draft));
}

export async function loadDraft(): Promise<Draft | null> {
  const result = await guard((b) => b.getDraft());
  const draft = result.ok ? result.value : undefined;
  // A draft is only trusted as far as its shape: a broken one is dropped rather than crashing resume.
  if (!draft || typeof draft.attemptId !== 'string') return null;
  const restored = restoreState(draft.state);
  return restored.ok ? { ...draft, state: restored.state } : null;
}

export function deleteDraft(): Promise<RecordsResult> {
  return guard((b) => b.deleteDraft());
}
