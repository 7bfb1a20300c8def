export type ReplyVerdict = 'met' | 'violated';

/** Per-rule, per-locale extra patterns a company adds in its rubric (regex source strings). */
export interface CueSource {
  rules: Record<string, { cues?: Record<string, { met?: string[]; violated?: string[] }> }>;
}

export interface ReplyEvidence {
  rule: string;
  verdict: ReplyVerdict;
  /** Short human name of the cue family that fired. */
  cue: string;
  /** Exact substring of the reply that triggered it. */
  quote: string;
}

export interface ReplyAnalysis {
  hits: Record<string, ReplyVerdict>;
  evidence: ReplyEvidence[];
  locale: string;
}

export interface ReplyInput {
  text: string;
  locale: string;
  position?: 'opening';
}

export type Family = 'zh' | 'en';

/** One pattern of a cue family. `negatable` cues are dropped when a negator sits just before them. */
export interface CueDef {
  rule: string;
  verdict: ReplyVerdict;
  name: string;
  re: RegExp;
  negatable?: boolean;
}

/** A candidate finding with absolute offsets, so later structural passes can reason about position. */
export interface Candidate {
  rule: string;
  verdict: ReplyVerdict;
  cue: string;
  start: number;
  end: number;
}

/** Structural patterns a locale needs beyond the plain cue list. */
export interface LocaleFamilies {
  cues: CueDef[];
  negator: RegExp;
  negWindow: number;
  contrast: RegExp;
  concession: RegExp;
  helpingAction: RegExp;
  clarifyAfterApology: RegExp;
  dismissiveApology: RegExp;
  commitAction: RegExp;
  commitTime: RegExp;
  commitExclude: RegExp;
  goodbye: RegExp;
  greeting: RegExp;
  rudeOpening: RegExp;
  cannot: RegExp;
  colleague: RegExp;
}
