// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Evidence, SessionState } from '@/engine/runtime/types';
import { replay } from '@/engine/runtime/session';
import { scoreState } from '@/engine/scoring/score';
import { DebriefSummary } from '@/features/debrief/debrief-summary';
import { DebriefTurns } from '@/features/debrief/debrief-turns';
import { OutcomeExplainer } from '@/features/debrief/outcome-explainer';
import { topFixes } from '@/state/debrief-fixes';
import { changeLanguage, initI18n } from '@/i18n/i18n';
import { buildAttemptRecord } from '@/records/attempt-record';
import type { DebriefData } from '@/state/debrief-store';
import { seriousViolations } from '../../fakes/axe';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';

const scenario = fakeScenario();
const rubric = fakeRubric();
const item = (turn: number, rule: string, verdict: Evidence['verdict'], weight = 1): Evidence => ({
  turn,
  rule,
  verdict,
  weight,
  source: 'author',
  quote: `said at ${turn}`,
});

/**
 * Three answered turns with hand-set evidence, so every branch of the rule is exercised. Principles:
 * etiquette 1/2 met, apology 0/2, listening 3/4, resolution 2/4: overall round(43.75) = 44. Met
 * instead: either apology.sincere → 56 (+12), resolution.no-overpromise → 56 (+12, heavier rule),
 * listening.paraphrase → 50 (+6); etiquette.no-blame is critical.
 */
function craftedState(): SessionState {
  const state = replay(
    scenario,
    rubric,
    ['greet', 'promise', 'keep'].map((choice) => ({ choice })),
    {
      now: () => 0,
    },
  ).state;
  const evidence: Evidence[][] = [
    [item(1, 'etiquette.greeting', 'met'), item(1, 'apology.sincere', 'violated')],
    [item(2, 'listening.paraphrase', 'missed'), item(2, 'listening.paraphrase', 'met', 3)],
    [
      item(3, 'etiquette.no-blame', 'violated'),
      item(3, 'resolution.no-overpromise', 'violated', 2),
      item(3, 'resolution.concrete-commitment', 'met', 2),
      item(3, 'apology.sincere', 'violated'),
    ],
  ];
  return {
    ...state,
    turns: state.turns.map((t, i) => ({ ...t, evidence: evidence[i]! })),
    closingEvidence: [],
  };
}

function dataFor(state: SessionState): DebriefData {
  const session = replay(
    scenario,
    rubric,
    state.turns.map((t) => t.input),
    { now: () => 0 },
  );
  const recomputed = scoreState(scenario, rubric, state);
  const record = buildAttemptRecord({
    trainee: { id: 'T-1', name: 'Test Trainee' },
    session: { ...session, state },
    scenarioHash: 'abcdef12',
    rubricHash: 'abcdef12',
    status: 'finished',
  });
  return {
    record,
    scenario,
    rubric,
    state,
    recomputed,
    verification: 'verified',
    mismatch: false,
    nextScenarioId: null,
  };
}

describe('topFixes: the three most valuable fixes', () => {
  it('puts critical violations first, then the most overall points gained, the heavier rule on a tie, one per rule', () => {
    const state = craftedState();
    expect(scoreState(scenario, rubric, state).overall).toBe(44);
    const fixes = topFixes(scenario, rubric, state);
    expect(fixes.map((f) => [f.evidence.rule, f.evidence.turn, f.critical, f.gain])).toEqual([
      ['etiquette.no-blame', 3, true, 50 - 44 + 6],
      ['resolution.no-overpromise', 3, false, 12],
      ['apology.sincere', 1, false, 12],
    ]);
  });

  it('gives fewer than three when fewer rules went wrong, and none for a clean attempt', () => {
    const clean = replay(
      scenario,
      rubric,
      ['greet', 'shrug', 'bye'].map((choice) => ({ choice })),
      {
        now: () => 0,
      },
    ).state;
    expect(topFixes(scenario, rubric, clean)).toEqual([]);
    const lost = replay(scenario, rubric, [{ choice: 'blame' }], { now: () => 0 }).state;
    expect(topFixes(scenario, rubric, lost).map((f) => [f.evidence.rule, f.closing])).toEqual([
      ['etiquette.no-blame', false],
      ['etiquette.greeting', true],
    ]);
  });
});

