import { GLOSSARY, GLOSSARY_EXCEPTIONS } from '@/i18n/glossary';

const files = import.meta.glob<Record<string, unknown>>(
  ['/src/i18n/locales/zh-CN/*.json', '/src/i18n/locales-lazy/zh-CN/*.json'],
  { eager: true, import: 'default' },
);
const strings = (value: unknown, at: string): Array<[string, string]> =>
  typeof value === 'string'
    ? [[at, value]]
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`))
      : [];
const all = Object.entries(files).flatMap(([path, json]) => strings(json, path.replace(/^.*\/zh-CN\//, '')));

describe('the zh-CN glossary', () => {
  it('reads every Chinese string of the app', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it.each(GLOSSARY.filter((g) => g.avoid.length > 0))('$en is always $zh', ({ avoid }) => {
    const offending = all.filter(([, text]) => {
      const cleaned = GLOSSARY_EXCEPTIONS.reduce((t, e) => t.split(e).join(''), text);
      return avoid.some((word) => cleaned.includes(word));
    });
    expect(offending.map(([where, text]) => `${where}: ${text}`)).toEqual([]);
  });

  it('each preferred word is in use (a glossary entry nothing says is stale)', () => {
    for (const { zh } of GLOSSARY)
      expect(
        all.some(([, text]) => text.includes(zh)),
        zh,
      ).toBe(true);
  });

  it('the nav, Review and the debrief use their own words', () => {
    const value = (key: string) => all.find(([where]) => where === key)?.[1];
    expect(value('common.json.nav.review')).toBe('成绩查看');
    expect(all.some(([where, text]) => where.startsWith('debrief.json') && text.includes('复盘'))).toBe(true);
  });
});
