import { describe, expect, it } from 'vitest';
import { rubricSelfCheck, selfCheckDiagnostics } from '@/engine/lint/rubric-self-check';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const rubric = () => {
  const r = fakeRubric();
  r.rules['etiquette.no-dismissal'] = {
    ...r.rules['etiquette.no-blame']!,
    title: { en: 'Never brush the customer off', 'zh-CN': '不推脱责任' },
  };
  return r;
};

/** The fake call with a planted brush-off as its second answer at `close`. */
function planted(rules?: Record<string, number>) {
  const s = fakeScenario();
  s.nodes.close!.responses![1] = {
    id: 'brush-off',
    text: { 'zh-CN': '这个不归我管，您找别的部门吧。', en: 'Fine.' },
    ...(rules ? { rules } : {}),
    next: 'resolved',
  };
  return s;
}

describe('the rubric self-check', () => {
  it('finds a planted "不归我管" not tagged etiquette.no-dismissal, with the words', () => {
    const found = rubricSelfCheck(planted(), rubric()).filter(
      (f) => f.rule === 'etiquette.no-dismissal' && f.node === 'close' && f.locale === 'zh-CN',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      pointer: '/nodes/close/responses/1/text/zh-CN',
      node: 'close',
      response: 'brush-off',
      locale: 'zh-CN',
      tag: null,
    });
    expect(found[0]!.words.join(' ')).toContain('不归我管');
    expect(found[0]!.message).toContain('does not tag it');
  });

  it('turns findings into info diagnostics at the text, with a hint', () => {
    const [d] = selfCheckDiagnostics(rubricSelfCheck(planted(), rubric()).filter((f) => f.node === 'close'));
    expect(d).toMatchObject({
      severity: 'info',
      code: 'I_TAG_CONTRADICTION',
      path: '/nodes/close/responses/1/text/zh-CN',
      hint: 'tag "etiquette.no-dismissal" negative if the words are meant, or reword the answer',
    });
  });

  it('flags a tag that says the rule is met when the words break it', () => {
    const found = rubricSelfCheck(planted({ 'etiquette.no-dismissal': 1 }), rubric());
    expect(found.find((f) => f.rule === 'etiquette.no-dismissal' && f.node === 'close')).toMatchObject({
      tag: 1,
    });
    expect(found.find((f) => f.rule === 'etiquette.no-dismissal' && f.node === 'close')!.message).toContain(
      'tags it +1',
    );
  });

  it('is satisfied once the response tags the rule as broken', () => {
    const found = rubricSelfCheck(planted({ 'etiquette.no-dismissal': -2 }), rubric());
    expect(found.filter((f) => f.rule === 'etiquette.no-dismissal' && f.node === 'close')).toEqual([]);
  });

  it('also finds the fake call\'s own "不关我们的事", tagged only as blame', () => {
    // The cue decides the Chinese line; what the learned model makes of the English one may change
    // when it is retrained, so only the cue's finding is pinned.
    const found = rubricSelfCheck(fakeScenario(), rubric()).filter((f) => f.locale === 'zh-CN');
    expect(found.map((f) => [f.pointer, f.rule, f.words])).toEqual([
      ['/nodes/opening/responses/1/text/zh-CN', 'etiquette.no-dismissal', ['不关我们的事']],
    ]);
  });

  it('ignores rules the rubric does not have', () => {
    const found = rubricSelfCheck(planted(), fakeRubric());
    expect(found.filter((f) => f.rule === 'etiquette.no-dismissal' && f.node === 'close')).toEqual([]);
  });
});
