import { z } from 'zod';
import type { Range } from './limits';

// zod from the shared limits (limits.ts). Lengths and counts from 0, and `Infinity`, are no limit and
// are left out, so the published JSON Schemas say only what is checked.
const bounded = <S extends { min(n: number): S; max(n: number): S }>(schema: S, r: Range, from: number) => {
  let out = schema;
  if (r.min > from) out = out.min(r.min);
  if (Number.isFinite(r.max)) out = out.max(r.max);
  return out;
};

export const numberIn = (r: Range) => z.number().min(r.min).max(r.max);

/** z.int() is already a safe integer: `Number.MAX_SAFE_INTEGER` as the top adds nothing. */
export const intIn = (r: Range) => {
  const s = z.int().min(r.min);
  return r.max < Number.MAX_SAFE_INTEGER ? s.max(r.max) : s;
};

export const stringOf = (r: Range) => bounded(z.string(), r, 0);

export const arrayOf = <T extends z.ZodType>(item: T, r: Range) => bounded(z.array(item), r, 0);
