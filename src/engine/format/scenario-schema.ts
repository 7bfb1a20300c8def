import { z } from 'zod';
import { ConditionSchema } from './condition';
import {
  CHANNELS,
  DIFFICULTIES,
  NODE_ID_PATTERN,
  OUTCOMES,
  PERSONAS,
  PRINCIPLES,
  RULE_ID_PATTERN,
  TEMPERAMENTS,
} from './ids';
import { LocaleSchema, LocalizedTextSchema } from './localized-text-schema';

import { SCENARIO_SCHEMA_VERSION } from './versions';

export { MIN_SCENARIO_SCHEMA_VERSION, SCENARIO_SCHEMA_VERSION } from './versions';

const NodeId = z.string().regex(NODE_ID_PATTERN, 'a node id: a letter, then letters, digits, - or _');
const FlagName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a kebab-case flag name');
const RuleId = z.string().regex(RULE_ID_PATTERN, 'a rule id such as "apology.sincere"');
const Score = z.number().min(0).max(100);
const MoodDelta = z.strictObject({
  anger: z.number().min(-100).max(100).optional(),
  trust: z.number().min(-100).max(100).optional(),
});

export const PromiseSchema = z.strictObject({
  id: FlagName,
  what: LocalizedTextSchema,
  due: z.strictObject({ turns: z.int().min(1).max(50) }),
});

export const ResponseSchema = z.strictObject({
  id: z.string().regex(NODE_ID_PATTERN, 'a response id'),
  text: LocalizedTextSchema,
  /** Positive: the response meets the rule; negative: it breaks it. Magnitude scales the evidence. */
  rules: z
    .record(
      RuleId,
      z
        .number()
        .int()
        .min(-3)
        .max(3)
        .refine((n) => n !== 0, 'use 1..3 or -1..-3'),
    )
    .optional(),
  mood: MoodDelta.optional(),
  set: z.array(FlagName).max(20).optional(),
  unset: z.array(FlagName).max(20).optional(),
  promise: PromiseSchema.optional(),
  keep: z.array(FlagName).max(20).optional(),
  feedback: LocalizedTextSchema.optional(),
  /** What the customer says at once to this response, before the next node's line. */
  reply: LocalizedTextSchema.optional(),
  next: NodeId,
});

/** One way the customer may put a node's line; the first variant whose `if` holds is spoken. */
export const SayVariantSchema = z.strictObject({ if: ConditionSchema.optional(), text: LocalizedTextSchema });
export const SaySchema = z.union([LocalizedTextSchema, z.array(SayVariantSchema).min(1).max(12)]);

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
  when: z.array(BranchSchema).max(20).optional(),
  /** Where a pure branch node goes when no `when` holds. */
  otherwise: NodeId.optional(),
  responses: z.array(ResponseSchema).min(1).max(8).optional(),
  /** The trainee may type a reply here instead of choosing. */
  freeText: z.boolean().optional(),
  /** Seconds before silence counts as an etiquette breach (phone). */
  timeLimit: z.int().min(3).max(600).optional(),
  ending: EndingSchema.optional(),
});

export const CustomerSchema = z.strictObject({
  name: LocalizedTextSchema,
  persona: z.enum(PERSONAS),
  temperament: z.enum(TEMPERAMENTS),
  mood: z.strictObject({ anger: Score, trust: Score }),
  avatar: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/)
    .optional(),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a kebab-case scenario id'),
  version: z.int().min(1),
  locales: z.array(LocaleSchema).min(1).max(8),
  title: LocalizedTextSchema,
  brief: LocalizedTextSchema,
  /** Who the trainee plays. */
  role: LocalizedTextSchema.optional(),
  channel: z.enum(CHANNELS),
  difficulty: z.enum(DIFFICULTIES).default('medium'),
  minutes: z.int().min(1).max(120).default(5),
  tags: z.array(z.string().max(40)).max(20).optional(),
  customer: CustomerSchema,
  rubric: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('default'),
  /** Per-scenario override of the rubric's principle weights. */
  weights: z.partialRecord(z.enum(PRINCIPLES), z.number().min(0).max(10)).optional(),
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
