import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, isLanguage, storeLanguage, type Language } from './language';

// The trainee's namespaces load as one chunk per language (vite.config.ts names them locale-<lng>):
// a trainee downloads the strings of the language they read, not of both. The Author view's, Review's
// and the LMS settings' strings load with their regions (lazy-namespaces.ts).
const files = import.meta.glob<Record<string, string | object>>('./locales/*/*.json', {
  import: 'default',
});

export const NAMESPACES = ['common', 'ui', 'library', 'play', 'debrief'] as const;

const loaded = new Map<Language, Promise<void>>();

/** Adds a language's bundled namespaces to i18next, once; a failed fetch can be tried again. */
function loadLanguage(language: Language): Promise<void> {
  let pending = loaded.get(language);
  if (!pending) {
    pending = Promise.all(
      Object.entries(files).map(async ([path, load]) => {
        const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
        if (match?.[1] !== language) return;
        i18next.addResourceBundle(language, match[2]!, await load(), true, true);
      }),
    ).then(() => undefined);
    pending.catch(() => loaded.delete(language));
    loaded.set(language, pending);
  }
  return pending;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Initialises i18next with the language's strings loaded, so the first render is already translated
 * (main.tsx renders once this resolves).
 */
export async function initI18n(language: Language = detectLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: {},
      lng: language,
      fallbackLng: false,
      supportedLngs: ['en', 'zh-CN'],
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes; double escaping would show &lt; to trainees.
      returnNull: false,
      initAsync: false,
    });
    i18next.on('languageChanged', applyDocumentLanguage);
  }
  await loadLanguage(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
  return i18next;
}

/** Switches once the language's strings are here, so no screen shows keys in between. */
export async function changeLanguage(language: string): Promise<void> {
  if (!isLanguage(language)) return;
  storeLanguage(language);
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}
