import type { Scenario } from '@/engine/format/scenario-schema';
import type { ReplyAnalyzer, Session, TraineeInput } from '@/engine/runtime/types';

let loading: Promise<ReplyAnalyzer> | null = null;

/** The free-text analyzer's cue lists are a fifth of the engine: fetched only when typing is possible. */
export function loadAnalyzer(): Promise<ReplyAnalyzer> {
  loading ??= import('@/engine/text/free-text').then((m) => m.freeTextAnalyzer);
  return loading;
}

export const allowsTyping = (scenario: Scenario) => Object.values(scenario.nodes).some((n) => n.freeText);
export const hasTypedReplies = (inputs: readonly TraineeInput[]) => inputs.some((i) => 'text' in i);

/** `{analyzer}` when the replayed inputs include typed replies, else `{}`. */
export async function analyzerOptions(
  inputs: readonly TraineeInput[],
): Promise<{ analyzer?: ReplyAnalyzer }> {
  return hasTypedReplies(inputs) ? { analyzer: await loadAnalyzer() } : {};
}

/** The same session, able to read typed replies from now on. */
export const withAnalyzer = (session: Session, analyzer: ReplyAnalyzer): Session => ({
  ...session,
  options: { ...session.options, analyzer },
});

/** Fetch the analyzer ahead of need, e.g. when the trainee focuses the reply box. */
export const preloadAnalyzer = () => void loadAnalyzer().catch(() => undefined);
