import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioNode } from '@/engine/format/scenario-schema';
import { lintScenario } from '@/engine/lint/lint-scenario';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const CHECKLIST = ['W_FEW_DECISIONS', 'W_PRINCIPLE_UNUSED', 'W_NO_FEEDBACK'];

function checklist(scenario: Scenario, rubric = fakeRubric()) {
  return lintScenario(scenario, rubric, { checklist: true, randomRuns: 0 }).diagnostics.filter((d) =>
    CHECKLIST.includes(d.code),
  );
}

/**
 * A chain of `count` customer turns, each with feedback and together touching every principle: the
 * checklist's compliant scenario.
 */
function compliant(count = 8): Scenario {
  const tags = [
    'listening.paraphrase',
    'apology.sincere',
    'resolution.concrete-commitment',
    'etiquette.greeting',
  ];
  const nodes: Record<string, ScenarioNode> = {};
  for (let i = 0; i < count; i += 1) {
    const next = i + 1 < count ? `turn${i + 1}` : 'resolved';
    nodes[`turn${i}`] = {
      say: { en: `Line ${i}`, 'zh-CN': `第${i}句` },
      responses: [
        {
          id: 'good',
          text: { en: `Good ${i}`, 'zh-CN': `好${i}` },
          rules: { [tags[i % tags.length]!]: 1 },
          feedback: { en: 'Why it works.', 'zh-CN': '为什么好。' },
          next,
        },
        {
          id: 'bad',
          text: { en: `Bad ${i}`, 'zh-CN': `差${i}` },
          rules: { 'etiquette.no-blame': -1 },
          feedback: { en: 'Why it fails.', 'zh-CN': '为什么不好。' },
          next: 'lost',
        },
      ],
    };
  }
  nodes.resolved = { ending: { outcome: 'resolved' } };
  nodes.lost = { ending: { outcome: 'customer-lost' } };
  return fakeScenario({ start: 'turn0', nodes });
}

describe("the guide's checklist in lint", () => {
  it('is silent on a scenario that meets it', () => {
    expect(checklist(compliant())).toEqual([]);
  });

  it('is off unless asked for: tutorial-sized files lint clean', () => {
    const report = lintScenario(compliant(3), fakeRubric(), { randomRuns: 0 });
    expect(report.diagnostics.filter((d) => CHECKLIST.includes(d.code))).toEqual([]);
  });

  it('warns with fewer than 8 decisions, counting customer turns only', () => {
    const s = compliant(7);
    const found = checklist(s);
    expect(found.map((d) => d.code)).toEqual(['W_FEW_DECISIONS']);
    expect(found[0]!.message).toContain('7 decisions');
    expect(found[0]!.path).toBe('/nodes');
    // An automatic branch is not a decision.
    s.nodes.branch = { when: [{ if: { anger: { gte: 90 } }, next: 'lost' }], otherwise: 'resolved' };
    expect(checklist(s).map((d) => d.code)).toEqual(['W_FEW_DECISIONS']);
    expect(checklist(compliant(8)).map((d) => d.code)).toEqual([]);
  });

  it('warns about a principle no response tags, either way', () => {
    const s = compliant();
    for (const node of Object.values(s.nodes))
      for (const r of node.responses ?? [])
        if (r.rules && 'listening.paraphrase' in r.rules) r.rules = { 'apology.sincere': 1 };
    const found = checklist(s);
    expect(found.map((d) => d.code)).toEqual(['W_PRINCIPLE_UNUSED']);
    expect(found[0]!.message).toContain("'listening'");
    expect(found[0]!.hint).toContain('listening.paraphrase');
    // A violation exercises the principle as much as a success does.
    s.nodes.turn0!.responses![1]!.rules = { 'listening.paraphrase': -1 };
    expect(checklist(s)).toEqual([]);
  });

  it('leaves out a principle weighed at 0 on purpose', () => {
    const s = compliant();
    for (const node of Object.values(s.nodes))
      for (const r of node.responses ?? [])
        if (r.rules && 'listening.paraphrase' in r.rules) delete r.rules['listening.paraphrase'];
    expect(checklist(s).map((d) => d.code)).toEqual(['W_PRINCIPLE_UNUSED']);
    expect(checklist({ ...s, weights: { listening: 0 } })).toEqual([]);
  });

  it('warns about each response without feedback, at the response', () => {
    const s = compliant();
    delete s.nodes.turn3!.responses![1]!.feedback;
    const found = checklist(s);
    expect(found.map((d) => [d.code, d.path])).toEqual([['W_NO_FEEDBACK', '/nodes/turn3/responses/1']]);
    expect(found[0]!.message).toContain("'bad'");
  });

  it('lists the first 100 responses without feedback, then counts the rest in one warning', () => {
    const s = compliant(60);
    for (const node of Object.values(s.nodes)) for (const r of node.responses ?? []) delete r.feedback;
    const found = checklist(s);
    expect(found).toHaveLength(101);
    expect(found[99]!.path).toBe('/nodes/turn49/responses/1');
    expect(found[100]).toMatchObject({
      path: '/nodes',
      message: expect.stringContaining('20 more responses'),
    });
  });

  it("fires all three on the issue's 3-decision scenario with no listening rule", () => {
    const s = compliant(3);
    s.nodes.turn0!.responses![0]!.rules = { 'apology.sincere': 1 };
    delete s.nodes.turn1!.responses![0]!.feedback;
    expect(new Set(checklist(s).map((d) => d.code))).toEqual(new Set(CHECKLIST));
  });
});
