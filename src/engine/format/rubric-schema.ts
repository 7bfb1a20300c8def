import { z } from 'zod';
import { OUTCOMES, PERSONAS, PRINCIPLES } from './ids';
import { DEFAULTS, LIMITS, PATTERNS, RUBRIC_SCHEMA_VERSION } from './limits';
import { LocaleSchema, LocalizedTextSchema } from './localized-text-schema';
import { arrayOf, intIn, numberIn, stringOf } from './zod-limits';

export { RUBRIC_SCHEMA_VERSION } from './limits';

const MoodDelta = z.strictObject({
  anger: numberIn(LIMITS.moodDelta).optional(),
  trust: numberIn(LIMITS.moodDelta).optional(),
});

/** When a rule is expected even if no response touches it; absence becomes `missed` evidence. */
export const ExpectationSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('first-turn') }),
  z.strictObject({ on: z.literal('before-ending') }),
  z.strictObject({ on: z.literal('within-turns'), turns: intIn(LIMITS.turns) }),
  z.strictObject({ on: z.literal('any-turn') }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const CuePatternsSchema = z.strictObject({
  met: arrayOf(stringOf(LIMITS.cuePatternLength), LIMITS.cuePatternsCount).optional(),
  violated: arrayOf(stringOf(LIMITS.cuePatternLength), LIMITS.cuePatternsCount).optional(),
});

export const RuleSchema = z.strictObject({
  principle: z.enum(PRINCIPLES),
  title: LocalizedTextSchema,
  explanation: LocalizedTextSchema,
  /** The manual's own words, verbatim. */
  quote: stringOf(LIMITS.quoteLength),
  /** Which manual: M1..M5. */
  source: stringOf(LIMITS.sourceLength),
  weight: numberIn(LIMITS.ruleWeight).default(DEFAULTS.ruleWeight),
  /** A violation fails the attempt whatever the score. */
  critical: z.boolean().default(DEFAULTS.critical),
  mood: z.strictObject({ met: MoodDelta.optional(), violated: MoodDelta.optional() }).optional(),
  expect: ExpectationSchema.optional(),
  /** Extra per-locale regex sources for the free-text analyzer; a company's own phrases go here. */
  cues: z.record(LocaleSchema, CuePatternsSchema).optional(),
});

export const RubricSchema = z.strictObject({
  $schema: z.string().optional(),
  rubricVersion: z.literal(RUBRIC_SCHEMA_VERSION),
  id: z.string().regex(PATTERNS.slug),
  version: intIn(LIMITS.documentVersion),
  locales: arrayOf(LocaleSchema, LIMITS.rubricLocalesCount),
  title: LocalizedTextSchema,
  passMark: numberIn(LIMITS.passMark),
  /** Endings that fail the attempt whatever the score: the customer was lost or escalated. */
  failOutcomes: z.array(z.enum(OUTCOMES)).default([...DEFAULTS.failOutcomes]),
  /** Each repeat of the same rule moves the mood by this factor of the previous time. */
  repeatDecay: numberIn(LIMITS.repeatDecay).default(DEFAULTS.repeatDecay),
  principles: z.strictObject(
    Object.fromEntries(
      PRINCIPLES.map((p) => [
        p,
        z.strictObject({ weight: numberIn(LIMITS.principleWeight), title: LocalizedTextSchema }),
      ]),
    ) as {
      [K in (typeof PRINCIPLES)[number]]: z.ZodObject<
        { weight: z.ZodNumber; title: typeof LocalizedTextSchema },
        z.core.$strict
      >;
    },
  ),
  /** How strongly each persona reacts to each principle's mood effects (1 = as written). */
  personas: z
    .partialRecord(z.enum(PERSONAS), z.partialRecord(z.enum(PRINCIPLES), numberIn(LIMITS.personaFactor)))
    .optional(),
  rules: z.record(z.string().regex(PATTERNS.ruleId), RuleSchema),
});

export type Rubric = z.infer<typeof RubricSchema>;
export type Rule = z.infer<typeof RuleSchema>;
