// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listAttempts } from '@/records/attempts';
import { loadDraft } from '@/records/drafts';
import { setCatalogueForTests } from '@/state/catalogue';
import { usePlay } from '@/state/play-store';
import { useSettings } from '@/state/settings-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { renderPlay } from './render-play';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

/** The number key that answers with a response, wherever this attempt's shuffled order put it. */
const keyFor = (responseId: string) =>
  screen
    .getByTestId('responses')
    .querySelector(`[data-response="${responseId}"]`)!
    .getAttribute('aria-keyshortcuts')!;

const turnShown = (turn: number) =>
  waitFor(() => expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', String(turn)));

describe('PlayView', () => {
  beforeEach(async () => {
    await setUpApp();
  });

  it('shows the opening line, the customer and meters, and has no serious axe violations', async () => {
    const { container } = await renderPlay();
    expect(screen.getByRole('heading', { level: 1, name: 'The late parcel' })).toBeInTheDocument();
    expect(screen.getByTestId('conversation')).toHaveTextContent('Where is my parcel?');
    expect(screen.getByRole('img', { name: /Ms Li looks/ })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: /Anger/ })).toHaveAttribute('aria-valuenow', '60');
    expect(screen.getByTestId('channel-phone')).toHaveTextContent('On the phone with Ms Li');
    expect(screen.getByTestId('live-region')).toHaveTextContent('Ms Li: Where is my parcel?');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('answers with number keys, moves the meters and saves a draft at every turn', async () => {
    const user = userEvent.setup();
    await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    expect(screen.getByTestId('conversation')).toHaveTextContent('Good morning, I am sorry for the wait');
    expect(screen.getByTestId('live-region')).toHaveTextContent('It was due on Monday.');
    expect(Number(screen.getByRole('meter', { name: /Anger/ }).getAttribute('aria-valuenow'))).toBeLessThan(
      60,
    );
    await waitFor(async () => expect((await loadDraft())?.state.turns).toHaveLength(1));
  });

  it('sends a typed reply with Ctrl+Enter and keeps number keys out of the text box', async () => {
    const user = userEvent.setup();
    await renderPlay();
    const box = screen.getByLabelText('Or answer in your own words');
    await user.type(box, 'Good morning, 2 days late, I am so sorry for the wait');
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '1');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await turnShown(2);
    expect(screen.getByTestId('conversation')).toHaveTextContent('Good morning, 2 days late, I am so sorry');
  });

  it('pauses (no answers while paused) and quits into an abandoned attempt', async () => {
    const user = userEvent.setup();
    await renderPlay();
    await user.click(screen.getByTestId('pause'));
    const dialog = screen.getByRole('dialog', { name: 'Paused' });
    await user.keyboard('1');
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '1');
    await user.click(within(dialog).getByRole('button', { name: 'Resume' }));
    await user.keyboard(keyFor('greet'));
    await turnShown(2);

    await user.click(screen.getByTestId('quit'));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Quit this conversation?' })).getByRole('button', {
        name: 'Quit',
      }),
    );
    await waitFor(async () => expect(await listAttempts()).toHaveLength(1));
    const [row] = await listAttempts();
    expect(row).toMatchObject({ status: 'abandoned', scenarioId: 'fake-call', turns: 1, traineeId: 'T-1' });
    expect(await loadDraft()).toBeNull();
  });

  it('resumes a reloaded attempt on the same turn', async () => {
    const user = userEvent.setup();
    const first = await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    await waitFor(async () => expect((await loadDraft())?.state.turns).toHaveLength(1));
    first.unmount();
    usePlay.getState().reset(); // what a reload does to memory

    await renderPlay();
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '2');
    expect(screen.getByTestId('notice-resumed')).toHaveTextContent('turn 2');
    expect(screen.getByTestId('conversation')).toHaveTextContent('Good morning, I am sorry for the wait');
  });

  it('keeps the draft of a changed scenario as an abandoned attempt and starts afresh', async () => {
    const user = userEvent.setup();
    const first = await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    await waitFor(async () => expect((await loadDraft())?.state.turns).toHaveLength(1));
    first.unmount();
    usePlay.getState().reset();
    setCatalogueForTests(
      fakeCatalogue([
        fakeScenario({ version: 2, title: { en: 'The late parcel (v2)', 'zh-CN': '迟到的包裹（二）' } }),
      ]),
    );

    await renderPlay();
    expect(screen.getByTestId('notice-scenario-changed')).toBeInTheDocument();
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '1');
    const rows = await listAttempts();
    expect(rows).toMatchObject([{ status: 'abandoned', scenarioVersion: 1, turns: 1 }]);
  });

  it('plays to an ending and offers the debrief', async () => {
    const user = userEvent.setup();
    await renderPlay();
    await user.keyboard(keyFor('blame'));
    const link = await screen.findByTestId('to-debrief');
    expect(link.getAttribute('href')).toMatch(/^#\/debrief\/[0-9a-f-]{36}$/);
    expect(screen.getByTestId('ending')).toHaveTextContent('The customer is gone for good.');
    const [row] = await listAttempts();
    expect(row).toMatchObject({ status: 'finished', outcome: 'customer-lost', passed: false });
    // Passed or not comes first, naming the critical rule the trainee broke.
    expect(screen.getByTestId('ending-verdict')).toHaveAttribute('data-passed', 'false');
    expect(screen.getByTestId('ending-verdict')).toHaveTextContent(
      'Not passed: a critical rule was broken at turn 1 (Never blame others).',
    );
  });

  it("says a passed attempt passed, and only then adds the story's closing words", async () => {
    const user = userEvent.setup();
    await renderPlay();
    for (const [choice, turn] of [
      ['greet', 2],
      ['promise', 3],
      ['keep', 0],
    ] as const) {
      await user.keyboard(keyFor(choice));
      if (turn) await turnShown(turn);
    }
    await screen.findByTestId('to-debrief');
    const [row] = await listAttempts();
    expect(row).toMatchObject({ passed: true });
    expect(screen.getByTestId('ending-verdict')).toHaveTextContent(
      `You passed, with ${row!.overall} overall.`,
    );
    expect(screen.getByTestId('ending')).toHaveTextContent('Settled.');
  });

  it('counts down a timed turn and reports silence when the timer runs out', async () => {
    useSettings.setState({ turnTimer: true });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await renderPlay();
      await user.keyboard(keyFor('greet'));
      await turnShown(2);
      expect(screen.getByTestId('turn-timer')).toHaveTextContent('20 seconds left');
      for (let i = 0; i < 21; i += 1) await act(async () => vi.advanceTimersByTime(1000));
      await turnShown(3);
      expect(screen.getByTestId('conversation')).toHaveTextContent('you did not answer in time');
    } finally {
      vi.useRealTimers();
    }
  });
});
