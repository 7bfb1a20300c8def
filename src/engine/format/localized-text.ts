import { z } from 'zod';

const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const LocaleSchema = z.string().regex(LOCALE, 'a BCP 47 locale such as "zh-CN" or "en"');

/** A plain string (same in every locale) or a map from locale to text. */
export const LocalizedTextSchema = z.union([
  z.string().min(1).max(4000),
  z.record(LocaleSchema, z.string().min(1).max(4000)),
]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Text for a locale: exact match, then the same language, then the first available. */
export function pickText(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = locale.split('-')[0];
  for (const [key, value] of Object.entries(text)) if (key.split('-')[0] === language) return value;
  return Object.values(text)[0] ?? '';
}
