import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeReply, LEARNED_CUE } from '@/engine/text/analyze-reply';
import { loadModel, predict } from '@/engine/text/model/classifier';
import { parseCorpus } from '@/engine/text/model/corpus';
import { decodeIndices, encodeIndices } from '@/engine/text/model/codec';
import { extractFeatures, MAX_RUN } from '@/engine/text/model/features';
import { train } from '@/engine/text/model/train';

const corpus = (file: string) =>
  parseCorpus(
    readFileSync(new URL(`../../../src/engine/text/corpus/${file}`, import.meta.url), 'utf8'),
    file,
  );

describe('the learned free-text classifier', () => {
  it('trains deterministically: the same replies give byte-identical weights', () => {
    const sample = [...corpus('en.jsonl').slice(0, 300), ...corpus('zh-CN.jsonl').slice(0, 300)];
    expect(JSON.stringify(train(sample))).toBe(JSON.stringify(train(sample)));
  });

  it('learns from labelled lines a company adds, and names the words behind a verdict', () => {
    const lines = [
      ...[
        'Per policy 7b, not us.',
        'Policy 7b says no, not our call.',
        'That is policy 7b, not us mate.',
      ].map((text, i) => ({
        id: `c${i}`,
        locale: 'en',
        text,
        labels: { 'etiquette.no-dismissal': 'violated' as const },
      })),
      ...['Happy to help with that.', 'Let me sort it for you.', 'Sure, one moment.'].map((text, i) => ({
        id: `n${i}`,
        locale: 'en',
        text,
        labels: {},
      })),
    ];
    const model = loadModel(train(lines, { ...trainOptions(), l1: 0, minCount: 1, threshold: 0.5 }));
    const hits = predict(model, 'en', 'Sorry, policy 7b, not us.', false);
    const hit = hits.find((h) => h.rule === 'etiquette.no-dismissal');
    expect(hit?.verdict).toBe('violated');
    expect('Sorry, policy 7b, not us.'.slice(hit!.start, hit!.end)).toMatch(/7b|policy|not us/);
  });

  it('stores bucket indices as gaps and reads them back exactly', () => {
    const ascending = [0, 1, 31, 32, 33, 1023, 1024, 40_000, 65_535];
    expect(decodeIndices(encodeIndices(ascending))).toEqual(ascending);
    expect(encodeIndices([0, 5])).toHaveLength(2);
    expect(() => decodeIndices('A*')).toThrow(/not an index digit/);
  });

  it('refuses a corpus line that is not JSON, naming the file and line', () => {
    expect(() => parseCorpus('{"id":"a","locale":"en","text":"x"}\n{oops', 'extra.jsonl')).toThrow(
      /extra\.jsonl:2: not JSON/,
    );
    expect(() => parseCorpus('{"id":"a","locale":"en","text":"x","labels":{"r.x":"maybe"}}', 'f')).toThrow(
      /f:1: label "r.x" must be "met" or "violated"/,
    );
  });

  it('keeps feature spans inside the text for any input, including long runs of one character', () => {
    for (const text of ['十'.repeat(5000), 'a'.repeat(5000), '您好，请问！？', 'ok... so, like, yeah?']) {
      for (const f of extractFeatures(text, /[a-z]/.test(text) ? 'en' : 'zh', false)) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('reads a run of one character as MAX_RUN of it: a held-down key adds no features', () => {
    const run = ['十', 'a', '。', ' ', '好', '0', '!', '\u3000', '😀'];
    for (const ch of run)
      for (const family of ['zh', 'en'] as const) {
        const short = extractFeatures(ch.repeat(MAX_RUN), family, false);
        const long = extractFeatures(ch.repeat(20_000), family, false);
        expect(long.map((f) => f.hash)).toEqual(short.map((f) => f.hash));
        // The kept characters' spans still cover the whole run, for quoting.
        expect(Math.max(0, ...long.map((f) => f.end))).toBeLessThanOrEqual(ch.length * 20_000);
      }
  });

  it('extracts a bounded number of features per character of any text', () => {
    // Work is linear in the text: at most a fixed number of n-grams start at each character.
    const text = Array.from({ length: 20_000 }, (_, i) => 'ab 您好,x?'[(i * 7) % 9]).join('');
    for (const family of ['zh', 'en'] as const)
      expect(extractFeatures(text, family, false).length).toBeLessThanOrEqual(text.length * 6 + 8);
    const words = 'please hold while I check '.repeat(800);
    expect(extractFeatures(words, 'en', false).length).toBeLessThanOrEqual(words.length * 6 + 8);
  });

  it('adds what the cues miss, marked as the model in the evidence (never shown to trainees)', () => {
    const cuesOnly = analyzeReply(
      { text: 'not my department, ring the other number', locale: 'en' },
      undefined,
      null,
    );
    const both = analyzeReply({ text: 'not my department, ring the other number', locale: 'en' });
    expect(Object.keys(both.hits).length).toBeGreaterThanOrEqual(Object.keys(cuesOnly.hits).length);
    for (const e of both.evidence.filter((x) => x.cue === LEARNED_CUE))
      expect(e.quote.length).toBeGreaterThan(0);
  });
});

function trainOptions() {
  return {
    epochs: 30,
    learningRate: 0.3,
    l2: 1e-3,
    keep: 100_000,
    threshold: 0.5,
    seed: 1,
    minCount: 1,
    positiveBoost: 0.5,
    l1: 0,
  };
}
