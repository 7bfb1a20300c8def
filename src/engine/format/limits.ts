// The one source of the formats' constants: versions, id shapes, limits and defaults. The zod schemas
// (scenario-schema.ts, rubric-schema.ts, localized-text-schema.ts, condition.ts) and the hand-written
// fast acceptors (quick-check*.ts, shape-checks.ts) both read them here, and the property tests that
// check the two accept exactly the same derive their boundary values from them. No zod: views may
// import it.

import type { Outcome } from './ids';

/** The content-format versions this build writes, and the oldest it can still read (via migrations). */
export const SCENARIO_SCHEMA_VERSION = 1;
export const MIN_SCENARIO_SCHEMA_VERSION = 0;
export const RUBRIC_SCHEMA_VERSION = 1;

/** What the loader reads at all: longer text, or deeper nesting, is refused before any other check. */
export const MAX_DOCUMENT_CHARS = 5_000_000;
export const MAX_DEPTH = 64;

/** Longest scenario, rubric, flag and node id. */
export const ID_MAX_LENGTH = 64;

/** The shapes of ids and tags. Each pattern's source is what the JSON Schemas publish. */
export const PATTERNS = {
  /** Scenario and rubric ids, flag and promise names: kebab-case, 1–64 characters. */
  slug: new RegExp(`^[a-z0-9][a-z0-9-]{0,${ID_MAX_LENGTH - 1}}$`),
  /** A scenario's `rubric`: the id of the rubric it is scored with. */
  rubricRef: /^[a-z0-9-]+$/,
  /** Node and response ids: a letter, then letters, digits, - or _. */
  nodeId: new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${ID_MAX_LENGTH - 1}}$`),
  /** Rule ids: `principle-ish.rule-name`. */
  ruleId: /^[a-z]+(?:-[a-z]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
  /** A BCP 47-shaped locale such as "zh-CN" or "en". */
  locale: /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/,
  avatar: /^[a-z0-9-]{1,32}$/,
} as const;

/** An inclusive range of numbers, lengths or counts. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

const range = (min: number, max: number): Range => ({ min, max });

/**
 * Every bound either side checks. `count` limits are array lengths, `length` limits string lengths;
 * the rest bound numbers. `Number.MAX_SAFE_INTEGER` stands for "no upper bound" on integers (z.int()).
 */
export const LIMITS = {
  /** Characters of one text (a plain string or each locale's string). */
  textLength: range(1, 4000),
  documentVersion: range(1, Number.MAX_SAFE_INTEGER),
  scenarioLocalesCount: range(1, 8),
  rubricLocalesCount: range(1, Infinity),
  minutes: range(1, 120),
  tagsCount: range(0, 20),
  tagLength: range(0, 40),
  /** The customer's starting anger and trust, and any mood during play. */
  mood: range(0, 100),
  /** A mood change: a response's own, or a rule's default. */
  moodDelta: range(-100, 100),
  /** A principle's weight (rubric) or a scenario's override. */
  principleWeight: range(0, 10),
  /** A rule tag's magnitude: 1..3 met, -1..-3 violated (0 is refused). */
  ruleTag: range(-3, 3),
  flagsCount: range(0, 20),
  /** Trainee turns until a promise is due, and an expectation's `within-turns`. */
  turns: range(1, 50),
  branchesCount: range(0, 20),
  responsesCount: range(1, 8),
  sayVariantsCount: range(1, 12),
  /** Seconds before silence counts (phone). */
  timeLimit: range(3, 600),
  passMark: range(0, 100),
  repeatDecay: range(0, 1),
  /** How strongly a persona reacts to a principle (1 = as written). */
  personaFactor: range(0, 3),
  ruleWeight: range(0, 10),
  quoteLength: range(1, 1000),
  sourceLength: range(1, 40),
  cuePatternsCount: range(0, 200),
  cuePatternLength: range(1, 400),
  /** Condition `flag` names and promise ids tested by conditions: any non-empty string. */
  conditionNameLength: range(1, Infinity),
  /** Items of `all` and `any`. */
  conditionItemsCount: range(1, Infinity),
} as const satisfies Record<string, Range>;

/** What a field that is left out means; both sides fill these in. */
export const DEFAULTS = {
  difficulty: 'medium',
  minutes: 5,
  rubric: 'default',
  failOutcomes: ['customer-lost', 'went-to-media', 'went-to-regulator'] as readonly Outcome[],
  repeatDecay: 0.5,
  ruleWeight: 1,
  critical: false,
} as const;
