import type { Outcome, Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario, ScenarioResponse } from '../format/scenario-schema';

export type Verdict = 'met' | 'violated' | 'missed';
export type EvidenceSource = 'author' | 'detector' | 'promise' | 'expectation' | 'timer';

/** One reason a score moved. Every number in a result traces back to a list of these. */
export interface Evidence {
  /** 1-based trainee turn; for end-of-attempt evidence, the last turn. */
  turn: number;
  rule: string;
  verdict: Verdict;
  source: EvidenceSource;
  /** The words that earned it (the response text, the typed reply's matched span, or the promise). */
  quote: string;
  /** Rule weight × magnitude of the author tag. */
  weight: number;
  /** Free-text cue family, or the promise id for promise evidence. */
  cue?: string;
}

export interface Mood {
  anger: number;
  trust: number;
}

export type PromiseFate = 'pending' | 'kept' | 'broken';

export interface PromiseRecord {
  id: string;
  /** Node and response that made it. */
  madeAt: { turn: number; node: string; response: string };
  /** Last trainee turn on which keeping it is still on time. */
  dueTurn: number;
  status: PromiseFate;
  keptAt?: number;
  brokenAt?: number;
  /** For a promise made in a typed reply: the trainee's own words, which the debrief quotes. */
  said?: string;
}

/** What the trainee did on a turn. `silence` is a timed-out turn on a node with a time limit. */
export type TraineeInput =
  | { choice: string; msToAnswer?: number }
  | { text: string; msToAnswer?: number; reading?: ReplyReading }
  | { silence: true; msToAnswer?: number };

/** One rule the analyzer found in a typed reply, with the words behind it. */
export interface DetectedEvidence {
  rule: string;
  verdict: 'met' | 'violated';
  /** Which detector fired: a cue family's name or the learned model. Never shown to trainees. */
  cue: string;
  /** The words of the reply that drove the verdict. */
  quote: string;
}

/** How a typed reply was read: enough to replay it exactly, whichever analyzer version replays it. */
export interface ReplyReading {
  /** The analyzer and model version that read it. */
  /** Spelled as stored records have it since record version 2. */
  analyser: string;
  evidence: DetectedEvidence[];
  /** The authored response whose branch it followed; null when it could not be placed. */
  responseId: string | null;
  confidence: number;
  shared: string[];
  opposed: string[];
  similarity: number;
}

export interface TurnRecord {
  turn: number;
  node: string;
  input: TraineeInput;
  /** The authored response the engine followed (for free text: the one it was mapped to). */
  responseId: string | null;
  /** For free text: how the reply was read. */
  reading?: ReplyReading;
  /** What the customer said after this turn: an immediate reply, and which variant of the next line. */
  customer?: CustomerReaction;
  evidence: Evidence[];
  moodBefore: Mood;
  moodAfter: Mood;
  /** Automatic-branch nodes passed through after this turn, in order, ending on the next stop. */
  route: string[];
  at: number;
}

export interface CustomerReaction {
  /** `response`: the chosen response's `reply`; `unclear`: the node's `unclear` line (or the default). */
  reply: 'response' | 'unclear' | null;
  /** Index of the `say` variant spoken at the next stop (-1 when none held). */
  variant: number;
}

/** Serialisable (JSON) part of a session: what is saved to resume an attempt. */
export interface SessionState {
  stateVersion: number;
  scenarioId: string;
  scenarioVersion: number;
  locale: string;
  startedAt: number;
  /** Seeds the order responses are shown in; null keeps the authored order (older attempts). */
  seed: number | null;
  /** The `say` variant spoken at the first stop. */
  openingVariant: number;
  node: string;
  mood: Mood;
  flags: string[];
  promises: PromiseRecord[];
  turns: TurnRecord[];
  /** How many times each `rule:verdict` has moved the mood, for diminishing repeats. */
  repeats: Record<string, number>;
  /** Nodes passed through on the way in, before the first turn. */
  openingRoute: string[];
  status: 'active' | 'ended';
  ending: { node: string; outcome: Outcome } | null;
  /** End-of-attempt evidence: expectations missed, promises left unkept. Filled when the session ends. */
  closingEvidence: Evidence[];
  moodCurve: Mood[];
}

/**
 * What the runtime needs from a free-text analyzer (see src/engine/text/free-text.ts): a reading of
 * the reply, what it says and which authored response's branch it follows (runtime/place-reply.ts).
 * Behind this one call, the placement code loads with the analyzer, only when a trainee types.
 */
export interface ReplyAnalyzer {
  /** Changes whenever the analyzer could read the same words differently (cues or model weights). */
  readonly version: string;
  read(
    input: { text: string; locale: string; position?: 'opening' },
    responses: readonly ScenarioResponse[],
    rubric: Rubric,
  ): Omit<ReplyReading, 'analyser'>;
}

export interface SessionOptions {
  locale?: string;
  /** Injected clock so sessions are deterministic in tests and replays. The engine uses no randomness. */
  now?: () => number;
  /** Needed only for typed replies; without it a `{text}` input is rejected unless it carries its reading. */
  analyzer?: ReplyAnalyzer;
  /** Seeds the displayed order of responses. Omitted: the authored order. */
  seed?: number;
  /**
   * Starts at `node` instead of the scenario's start, with this mood and these flags (a trainer's
   * "play from here" preview). An unknown node, a mood out of range or a bad flag name throws.
   */
  startAt?: StartAt;
}

export interface StartAt {
  node: string;
  /** Overrides the scenario's customer mood; a missing field keeps the scenario's. */
  mood?: Partial<Mood>;
  flags?: readonly string[];
}

export interface ResolvedOptions {
  locale: string;
  now: () => number;
  analyzer: ReplyAnalyzer | null;
}

export interface Session {
  readonly scenario: Scenario;
  readonly rubric: Rubric;
  readonly state: SessionState;
  readonly options: ResolvedOptions;
}

/** Side effects are returned as data for the caller (UI, CLI) to act on. */
export type Effect =
  | { type: 'customer-says'; node: string }
  | { type: 'ended'; node: string; outcome: Outcome }
  | { type: 'promise-made'; id: string }
  | { type: 'promise-kept'; id: string }
  | { type: 'promise-broken'; id: string }
  | {
      type: 'rejected';
      reason:
        | 'session-ended'
        | 'unknown-choice'
        | 'free-text-not-allowed'
        | 'free-text-unavailable'
        | 'empty-text'
        | 'no-time-limit';
    }
  | {
      type: 'unclear';
      node: string;
    };

export interface Step {
  session: Session;
  effects: Effect[];
}

export interface PrincipleScore {
  principle: Principle;
  /** 0–100, or null when nothing in the attempt touched this principle. */
  score: number | null;
  met: number;
  violated: number;
  missed: number;
}

export interface AttemptResult {
  principles: Record<Principle, PrincipleScore>;
  overall: number;
  passed: boolean;
  passMark: number;
  critical: Evidence[];
  outcome: Outcome | null;
  moodCurve: Mood[];
  finalMood: Mood;
  evidence: Evidence[];
  promises: PromiseRecord[];
}
