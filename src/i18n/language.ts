// Which UI language to use: the trainee's saved choice, else the browser's, else English.
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'composure.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Maps any BCP 47 tag onto a supported language ("zh-TW" → "zh-CN", "en-GB" → "en"). */
export function matchLanguage(tag: string | undefined | null): Language | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be blocked (privacy mode); the browser language is a fine fallback.
    return null;
  }
}

export function detectLanguage(): Language {
  const stored = readStored();
  if (isLanguage(stored)) return stored;
  const nav = globalThis.navigator;
  for (const tag of nav?.languages ?? [nav?.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable; the choice still applies for this visit.
  }
}
