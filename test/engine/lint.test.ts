import { describe, expect, it } from 'vitest';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { searchScenario } from '@/engine/lint/paths';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const codes = (scenario = fakeCallbackCall(), rubric = fakeCallbackRubric()) =>
  lintScenario(scenario, rubric).diagnostics.map((d) => d.code);

describe('lint', () => {
  it('is clean on a well-formed scenario', () => {
    expect(codes()).toEqual([]);
  });

  it('finds unreachable nodes and endings', () => {
    const s = fakeCallbackCall();
    s.nodes.island = { say: 'x', responses: [{ id: 'a', text: 'a', next: 'resolved' }] };
    s.nodes.nowhere = { ending: { outcome: 'loyal' } };
    expect(codes(s)).toEqual(expect.arrayContaining(['W_UNREACHABLE_NODE', 'W_UNREACHABLE_ENDING']));
  });

  it('finds cycles with no way out', () => {
    const s = fakeCallbackCall();
    s.nodes.opening!.responses![1]!.next = 'loop';
    s.nodes.loop = { say: 'again', responses: [{ id: 'again', text: 'again', next: 'loop' }] };
    expect(codes(s)).toContain('E_NO_EXIT');
  });

  it('finds automatic branches that loop without a trainee turn', () => {
    const s = fakeCallbackCall();
    s.nodes.opening!.responses![1]!.next = 'a';
    s.nodes.a = { when: [{ if: { anger: { gte: 0 } }, next: 'resolved' }], otherwise: 'b' };
    s.nodes.b = { otherwise: 'a' };
    expect(codes(s)).toContain('E_AUTO_LOOP');
  });

  it('reports missing translations for declared locales', () => {
    const s = fakeCallbackCall();
    s.nodes.facts!.say = { en: 'So?' };
    const d = lintScenario(s, fakeCallbackRubric()).diagnostics.find(
      (x) => x.code === 'W_MISSING_TRANSLATION',
    )!;
    expect(d).toMatchObject({ path: '/nodes/facts/say', message: 'no zh-CN text here' });
  });

  it('reports rule ids the rubric does not know, with a hint', () => {
    const s = fakeCallbackCall();
    s.nodes.facts!.responses![1]!.rules = { 'resolution.concrete-comittment': -1 };
    const d = lintScenario(s, fakeCallbackRubric()).diagnostics.find((x) => x.code === 'E_UNKNOWN_RULE')!;
    expect(d.hint).toBe("did you mean 'resolution.concrete-commitment'?");
  });

  it('reports flags tested but never set, and promises never kept', () => {
    const s = fakeCallbackCall();
    s.nodes.callback!.when = [{ if: { not: { flag: 'callback-ofered' } }, next: 'lost' }];
    s.nodes.callback!.responses!.find((r) => r.id === 'keep')!.keep = [];
    expect(codes(s)).toEqual(expect.arrayContaining(['W_FLAG_NEVER_SET', 'W_PROMISE_NEVER_KEPT']));
  });

  it('computes best and worst reachable scores per principle and overall', () => {
    const report = lintScenario(fakeCallbackCall(), fakeCallbackRubric());
    expect(report.bounds.exact).toBe(true);
    expect(report.bounds.overall.best).toBe(100);
    expect(report.best?.choices).toEqual(['greet-apologise', 'promise', 'keep']);
    expect(report.worst?.choices).toEqual(['blame']);
    expect(report.bounds.principles.etiquette.worst).toBe(0);
    expect(report.stats).toMatchObject({ nodes: 6, decisions: 3, endings: 3, bestPathDecisions: 3 });
  });

  it('warns when no path can pass and when every path passes', () => {
    expect(codes(fakeCallbackCall(), fakeCallbackRubric({ passMark: 101 }))).toContain('W_NO_PASSING_PATH');
    const lenient = fakeCallbackRubric({ passMark: 0, failOutcomes: [] });
    for (const rule of Object.values(lenient.rules)) rule.critical = false;
    expect(codes(fakeCallbackCall(), lenient)).toContain('W_ALL_PATHS_PASS');
  });

  it('stops proving bounds when a path can run past MAX_PATH_TURNS, and reports what it found', () => {
    const s = fakeCallbackCall();
    // Asking again keeps the customer on the same node: the call could go on for ever.
    s.nodes.facts!.responses!.push({ id: 'again', text: 'Could you say that again?', next: 'facts' });
    const report = lintScenario(s, fakeCallbackRubric());
    expect(report.bounds.exact).toBe(false);
    expect(report.stats.pathsCounted).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toContain('I_BOUNDS_APPROXIMATE');
    expect(report.best?.choices).toEqual(['greet-apologise', 'promise', 'keep']);
    expect(report.bounds.overall.best).toBe(100);
  });

  it('marks bounds approximate when the search budget runs out', () => {
    expect(searchScenario(fakeCallbackCall(), fakeCallbackRubric(), 2).exact).toBe(false);
    const report = lintScenario(fakeCallbackCall(), fakeCallbackRubric(), { searchBudget: 2 });
    expect(report.bounds.exact).toBe(false);
    expect(report.diagnostics.map((d) => d.code)).toContain('I_BOUNDS_APPROXIMATE');
  });
});

describe('lint locales', () => {
  it('warns about text in a locale the scenario does not declare, with a hint', () => {
    const s = fakeCallbackCall();
    s.nodes.facts!.say = { en: 'So?', 'zh-CN': '那?', 'zh-TW': '那?' };
    const d = lintScenario(s, fakeCallbackRubric()).diagnostics.find(
      (x) => x.code === 'W_UNDECLARED_LOCALE',
    )!;
    expect(d).toMatchObject({ path: '/nodes/facts/say/zh-TW', hint: "did you mean 'zh-CN'?" });
  });

  it("reads every locale's string, declared or not, an empty locale key included", () => {
    const findings = (say: Record<string, string>) => {
      const s = fakeCallbackCall();
      s.nodes.facts!.say = say;
      return lintScenario(s, fakeCallbackRubric())
        .diagnostics.filter((x) => x.path.startsWith('/nodes/facts/say/'))
        .map((x) => `${x.code} ${x.path}`)
        .sort();
    };
    expect(findings({ en: 'So?', 'zh-CN': '那？', 'zh-TW': '那,好' })).toEqual([
      'W_ASCII_PUNCTUATION /nodes/facts/say/zh-TW',
      'W_UNDECLARED_LOCALE /nodes/facts/say/zh-TW',
    ]);
    expect(findings({ en: 'So?', 'zh-CN': '那？', '': '\u200b' })).toEqual([
      'W_INVISIBLE_TEXT /nodes/facts/say/',
      'W_UNDECLARED_LOCALE /nodes/facts/say/',
    ]);
  });
});
