import { restoreState } from '@/engine/runtime/restore-state';
import type { Draft } from './backend';
import { guard, type RecordsResult } from './storage';

export type { Draft } from './backend';

/** Saves an attempt in progress under its own id; called by the play store after every turn. */
export function saveDraft(draft: Draft): Promise<RecordsResult> {
  return guard((b) => b.putDraft(draft));
}

/**
 * A stored draft is only trusted as far as its shape, and its state goes through `restoreState`
 * (version check and migrations): a broken one is skipped rather than crashing resume.
 */
function restore(raw: unknown): Draft | null {
  const draft = raw as Partial<Draft> | null | undefined;
  if (typeof draft?.attemptId !== 'string' || typeof draft.trainee?.id !== 'string') return null;
  const restored = restoreState(draft.state);
  return restored.ok
    ? { ...(draft as Draft), savedAt: Number(draft.savedAt) || 0, state: restored.state }
    : null;
}

/**
 * The draft of one attempt; without an id, the most recently saved draft of any attempt (what the
 * library offers as "continue").
 */
export async function loadDraft(attemptId?: string): Promise<Draft | null> {
  if (attemptId === undefined) return (await listDrafts())[0] ?? null;
  const result = await guard((b) => b.getDraft(attemptId));
  return result.ok ? restore(result.value) : null;
}

/** Every readable draft, most recently saved first. An unreadable store reads as none. */
export async function listDrafts(): Promise<Draft[]> {
  const result = await guard((b) => b.listDrafts());
  if (!result.ok) return [];
  return result.value
    .map(restore)
    .filter((d): d is Draft => d !== null)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Deletes one attempt's draft, never another's. */
export function deleteDraft(attemptId: string): Promise<RecordsResult> {
  return guard((b) => b.deleteDraft(attemptId));
}
