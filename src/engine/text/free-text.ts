import { placeReply } from '../runtime/place-reply';
import type { ReplyAnalyzer } from '../runtime/types';
import { analyzeReply } from './analyze-reply';
import { MODEL_VERSION } from './model/default-model';
import { textSimilarity } from './similarity';

/** Bump when the cues change what a reply reads as: stored readings name the version that made them. */
export const CUE_VERSION = 'cues-7';

/**
 * The free-text analyzer as the runtime consumes it. Sessions take it through their options so the
 * browser loads its cue lists only when a scenario lets the trainee type.
 */
export const freeTextAnalyzer: ReplyAnalyzer = {
  version: `${CUE_VERSION}+${MODEL_VERSION}`,
  read(input, responses, rubric) {
    const evidence = analyzeReply(input, rubric).evidence.map((e) => ({
      rule: e.rule,
      verdict: e.verdict,
      cue: e.cue,
      quote: e.quote,
    }));
    const placed = placeReply(
      evidence,
      responses,
      (authored) => textSimilarity(input.text, authored),
      rubric,
      input.locale,
    );
    return {
      evidence,
      responseId: placed.responseId,
      confidence: placed.confidence,
      shared: placed.shared,
      opposed: placed.opposed,
      similarity: placed.similarity,
    };
  },
};
