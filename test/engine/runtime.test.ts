import { describe, expect, it } from 'vitest';
import { replay, respond, start } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

const now = () => 1000;
const play = (choices: string[]) =>
  replay(
    fakeCallbackCall(),
    fakeCallbackRubric(),
    choices.map((choice) => ({ choice })),
    { now, locale: 'en' },
  );

describe('runtime', () => {
  it('starts on the first customer turn with the scenario mood', () => {
    const session = start(fakeCallbackCall(), fakeCallbackRubric(), { now });
    expect(session.state).toMatchObject({
      node: 'opening',
      status: 'active',
      mood: { anger: 60, trust: 40 },
    });
  });

  it('applies author mood plus rubric defaults scaled by persona', () => {
    const { session } = respond(
      start(fakeCallbackCall(), fakeCallbackRubric({ personas: { victim: { apology: 2 } } }), { now }),
      { choice: 'greet-apologise' },
    );
    // -5 author, -2 greeting, -10 × 2 (victim × apology) for the apology.
    expect(session.state.mood.anger).toBe(60 - 5 - 2 - 20);
    expect(session.state.mood.trust).toBe(40 + 5 * 2);
  });

  it('fades the mood effect of a repeated rule', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.facts!.responses![0]!.rules = { 'apology.sincere': 1 };
    const rubric = fakeCallbackRubric();
    let s = start(scenario, rubric, { now });
    s = respond(s, { choice: 'greet-apologise' }).session;
    const before = s.state.mood.anger;
    s = respond(s, { choice: 'promise' }).session;
    expect(before - s.state.mood.anger).toBe(5);
  });

  it('takes an automatic branch when the mood crosses a threshold', () => {
    const session = play(['blame']);
    expect(session.state.status).toBe('ended');
    expect(session.state.ending).toEqual({ node: 'regulator', outcome: 'went-to-regulator' });
    expect(session.state.turns[0]!.route).toEqual(['facts', 'regulator']);
  });

  it('sets flags that later conditions test', () => {
    expect(play(['greet-apologise', 'vague']).state.ending?.outcome).toBe('customer-lost');
    expect(play(['greet-apologise', 'promise']).state.flags).toContain('callback-offered');
  });

  it('keeps a promise and records the evidence', () => {
    const session = play(['greet-apologise', 'promise', 'keep']);
    expect(session.state.promises).toEqual([
      expect.objectContaining({ id: 'callback', status: 'kept', keptAt: 3 }),
    ]);
    expect(session.state.turns[2]!.evidence).toContainEqual(
      expect.objectContaining({ rule: 'resolution.concrete-commitment', verdict: 'met', source: 'promise' }),
    );
  });

  it('breaks a promise not kept by its due turn', () => {
    const session = play(['greet-apologise', 'promise', 'forget']);
    expect(session.state.promises[0]).toMatchObject({ status: 'broken', brokenAt: 3 });
    expect(scoreSession(session).evidence).toContainEqual(
      expect.objectContaining({ rule: 'resolution.no-overpromise', verdict: 'violated', source: 'promise' }),
    );
  });

  it('rejects unknown choices, free text where not allowed, and input after the end', () => {
    const s = start(fakeCallbackCall(), fakeCallbackRubric(), { now });
    expect(respond(s, { choice: 'nope' }).effects).toEqual([{ type: 'rejected', reason: 'unknown-choice' }]);
    expect(respond(s, { silence: true }).effects[0]).toMatchObject({ reason: 'no-time-limit' });
    const later = respond(s, { choice: 'greet-apologise' }).session;
    expect(respond(later, { text: 'hello' }).effects[0]).toMatchObject({ reason: 'free-text-not-allowed' });
    const ended = play(['blame']);
    expect(respond(ended, { choice: 'promise' }).session).toBe(ended);
  });

  it('treats silence on a timed turn as an etiquette breach and stays on the node', () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.opening!.timeLimit = 10;
    const { session } = respond(start(scenario, fakeCallbackRubric(), { now }), { silence: true });
    expect(session.state.node).toBe('opening');
    expect(session.state.turns[0]!.evidence).toEqual([
      expect.objectContaining({ rule: 'etiquette.responsiveness', verdict: 'violated', source: 'timer' }),
    ]);
  });

  it('maps a typed reply to a branch and scores its own words', () => {
    const plain = start(fakeCallbackCall(), fakeCallbackRubric(), { now, locale: 'en' });
    expect(respond(plain, { text: 'Hello' }).effects[0]).toMatchObject({ reason: 'free-text-unavailable' });
    const typing = start(fakeCallbackCall(), fakeCallbackRubric(), {
      now,
      locale: 'en',
      analyzer: freeTextAnalyzer,
    });
    const { session } = respond(typing, {
      text: "Good morning, this is Star River service, Li speaking. I'm really sorry nobody called you back.",
    });
    const turn = session.state.turns[0]!;
    expect(turn.responseId).toBe('greet-apologise');
    expect(turn.evidence.every((e) => e.source === 'detector')).toBe(true);
    expect(turn.evidence.map((e) => e.rule)).toContain('apology.sincere');
  });

  it('is deterministic: replaying the inputs reproduces the state exactly', () => {
    const inputs = [{ choice: 'greet-apologise' }, { choice: 'promise' }, { choice: 'keep' }];
    let s = start(fakeCallbackCall(), fakeCallbackRubric(), { now });
    for (const input of inputs) s = respond(s, input).session;
    expect(replay(fakeCallbackCall(), fakeCallbackRubric(), inputs, { now }).state).toEqual(s.state);
  });

  it('returns effects as data', () => {
    const s = play(['greet-apologise']);
    expect(respond(s, { choice: 'promise' }).effects).toEqual([
      { type: 'promise-made', id: 'callback' },
      { type: 'customer-says', node: 'callback' },
    ]);
  });
});
