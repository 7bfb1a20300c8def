import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeReply, type CueSource } from '@/engine/text/analyze-reply';

const zh = (text: string, position?: 'opening') => analyzeReply({ text, locale: 'zh-CN', position });
const en = (text: string, position?: 'opening') => analyzeReply({ text, locale: 'en', position });

describe('analyzeReply', () => {
  describe('apology', () => {
    it('counts a plain apology as sincere and quotes it', () => {
      const a = zh('给您添麻烦了,真的很抱歉。');
      expect(a.hits['apology.sincere']).toBe('met');
      expect(a.evidence.find((e) => e.rule === 'apology.sincere')?.quote).toMatch(/抱歉|麻烦/);
    });

    it('does not treat "sorry you feel that way" as an apology', () => {
      expect(en("I'm sorry you feel that way.").hits['apology.sincere']).toBeUndefined();
      expect(zh('很遗憾您这么想。').hits['apology.sincere']).toBeUndefined();
      expect(zh('很抱歉您这么认为。').hits['apology.sincere']).toBeUndefined();
    });

    it('reads "sorry, I didn\'t catch that" as a clarifying question, not an apology', () => {
      const a = en("Sorry, I didn't catch that. Could you repeat your account number?");
      expect(a.hits['apology.sincere']).toBeUndefined();
      expect(a.hits['listening.clarify-gently']).toBe('met');
      const b = zh('对不起,我没听清,您能再说一遍吗?');
      expect(b.hits['apology.sincere']).toBeUndefined();
      expect(b.hits['listening.clarify-gently']).toBe('met');
    });

    it('drops a negated apology', () => {
      expect(en("I'm not sorry about that.").hits['apology.sincere']).toBeUndefined();
    });
  });

  describe('negation', () => {
    it('does not flag blame when the fault is explicitly denied', () => {
      expect(en("It's not your fault.").hits['etiquette.no-blame']).toBeUndefined();
      expect(zh('这不是您的错。').hits['etiquette.no-blame']).toBeUndefined();
      expect(zh('不怪您,是我们没通知到。').hits['etiquette.no-blame']).toBeUndefined();
    });

    it('reads "是不是你自己…" as an accusing question, not as the fault denied', () => {
      // 是不是你 contains 不是你; only "不是您的错/问题" or "不怪您" clears the customer.
      expect(zh('是不是你自己开的流量?说实话。').hits['etiquette.no-blame']).toBe('violated');
      expect(zh('你确定不是你自己忘了还款?').hits['etiquette.no-blame']).toBe('violated');
    });

    it('does not flag over-promising when the agent declines to guarantee', () => {
      expect(
        en("I can't guarantee it, but I'll call you by 5 pm today.").hits['resolution.no-overpromise'],
      ).toBeUndefined();
      expect(
        zh('我不能保证,但我会在今天下午五点前给您回电话。').hits['resolution.no-overpromise'],
      ).toBeUndefined();
    });
  });

  describe('contrast', () => {
    it('treats "I understand, but…" as arguing and ignores the empathy before the but', () => {
      const a = en('I understand, but those are the rules.');
      expect(a.hits['etiquette.no-argue']).toBe('violated');
      expect(a.hits['apology.empathy']).toBeUndefined();
      expect(a.evidence.some((e) => e.cue === 'contrast after empathy')).toBe(true);
    });

    it('treats "是的,但是…" and "我理解,可是…" as arguing', () => {
      expect(zh('是的,但是我们的规定写得很清楚。').hits['etiquette.no-argue']).toBe('violated');
      const b = zh('我理解,可是合同上写得很清楚。');
      expect(b.hits['etiquette.no-argue']).toBe('violated');
      expect(b.hits['apology.empathy']).toBeUndefined();
    });

    it('keeps the empathy when what follows the but is a helping step', () => {
      const a = en("I understand how stressful this is, but I'll get it sorted for you.");
      expect(a.hits['apology.empathy']).toBe('met');
      expect(a.hits['etiquette.no-argue']).toBeUndefined();
    });
  });

  describe('questions', () => {
    it('flags interrogating questions', () => {
      expect(zh('你老实说,到底是不是你自己弄坏的?').hits['listening.clarify-gently']).toBe('violated');
      expect(en('Tell me the truth, did you drop it?').hits['listening.clarify-gently']).toBe('violated');
      expect(zh('请你说出事实真相。').hits['listening.clarify-gently']).toBe('violated');
    });

    it('credits gentle questions', () => {
      expect(zh('请您再详细讲一次当时的情况。').hits['listening.clarify-gently']).toBe('met');
      expect(en('Could you tell me a bit more about the charge?').hits['listening.clarify-gently']).toBe(
        'met',
      );
    });
  });

  describe('greeting', () => {
    it('is judged only at the opening', () => {
      expect(zh('您好,这里是星河物业客服中心,我是小李。', 'opening').hits['etiquette.greeting']).toBe('met');
      expect(zh('喂,什么事?', 'opening').hits['etiquette.greeting']).toBe('violated');
      expect(en('Yeah, what?', 'opening').hits['etiquette.greeting']).toBe('violated');
      expect(zh('喂,什么事?').hits['etiquette.greeting']).toBeUndefined();
      expect(en('Hello, this is Tom.').hits['etiquette.greeting']).toBeUndefined();
    });
  });

  describe('commitments', () => {
    it('needs an owned step and a time', () => {
      expect(zh('我今天下午五点前给您回电。').hits['resolution.concrete-commitment']).toBe('met');
      expect(zh('我会尽快给您回电。').hits['resolution.concrete-commitment']).toBeUndefined();
    });

    it('does not reward a guarantee as a commitment', () => {
      const a = en("I guarantee you'll get every cent back tomorrow.");
      expect(a.hits['resolution.no-overpromise']).toBe('violated');
      expect(a.hits['resolution.concrete-commitment']).toBeUndefined();
    });
  });

  describe('locale', () => {
    it('uses the script of the text when it plainly differs from the declared locale', () => {
      expect(analyzeReply({ text: 'Calm down, sir.', locale: 'zh-CN' }).hits['etiquette.no-dismissal']).toBe(
        'violated',
      );
      expect(analyzeReply({ text: '不关我的事。', locale: 'en' }).hits['etiquette.no-dismissal']).toBe(
        'violated',
      );
      expect(analyzeReply({ text: '不关我的事。', locale: 'zh-TW' }).locale).toBe('zh-TW');
    });
  });

  describe('rubric cues', () => {
    it('turns a company phrase into a violation without code', () => {
      const rubric: CueSource = {
        rules: { 'etiquette.no-dismissal': { cues: { 'zh-CN': { violated: ['这得问总部'] } } } },
      };
      const cuesOnly = analyzeReply({ text: '这得问总部。', locale: 'zh-CN' }, undefined, null);
      expect(cuesOnly.hits['etiquette.no-dismissal']).toBeUndefined();
      const a = analyzeReply({ text: '这得问总部。', locale: 'zh-CN' }, rubric);
      expect(a.hits['etiquette.no-dismissal']).toBe('violated');
      expect(a.evidence[0]).toMatchObject({ cue: 'company cue', quote: '这得问总部' });
    });

    it('treats an invalid regex as literal text instead of throwing', () => {
      const rubric: CueSource = {
        rules: { 'etiquette.no-dismissal': { cues: { en: { violated: ['ask (head office', '['] } } } },
      };
      expect(() => analyzeReply({ text: 'hello', locale: 'en' }, rubric)).not.toThrow();
      expect(
        analyzeReply({ text: 'You must ask (head office.', locale: 'en' }, rubric).hits[
          'etiquette.no-dismissal'
        ],
      ).toBe('violated');
    });

    it('survives a malformed rubric object', () => {
      const bad = { rules: { x: { cues: { en: { met: [42, null] } } } } } as unknown as CueSource;
      expect(() => analyzeReply({ text: 'hi', locale: 'en' }, bad)).not.toThrow();
    });
  });

  describe('robustness', () => {
    it('never throws and quotes only substrings of the input', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
          fc.constantFrom('zh-CN', 'en', 'zh', 'fr', ''),
          fc.boolean(),
          (text, locale, opening) => {
            const a = analyzeReply({ text, locale, position: opening ? 'opening' : undefined });
            for (const e of a.evidence) expect(text.includes(e.quote)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    });

    // How fast a 1M-character reply is analyzed is a figure of `npm run bench`, not a test.
    it('handles empty, control-character, emoji and 1M-character input', () => {
      expect(analyzeReply({ text: '', locale: 'en' }).hits).toEqual({});
      expect(() => analyzeReply({ text: '\u0000\u0007\uFFFF😀👍🏽', locale: 'zh-CN' })).not.toThrow();
      const a = analyzeReply({ text: '对不起,'.repeat(250_000), locale: 'zh-CN' });
      expect(a.hits['apology.sincere']).toBe('met');
    });
  });
});
