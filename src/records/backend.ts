import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { SessionState } from '@/engine/runtime/types';
import type { AttemptRecord, Trainee } from './attempt-record';
import type { AttemptRow } from './attempt-row';

/** The in-progress attempt, saved at every turn so a reload resumes it. */
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
  getDraft(): Promise<Draft | undefined>;
  putDraft(draft: Draft): Promise<void>;
  deleteDraft(): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}
