import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocaleTag, pickText, type LocalizedText } from '@/engine/format/localized-text';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const text: LocalizedText = { 'zh-CN': '您好', en: 'Hello', 'en-GB': 'Hello there' };

// Keys every object inherits: a record's locale is untrusted, and once "__proto__" made pickText
// return Object.prototype (React then crashed rendering it).
const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'toLocaleString',
];

describe('pickText', () => {
  it('picks the exact locale, then the same language, then the first text', () => {
    expect(pickText(text, 'zh-CN')).toBe('您好');
    expect(pickText(text, 'en')).toBe('Hello');
    expect(pickText(text, 'en-GB')).toBe('Hello there');
    expect(pickText(text, 'en-US')).toBe('Hello');
    expect(pickText(text, 'zh-TW')).toBe('您好');
    expect(pickText(text, 'fr')).toBe('您好');
    expect(pickText('same everywhere', 'fr')).toBe('same everywhere');
    expect(pickText(undefined, 'en')).toBe('');
    expect(pickText({}, 'en')).toBe('');
  });

  it.each(INHERITED)('never returns what an object inherits, for the locale %j', (locale) => {
    const picked = pickText(text, locale);
    expect(typeof picked).toBe('string');
    expect(picked).toBe('您好');
    expect(pickText({}, locale)).toBe('');
    expect(pickText({ en: 'Hello' }, locale)).toBe('Hello');
  });

  it('ignores an own "__proto__" key and values that are not text', () => {
    const crafted = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c", "en": "Hello"}') as LocalizedText;
    expect(pickText(crafted, '__proto__')).toBe('Hello');
    expect(pickText(crafted, 'constructor')).toBe('Hello');
    expect(pickText({ en: 42, 'zh-CN': '您好' } as unknown as LocalizedText, 'en')).toBe('您好');
  });

  it('always gives a string, whatever the locale and whatever the text object', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom(...INHERITED)),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...INHERITED)), fc.string()),
        (locale, dict) => {
          expect(typeof pickText(dict, locale)).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isLocaleTag', () => {
  it('accepts locale tags and nothing an object inherits', () => {
    for (const ok of ['en', 'zh-CN', 'zh-Hans-CN', 'yue']) expect(isLocaleTag(ok)).toBe(true);
    for (const bad of [...INHERITED, '', 'EN', 'e', 'x'.repeat(40), 'en--GB', 42, null])
      expect(isLocaleTag(bad)).toBe(false);
  });
});

describe('an attempt replayed under a crafted locale', () => {
  it.each(['__proto__', 'constructor'])(
    '%s: every line and the score are plain text and numbers',
    (locale) => {
      const scenario = fakeCallbackCall();
      const rubric = fakeCallbackRubric();
      const inputs = [{ choice: 'greet-apologise' }, { choice: 'promise' }, { choice: 'keep' }];
      const session = replay(scenario, rubric, inputs, { locale, now: () => 0 });
      const plain = replay(scenario, rubric, inputs, { locale: 'en', now: () => 0 });
      expect(scoreSession(session).overall).toBe(scoreSession(plain).overall);
      for (const node of Object.values(scenario.nodes)) {
        expect(typeof pickText(node.say as LocalizedText | undefined, locale)).toBe('string');
        for (const r of node.responses ?? []) expect(typeof pickText(r.text, locale)).toBe('string');
      }
    },
  );
});
