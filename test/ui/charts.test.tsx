// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initI18n } from '@/i18n/i18n';
import { CustomerAvatar } from '@/ui/customer-avatar';
import { Dialog } from '@/ui/dialog';
import { MoodCurve } from '@/ui/mood-curve';
import { ScoreChart } from '@/ui/score-chart';
import { seriousViolations } from '../fakes/axe';

beforeAll(() => {
  initI18n('en');
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

describe('CustomerAvatar', () => {
  it('frowns when angry and smiles when calm, and says so', () => {
    const { rerender, container } = render(<CustomerAvatar name="Mr Wang" anger={90} trust={10} />);
    expect(screen.getByRole('img', { name: 'Mr Wang looks furious' })).toBeInTheDocument();
    const angryMouth = container.querySelector('.avatar__mouth')!.getAttribute('d')!;
    rerender(<CustomerAvatar name="Mr Wang" anger={5} trust={90} />);
    expect(screen.getByRole('img', { name: 'Mr Wang looks calm' })).toBeInTheDocument();
    const calmMouth = container.querySelector('.avatar__mouth')!.getAttribute('d')!;
    const controlY = (d: string) => Number(d.split(' ')[3]);
    expect(controlY(calmMouth)).toBeGreaterThan(controlY(angryMouth)); // the curve bends down into a smile
  });
});

describe('Dialog', () => {
  it('takes focus, keeps Tab inside and cancels on Escape', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(
      <Dialog
        title="Sure?"
        onCancel={onCancel}
        actions={
          <>
            <button type="button">No</button>
            <button type="button">Yes</button>
          </>
        }
      />,
    );
    expect(screen.getByRole('button', { name: 'No' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'No' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
