// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LibraryView } from '@/features/library/library-view';
import { TRAINEE_STORAGE_KEY, useTrainee } from '@/state/trainee-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';

const chat = fakeScenario({
  id: 'chat-refund',
  channel: 'chat',
  difficulty: 'hard',
  title: { en: 'The refund', 'zh-CN': '退款' },
  brief: { en: 'A refund is late.', 'zh-CN': '退款迟迟未到。' },
});

describe('LibraryView', () => {
  beforeEach(async () => {
    const catalogue = fakeCatalogue([fakeScenario(), chat]);
    catalogue.problems = [
      {
        file: 'scenarios/broken.json',
        diagnostics: [
          {
            severity: 'error',
            code: 'E_UNKNOWN_NODE',
            message: "no node called 'nowhere'",
            path: '/nodes/a/responses/0/next',
            line: 12,
            column: 19,
          },
        ],
      },
    ];
    await setUpApp(catalogue);
  });

  it('lists scenario cards, a located error for a broken file, and has no serious axe violations', async () => {
    const { container } = render(<LibraryView />);
    const card = await screen.findByTestId('scenario-card-fake-call');
    expect(card).toHaveTextContent('The late parcel');
    expect(card).toHaveTextContent('Phone');
    expect(card).toHaveTextContent('about 3 minutes');
    expect(card).toHaveTextContent('Not attempted yet');
    expect(screen.getByTestId('scenario-problem')).toHaveTextContent('scenarios/broken.json:12:19');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('filters by channel, difficulty and text', async () => {
    const user = userEvent.setup();
    render(<LibraryView />);
    await screen.findByTestId('scenario-card-fake-call');
    await user.selectOptions(screen.getByLabelText('Channel'), 'chat');
    expect(screen.queryByTestId('scenario-card-fake-call')).toBeNull();
    expect(screen.getByTestId('scenario-card-chat-refund')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Channel'), '');
    await user.type(screen.getByLabelText('Search'), 'parcel');
    expect(screen.getByTestId('scenario-card-fake-call')).toBeInTheDocument();
    expect(screen.queryByTestId('scenario-card-chat-refund')).toBeNull();
    await user.type(screen.getByLabelText('Search'), 'zzz');
    expect(screen.getByText('No scenario matches these filters.')).toBeInTheDocument();
  });

  it('asks for the trainee once and keeps the answer', async () => {
    useTrainee.setState({ trainee: null });
    const user = userEvent.setup();
    render(<LibraryView />);
    const form = screen.getByRole('form', { name: 'Who is practising?' });
    await user.click(within(form).getByRole('button', { name: 'Save and continue' }));
    expect(screen.getByText('Please enter your name.')).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Your name'), 'Zhang Wei');
    await user.type(within(form).getByLabelText('Employee ID (optional)'), 'E-42');
    await user.click(within(form).getByRole('button', { name: 'Save and continue' }));
    expect(screen.getByTestId('trainee-line')).toHaveTextContent('Zhang Wei (E-42)');
    expect(JSON.parse(localStorage.getItem(TRAINEE_STORAGE_KEY)!).state.trainee).toEqual({
      id: 'E-42',
      name: 'Zhang Wei',
    });
  });
});
