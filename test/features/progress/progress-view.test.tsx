// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { changeLanguage } from '@/i18n/i18n';
import { loadNamespace } from '@/i18n/lazy-namespaces';
import { ProgressView } from '@/features/progress/progress-view';
import type { AttemptRow } from '@/records/attempt-row';
import { useProgress } from '@/state/progress-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { fakeAttemptRow } from '../../fakes/attempt-row';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

const catalogue = fakeCatalogue([
  fakeScenario(),
  fakeScenario({ id: 'other-call', title: { en: 'The other call', 'zh-CN': '另一通电话' } }),
]);
const now = Date.now();

function rows(): AttemptRow[] {
  const at = (minutesAgo: number) => now - minutesAgo * 60_000;
  return [
    fakeAttemptRow({
      id: 'a1',
      traineeId: 'T-1',
      scenarioId: 'fake-call',
      startedAt: at(30),
      passed: true,
      overall: 85,
    }),
    fakeAttemptRow({
      id: 'a2',
      traineeId: 'T-1',
      scenarioId: 'other-call',
      startedAt: at(20),
      passed: false,
      overall: 40,
      violated: ['etiquette.no-blame'],
      scores: { listening: 70, apology: 60, resolution: 50, etiquette: 10 },
    }),
    {
      ...fakeAttemptRow({
        id: 'a3',
        traineeId: 'T-1',
        scenarioId: 'fake-call',
        startedAt: at(10),
        overall: 95,
      }),
      practice: true,
    },
    fakeAttemptRow({
      id: 'a4',
      traineeId: 'T-1',
      scenarioId: 'fake-call',
      startedAt: at(5),
      status: 'abandoned',
      passed: false,
      overall: 0,
    }),
  ];
}

function showRows(list: AttemptRow[]) {
  useProgress.setState({ status: 'ready', traineeId: 'T-1', rows: list, load: async () => {} });
}

beforeEach(async () => {
  await setUpApp(catalogue);
  await loadNamespace('progress');
});

describe('My progress', () => {
  it('lists attempts, sets practice and abandoned ones apart, suggests what tests the weakest principle', async () => {
    showRows(rows());
    const { container } = render(<ProgressView />);
    const list = screen.getByTestId('progress-attempts');
    expect([...list.querySelectorAll('li')].map((li) => [li.dataset.attempt, li.dataset.kind])).toEqual([
      ['a3', 'practice'],
      ['a2', 'counted'],
      ['a1', 'counted'],
    ]);
    expect(within(screen.getByTestId('progress-abandoned')).getByText(/The late parcel/)).toBeInTheDocument();
    // Practice (95) and abandoned (0) are not averaged in: (85 + 40) / 2.
    expect(screen.getByTestId('progress-stat-average')).toHaveTextContent('62.5');
    expect(screen.getByTestId('progress-stat-counted')).toHaveTextContent('2');
    expect(screen.getByTestId('progress-rules')).toHaveTextContent('Never blame others');
    expect(screen.getByTestId('progress-chart').querySelectorAll('[data-series]')).toHaveLength(4);
    // Etiquette is weakest ((60 + 10) / 2 = 35); both calls test it in two responses, so the one
    // played less is suggested.
    expect(screen.getByTestId('progress-next-why')).toHaveTextContent(
      'Your weakest principle is Etiquette (average 35)',
    );
    expect(screen.getByTestId('progress-next-start')).toHaveAttribute('href', '#/play/other-call');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('filters by result and scenario', async () => {
    const user = userEvent.setup();
    showRows(rows());
    render(<ProgressView />);
    await user.selectOptions(screen.getByTestId('progress-filter-result'), 'failed');
    expect(screen.getByTestId('progress-shown')).toHaveTextContent('1 attempt matches');
    expect(screen.queryByTestId('progress-abandoned')).toBeNull();
    await user.selectOptions(screen.getByTestId('progress-filter-result'), 'all');
    await user.selectOptions(screen.getByTestId('progress-filter-scenario'), 'other-call');
    expect(screen.getByTestId('progress-attempts').querySelectorAll('li')).toHaveLength(1);
  });

  it('shows an empty state with no attempts, in Chinese too, axe clean', async () => {
    showRows([]);
    const { container, unmount } = render(<ProgressView />);
    expect(screen.getByTestId('progress-empty')).toHaveTextContent('No attempts yet');
    expect(await seriousViolations(container)).toEqual([]);
    unmount();
    await changeLanguage('zh-CN');
    render(<ProgressView />);
    expect(screen.getByTestId('progress-empty')).toHaveTextContent('还没有练习记录');
  });

  it('says it is loading until the rows arrive', () => {
    useProgress.setState({ status: 'loading', rows: [], load: async () => {} });
    render(<ProgressView />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your attempts');
  });
});
