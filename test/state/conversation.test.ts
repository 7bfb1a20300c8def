import { DEFAULT_UNCLEAR_AGAIN } from '@/engine/runtime/customer-lines';
import { replay } from '@/engine/runtime/session';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { conversationLines } from '@/state/conversation';
import { fakeCallbackCall, fakeCallbackRubric } from '../fakes/callback-call';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

describe('conversationLines', () => {
  const scenario = fakeScenario();
  const rubric = fakeRubric();

  it('alternates the customer and the trainee and ends on the ending line', () => {
    const session = replay(
      scenario,
      rubric,
      [{ choice: 'greet' }, { choice: 'promise' }, { choice: 'keep' }],
      { now: () => 0 },
    );
    const lines = conversationLines(scenario, session.state);
    expect(lines.map((l) => l.kind)).toEqual([
      'customer',
      'trainee',
      'customer',
      'trainee',
      'customer',
      'trainee',
      'customer',
    ]);
    expect(lines.at(-1)).toMatchObject({ kind: 'customer', node: 'resolved', ending: true });
  });

  it('shows a typed reply as typed and a silence without repeating the customer', () => {
    const session = replay(
      scenario,
      rubric,
      [{ text: "Good morning, I'm so sorry for the wait, let me check that for you." }, { silence: true }],
      {
        analyzer: freeTextAnalyzer,
        now: () => 0,
      },
    );
    const lines = conversationLines(scenario, session.state);
    expect(lines[1]).toMatchObject({
      kind: 'trainee',
      text: "Good morning, I'm so sorry for the wait, let me check that for you.",
      typed: true,
    });
    expect(lines.at(-1)).toMatchObject({ kind: 'silence', turn: 2 });
  });
});

describe('the customer reacting to replies that cannot be placed', () => {
  it("says the node's unclear line once, then loses patience instead of repeating it", () => {
    const scenario = fakeCallbackCall();
    scenario.nodes.opening!.unclear = { en: 'Pardon? Is this Star River?', 'zh-CN': '啊？是星河吗？' };
    scenario.nodes.opening!.timeLimit = 20;
    const session = replay(
      scenario,
      fakeCallbackRubric(),
      [{ text: 'hmm ok' }, { text: 'hmm ok' }, { silence: true }, { text: 'hmm ok' }],
      { now: () => 0, locale: 'en', analyzer: freeTextAnalyzer },
    );
    expect(session.state.turns.map((t) => t.customer?.reply ?? 'silence')).toEqual([
      'unclear',
      'unclear',
      'silence',
      'unclear',
    ]);
    const reactions = conversationLines(scenario, session.state)
      .filter((l) => l.kind === 'customer' && l.id.startsWith('r'))
      .map((l) => (l.kind === 'customer' ? l.say : null));
    expect(reactions).toEqual([
      scenario.nodes.opening!.unclear,
      DEFAULT_UNCLEAR_AGAIN,
      DEFAULT_UNCLEAR_AGAIN,
    ]);
  });
});
