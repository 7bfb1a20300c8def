import fc from 'fast-check';
import {
  ID_MAX_LENGTH,
  LIMITS,
  MIN_SCENARIO_SCHEMA_VERSION,
  RUBRIC_SCHEMA_VERSION,
  SCENARIO_SCHEMA_VERSION,
  type Range,
} from '@/engine/format/limits';

// Boundary values generated from the formats' one source of limits (src/engine/format/limits.ts), so
// the property tests probe exactly the edges both the zod schemas and the fast acceptors check.

const ranges = Object.entries(LIMITS) as Array<[string, Range]>;
const finite = (n: number) => Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
const edges = (r: Range) => [r.min, r.max].filter(finite);

/** Each numeric limit, one past it, and halfway either side (integers refuse the halves). */
export const boundaryNumbers: number[] = [
  ...new Set([
    ...ranges.flatMap(([, r]) => edges(r).flatMap((n) => [n - 1, n - 0.5, n, n + 0.5, n + 1])),
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    SCENARIO_SCHEMA_VERSION + 1,
    MIN_SCENARIO_SCHEMA_VERSION,
    RUBRIC_SCHEMA_VERSION + 1,
  ]),
];

const lengthLimits = ranges.filter(([name]) => name.endsWith('Length')).map(([, r]) => r);
const countLimits = ranges.filter(([name]) => name.endsWith('Count')).map(([, r]) => r);
const around = (r: Range) =>
  edges(r)
    .flatMap((n) => [n - 1, n, n + 1])
    .filter((n) => n >= 0);

/** String lengths on either side of every length limit, and of the longest id. */
export const boundaryLengths: number[] = [
  ...new Set([...lengthLimits.flatMap(around), ID_MAX_LENGTH, ID_MAX_LENGTH + 1]),
].sort((a, b) => a - b);

/** Array sizes on either side of every count limit. */
export const boundarySizes: number[] = [...new Set(countLimits.flatMap(around))].sort((a, b) => a - b);

/** Strings of each boundary length, in shapes that are ids, flags, locales and text at once. */
export const boundaryStrings: string[] = boundaryLengths.flatMap((n) =>
  n === 0 ? [''] : ['a'.repeat(n), 'A' + 'a'.repeat(n - 1)],
);

/** Keys to rename an object's key to: ids at the length limit and past it, and near-miss shapes. */
export const boundaryKeys: string[] = [
  'a'.repeat(ID_MAX_LENGTH),
  'a'.repeat(ID_MAX_LENGTH + 1),
  'N' + 'a'.repeat(ID_MAX_LENGTH - 1),
  'N' + 'a'.repeat(ID_MAX_LENGTH),
  'en',
  'EN',
  'zh-CN',
  'zh_CN',
  'en-' + 'x'.repeat(8),
  'en-' + 'x'.repeat(9),
  'a.b',
  'apology.sincere',
  'Apology.sincere',
  'listening',
  'victim',
  '1abc',
  '',
];

/** A value on or just past one of the limits. */
export const boundaryValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...boundaryNumbers),
  fc.constantFrom(...boundaryStrings),
  fc.constantFrom(...boundarySizes).map((n) => Array.from({ length: n }, () => 'a')),
  fc.constantFrom(...boundaryLengths).map((n) => ({ en: 'x'.repeat(n) })),
);
