import type { Outcome, Principle } from '../format/ids';
import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';

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
}

/** What the trainee did on a turn. `silence` is a timed-out turn on a node with a time limit. */
export type TraineeInput =
  | { choice: string; msToAnswer?: number }
  | { text: string; msToAnswer?: number }
  | { silence: true; msToAnswer?: number };

export interface TurnRecord {
  turn: number;
  node: string;
  input: TraineeInput;
  /** The authored response the engine followed (for free text: the one it was mapped to). */
  responseId: string | null;
  /** For free text: how the reply was read. */
  reading?: { responseId: string; score: number; reasons: string[] };
  evidence: Evidence[];
  moodBefore: Mood;
  moodAfter: Mood;
  /** Automatic-branch nodes passed through after this turn, in order, ending on the next stop. */
  route: string[];
  at: number;
}

/** Serialisable (JSON) part of a session: what is saved to resume an attempt. */
export interface SessionState {
  stateVersion: number;
  scenarioId: string;
  scenarioVersion: number;
  locale: string;
  startedAt: number;
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

/** What the runtime needs from a free-text analyser (see src/engine/text/free-text.ts). */
export interface ReplyAnalyser {
  analyse(
    input: { text: string; locale: string; position?: 'opening' },
    rubric: Rubric,
  ): { evidence: ReadonlyArray<{ rule: string; verdict: 'met' | 'violated'; cue: string; quote: string }> };
  map(
    text: string,
    analysis: never,
    responses: ReadonlyArray<{
      id: string;
      text: string | Record<string, string>;
      rules?: Record<string, number>;
    }>,
    locale: string,
  ): { responseId: string; score: number; reasons: string[] };
}

export interface SessionOptions {
  locale?: string;
  /** Injected clock so sessions are deterministic in tests and replays. The engine uses no randomness. */
  now?: () => number;
  /** Needed only for typed replies; without it a `{text}` input is rejected. */
  analyser?: ReplyAnalyser;
}

export interface ResolvedOptions {
  locale: string;
  now: () => number;
  analyser: ReplyAnalyser | null;
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
