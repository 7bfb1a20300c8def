import { describe, expect, it } from 'vitest';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const result = (choices: string[], rubric = fakeCallbackRubric()) =>
  scoreSession(
    replay(
      fakeCallbackCall(),
      rubric,
      choices.map((choice) => ({ choice })),
      { now: () => 0 },
    ),
  );

describe('scoring', () => {
  it('gives a clean attempt full marks and a pass', () => {
    const r = result(['greet-apologise', 'promise', 'keep']);
    expect(r.overall).toBe(100);
    expect(r.passed).toBe(true);
    expect(r.principles.listening.score).toBeNull();
  });

  it('a blaming response is a critical violation that fails the attempt', () => {
    const r = result(['blame']);
    expect(r.critical.map((e) => e.rule)).toEqual(['etiquette.no-blame']);
    expect(r.passed).toBe(false);
  });

  it('counts expected rules that never came as missed', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.opening!.responses![0]!.rules = {};
    const r = scoreSession(
      replay(
        scenario,
        fakeCallbackRubric(),
        [{ choice: 'greet-apologise' }, { choice: 'promise' }, { choice: 'keep' }],
        { now: () => 0 },
      ),
    );
    expect(
      r.evidence
        .filter((e) => e.verdict === 'missed')
        .map((e) => e.rule)
        .sort(),
    ).toEqual(['apology.sincere', 'etiquette.greeting']);
    expect(r.principles.apology).toMatchObject({ score: 0, missed: 1.5 });
  });

  it('does not expect a closing check when the customer escalated', () => {
    const r = result(['blame']);
    expect(r.evidence.some((e) => e.rule === 'resolution.confirm-close')).toBe(false);
  });

  it('traces every principle score to its evidence weights', () => {
    const r = result(['greet-apologise', 'promise', 'forget']);
    for (const p of Object.values(r.principles)) {
      const mine = r.evidence.filter((e) => fakeCallbackRubric().rules[e.rule]?.principle === p.principle);
      const met = mine.filter((e) => e.verdict === 'met').reduce((s, e) => s + e.weight, 0);
      const total = mine.reduce((s, e) => s + e.weight, 0);
      expect(p.score).toBe(total === 0 ? null : Math.round((100 * met) / total));
    }
  });

  it('fails below the pass mark and on a failing outcome', () => {
    expect(result(['greet-apologise', 'vague']).passed).toBe(false);
    expect(result(['greet-apologise', 'promise', 'keep'], fakeCallbackRubric({ passMark: 101 })).passed).toBe(
      false,
    );
  });

  it('uses scenario weight overrides for the overall', () => {
    const scenario = fakeCallbackCall({ weights: { etiquette: 0 } });
    const r = scoreSession(
      replay(
        scenario,
        fakeCallbackRubric(),
        [{ choice: 'greet-apologise' }, { choice: 'promise' }, { choice: 'forget' }],
        { now: () => 0 },
      ),
    );
    const { apology, resolution } = r.principles;
    expect(r.overall).toBe(Math.round((apology.score! + resolution.score!) / 2));
  });
});
