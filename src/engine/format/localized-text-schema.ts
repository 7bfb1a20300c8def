import { z } from 'zod';
import { LIMITS, PATTERNS } from './limits';
import { stringOf } from './zod-limits';

// Kept apart from pickText so views that only display text do not load zod.
export const LocaleSchema = z.string().regex(PATTERNS.locale, 'a BCP 47 locale such as "zh-CN" or "en"');

/** A plain string (same in every locale) or a map from locale to text. */
export const LocalizedTextSchema = z.union([
  stringOf(LIMITS.textLength),
  z.record(LocaleSchema, stringOf(LIMITS.textLength)),
]);
