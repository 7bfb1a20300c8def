// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { changeLanguage } from '@/i18n/i18n';
import type { AttemptRow } from '@/records/attempt-row';
import { CoachingHeatMap, heatLevel } from '@/features/review/coaching-heat-map';
import { CoachingPanel } from '@/features/review/coaching-panel';
import { coachTeam, heatMap } from '@/features/review/coaching-rule';
import { CoachingSheet } from '@/features/review/coaching-sheet';
import { CoachingTable } from '@/features/review/coaching-table';
import { AttemptVerdict } from '@/features/review/coaching-verdict';
import { scenarioSeries } from '@/features/review/coaching-chart';
import { useRecords } from '@/state/records-store';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeRubric } from '../../fakes/scenario';
import { fakeAttemptRow } from '../../fakes/attempt-row';

const rubric = fakeRubric();

const CRITICAL = new Set(['etiquette.no-blame']);
let next = 0;

function row(traineeId: string, over: Partial<AttemptRow> = {}): AttemptRow {
  next += 1;
  const startedAt = Date.UTC(2026, 0, 1) + next * 60_000;
  return fakeAttemptRow({
    traineeId,
    traineeName: `Name ${traineeId}`,
    startedAt,
    finishedAt: startedAt + 300_000,
    durationMs: 300_000,
    turns: 6,
    violated: (over.passed ?? true) ? [] : ['apology.sincere'],
    ...over,
  });
}

/** A strong trainee, one who keeps failing on apologies, one who blamed a customer last time. */
function team(): AttemptRow[] {
  return [
    ...[1, 2, 3, 4, 5].map(() => row('good')),
    ...[1, 2, 3, 4, 5].map((i) =>
      row('weak', {
        passed: i === 5,
        scores: { listening: 70, apology: 20, resolution: 60, etiquette: 80 },
      }),
    ),
    ...[1, 2, 3, 4].map(() => row('blame')),
    row('blame', { passed: false, overall: 91, outcome: 'loyal', violated: ['etiquette.no-blame'] }),
    row('good', { status: 'abandoned', passed: false, overall: 0, outcome: null }),
    row('good', { overall: 100, flags: ['too-fast'] }),
  ];
}

beforeEach(async () => {
  await setUpApp();
  useRecords.setState({ rubric, rows: [] });
});

describe('coaching table', () => {
  it('lists those needing coaching first, says why, and is axe clean', async () => {
    const { container } = render(<CoachingTable entries={coachTeam(team(), CRITICAL, new Set())} />);
    const rows = screen.getAllByTestId('coaching-row');
    expect(rows.map((r) => [r.dataset.traineeId, r.dataset.status])).toEqual([
      ['weak', 'coach'],
      ['blame', 'coach'],
      ['good', 'on-track'],
    ]);
    expect(within(rows[0]!).getByTestId('coaching-reasons')).toHaveTextContent(
      '20% pass rate over the last 5',
    );
    expect(within(rows[1]!).getByTestId('coaching-reasons')).toHaveTextContent(
      'critical: Never blame others',
    );
    expect(within(rows[0]!).getByTestId('coaching-weakest')).toHaveTextContent('Apology (20)');
    // The abandoned and the too-fast attempt are counted apart, never in the figures.
    expect(within(rows[2]!).getByTestId('coaching-pass-rate')).toHaveTextContent('100%');
    expect(rows[2]).toHaveTextContent('1 abandoned');
    expect(within(rows[2]!).getByTestId('coaching-flagged')).toHaveTextContent('1 flagged');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('sorts by a column from the keyboard and says so with aria-sort', async () => {
    const user = userEvent.setup();
    render(<CoachingTable entries={coachTeam(team(), CRITICAL, new Set())} />);
    const header = screen.getByRole('columnheader', { name: /Pass rate/ });
    expect(header).not.toHaveAttribute('aria-sort');
    expect(screen.getByRole('columnheader', { name: /Coaching/ })).toHaveAttribute('aria-sort', 'ascending');
    screen.getByTestId('coaching-sort-passRate').focus();
    await user.keyboard('{Enter}');
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getAllByTestId('coaching-row')[0]).toHaveAttribute('data-trainee-id', 'weak');
    await user.keyboard(' ');
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getAllByTestId('coaching-row')[0]).toHaveAttribute('data-trainee-id', 'good');
  });

  it('states the rule on the page, in Chinese too', async () => {
    useRecords.setState({ rows: team() });
    const { unmount } = render(<CoachingPanel rows={team()} />);
    expect(screen.getByTestId('coaching-rule')).toHaveTextContent(
      'Needs coaching: a pass rate below 70% over the last 5 finished attempts, or a critical rule broken in the last 3.',
    );
    expect(screen.getByTestId('coaching-count')).toHaveTextContent('2 of 3 trainees need coaching.');
    unmount();
    await changeLanguage('zh-CN');
    render(<CoachingPanel rows={team()} />);
    expect(screen.getByTestId('coaching-rule')).toHaveTextContent('最近 5 次完成的练习通过率低于 70%');
    expect(screen.getByRole('heading', { name: '谁需要辅导' })).toBeInTheDocument();
  });
});

