import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/engine/format/scenario-schema';
import { loadScenario } from '@/engine/load/load-scenario';
import { sayText, variantBefore } from '@/engine/runtime/customer-lines';
import { replay, respond, resume, start } from '@/engine/runtime/session';
import { conversationLines } from '@/state/conversation';
import { fakeCallbackRubric, fakeCallbackCall } from '../fakes/callback-call';

/** The fake call, with a reply on the blaming response and a line that depends on the flag. */
function reactive(): Scenario {
  const s = fakeCallbackCall();
  s.nodes.opening!.responses![1]!.reply = { en: 'Excuse me?!', 'zh-CN': '你说什么？！' };
  s.nodes.callback!.say = [
    { if: { flag: 'callback-offered' }, text: { en: 'You did call back.', 'zh-CN': '你真回电了。' } },
    { text: { en: 'Hello?', 'zh-CN': '喂？' } },
  ];
  return s;
}

describe('a customer who reacts', () => {
  it('accepts reply and say variants in the format, through the fast path and zod alike', () => {
    const loaded = loadScenario(JSON.stringify(reactive()));
    expect(loaded.ok).toBe(true);
    const bad = loadScenario(
      JSON.stringify({ ...reactive(), nodes: { ...reactive().nodes, x: { say: [] } } }),
    );
    expect(bad.ok).toBe(false);
  });

  it('speaks the chosen response’s reply, then the first variant whose condition holds', () => {
    const scenario = reactive();
    const rubric = fakeCallbackRubric();
    const session = replay(scenario, rubric, [{ choice: 'greet-apologise' }, { choice: 'promise' }], {
      now: () => 0,
    });
    const second = session.state.turns[1]!;
    expect(second.customer).toEqual({ reply: null, variant: 0 });
    expect(sayText(scenario.nodes.callback, second.customer!.variant)).toEqual({
      en: 'You did call back.',
      'zh-CN': '你真回电了。',
    });
    const blamed = respond(start(scenario, rubric, { now: () => 0 }), { choice: 'blame' }).session;
    expect(blamed.state.turns[0]!.customer?.reply).toBe('response');
    const lines = conversationLines(scenario, blamed.state);
    expect(lines.map((l) => (l.kind === 'customer' ? l.id : l.kind))).toEqual(['c0', 'trainee', 'r1', 'c1']);
  });

  it('keeps the spoken variant on resume and in the debrief transcript', () => {
    const scenario = reactive();
    const rubric = fakeCallbackRubric();
    const session = replay(scenario, rubric, [{ choice: 'greet-apologise' }, { choice: 'promise' }], {
      now: () => 0,
    });
    const resumed = resume(scenario, rubric, JSON.parse(JSON.stringify(session.state)), { now: () => 0 });
    expect(conversationLines(scenario, resumed.state)).toEqual(conversationLines(scenario, session.state));
    // The transcript shows, before turn 3, the line the customer had just said.
    expect(variantBefore(resumed.state, 3)).toBe(0);
    expect(sayText(scenario.nodes.callback, variantBefore(resumed.state, 3))).toMatchObject({
      en: 'You did call back.',
    });
  });
});
