import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, isLanguage, storeLanguage, type Language } from './language';

// The trainee's namespaces are bundled so switching language is instant; the Author view's, Review's and
// the LMS settings' strings load with their regions (lazy-namespaces.ts).
const files = import.meta.glob<Record<string, string | object>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const NAMESPACES = ['common', 'ui', 'library', 'play', 'debrief'] as const;

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng = '', ns = ''] = match;
    resources[lng] = { ...resources[lng], [ns]: content };
  }
  return resources;
}

function applyDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Initialises i18next synchronously (resources are bundled), so the first render is already translated. */
export function initI18n(language: Language = detectLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: buildResources(),
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'zh-CN'],
      ns: [...NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes; double escaping would show &lt; to trainees.
      returnNull: false,
      initAsync: false,
    });
    i18next.on('languageChanged', applyDocumentLanguage);
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  return i18next;
}

export function changeLanguage(language: string): void {
  if (!isLanguage(language)) return;
  storeLanguage(language);
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}
