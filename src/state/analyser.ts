import type { Scenario } from '@/engine/format/scenario-schema';
import type { ReplyAnalyser, Session, TraineeInput } from '@/engine/runtime/types';

let loading: Promise<ReplyAnalyser> | null = null;

/** The free-text analyser's cue lists are a fifth of the engine: fetched only when typing is possible. */
export function loadAnalyser(): Promise<ReplyAnalyser> {
  loading ??= import('@/engine/text/free-text').then((m) => m.freeTextAnalyzer);
  return loading;
}

export const allowsTyping = (scenario: Scenario) => Object.values(scenario.nodes).some((n) => n.freeText);
export const hasTypedReplies = (inputs: readonly TraineeInput[]) => inputs.some((i) => 'text' in i);

/** `{analyser}` when the replayed inputs include typed replies, else `{}`. */
export async function analyserOptions(
  inputs: readonly TraineeInput[],
): Promise<{ analyser?: ReplyAnalyser }> {
  return hasTypedReplies(inputs) ? { analyser: await loadAnalyser() } : {};
}

/** The same session, able to read typed replies from now on. */
export const withAnalyser = (session: Session, analyser: ReplyAnalyser): Session => ({
  ...session,
  options: { ...session.options, analyser },
});

/** Fetch the analyser ahead of need, e.g. when the trainee focuses the reply box. */
export const preloadAnalyser = () => void loadAnalyser().catch(() => undefined);
