import type { ReplyAnalyser } from '../runtime/types';
import { analyzeReply } from './analyze-reply';
import { mapReplyToResponse } from './map-reply';

/**
 * The free-text analyser as the runtime consumes it. Sessions take it through their options so the
 * browser loads its cue lists only when a scenario lets the trainee type.
 */
export const freeTextAnalyser: ReplyAnalyser = { analyse: analyzeReply, map: mapReplyToResponse };
