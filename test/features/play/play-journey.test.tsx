// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Scenario } from '@/engine/format/scenario-schema';
import { PlayView } from '@/features/play/play-view';
import { listAttempts } from '@/records/attempts';
import { listDrafts } from '@/records/drafts';
import { clock, usePlay } from '@/state/play-store';
import { useSettings } from '@/state/settings-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';
import { renderPlay } from './render-play';

/** The sample call with a role, and a stage note before the customer's second line. */
function journeyScenario(partial: Partial<Scenario> = {}): Scenario {
  const base = fakeScenario();
  return fakeScenario({
    role: { en: 'Parcel desk agent', 'zh-CN': '包裹服务专员' },
    nodes: {
      ...base.nodes,
      facts: {
        ...base.nodes.facts!,
        note: {
          en: '[10:05 · The lookup] The tracking page loads.',
          'zh-CN': '【10:05 · 查询】物流页面打开了。',
        },
      },
    },
    ...partial,
  });
}

const keyFor = (responseId: string) =>
  screen
    .getByTestId('responses')
    .querySelector(`[data-response="${responseId}"]`)!
    .getAttribute('aria-keyshortcuts')!;

const turnShown = (turn: number) =>
  waitFor(() => expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', String(turn)));

const briefingShown = () => screen.findByTestId('briefing', {}, { timeout: 5000 });

describe('the trainee journey in Play', () => {
  beforeEach(async () => {
    await setUpApp(fakeCatalogue([journeyScenario()]));
  });
  afterEach(() => {
    clock.now = () => Date.now();
  });

  it('opens a new attempt on a briefing whose start button has focus, and Enter starts the call', async () => {
    const user = userEvent.setup();
    const { container } = render(<PlayView scenarioId="fake-call" />);
    const briefing = await briefingShown();
    expect(within(briefing).getByRole('heading', { level: 1 })).toHaveTextContent('The late parcel');
    expect(screen.getByTestId('briefing-role')).toHaveTextContent('Parcel desk agent');
    expect(screen.getByTestId('briefing-customer')).toHaveTextContent('Ms Li, on the phone');
    expect(screen.getByTestId('briefing-situation')).toHaveTextContent('A parcel promised for Monday');
    // Derived from the rules the responses are tagged with, named by the rubric, in its order.
    const principles = within(screen.getByTestId('briefing-principles')).getAllByRole('listitem');
    expect(principles.map((li) => li.textContent)).toEqual(['Listening', 'Apology', 'Etiquette']);
    expect(screen.getByTestId('briefing-time')).toHaveTextContent('About 3 minutes');
    expect(briefing).toHaveTextContent('Some turns are timed'); // the phone timer is on by default
    expect(screen.queryByTestId('responses')).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);

    const start = screen.getByTestId('briefing-start');
    expect(start).toHaveTextContent('Start the call');
    expect(start).toHaveFocus();
    await user.keyboard('{Enter}');
    await turnShown(1);
    expect(screen.queryByTestId('briefing')).toBeNull();
  });

  it('starts the attempt’s clock when the call starts, not while the briefing is read', async () => {
    clock.now = () => 1_000;
    render(<PlayView scenarioId="fake-call" />);
    await briefingShown();
    clock.now = () => 61_000;
    await act(async () => screen.getByTestId('briefing-start').click());
    await turnShown(1);
    expect(usePlay.getState().session?.state.startedAt).toBe(61_000);
    await userEvent.setup().keyboard(keyFor('greet'));
    await turnShown(2);
    await waitFor(async () => expect((await listDrafts())[0]?.state).toMatchObject({ startedAt: 61_000 }));
    expect((await listDrafts())[0]?.state.turns).toHaveLength(1);
  });

  it('renders scenario text as text, never as HTML', async () => {
    await setUpApp(
      fakeCatalogue([
        journeyScenario({ brief: { en: '<img src=x onerror="alert(1)"><b>bold</b>', 'zh-CN': '<b>粗</b>' } }),
      ]),
    );
    render(<PlayView scenarioId="fake-call" />);
    await briefingShown();
    const situation = screen.getByTestId('briefing-situation');
    expect(situation).toHaveTextContent('<img src=x onerror="alert(1)"><b>bold</b>');
    expect(situation.querySelector('img, b')).toBeNull();
  });

  it('briefs in Chinese too', async () => {
    await setUpApp(fakeCatalogue([journeyScenario()]), 'zh-CN');
    const { container } = render(<PlayView scenarioId="fake-call" />);
    await briefingShown();
    expect(screen.getByTestId('briefing-role')).toHaveTextContent('包裹服务专员');
    expect(screen.getByTestId('briefing-customer')).toHaveTextContent('李女士（电话）');
    expect(screen.getByTestId('briefing-time')).toHaveTextContent('约 3 分钟');
    expect(screen.getByTestId('briefing-principles')).toHaveTextContent('倾听');
    expect(screen.getByTestId('briefing-start')).toHaveTextContent('开始通话');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows progress, and a stage note as narration rather than the customer speaking', async () => {
    const user = userEvent.setup();
    const { container } = await renderPlay();
    expect(screen.getByTestId('progress')).toHaveTextContent('Turn 1 of about 3');
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    expect(screen.getByTestId('progress')).toHaveTextContent('Turn 2 of about 3');
    const note = screen.getByTestId('narration');
    expect(note).toHaveTextContent('[10:05 · The lookup] The tracking page loads.');
    expect(note).not.toHaveTextContent('Ms Li');
    expect(note.closest('.line--customer')).toBeNull();
    expect(screen.getAllByTestId('customer-line').map((l) => l.textContent)).not.toContain(
      '[10:05 · The lookup] The tracking page loads.',
    );
    // Announced as what happens, then as what Ms Li says.
    expect(screen.getByTestId('live-region')).toHaveTextContent(
      '[10:05 · The lookup] The tracking page loads. Ms Li: It was due on Monday.',
    );
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('times phone turns by default; when silence runs out the customer reacts, as the record says', async () => {
    expect(useSettings.getState()).toMatchObject({ turnTimer: false, phoneTimer: true });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await renderPlay();
      await user.keyboard(keyFor('greet'));
      await turnShown(2);
      const timer = screen.getByTestId('turn-timer');
      expect(timer).toHaveTextContent('20 seconds left');
      expect(timer.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
      expect(timer).not.toHaveTextContent('⏱');
      for (let i = 0; i < 21; i += 1) await act(async () => vi.advanceTimersByTime(1000));
      await turnShown(3);
      expect(screen.getByTestId('silence-reaction')).toHaveTextContent('Ms Li');
      expect(screen.getByTestId('silence-reaction')).toHaveTextContent('Hello? Are you still there?');
      expect(screen.getByTestId('live-region')).toHaveTextContent('Ms Li: Hello? Are you still there?');
      const state = usePlay.getState().session!.state;
      expect(state.turns[1]).toMatchObject({ node: 'facts', input: { silence: true } });
      expect(state.node).toBe('facts'); // the customer waits on the same line, as the screen shows
      expect(screen.getByTestId('progress')).toHaveTextContent('Turn 3 of about 4');
    } finally {
      vi.useRealTimers();
    }
  });

  it('the timer can be turned off for phone calls, and is off by default in a chat', async () => {
    const user = userEvent.setup();
    const view = await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    expect(screen.getByTestId('turn-timer')).toBeInTheDocument();
    await user.selectOptions(screen.getByTestId('setting-timer'), 'off');
    expect(useSettings.getState()).toMatchObject({ turnTimer: false, phoneTimer: false });
    expect(screen.queryByTestId('turn-timer')).toBeNull();
    view.unmount();

    await setUpApp(fakeCatalogue([journeyScenario({ channel: 'chat' })]));
    await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    expect(screen.queryByTestId('turn-timer')).toBeNull();
    await user.selectOptions(screen.getByTestId('setting-timer'), 'always');
    expect(screen.getByTestId('turn-timer')).toBeInTheDocument();
  });

  it('asks before starting over: cancelling keeps the attempt, confirming stores it as abandoned', async () => {
    const user = userEvent.setup();
    const first = await renderPlay();
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    await waitFor(async () => expect((await listDrafts())[0]?.state.turns).toHaveLength(1));
    first.unmount();
    usePlay.getState().reset();

    await renderPlay(); // resumed: no briefing
    await user.click(
      within(screen.getByTestId('notice-resumed')).getByRole('button', { name: 'Start over' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Start over?' });
    expect(within(dialog).getByRole('button', { name: 'Keep going' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '2');
    expect(await listAttempts()).toEqual([]);

    await user.click(
      within(screen.getByTestId('notice-resumed')).getByRole('button', { name: 'Start over' }),
    );
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Start over' }));
    await briefingShown();
    const rows = await listAttempts();
    expect(rows).toMatchObject([{ status: 'abandoned', turns: 1 }]);
  });

  it('asks before opening a scenario would abandon an unfinished one elsewhere', async () => {
    const other = journeyScenario({ id: 'other-call', title: { en: 'Another call', 'zh-CN': '另一个来电' } });
    await setUpApp(fakeCatalogue([journeyScenario(), other]));
    const user = userEvent.setup();
    const first = await renderPlay('other-call');
    await user.keyboard(keyFor('greet'));
    await turnShown(2);
    await waitFor(async () => expect((await listDrafts())[0]?.state.turns).toHaveLength(1));
    first.unmount();
    window.location.hash = '#/play/fake-call';

    const asked = render(<PlayView scenarioId="fake-call" />);
    const dialog = await screen.findByRole('dialog', { name: 'You have an unfinished conversation' });
    expect(dialog).toHaveTextContent('Another call');
    expect(within(dialog).getByRole('button', { name: 'Back to the library' })).toHaveFocus();
    expect(await seriousViolations(asked.container)).toEqual([]);
    await user.keyboard('{Escape}');
    expect(window.location.hash).toBe('#/');
    expect(await listAttempts()).toEqual([]);
    expect((await listDrafts()).map((d) => d.state.scenarioId)).toEqual(['other-call']);
    asked.unmount();

    render(<PlayView scenarioId="fake-call" />);
    const again = await screen.findByRole('dialog');
    await user.click(within(again).getByRole('button', { name: 'Abandon it and start' }));
    await briefingShown();
    expect(screen.getByTestId('notice-other-draft-closed')).toBeInTheDocument(); // told on the briefing
    await waitFor(async () =>
      expect(await listAttempts()).toMatchObject([{ status: 'abandoned', scenarioId: 'other-call' }]),
    );
  });
});

describe('timer settings kept from an older build', () => {
  const load = async (saved: unknown) => {
    localStorage.setItem('composure.settings', JSON.stringify(saved));
    vi.resetModules();
    return (await import('@/state/settings-store')).useSettings.getState();
  };
  afterEach(() => localStorage.clear());

  it('version 1’s default (timer off) now gets the phone timer; an explicit “on” stays on everywhere', async () => {
    expect(await load({ state: { turnTimer: false, typingMs: 900 }, version: 1 })).toMatchObject({
      turnTimer: false,
      phoneTimer: true,
    });
    expect(await load({ state: { turnTimer: true, typingMs: 0 }, version: 1 })).toMatchObject({
      turnTimer: true,
      typingMs: 0,
    });
    expect(JSON.parse(localStorage.getItem('composure.settings')!)).toMatchObject({ version: 2 });
  });

  it('version 2 keeps the phone timer turned off', async () => {
    expect(
      await load({ state: { turnTimer: false, phoneTimer: false, typingMs: 900 }, version: 2 }),
    ).toMatchObject({ phoneTimer: false });
  });
});
