import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defensibleDecisions, tells } from '@/engine/lint/guessability';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { missingTranslations } from '@/engine/lint/translations';
import { loadLibrary } from './load-library';

const { rubric, scenarios } = loadLibrary();
const SECTION_5 = readFileSync(new URL('../fixtures/training-rule-ids.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
const ESCALATIONS = ['customer-lost', 'went-to-media', 'went-to-regulator'];

describe('the scenario library', () => {
  it('ships the four manual cases and at least five more', () => {
    const ids = scenarios.map((s) => s.scenario.id);
    expect(ids).toEqual(
      expect.arrayContaining(['overdue-promise', 'unfounded-complaint', 'disputed-fee', 'journalist-threat']),
    );
    expect(ids.length).toBeGreaterThanOrEqual(9);
  });

  it('exercises every rule id of TRAINING-MATERIAL §5, met and violated', () => {
    const met = new Set<string>();
    const violated = new Set<string>();
    for (const { scenario } of scenarios)
      for (const node of Object.values(scenario.nodes))
        for (const r of node.responses ?? [])
          for (const [rule, n] of Object.entries(r.rules ?? {})) (n > 0 ? met : violated).add(rule);
    expect(SECTION_5.length).toBe(34);
    expect(SECTION_5.filter((id) => !met.has(id))).toEqual([]);
    expect(SECTION_5.filter((id) => !violated.has(id))).toEqual([]);
    expect(SECTION_5.filter((id) => !rubric.rules[id])).toEqual([]);
  });

  it('hides the best response: authored first in ≤ 40% of decisions, the longest in ≤ 50% (each locale)', () => {
    const all = scenarios.map(({ scenario }) => tells(scenario, rubric));
    const decisions = all.reduce((n, t) => n + t.decisions, 0);
    const share = (pick: (t: (typeof all)[number]) => number) =>
      all.reduce((n, t) => n + pick(t), 0) / decisions;
    expect(share((t) => t.bestFirst)).toBeLessThanOrEqual(0.4);
    for (const locale of ['zh-CN', 'en'])
      expect(share((t) => t.bestLongest[locale] ?? 0)).toBeLessThanOrEqual(0.5);
  });
});

describe.each(scenarios)('$file', ({ scenario }) => {
  const report = lintScenario(scenario, rubric);
  const responses = Object.values(scenario.nodes).flatMap((n) => n.responses ?? []);

  it('cannot be passed by a naive strategy in either locale', () => {
    expect(report.strategies.length).toBeGreaterThanOrEqual(8);
    expect(report.strategies.filter((s) => s.passed)).toEqual([]);
  });

  it('has at least two decisions with two clean responses that can both lead to a pass', () => {
    expect(defensibleDecisions(scenario, rubric).length).toBeGreaterThanOrEqual(2);
  });

  it('validates with no errors or warnings', () => {
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has a best path that passes with overall ≥ 85 and a worst path that fails', () => {
    expect(report.best?.result.passed).toBe(true);
    expect(report.best!.result.overall).toBeGreaterThanOrEqual(85);
    expect(report.worst?.result.passed).toBe(false);
  });

  it('asks for at least 8 decisions on the best path, with 3–4 responses each', () => {
    expect(report.stats.bestPathDecisions).toBeGreaterThanOrEqual(8);
    for (const node of Object.values(scenario.nodes))
      if (node.responses) expect(node.responses.length).toBeGreaterThanOrEqual(3);
  });

  it('is complete in zh-CN and en', () => {
    expect(scenario.locales).toEqual(expect.arrayContaining(['zh-CN', 'en']));
    expect(missingTranslations(scenario)).toEqual([]);
    for (const r of responses)
      expect(typeof r.text === 'object' && r.text['zh-CN'] && r.text.en).toBeTruthy();
  });

  it('gives feedback on every response', () => {
    for (const r of responses) expect(r.feedback, r.id).toBeDefined();
  });

  it('ends in at least 3 outcomes, one of them an escalation', () => {
    expect(report.stats.outcomes.length).toBeGreaterThanOrEqual(3);
    expect(report.stats.outcomes.some((o) => ESCALATIONS.includes(o))).toBe(true);
  });

  it('has mood-driven branches, flags, a promise that is kept, and a critical error option', () => {
    const conditions = JSON.stringify(Object.values(scenario.nodes).map((n) => n.when ?? []));
    expect(conditions).toMatch(/"(anger|trust)"/);
    expect(responses.some((r) => r.set?.length)).toBe(true);
    expect(responses.some((r) => r.promise)).toBe(true);
    expect(responses.some((r) => r.keep?.length)).toBe(true);
    expect(
      responses.some((r) =>
        Object.entries(r.rules ?? {}).some(([rule, n]) => n < 0 && rubric.rules[rule]?.critical),
      ),
    ).toBe(true);
  });
});
