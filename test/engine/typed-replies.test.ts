import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/engine/format/scenario-schema';
import { start, respond, replay } from '@/engine/runtime/session';
import type { Session } from '@/engine/runtime/types';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { buildAttemptRecord, toTraineeInput } from '@/records/attempt-record';
import { verifyRecord } from '@/records/verify';
import { loadLibrary } from '../scenarios/load-library';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const { rubric, scenarios } = loadLibrary();
const overdue = scenarios.find((s) => s.scenario.id === 'overdue-promise')!.scenario;

/** A session standing on `node` of the real overdue-promise call, with the free-text analyzer. */
function at(scenario: Scenario, node: string, locale: string): Session {
  const s = start(scenario, rubric, { locale, now: () => 0, analyzer: freeTextAnalyzer });
  return { ...s, state: { ...s.state, node, turns: [], openingRoute: [] } };
}

const BLAME = {
  'zh-CN': '查到了，您的工单周二就转给维修班了，可能0371那个同事太忙忘记给您回电了，我帮您催一下',
  en: "I found it: your ticket went to the repair team on Tuesday, maybe my colleague 0371 was too busy and forgot to call you, I'll chase them",
};

describe.each(['zh-CN', 'en'] as const)('typed replies are judged on their own words (%s)', (locale) => {
  it('a reply that blames the colleague earns no ownership, breaks no-disparage and does not calm the customer', () => {
    for (const node of ['vent', 'status']) {
      const before = at(overdue, node, locale);
      const { session } = respond(before, { text: BLAME[locale] });
      const turn = session.state.turns[0]!;
      const verdicts = Object.fromEntries(turn.evidence.map((e) => [e.rule, e.verdict]));
      expect(verdicts['resolution.ownership'], node).toBeUndefined();
      expect(verdicts['etiquette.no-disparage'], node).toBe('violated');
      expect(turn.moodAfter.anger, node).toBeGreaterThanOrEqual(turn.moodBefore.anger);
      // It follows a response that shares the fault, never the model answer.
      const followed = overdue.nodes[node]!.responses!.find((r) => r.id === turn.responseId);
      expect(
        Object.values(followed?.rules ?? { x: -1 }).some((n) => n < 0),
        node,
      ).toBe(true);
    }
  });

  it('"one moment while I check" is not read as silence', () => {
    const text =
      locale === 'en'
        ? 'thanks, one moment please while I check the system'
        : '好的，您稍等，我帮您查一下系统';
    const { session } = respond(at(overdue, 'details', locale), { text });
    const turn = session.state.turns[0]!;
    expect(turn.responseId).not.toBe('silent-typing');
    expect(turn.evidence.find((e) => e.rule === 'etiquette.responsiveness')?.verdict).toBe('met');
  });

  it('a goodbye is not credited with confirming the callback number', () => {
    const text = locale === 'en' ? 'ok great, talk to you later. bye' : '好的，那回头再联系，拜拜';
    const { session } = respond(at(overdue, 'wait-call', locale), { text });
    const turn = session.state.turns[0]!;
    expect(turn.responseId).not.toBe('confirm-number-bye');
    expect(turn.evidence.map((e) => e.rule)).not.toContain('listening.record');
    expect(turn.evidence.some((e) => e.verdict === 'violated' && rubric.rules[e.rule]?.critical)).toBe(false);
  });

  it('a vague "as soon as possible" is never credited as a concrete commitment', () => {
    const text =
      locale === 'en' ? 'I will definitely handle it as soon as possible this time' : '这次我一定尽快处理';
    const { session } = respond(at(overdue, 'choose', locale), { text });
    const turn = session.state.turns[0]!;
    expect(turn.evidence.find((e) => e.rule === 'resolution.concrete-commitment')?.verdict).not.toBe('met');
    expect(turn.evidence.every((e) => e.source === 'detector')).toBe(true);
    expect(session.state.promises).toEqual([]);
  });
});

describe('consequences of a typed reply', () => {
  const scenario = fakeCallbackCall();
  scenario.nodes.facts!.freeText = true;
  const options = { now: () => 0, locale: 'en', analyzer: freeTextAnalyzer };

  it('a reply the engine cannot place gets the unclear line and the turn stays open', () => {
    const s = start(scenario, fakeCallbackRubric(), options);
    const step = respond(s, { text: 'hmm ok' });
    expect(step.effects).toContainEqual({ type: 'unclear', node: 'opening' });
    expect(step.session.state.node).toBe('opening');
    expect(step.session.state.turns[0]!.customer).toEqual({ reply: 'unclear', variant: -1 });
    expect(step.session.state.turns[0]!.responseId).toBeNull();
  });

  it('records a promise only when the words commit, quoting the trainee', () => {
    const greet = { text: 'Good morning, Star River service, Li speaking. I am so sorry.' };
    const committed = replay(
      scenario,
      fakeCallbackRubric(),
      [greet, { text: 'So it was due Monday. I will call you back by five today with the answer.' }],
      options,
    );
    const promise = committed.state.promises[0];
    expect(promise?.id).toBe('callback');
    expect(promise?.said).toMatch(/call you back by five today/);
    const vague = replay(
      scenario,
      fakeCallbackRubric(),
      [greet, { text: 'Sure, I will look into it, thanks.' }],
      options,
    );
    expect(vague.state.promises).toEqual([]);
  });

  it('mood follows the detected evidence, not the mapped response’s authored effect', () => {
    const s = start(scenario, fakeCallbackRubric(), options);
    const { session } = respond(s, { text: 'Good morning, Star River service, Li speaking. I am so sorry.' });
    const turn = session.state.turns[0]!;
    expect(turn.responseId).toBe('greet-apologise');
    // greet-apologise's own effect is anger −5; typed, only the rubric's effects of what was said apply.
    const authoredPlay = respond(s, { choice: 'greet-apologise' }).session.state.turns[0]!;
    expect(turn.moodAfter.anger - authoredPlay.moodAfter.anger).toBeCloseTo(5, 5);
  });

  it('an attempt with typed replies verifies from its record, with or without the analyzer', () => {
    const session = replay(
      scenario,
      fakeCallbackRubric(),
      [
        { text: 'Good morning, Star River service, Li speaking. I am so sorry.' },
        { choice: 'promise' },
        { choice: 'keep' },
      ],
      { ...options, seed: 4 },
    );
    const record = buildAttemptRecord({
      trainee: { id: 't', name: 'T' },
      session,
      scenarioHash: 'abcdef12',
      rubricHash: 'abcdef12',
      status: 'finished',
    });
    expect(record.turns[0]!.text).toMatch(/Good morning/);
    expect(record.turns[0]!.reading?.analyser).toBe(freeTextAnalyzer.version);
    expect(toTraineeInput(record.turns[0]!)).toMatchObject({ reading: record.turns[0]!.reading });
    const check = verifyRecord(JSON.parse(JSON.stringify(record)), scenario, fakeCallbackRubric());
    expect(check.differences).toEqual([]);
    expect(check.verification).toBe('verified');
  });
});
