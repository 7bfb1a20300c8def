import { z } from 'zod';
import { OUTCOMES, PERSONAS, PRINCIPLES, RULE_ID_PATTERN } from './ids';
import { LocaleSchema, LocalizedTextSchema } from './localized-text-schema';

import { RUBRIC_SCHEMA_VERSION } from './versions';

export { RUBRIC_SCHEMA_VERSION } from './versions';

const MoodDelta = z.strictObject({
  anger: z.number().min(-100).max(100).optional(),
  trust: z.number().min(-100).max(100).optional(),
});

/** When a rule is expected even if no response touches it; absence becomes `missed` evidence. */
export const ExpectationSchema = z.discriminatedUnion('on', [
  z.strictObject({ on: z.literal('first-turn') }),
  z.strictObject({ on: z.literal('before-ending') }),
  z.strictObject({ on: z.literal('within-turns'), turns: z.int().min(1).max(50) }),
  z.strictObject({ on: z.literal('any-turn') }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const CuePatternsSchema = z.strictObject({
  met: z.array(z.string().min(1).max(400)).max(200).optional(),
  violated: z.array(z.string().min(1).max(400)).max(200).optional(),
});

export const RuleSchema = z.strictObject({
  principle: z.enum(PRINCIPLES),
  title: LocalizedTextSchema,
  explanation: LocalizedTextSchema,
  /** The manual's own words, verbatim. */
  quote: z.string().min(1).max(1000),
  /** Which manual: M1..M5. */
  source: z.string().min(1).max(40),
  weight: z.number().min(0).max(10).default(1),
  /** A violation fails the attempt whatever the score. */
  critical: z.boolean().default(false),
  mood: z.strictObject({ met: MoodDelta.optional(), violated: MoodDelta.optional() }).optional(),
  expect: ExpectationSchema.optional(),
  /** Extra per-locale regex sources for the free-text analyser; a company's own phrases go here. */
  cues: z.record(LocaleSchema, CuePatternsSchema).optional(),
});

export const RubricSchema = z.strictObject({
  $schema: z.string().optional(),
  rubricVersion: z.literal(RUBRIC_SCHEMA_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  version: z.int().min(1),
  locales: z.array(LocaleSchema).min(1),
  title: LocalizedTextSchema,
  passMark: z.number().min(0).max(100),
  /** Endings that fail the attempt whatever the score: the customer was lost or escalated. */
  failOutcomes: z.array(z.enum(OUTCOMES)).default(['customer-lost', 'went-to-media', 'went-to-regulator']),
  /** Each repeat of the same rule moves the mood by this factor of the previous time. */
  repeatDecay: z.number().min(0).max(1).default(0.5),
  principles: z.strictObject(
    Object.fromEntries(
      PRINCIPLES.map((p) => [
        p,
        z.strictObject({ weight: z.number().min(0).max(10), title: LocalizedTextSchema }),
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
    .partialRecord(z.enum(PERSONAS), z.partialRecord(z.enum(PRINCIPLES), z.number().min(0).max(3)))
    .optional(),
  rules: z.record(z.string().regex(RULE_ID_PATTERN), RuleSchema),
});

export type Rubric = z.infer<typeof RubricSchema>;
export type Rule = z.infer<typeof RuleSchema>;
