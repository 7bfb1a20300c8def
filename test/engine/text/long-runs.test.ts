import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReply } from '@/engine/text/analyze-reply';
import { collapseRuns, originalOffset, RUN_CAP } from '@/engine/text/runs';
import { sentences } from '@/engine/text/segment';
import { RUN_CHARS } from '@/cli/bench-text';

// Long runs of one character: hostile or careless input (a held-down key, a pasted wall). How fast
// they are read is an `npm run bench` figure ("20,000 of one character", target 50 ms); here they
// must give a well-formed reading. What keeps them linear is checked without a clock: every
// pattern passes the cue safety check (cue-safety.test.ts), and a run of line breaks is one
// sentence, not one per break (each sentence costs one pass of every cue).

describe('long runs of one character', () => {
  it.each(RUN_CHARS)('20,000 × %j gives a well-formed reading in both languages', (ch) => {
    const text = ch.repeat(20_000);
    for (const locale of ['zh-CN', 'en']) {
      const a = analyzeReply({ text, locale });
      expect(typeof a.locale).toBe('string');
      for (const verdict of Object.values(a.hits)) expect(['met', 'violated']).toContain(verdict);
      for (const e of a.evidence) {
        expect(a.hits[e.rule]).toBe(e.verdict);
        expect(text.includes(e.quote)).toBe(true);
      }
    }
  });

  it('still reads a time in a run of numerals, from the first numeral', () => {
    // The numeral pattern now starts only at the beginning of a run: the whole number is quoted.
    const a = analyzeReply({ text: '我今天下午三十点前给您回电话。', locale: 'zh-CN' }, undefined, null);
    expect(a.hits['resolution.concrete-commitment']).toBe('met');
    const b = analyzeReply({ text: '我会在十二点前给您回电话。', locale: 'zh-CN' }, undefined, null);
    expect(b.hits['resolution.concrete-commitment']).toBe('met');
    expect(b.evidence.find((e) => e.rule === 'resolution.concrete-commitment')?.quote).toContain('十二点');
  });
});

describe('runs cut before the cues read the text', () => {
  it('keeps RUN_CAP of a run and maps offsets back to the text as typed', () => {
    const text = `ok${'!'.repeat(50)}yes`;
    const c = collapseRuns(text);
    expect(c.text).toBe(`ok${'!'.repeat(RUN_CAP)}yes`);
    expect(originalOffset(c, c.text.indexOf('yes'))).toBe(text.indexOf('yes'));
    expect(originalOffset(c, c.text.length)).toBe(text.length);
    expect(collapseRuns('short!!').offsets).toBeNull();
  });

  it('quotes the reply as typed when a finding spans a cut run', () => {
    const text = `非常抱歉${'！'.repeat(40)}我今天下午五点前给您回电话。`;
    const a = analyzeReply({ text, locale: 'zh-CN' });
    expect(a.hits['apology.sincere']).toBe('met');
    expect(a.hits['resolution.concrete-commitment']).toBe('met');
    for (const e of a.evidence) expect(text.includes(e.quote)).toBe(true);
  });
});

describe('sentences', () => {
  it('keeps a run of line breaks as one sentence', () => {
    for (const brk of ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085'])
      for (const family of ['zh', 'en'] as const)
        expect(sentences(brk.repeat(20_000 / brk.length), family)).toHaveLength(1);
  });

  it('attaches blank lines to the sentence they end', () => {
    expect(sentences('Sorry.\n\n\nI will call you today.', 'en').map((s) => s.text)).toEqual([
      'Sorry.\n\n\n',
      'I will call you today.',
    ]);
    expect(sentences('对不起。\r\n\r\n我今天给您回电话', 'zh').map((s) => s.text)).toEqual([
      '对不起。',
      '\r\n\r\n',
      '我今天给您回电话',
    ]);
  });

  it('covers the text exactly, in order, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '.', '!', '\n', '\r', '\u2029', '。', '十', '好', '?') }),
        fc.constantFrom('zh' as const, 'en' as const),
        (text, family) => {
          let at = 0;
          for (const s of sentences(text, family)) {
            expect(s.start).toBe(at);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.text).toBe(text.slice(s.start, s.end));
            at = s.end;
          }
          expect(at).toBe(text.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
