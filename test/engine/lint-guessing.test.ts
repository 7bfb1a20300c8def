import { describe, expect, it } from 'vitest';
import { courtesy, playNaiveStrategies, tells } from '@/engine/lint/guessability';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const codes = (scenario = fakeCallbackCall()) => lintScenario(scenario, fakeCallbackRubric()).diagnostics;

describe('guessability lint', () => {
  it('plays authored order, longest, shortest, most courteous per locale and random play', () => {
    const results = playNaiveStrategies(fakeCallbackCall(), fakeCallbackRubric(), 20);
    expect(results.map((r) => `${r.strategy}:${r.locale ?? '-'}`)).toEqual([
      'authored-order:-',
      'longest:en',
      'shortest:en',
      'most-courteous:en',
      'longest:zh-CN',
      'shortest:zh-CN',
      'most-courteous:zh-CN',
      'random:-',
    ]);
    expect(results.every((r) => !r.passed)).toBe(true);
  });

  it('warns W_GUESSABLE, naming the strategy, when the best response is always first', () => {
    const s = fakeCallbackCall();
    const callback = s.nodes.callback!.responses!;
    s.nodes.callback!.responses = [callback[1]!, callback[0]!]; // the keeping response first again
    const guessable = codes(s).filter((d) => d.code === 'W_GUESSABLE');
    expect(guessable.map((d) => d.message).join('\n')).toMatch(/'authored-order' passes with \d+/);
  });

  it('counts courtesy words per locale', () => {
    expect(courtesy('您好，请稍等，非常抱歉', 'zh-CN')).toBe(3);
    expect(courtesy('Sorry, please hold. Thanks!', 'en')).toBe(3);
  });

  it('reports where the best response sits (first, longest, most courteous)', () => {
    const t = tells(fakeCallbackCall(), fakeCallbackRubric());
    expect(t.decisions).toBe(3);
    expect(t.bestFirst).toBe(2);
    expect(t.bestLongest.en).toBe(2);
  });
});

describe('text lint', () => {
  it('warns on ASCII punctuation next to Chinese characters, with the path', () => {
    const s = fakeCallbackCall();
    s.nodes.opening!.say = { en: 'Nobody called!', 'zh-CN': '没人给我回电话!' };
    const found = codes(s).filter((d) => d.code === 'W_ASCII_PUNCTUATION');
    expect(found.map((d) => d.path)).toEqual(['/nodes/opening/say/zh-CN']);
  });

  it('leaves ASCII punctuation in English text and full-width punctuation alone', () => {
    expect(codes().filter((d) => d.code === 'W_ASCII_PUNCTUATION')).toEqual([]);
  });

  it('warns on bidi controls and on text that is only invisible characters', () => {
    const s = fakeCallbackCall();
    s.title = { en: 'Fake \u202ecall', 'zh-CN': '\u200b\u200b' };
    const found = codes(s).map((d) => d.code);
    expect(found).toContain('W_BIDI_CONTROL');
    expect(found).toContain('W_INVISIBLE_TEXT');
  });
});

describe('say-line lint', () => {
  it('warns when one line follows both a critical fault and none, unless marked as fitting', () => {
    const s = fakeCallbackCall();
    s.nodes.facts!.say = { en: 'So what now?', 'zh-CN': '那现在怎么办？' };
    expect(
      codes(s)
        .filter((d) => d.code === 'W_SAY_ASSUMES')
        .map((d) => d.path),
    ).toEqual(['/nodes/facts/say']);
    s.nodes.facts!.sayFits = 'any';
    expect(codes(s).filter((d) => d.code === 'W_SAY_ASSUMES')).toEqual([]);
  });

  it('warns about a variant that can never be spoken and a list with no fallback', () => {
    const s = fakeCallbackCall();
    s.nodes.facts!.say = [
      { if: { flag: 'never-set' }, text: 'a' },
      { if: { anger: { gt: 100 } }, text: 'b' },
    ];
    const found = codes(s).filter(
      (d) => d.code.startsWith('W_VARIANT') || d.code === 'W_NO_FALLBACK_VARIANT',
    );
    expect(found.map((d) => d.code)).toEqual(['W_VARIANT_NEVER', 'W_VARIANT_NEVER', 'W_NO_FALLBACK_VARIANT']);
  });
});

describe('promise lint', () => {
  it('does not ask for an over-promise to be kept', () => {
    const s = fakeCallbackCall();
    const vague = s.nodes.facts!.responses![1]!;
    vague.rules = { 'resolution.no-overpromise': -1 };
    vague.promise = { id: 'guarantee', what: 'fixed today, guaranteed', due: { turns: 1 } };
    expect(codes(s).filter((d) => d.code === 'W_PROMISE_NEVER_KEPT')).toEqual([]);
    vague.rules = {};
    expect(
      codes(s)
        .filter((d) => d.code === 'W_PROMISE_NEVER_KEPT')
        .map((d) => d.message),
    ).toEqual(["promise 'guarantee' is made but no response keeps it"]);
  });
});
