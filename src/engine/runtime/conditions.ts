import type { Comparison, Condition } from '../format/condition';
import type { PromiseRecord } from './types';

export interface ConditionContext {
  anger: number;
  trust: number;
  turn: number;
  flags: readonly string[];
  promises: readonly PromiseRecord[];
}

function compare(value: number, c: Comparison): boolean {
  return (
    (c.gte === undefined || value >= c.gte) &&
    (c.gt === undefined || value > c.gt) &&
    (c.lte === undefined || value <= c.lte) &&
    (c.lt === undefined || value < c.lt) &&
    (c.eq === undefined || value === c.eq)
  );
}

/** The latest promise with this id decides: a promise can be made again after it was broken. */
export function latestPromise(promises: readonly PromiseRecord[], id: string): PromiseRecord | undefined {
  for (let i = promises.length - 1; i >= 0; i -= 1) if (promises[i]!.id === id) return promises[i];
  return undefined;
}

export function holds(condition: Condition, ctx: ConditionContext): boolean {
  if ('anger' in condition) return compare(ctx.anger, condition.anger);
  if ('trust' in condition) return compare(ctx.trust, condition.trust);
  if ('turn' in condition) return compare(ctx.turn, condition.turn);
  if ('flag' in condition) return ctx.flags.includes(condition.flag);
  if ('promise' in condition)
    return latestPromise(ctx.promises, condition.promise.id)?.status === condition.promise.is;
  if ('all' in condition) return condition.all.every((c) => holds(c, ctx));
  if ('any' in condition) return condition.any.some((c) => holds(c, ctx));
  return !holds(condition.not, ctx);
}
