import type { z } from 'zod';
import type { LocalizedTextSchema } from './localized-text-schema';

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
