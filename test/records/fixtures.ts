import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { contentHash } from '@/engine/format/content-hash';
import { replay } from '@/engine/runtime/session';
import type { TraineeInput } from '@/engine/runtime/types';
import { buildAttemptRecord, type AttemptRecord } from '@/records/attempt-record';
import { configureStorage } from '@/records/storage';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

export const scenario = fakeCallbackCall();
export const rubric = fakeCallbackRubric();
export const scenarioHash = contentHash(scenario);
export const rubricHash = contentHash(rubric);

export const GOOD: TraineeInput[] = [
  { choice: 'greet-apologise', msToAnswer: 4200 },
  { choice: 'promise', msToAnswer: 3100 },
  { choice: 'keep', msToAnswer: 2500 },
];
export const BAD: TraineeInput[] = [{ choice: 'blame', msToAnswer: 900 }, { choice: 'vague' }];

let n = 0;
/** A real record: the engine plays the inputs, so its score is exactly what verification recomputes. */
export function playRecord(
  inputs: TraineeInput[] = GOOD,
  trainee = { id: 'e-1001', name: 'Li Na' },
  status: 'finished' | 'abandoned' = 'finished',
): AttemptRecord {
  n += 1;
  let t = Date.UTC(2026, 10, 1 + (n % 20), 9, 0, 0);
  const session = replay(scenario, rubric, inputs, { locale: 'en', now: () => (t += 5000) });
  return buildAttemptRecord({ trainee, session, scenarioHash, rubricHash, status });
}

/** Each test gets its own empty IndexedDB. */
export async function freshStorage(): Promise<void> {
  await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
}

export const source = (name: string, text: string) => ({ name, size: text.length, text: async () => text });