describe('coaching heat map', () => {
  it('prints every rate as a number beside its shade and marks each trainee’s weakest rule', async () => {
    const map = heatMap(coachTeam(team(), CRITICAL, new Set()));
    const { container } = render(<CoachingHeatMap map={map} />);
    const weak = screen.getAllByTestId('heat-row').find((r) => r.dataset.traineeId === 'weak')!;
    const cell = weak.querySelector('[data-rule="apology.sincere"]')!;
    expect(cell).toHaveTextContent('80%');
    expect(cell).toHaveAttribute('data-weakest', 'true');
    expect(cell).toHaveTextContent('most often broken');
    expect(cell.className).toContain('heat-4');
    // Column headers are rule titles, row headers trainee names: a table a screen reader can walk.
    expect(screen.getByRole('columnheader', { name: 'Apologise sincerely' })).toBeInTheDocument();
    expect(within(weak).getByRole('rowheader', { name: 'Name weak' })).toBeInTheDocument();
    // Every cell has its number: colour is never the only carrier.
    for (const td of container.querySelectorAll('td')) expect(td.textContent).toMatch(/\d+%/);
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shades by band and says so when no rule was broken', () => {
    expect([0, 0.01, 0.2, 0.21, 0.8, 1].map(heatLevel)).toEqual([0, 1, 1, 2, 4, 5]);
    render(<CoachingHeatMap map={{ rules: [], rows: [] }} />);
    expect(screen.getByTestId('heat-none')).toHaveTextContent('No rule was broken');
  });
});

describe('a failed attempt reads as failed', () => {
  it('critical violation first, no "Loyal" beside the fail', () => {
    render(
      <AttemptVerdict
        testId="verdict"
        attempt={{
          passed: false,
          overall: 91,
          passMark: 70,
          outcome: 'loyal',
          violated: ['etiquette.no-blame'],
          critical: [{ rule: 'etiquette.no-blame', turn: 4 }],
        }}
      />,
    );
    const verdict = screen.getByTestId('verdict');
    expect(verdict).toHaveTextContent(/^Failed: Critical rule broken at turn 4: Never blame others/);
    expect(verdict).not.toHaveTextContent('Loyal');
  });
  it('a pass names the ending', () => {
    render(
      <AttemptVerdict
        testId="verdict"
        attempt={{ passed: true, overall: 88, outcome: 'loyal', violated: [] }}
      />,
    );
    expect(screen.getByTestId('verdict')).toHaveTextContent('Passed · Overall 88 · Customer: Loyal');
  });
});

describe('coaching sheet and chart', () => {
  it('lists the failed attempts with the reason, and prints the sheet alone', async () => {
    const user = userEvent.setup();
    const rows = team().filter((r) => r.traineeId === 'blame');
    const [entry] = coachTeam(rows, CRITICAL, new Set());
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      expect(document.body).toHaveClass('coaching-printing');
    });
    const { container } = render(<CoachingSheet entry={entry!} rows={rows} titles={{}} />);
    expect(screen.getByTestId('sheet-status')).toHaveTextContent('Needs coaching');
    expect(screen.getByTestId('sheet-fails')).toHaveTextContent('Critical rule broken: Never blame others');
    await user.click(screen.getByRole('button', { name: 'Print coaching sheet' }));
    expect(print).toHaveBeenCalledOnce();
    window.dispatchEvent(new Event('afterprint'));
    expect(document.body).not.toHaveClass('coaching-printing');
    expect(await seriousViolations(container)).toEqual([]);
    print.mockRestore();
  });

  it('draws one joined line per scenario instead of one zig-zag', () => {
    const rows = [
      row('x', { scenarioId: 'easy', overall: 90 }),
      row('x', { scenarioId: 'hard', overall: 10 }),
      row('x', { scenarioId: 'easy', overall: 95 }),
      row('x', { scenarioId: 'hard', overall: 30 }),
    ];
    const series = scenarioSeries(rows, 'overall', (id) => id);
    expect(series.map((s) => [s.key, s.values, s.joinGaps])).toEqual([
      ['easy', [90, null, 95, null], true],
      ['hard', [null, 10, null, 30], true],
    ]);
    expect(scenarioSeries(rows, 'etiquette', (id) => id)[0]!.values).toEqual([60, null, 60, null]);
  });
});
