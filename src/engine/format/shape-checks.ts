// Small predicates for the hand-written fast acceptors (quick-check*.ts, records/quick-check-record.ts).
// Each mirrors one zod rule exactly: z.number() refuses NaN and Infinity, z.int() means a safe integer,
// strict objects refuse unknown keys, and records of text need a locale-shaped key. Limits and id
// shapes come from limits.ts, as the zod schemas' do.

import { LIMITS, PATTERNS, type Range } from './limits';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
export const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  isNum(v, min, max) && Number.isSafeInteger(v);
export const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
export const oneOf = (v: unknown, list: readonly string[]) => isStr(v) && list.includes(v);

/** A number within a shared range (numberIn on the zod side). */
export const numIn = (v: unknown, r: Range) => isNum(v, r.min, r.max);
/** A safe integer within a shared range (intIn). */
export const intIn = (v: unknown, r: Range) => isInt(v, r.min, r.max);
/** A string whose length is within a shared range (stringOf). */
export const strIn = (v: unknown, r: Range): v is string =>
  typeof v === 'string' && v.length >= r.min && v.length <= r.max;
/** An array whose length is within a shared range and whose every item passes (arrayOf). */
export const isArr = (v: unknown, r: Range, each: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length >= r.min && v.length <= r.max && v.every(each);

/** Only allowed keys, none of them `undefined` (zod treats those subtly; callers then defer to it). */
export function onlyKeys(o: Obj, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k) || o[k] === undefined) return false;
  return true;
}

export function everyEntry(o: Obj, check: (key: string, value: unknown) => boolean): boolean {
  for (const k in o) if (!check(k, o[k])) return false;
  return true;
}

/** The same few keys recur tens of thousands of times in a large file: test each once. */
export function remembered(pattern: RegExp): (key: string) => boolean {
  const seen = new Map<string, boolean>();
  return (key) => {
    let ok = seen.get(key);
    if (ok === undefined) {
      ok = pattern.test(key);
      if (seen.size < 1000) seen.set(key, ok);
    }
    return ok;
  };
}

export const isLocale = remembered(PATTERNS.locale);

const { min: TEXT_MIN, max: TEXT_MAX } = LIMITS.textLength;

/** LocalizedTextSchema: a string of textLength, or a map from locale to such strings. */
export function isText(v: unknown): boolean {
  if (typeof v === 'string') return v.length >= TEXT_MIN && v.length <= TEXT_MAX;
  if (!isObj(v)) return false;
  for (const k in v) {
    const s = v[k];
    if (typeof s !== 'string' || s.length < TEXT_MIN || s.length > TEXT_MAX || !isLocale(k)) return false;
  }
  return true;
}
