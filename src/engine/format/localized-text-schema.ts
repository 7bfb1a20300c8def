import { z } from 'zod';

// Kept apart from pickText so views that only display text do not load zod.
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const LocaleSchema = z.string().regex(LOCALE, 'a BCP 47 locale such as "zh-CN" or "en"');

/** A plain string (same in every locale) or a map from locale to text. */
export const LocalizedTextSchema = z.union([
  z.string().min(1).max(4000),
  z.record(LocaleSchema, z.string().min(1).max(4000)),
]);
