// @vitest-environment jsdom
import { changeLanguage, initI18n } from '@/i18n/i18n';
import { detectLanguage, LANGUAGE_STORAGE_KEY, matchLanguage } from '@/i18n/language';
import en from '@/i18n/locales/en/common.json';
import zh from '@/i18n/locales/zh-CN/common.json';

describe('UI language', () => {
  beforeEach(() => localStorage.clear());

  // First in this file (each file has its own i18next): nothing has loaded Chinese yet.
  it("loads only the language in use; the other's strings arrive with the switch", async () => {
    const i18n = await initI18n('en');
    expect(i18n.hasResourceBundle('en', 'play')).toBe(true);
    expect(i18n.hasResourceBundle('zh-CN', 'play')).toBe(false);
    await changeLanguage('zh-CN');
    expect(i18n.hasResourceBundle('zh-CN', 'play')).toBe(true);
    expect(i18n.t('nav.review')).toBe(zh.nav.review);
    await changeLanguage('en');
  });

  it('maps browser languages onto the supported ones', () => {
    expect(matchLanguage('zh-TW')).toBe('zh-CN');
    expect(matchLanguage('en-GB')).toBe('en');
    expect(matchLanguage('fr')).toBeNull();
  });

  it('prefers the saved choice, persists a switch and updates <html lang>', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    expect(detectLanguage()).toBe('zh-CN');
    const i18n = await initI18n('en');
    await changeLanguage('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.t('nav.review')).toBe(zh.nav.review);
    await changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.review')).toBe(en.nav.review);
  });
});

/** Every key in one language exists in the other, so no screen falls back mid-sentence. */
describe('locale resources', () => {
  const files = import.meta.glob<Record<string, unknown>>(
    ['/src/i18n/locales/*/*.json', '/src/i18n/locales-lazy/*/*.json'],
    { eager: true, import: 'default' },
  );
  const keys = (value: unknown, prefix = ''): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];
  // "locales/play.json", "locales-lazy/review.json": the folder and the file, without the language.
  const namespaces = [
    ...new Set(Object.keys(files).map((p) => p.replace(/^\/src\/i18n\/([^/]+)\/[^/]+\//, '$1/'))),
  ];
  it.each(namespaces)('%s has the same keys in en and zh-CN', (ns) => {
    const [dir, file] = ns.split('/');
    const a = files[`/src/i18n/${dir}/en/${file}`];
    const b = files[`/src/i18n/${dir}/zh-CN/${file}`];
    expect(b, `zh-CN/${ns} missing`).toBeDefined();
    expect(keys(b).sort()).toEqual(keys(a).sort());
  });
  it('has distinct Chinese strings', () => {
    expect(zh.nav.library).not.toBe(en.nav.library);
  });
});