describe('DebriefSummary', () => {
  beforeEach(async () => {
    await initI18n('en');
  });

  it('states the fail first with the critical violation and the trainee’s words, then three fixes linking to their turns', async () => {
    const user = userEvent.setup();
    const data = dataFor(craftedState());
    const { container } = render(
      <>
        <DebriefSummary data={data} locale="en" />
        <DebriefTurns
          scenario={scenario}
          rubric={rubric}
          state={data.state}
          modelAnswers={[]}
          locale="en"
          turnExtra={() => null}
        />
      </>,
    );
    const summary = screen.getByTestId('debrief-summary');
    // The verdict is the section's heading, before anything else in it.
    expect(summary.firstElementChild).toBe(screen.getByTestId('result-passed'));
    expect(screen.getByTestId('result-passed')).toHaveTextContent('Not passed');
    const critical = screen.getByTestId('verdict-critical');
    expect(critical).toHaveTextContent('turn 3: Never blame others');
    expect(critical).toHaveTextContent('You said: said at 3');
    expect(critical.querySelector('q')).toHaveTextContent('said at 3');
    const fixes = within(screen.getByTestId('top-fixes')).getAllByRole('listitem');
    expect(fixes.map((f) => f.dataset.rule)).toEqual([
      'etiquette.no-blame',
      'resolution.no-overpromise',
      'apology.sincere',
    ]);
    expect(fixes[1]).toHaveTextContent('(+12 points overall)');
    // The trainee's words once per turn: turn 3's are already quoted in the verdict.
    expect(fixes[0]).not.toHaveTextContent('You said');
    expect(fixes[1]).not.toHaveTextContent('You said');
    expect(fixes[2]).toHaveTextContent('You said: said at 1');
    expect(screen.getByRole('heading', { name: 'The 3 things to fix first' })).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);

    // A fix's link opens its turn even when the trainee had closed it, and moves the keyboard there.
    const turn1 = screen.getByTestId('transcript-turn-1').querySelector('details')!;
    expect(turn1.open).toBe(true); // something went wrong there: open by default
    turn1.open = false;
    Element.prototype.scrollIntoView = () => {};
    await user.click(within(fixes[2]!).getByRole('link', { name: 'Turn 1' }));
    expect(turn1.open).toBe(true);
    expect(document.activeElement).toBe(turn1.querySelector('summary'));
    expect(window.location.hash).toBe('');
  });

  it('keeps clean turns closed and opens the ones that went wrong; printing opens every turn', () => {
    const state = craftedState();
    state.turns[1] = { ...state.turns[1]!, evidence: [item(2, 'listening.paraphrase', 'met')] };
    render(
      <DebriefTurns
        scenario={scenario}
        rubric={rubric}
        state={state}
        modelAnswers={[]}
        locale="en"
        turnExtra={() => null}
      />,
    );
    const open = () =>
      [1, 2, 3].map((n) => screen.getByTestId(`transcript-turn-${n}`).querySelector('details')!.open);
    expect(open()).toEqual([true, false, true]);
    expect(screen.getByTestId('transcript-turn-2')).toHaveTextContent('1 rule met');
    window.dispatchEvent(new Event('beforeprint'));
    expect(open()).toEqual([true, true, true]);
    window.dispatchEvent(new Event('afterprint'));
    expect(open()).toEqual([true, false, true]);
  });

  it('says a passed attempt passed, with no reason to fail, and reads in Chinese', async () => {
    await changeLanguage('zh-CN');
    const clean = replay(
      scenario,
      rubric,
      ['greet', 'shrug', 'bye'].map((choice) => ({ choice })),
      {
        now: () => 0,
      },
    ).state;
    const { container } = render(<DebriefSummary data={dataFor(clean)} locale="zh-CN" />);
    expect(screen.getByTestId('result-passed')).toHaveTextContent('通过');
    expect(screen.getByTestId('result-passed')).toHaveAttribute('data-passed', 'true');
    expect(screen.queryByTestId('verdict-critical')).toBeNull();
    expect(screen.queryByTestId('top-fixes')).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
    await changeLanguage('en');
  });

  it('a good ending beside a failed attempt says the attempt failed first and drops the praise', () => {
    const { rerender } = render(
      <OutcomeExplainer outcome="loyal" summary={undefined} locale="en" failed={false} />,
    );
    expect(screen.getByText(/the best ending a complaint can have/)).toBeInTheDocument();
    rerender(<OutcomeExplainer outcome="loyal" summary={undefined} locale="en" failed />);
    const note = screen.getByTestId('outcome-failed');
    expect(note).toHaveTextContent('The attempt did not pass');
    expect(note.compareDocumentPosition(screen.getByTestId('outcome'))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(screen.queryByText(/the best ending a complaint can have/)).toBeNull();
  });
});
