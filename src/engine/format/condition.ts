import { z } from 'zod';
import { PROMISE_STATES } from './ids';
import { LIMITS } from './limits';
import { arrayOf, stringOf } from './zod-limits';

export { PROMISE_STATES };

const Comparison = z
  .strictObject({
    gte: z.number().optional(),
    gt: z.number().optional(),
    lte: z.number().optional(),
    lt: z.number().optional(),
    eq: z.number().optional(),
  })
  .refine((c) => Object.keys(c).length > 0, 'give at least one of gte, gt, lte, lt, eq');
export type Comparison = z.infer<typeof Comparison>;

/**
 * Conditions are JSON data, never strings to evaluate. Recursive through all/any/not.
 * Getter-based recursion lets zod emit a $ref'd JSON Schema.
 */
export const ConditionSchema = z.union([
  z.strictObject({ anger: Comparison }),
  z.strictObject({ trust: Comparison }),
  z.strictObject({ turn: Comparison }),
  z.strictObject({ flag: stringOf(LIMITS.conditionNameLength) }),
  z.strictObject({
    promise: z.strictObject({ id: stringOf(LIMITS.conditionNameLength), is: z.enum(PROMISE_STATES) }),
  }),
  z.strictObject({
    get all() {
      return arrayOf(ConditionSchema, LIMITS.conditionItemsCount);
    },
  }),
  z.strictObject({
    get any() {
      return arrayOf(ConditionSchema, LIMITS.conditionItemsCount);
    },
  }),
  z.strictObject({
    get not() {
      return ConditionSchema;
    },
  }),
]);

export type Condition =
  | { anger: Comparison }
  | { trust: Comparison }
  | { turn: Comparison }
  | { flag: string }
  | { promise: { id: string; is: (typeof PROMISE_STATES)[number] } }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };
