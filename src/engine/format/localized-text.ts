import type { z } from 'zod';
import { PATTERNS } from './limits';
import type { LocalizedTextSchema } from './localized-text-schema';

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

// The shape LocaleSchema allows, from limits.ts (no zod): views that only display text stay light.
const LOCALE = PATTERNS.locale;

/**
 * True for a BCP 47-shaped tag such as "zh-CN" or "en". A locale read from a record or a URL is
 * checked against this before it is used as a key: "__proto__" or "constructor" never reach a lookup.
 */
export const isLocaleTag = (locale: unknown): locale is string =>
  typeof locale === 'string' && locale.length <= 35 && LOCALE.test(locale);

/** The text stored under `key` itself, never one inherited from Object.prototype. */
function own(text: Record<string, unknown>, key: string): string | undefined {
  if (!Object.hasOwn(text, key)) return undefined;
  const value = text[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Text for a locale: exact match, then the same language, then the first available. Always a
 * string: a locale that is not a locale tag (a crafted "__proto__") falls back to the first text.
 */
export function pickText(text: LocalizedText | undefined, locale: string): string {
  if (typeof text === 'string') return text;
  if (typeof text !== 'object' || text === null) return '';
  const tagged = isLocaleTag(locale);
  if (tagged) {
    const exact = own(text, locale);
    if (exact !== undefined) return exact;
  }
  const language = tagged ? locale.split('-')[0] : undefined;
  let first: string | undefined;
  for (const [key, value] of Object.entries(text)) {
    if (typeof value !== 'string' || !isLocaleTag(key)) continue;
    if (key.split('-')[0] === language) return value;
    first ??= value;
  }
  return first ?? '';
}
