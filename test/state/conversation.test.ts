import { replay } from '@/engine/runtime/session';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { conversationLines } from '@/state/conversation';
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
