/// <reference lib="webworker" />
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { runTaskNow, type EngineTask } from './engine-tasks';

// Runs the engine's replays, score checks and path searches off the main thread, so the debrief
// and Review stay responsive while an attempt opens.
self.onmessage = (event: MessageEvent<{ id: number; task: EngineTask }>) => {
  const { id, task } = event.data;
  try {
    self.postMessage({ id, ok: true, value: runTaskNow(task, freeTextAnalyzer) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
