import { z } from 'zod';
import { ConditionSchema } from './condition';
import { CHANNELS, DIFFICULTIES, OUTCOMES, PERSONAS, PRINCIPLES, TEMPERAMENTS } from './ids';
import { DEFAULTS, LIMITS, PATTERNS, SCENARIO_SCHEMA_VERSION } from './limits';
import { LocaleSchema, LocalizedTextSchema } from './localized-text-schema';
import { arrayOf, intIn, numberIn, stringOf } from './zod-limits';

export { MIN_SCENARIO_SCHEMA_VERSION, SCENARIO_SCHEMA_VERSION } from './limits';

const NodeId = z.string().regex(PATTERNS.nodeId, 'a node id: a letter, then letters, digits, - or _');
const FlagName = z.string().regex(PATTERNS.slug, 'a kebab-case flag name');
const RuleId = z.string().regex(PATTERNS.ruleId, 'a rule id such as "apology.sincere"');
const Score = numberIn(LIMITS.mood);
const MoodDelta = z.strictObject({
  anger: numberIn(LIMITS.moodDelta).optional(),
  trust: numberIn(LIMITS.moodDelta).optional(),
});

export const PromiseSchema = z.strictObject({
  id: FlagName,
  what: LocalizedTextSchema,
  due: z.strictObject({ turns: intIn(LIMITS.turns) }),
});

export const ResponseSchema = z.strictObject({
  id: z.string().regex(PATTERNS.nodeId, 'a response id'),
  text: LocalizedTextSchema,
  /** Positive: the response meets the rule; negative: it breaks it. Magnitude scales the evidence. */
  rules: z
    .record(
      RuleId,
      z
        .number()
        .int()
        .min(LIMITS.ruleTag.min)
        .max(LIMITS.ruleTag.max)
        .refine((n) => n !== 0, 'use 1..3 or -1..-3'),
    )
    .optional(),
  mood: MoodDelta.optional(),
  set: arrayOf(FlagName, LIMITS.flagsCount).optional(),
  unset: arrayOf(FlagName, LIMITS.flagsCount).optional(),
  promise: PromiseSchema.optional(),
  keep: arrayOf(FlagName, LIMITS.flagsCount).optional(),
  feedback: LocalizedTextSchema.optional(),
  /** What the customer says at once to this response, before the next node's line. */
  reply: LocalizedTextSchema.optional(),
  next: NodeId,
});

/** One way the customer may put a node's line; the first variant whose `if` holds is spoken. */
export const SayVariantSchema = z.strictObject({ if: ConditionSchema.optional(), text: LocalizedTextSchema });
export const SaySchema = z.union([LocalizedTextSchema, arrayOf(SayVariantSchema, LIMITS.sayVariantsCount)]);

export const BranchSchema = z.strictObject({ if: ConditionSchema, next: NodeId });

export const EndingSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  say: LocalizedTextSchema.optional(),
  summary: LocalizedTextSchema.optional(),
});

export const NodeSchema = z.strictObject({
  /** What the customer says on arriving here: one text, or variants chosen by mood, flags, promises, turn. */
  say: SaySchema.optional(),
  /** The author's word that the unconditional line fits every way in (silences W_SAY_ASSUMES). */
  sayFits: z.literal('any').optional(),
  /** What the customer says when a typed reply cannot be placed; the turn stays open. */
  unclear: LocalizedTextSchema.optional(),
  /** A stage direction shown in italics ("sighs", "the line goes quiet"). */
  note: LocalizedTextSchema.optional(),
  /** Checked in order on arrival, before the trainee answers; the first that holds moves on. */
  when: arrayOf(BranchSchema, LIMITS.branchesCount).optional(),
  /** Where a pure branch node goes when no `when` holds. */
  otherwise: NodeId.optional(),
  responses: arrayOf(ResponseSchema, LIMITS.responsesCount).optional(),
  /** The trainee may type a reply here instead of choosing. */
  freeText: z.boolean().optional(),
  /** Seconds before silence counts as an etiquette breach (phone). */
  timeLimit: intIn(LIMITS.timeLimit).optional(),
  ending: EndingSchema.optional(),
});

export const CustomerSchema = z.strictObject({
  name: LocalizedTextSchema,
  persona: z.enum(PERSONAS),
  temperament: z.enum(TEMPERAMENTS),
  mood: z.strictObject({ anger: Score, trust: Score }),
  avatar: z.string().regex(PATTERNS.avatar).optional(),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  id: z.string().regex(PATTERNS.slug, 'a kebab-case scenario id'),
  version: intIn(LIMITS.documentVersion),
  locales: arrayOf(LocaleSchema, LIMITS.scenarioLocalesCount),
  title: LocalizedTextSchema,
  brief: LocalizedTextSchema,
  /** Who the trainee plays. */
  role: LocalizedTextSchema.optional(),
  channel: z.enum(CHANNELS),
  difficulty: z.enum(DIFFICULTIES).default(DEFAULTS.difficulty),
  minutes: intIn(LIMITS.minutes).default(DEFAULTS.minutes),
  tags: arrayOf(stringOf(LIMITS.tagLength), LIMITS.tagsCount).optional(),
  customer: CustomerSchema,
  rubric: z.string().regex(PATTERNS.rubricRef).default(DEFAULTS.rubric),
  /** Per-scenario override of the rubric's principle weights. */
  weights: z.partialRecord(z.enum(PRINCIPLES), numberIn(LIMITS.principleWeight)).optional(),
  start: NodeId,
  nodes: z
    .record(NodeId, NodeSchema)
    .refine((n) => Object.keys(n).length > 0, 'a scenario needs at least one node'),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type ScenarioResponse = z.infer<typeof ResponseSchema>;
export type ScenarioPromise = z.infer<typeof PromiseSchema>;
export type Ending = z.infer<typeof EndingSchema>;
export type MoodDelta = z.infer<typeof MoodDelta>;
export type Say = z.infer<typeof SaySchema>;
export type SayVariant = z.infer<typeof SayVariantSchema>;
