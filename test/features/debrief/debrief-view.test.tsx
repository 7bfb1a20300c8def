// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PRINCIPLES } from '@/engine/format/ids';
import { replay } from '@/engine/runtime/session';
import { scoreSession } from '@/engine/scoring/score';
import { DebriefView } from '@/features/debrief/debrief-view';
import { changeLanguage } from '@/i18n/i18n';
import { getAttempt, listAttempts, saveAttempt } from '@/records/attempts';
import { usePlay } from '@/state/play-store';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';

/** Plays an attempt through the play store (as the UI does) and returns its record id. */
async function playAttempt(answers: Array<{ choice: string } | { text: string }>): Promise<string> {
  const play = usePlay.getState();
  await play.open('fake-call', { id: 'T-1', name: 'Test Trainee' }, 'en');
  for (const answer of answers) await usePlay.getState().respond(answer);
  await waitFor(() => expect(usePlay.getState().phase).toBe('ended'));
  return usePlay.getState().attemptId!;
}

const engineResult = (choices: string[]) =>
  scoreSession(
    replay(
      fakeScenario(),
      fakeRubric(),
      choices.map((choice) => ({ choice })),
      { now: () => 0 },
    ),
  );

describe('DebriefView', () => {
  beforeEach(async () => {
    await setUpApp();
  });

  it('shows the stored result with the engine’s scores as integers, and has no serious axe violations', async () => {
    const choices = ['greet', 'promise', 'keep'];
    const id = await playAttempt(choices.map((choice) => ({ choice })));
    const { container } = render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    const want = engineResult(choices);
    expect(screen.getByTestId('score-overall')).toHaveTextContent(String(Math.round(want.overall)));
    for (const p of PRINCIPLES) {
      const score = want.principles[p].score;
      expect(screen.getByTestId(`score-${p}`)).toHaveAttribute(
        'data-value',
        score === null ? 'null' : String(Math.round(score)),
      );
    }
    expect(screen.getByTestId('result-passed')).toHaveAttribute('data-passed', String(want.passed));
    expect(screen.getByTestId('outcome')).toHaveTextContent('Routine');
    expect(screen.getByTestId('outcome')).toHaveTextContent('例行公事型');
    // The mood curve has a table alternative with one row per point.
    expect(
      screen.getByRole('table', { name: 'Anger and trust after each turn' }).querySelectorAll('tbody tr'),
    ).toHaveLength(4);
    // Evidence beside each turn, with the rubric's title, badge, explanation and manual quote.
    const turn1 = screen.getByTestId('transcript-turn-1');
    expect(turn1).toHaveTextContent('Greet the customer');
    expect(turn1).toHaveTextContent('Met');
    expect(turn1).toHaveTextContent('Why: Greet the customer');
    expect(turn1).toHaveTextContent('手册：问候客户');
    expect(turn1).toHaveTextContent('A greeting and an apology first.');
    // The promise and its fate.
    const promises = screen.getByRole('region', { name: 'Promises you made' });
    expect(promises).toHaveTextContent('Kept call back by noon');
    // Model answers arrive after the first paint.
    await waitFor(() => expect(within(turn1).getByText('Model answer')).toBeInTheDocument());
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('explains a lost customer and the critical violation that failed the attempt', async () => {
    const id = await playAttempt([{ choice: 'blame' }]);
    render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    expect(screen.getByTestId('result-passed')).toHaveTextContent('Not passed');
    expect(screen.getByTestId('outcome')).toHaveTextContent('离婚型');
    // Failed first, on the critical violation, in the trainee's words; the lost customer is no surprise.
    expect(screen.getByTestId('verdict-critical')).toHaveTextContent(
      'A critical rule was broken at turn 1: Never blame others.',
    );
    expect(screen.getByTestId('verdict-critical')).toHaveTextContent('The courier lost it, not us.');
    expect(screen.queryByTestId('outcome-failed')).toBeNull();
    expect(screen.getByTestId('transcript-turn-1')).toHaveTextContent('Critical');
  });

  it('shows a typed reply in the trainee’s words, marking the words behind each verdict, with no internal terms', async () => {
    const id = await playAttempt([
      { text: 'Good morning, I am so sorry for the wait' },
      { choice: 'promise' },
      { choice: 'keep' },
    ]);
    render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    const turn1 = screen.getByTestId('transcript-turn-1');
    expect(turn1).toHaveTextContent('Good morning, I am so sorry for the wait');
    const marks = [...turn1.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.some((m) => /sorry/i.test(m ?? ''))).toBe(true);
    expect(turn1.textContent).not.toMatch(/Cues:|similar-text|shared:|learned model/);
    // The authored response's feedback belongs to the authored words, not to what was typed.
    expect(turn1).not.toHaveTextContent('A greeting and an apology first.');
  });

  it('answers "what if" from an earlier turn and compares it with the attempt', async () => {
    const user = userEvent.setup();
    const id = await playAttempt([{ choice: 'blame' }]);
    render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    // The panel loads when asked for, and takes the keyboard.
    await user.click(screen.getByTestId('what-if-open'));
    const panel = await screen.findByTestId('what-if', {}, { timeout: 5000 });
    await waitFor(() => expect(panel).toHaveFocus());
    await user.click(within(panel).getByRole('radio', { name: /Good morning/ }));
    await user.click(within(panel).getByTestId('what-if-run'));
    const best = engineResult(['greet', 'promise', 'keep']);
    expect(within(panel).getByTestId('what-if-overall')).toHaveTextContent(String(Math.round(best.overall)));
    const table = within(panel).getByTestId('what-if-table');
    expect(table).toHaveTextContent('Customer lost');
    expect(table).toHaveTextContent('Routine');
  });

  it('renders in Chinese after a language switch', async () => {
    const id = await playAttempt([{ choice: 'blame' }]);
    await changeLanguage('zh-CN');
    render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('复盘：迟到的包裹');
    expect(screen.getByTestId('result-passed')).toHaveTextContent('未通过');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('says the score is consistent with the responses, and says so when it is not', async () => {
    const id = await playAttempt(['greet', 'promise', 'keep'].map((choice) => ({ choice })));
    const { unmount } = render(<DebriefView attemptId={id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    expect(screen.getByTestId('debrief-check')).toHaveAttribute('data-check', 'verified');
    expect(screen.getByTestId('debrief-check')).toHaveTextContent('Score check: consistent');
    unmount();

    // The same responses under an edited score: the debrief opens it the way Review does.
    const record = (await getAttempt(id))!;
    const edited = { ...record, id: crypto.randomUUID(), result: { ...record.result, overall: 12 } };
    expect((await saveAttempt(edited)).ok).toBe(true);
    render(<DebriefView attemptId={edited.id} />);
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    expect(screen.getByTestId('debrief-check')).toHaveAttribute('data-check', 'mismatch');
    expect(screen.getByTestId('debrief-check')).toHaveTextContent('Score check: not consistent');
    // The stored score is the one shown; the explanation is the replay's.
    expect(screen.getByTestId('score-overall')).toHaveTextContent('12');
  });

  it('says so when the attempt does not exist', async () => {
    render(<DebriefView attemptId="00000000-0000-4000-8000-000000000000" />);
    expect(await screen.findByRole('heading', { name: 'Attempt not found' })).toBeInTheDocument();
    expect(await listAttempts()).toEqual([]);
  });
});
