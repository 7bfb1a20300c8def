import { describe, expect, it } from 'vitest';
import { analyzeReply } from '@/engine/text/analyze-reply';
import { mapReplyToResponse, type AuthoredResponse } from '@/engine/text/map-reply';

const responses: AuthoredResponse[] = [
  {
    id: 'argue',
    text: { 'zh-CN': '您说的不对,我们的收费是合理的。', en: "That's not true, our fees are fair." },
    rules: { 'etiquette.no-argue': -1 },
  },
  {
    id: 'apologise',
    text: { 'zh-CN': '非常抱歉给您添麻烦了,这是我们的失误。', en: "I'm so sorry, that was our mistake." },
    rules: { 'apology.sincere': 1, 'apology.own-mistake': 1 },
  },
  {
    id: 'callback',
    text: { 'zh-CN': '我今天下午五点前给您回电。', en: "I'll call you back by 5 pm today." },
    rules: { 'resolution.concrete-commitment': 1 },
  },
];

function map(text: string, locale: string, list: AuthoredResponse[] = responses) {
  return mapReplyToResponse(text, analyzeReply({ text, locale }), list, locale);
}

describe('mapReplyToResponse', () => {
  it('maps a reply to the response whose tags and wording it shares', () => {
    const zh = map('真的很抱歉,是我们弄错了。', 'zh-CN');
    expect(zh.responseId).toBe('apologise');
    expect(zh.reasons).toContain('shared:apology.sincere');
    expect(map("Sorry about that, it's our error and our mistake.", 'en').responseId).toBe('apologise');
    expect(map("I'll ring you back before 5 pm today.", 'en').responseId).toBe('callback');
    expect(map('不可能,我们的收费完全合理。', 'zh-CN').responseId).toBe('argue');
  });

  it('reports text similarity as a reason', () => {
    const r = map('我今天下午五点前给您回电。', 'zh-CN');
    expect(r.reasons.some((x) => x.startsWith('similar-text:'))).toBe(true);
  });

  it('falls back to the first locale value when the locale is missing', () => {
    const list = [
      { id: 'a', text: { en: 'completely different words here' } },
      { id: 'b', text: { en: 'call you back tomorrow' } },
    ];
    expect(map('call you back tomorrow', 'fr', list).responseId).toBe('b');
  });

  it('breaks ties in favour of the earlier response', () => {
    const list = [
      { id: 'first', text: 'same text' },
      { id: 'second', text: 'same text' },
    ];
    expect(map('nothing in common', 'en', list).responseId).toBe('first');
    expect(map('same text', 'en', list).responseId).toBe('first');
  });

  it('returns an empty mapping for an empty list', () => {
    expect(map('hello', 'en', [])).toEqual({ responseId: '', score: 0, reasons: [] });
  });
});
