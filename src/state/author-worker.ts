/// <reference lib="webworker" />
import type { Rubric } from '@/engine/format/rubric-schema';
import { runAuthorCheck } from './author-check';

// Load + lint off the main thread: a large scenario's score search can take seconds, and the trainer
// keeps typing meanwhile. The page terminates this worker when a newer draft makes the answer stale.
self.onmessage = (event: MessageEvent<{ id: number; task: { text: string; rubric: Rubric } }>) => {
  const { id, task } = event.data;
  const { text, rubric } = task;
  try {
    self.postMessage({ id, ok: true, value: runAuthorCheck(text, rubric) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
