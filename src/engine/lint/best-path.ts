import type { Rubric } from '../format/rubric-schema';
import type { Scenario } from '../format/scenario-schema';
import { optionsOf, replay, respond, resume } from '../runtime/session';
import type { AttemptResult, Session, SessionState } from '../runtime/types';
import { optimise } from './optimise';

const MODEL_ANSWER_BUDGET = 200_000;

/** The best way through from the start, or from a saved state: computed from the graph, never authored. */
export function bestPath(
  scenario: Scenario,
  rubric: Rubric,
  fromState?: SessionState,
): { inputs: Array<{ choice: string }>; result: AttemptResult } | null {
  const from = fromState
    ? resume(scenario, rubric, fromState, { now: () => 0 })
    : replay(scenario, rubric, [], { now: () => 0 });
  const found = optimise(from, 'overall', 'best').path;
  return found ? { inputs: found.choices.map((choice) => ({ choice })), result: found.result } : null;
}

/** For each turn the trainee took: the response that leads to the best attempt from where they stood. */
export function modelAnswers(session: Session): Array<{ turn: number; node: string; responseId: string }> {
  const { scenario, rubric, state } = session;
  const inputs = state.turns.map((t) => t.input);
  const answers: Array<{ turn: number; node: string; responseId: string }> = [];
  let before = replay(scenario, rubric, [], { ...optionsOf(session), locale: state.locale, now: () => 0 });
  for (const [i, turn] of state.turns.entries()) {
    const first = optimise(before, 'overall', 'best', MODEL_ANSWER_BUDGET).path?.choices[0];
    if (first) answers.push({ turn: turn.turn, node: turn.node, responseId: first });
    before = respond(before, inputs[i]!).session;
  }
  return answers;
}
