import type { Scenario } from '@/engine/format/scenario-schema';
import type { ReplyAnalyser, TraineeInput } from '@/engine/runtime/types';

let loading: Promise<ReplyAnalyser> | null = null;

/** The free-text analyser's cue lists are a fifth of the engine: fetched only when typing is possible. */
export function loadAnalyser(): Promise<ReplyAnalyser> {
  loading ??= import('@/engine/text/free-text').then((m) => m.freeTextAnalyser);
  return loading;
}

export const allowsTyping = (scenario: Scenario) => Object.values(scenario.nodes).some((n) => n.freeText);
export const hasTypedReplies = (inputs: readonly TraineeInput[]) => inputs.some((i) => 'text' in i);

/** `{analyser}` when the scenario or the replayed inputs need one, else `{}`. */
export async function analyserOptions(scenario: Scenario, inputs: readonly TraineeInput[] = []): Promise<{ analyser?: ReplyAnalyser }> {
  return allowsTyping(scenario) || hasTypedReplies(inputs) ? { analyser: await loadAnalyser() } : {};
}
