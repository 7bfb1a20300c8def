import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { SessionState } from '@/engine/runtime/types';
import type { AttemptRecord, Trainee } from './attempt-record';
import type { AttemptRow } from './attempt-row';

/**
 * An in-progress attempt, saved at every turn so a reload resumes it. Drafts are keyed by attempt id:
 * every tab plays its own attempt, and finishing or abandoning one never touches another's draft.
 */
export interface Draft {
  attemptId: string;
  trainee: Trainee;
  scenarioHash: string;
  rubricHash: string;
  state: SessionState;
  savedAt: number;
}

export interface WriteBatch {
  attempts: AttemptRecord[];
  rows: AttemptRow[];
  /** Snapshots are immutable by hash: ones already stored are left as they are. */
  scenarios: Array<{ hash: string; scenario: Scenario }>;
  rubrics: Array<{ hash: string; rubric: Rubric }>;
  /** Drafts deleted in the same transaction: a finished attempt and its draft never both exist or both vanish. */
  deleteDrafts?: string[];
}

export type StorageKind = 'indexeddb' | 'memory';

/**
 * Where records live. IndexedDB (through idb) normally; memory when the browser refuses storage
 * (private mode), so the app still works for the session and says so.
 */
export interface RecordsBackend {
  readonly kind: StorageKind;
  /** All or nothing: one transaction, so a failed import leaves nothing behind. */
  write(batch: WriteBatch): Promise<void>;
  getAttempt(id: string): Promise<AttemptRecord | undefined>;
  getAttempts(ids: string[]): Promise<AttemptRecord[]>;
  existingIds(ids: string[]): Promise<Set<string>>;
  listRows(): Promise<AttemptRow[]>;
  putRows(rows: AttemptRow[]): Promise<void>;
  getScenario(hash: string): Promise<Scenario | undefined>;
  getRubric(hash: string): Promise<Rubric | undefined>;
  listScenarios(): Promise<Array<{ hash: string; scenario: Scenario }>>;
  getDraft(attemptId: string): Promise<Draft | undefined>;
  /** Every stored draft, in no particular order (a few per trainee at most). */
  listDrafts(): Promise<Draft[]>;
  /** Replaces the draft stored under `draft.attemptId` only. */
  putDraft(draft: Draft): Promise<void>;
  deleteDraft(attemptId: string): Promise<void>;
  clear(): Promise<void>;
  close(): void;
  /**
   * False once the connection is gone (storage cleared, another tab upgraded the database, the browser
   * closed it): the next call reopens it. Memory never closes.
   */
  isOpen?(): boolean;
}
