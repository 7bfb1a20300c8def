// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { AttemptsTable } from '@/features/review/attempts-table';
import { fakeAttemptRow } from '../../fakes/attempt-row';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { sizeTableScroller } from '../../fakes/table-layout';

beforeAll(sizeTableScroller);

describe('AttemptsTable', () => {
  it('marks a practice branch as practice, and no other row', async () => {
    await setUpApp();
    const rows = [fakeAttemptRow({ overall: 60, passed: false }), fakeAttemptRow({ practice: true })];
    const { container } = render(
      <AttemptsTable rows={rows} titles={{}} sort={{ key: 'startedAt', dir: 'desc' }} onSort={() => {}} />,
    );
    const badges = await screen.findAllByTestId('practice-badge');
    expect(badges).toHaveLength(1);
    expect(badges[0]).toHaveTextContent('Practice');
    const practiceRow = screen
      .getAllByTestId('attempt-row')
      .find((r) => r.dataset.attemptId === rows[1]!.id)!;
    expect(within(practiceRow).getByTestId('practice-badge')).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
