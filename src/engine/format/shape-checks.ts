// Small predicates for the hand-written fast acceptors (quick-check*.ts, records/quick-check-record.ts).
// Each mirrors one zod rule exactly: z.number() refuses NaN and Infinity, z.int() means a safe integer,
// strict objects refuse unknown keys, and records of text need a locale-shaped key.

export type Obj = Record<string, unknown>;

export const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isNum = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
export const isInt = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  isNum(v, min, max) && Number.isSafeInteger(v);
export const opt = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
export const oneOf = (v: unknown, list: readonly string[]) => isStr(v) && list.includes(v);

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

const isLocaleKey = remembered(LOCALE);

/** LocalizedTextSchema: a 1–4000 character string, or a map from locale to such strings. */
export function isText(v: unknown): boolean {
  if (isStr(v)) return v.length >= 1 && v.length <= 4000;
  if (!isObj(v)) return false;
  for (const k in v) {
    const s = v[k];
    if (!isLocaleKey(k) || !isStr(s) || s.length < 1 || s.length > 4000) return false;
  }
  return true;
}

export const isArr = (v: unknown, min: number, max: number, each: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length >= min && v.length <= max && v.every(each);
