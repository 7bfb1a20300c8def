// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { initI18n } from '@/i18n/i18n';
import { LineChart } from '@/ui/line-chart';
import { MoodCurve } from '@/ui/mood-curve';
import { ScoreChart } from '@/ui/score-chart';
import { seriousViolations } from '../fakes/axe';

beforeAll(() => {
  return initI18n('en');
});

describe('ScoreChart', () => {
  it('writes each score as an integer and describes the chart in text', async () => {
    const { container } = render(
      <ScoreChart
        title="Scores"
        passMark={70}
        bars={[
          { key: 'listening', label: 'Listening', score: 83.333 },
          { key: 'apology', label: 'Apology', score: null },
        ]}
      />,
    );
    expect(screen.getByTestId('score-listening')).toHaveTextContent('83');
    expect(screen.getByTestId('score-apology')).toHaveAttribute('data-value', 'null');
    expect(
      screen.getByRole('img', { name: /Scores.*Listening: 83; Apology: n\/a; pass mark 70/ }),
    ).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('MoodCurve', () => {
  it('offers the same points as a data table', () => {
    render(
      <MoodCurve
        title="Mood"
        points={[
          { anger: 70, trust: 30 },
          { anger: 40.6, trust: 55 },
        ]}
      />,
    );
    const rows = screen.getByRole('table').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('14155');
  });
});

describe('LineChart', () => {
  const series = [
    { key: 'a', label: 'Average', values: [40, null, 80] },
    { key: 'b', label: 'One scenario', values: [null, 50, 70, null, 90], joinGaps: true },
  ];

  it('breaks a line at a gap unless the series joins across gaps', () => {
    const { container } = render(<LineChart title="T" description="D" series={series} />);
    const d = (key: string) => container.querySelector(`[data-series="${key}"] path`)!.getAttribute('d')!;
    expect(d('a').match(/M/g)).toHaveLength(2);
    expect(d('b').match(/M/g)).toHaveLength(1);
    expect(d('b').match(/L/g)).toHaveLength(2);
  });

  it('speaks its title and description, or hides itself when the caller shows a table instead', async () => {
    const spoken = render(<LineChart title="Trend" description="Weekly average" series={series} />);
    expect(screen.getByRole('img', { name: 'Trend Weekly average' })).toBeInTheDocument();
    expect(await seriousViolations(spoken.container)).toEqual([]);
    spoken.unmount();
    const { container } = render(<LineChart title="Mood" series={series} xLabels={['0', '1', '2']} />);
    expect(screen.queryByRole('img')).toBeNull();
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    expect([...container.querySelectorAll('.line-chart__tick')].map((t) => t.textContent)).toContain('2');
  });
});
