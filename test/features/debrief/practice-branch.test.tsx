// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import { DebriefView } from '@/features/debrief/debrief-view';
import { getAttempt, listAttempts } from '@/records/attempts';
import { teamSummary } from '@/records/aggregate';
import { usePlay } from '@/state/play-store';
import { startPractice } from '@/state/practice-branch';
import { seriousViolations } from '../../fakes/axe';
import { setUpApp } from '../../fakes/app';

const TRAINEE = { id: 'T-1', name: 'Test Trainee' };

async function answer(choices: string[]) {
  for (const choice of choices) await usePlay.getState().respond({ choice });
  await waitFor(() => expect(usePlay.getState().phase).toBe('ended'));
  return usePlay.getState().attemptId!;
}

describe('retry from a turn (a practice branch)', () => {
  beforeEach(async () => {
    await setUpApp();
  });

  it('plays on from before the chosen turn in Play, saves a branch of the original and compares the two', async () => {
    await usePlay.getState().open('fake-call', TRAINEE, 'en');
    const originalId = await answer(['greet', 'shrug', 'bye']);
    const original = (await getAttempt(originalId))!;

    expect(await startPractice(original, 2)).toBe('started');
    expect(window.location.hash).toBe('#/play/fake-call');
    // What Play does on that route: it finds the branch's draft and resumes it at turn 2.
    await usePlay.getState().open('fake-call', TRAINEE, 'en');
    const play = usePlay.getState();
    expect(play.attemptId).not.toBe(originalId);
    expect(play.session!.state.turns.map((t) => t.responseId)).toEqual(['greet']);
    expect(play.notices).not.toContain('resumed');
    const branchId = await answer(['promise', 'keep']);

    const branch = (await getAttempt(branchId))!;
    expect(branch.practice).toEqual({ of: originalId, fromTurn: 2 });
    expect(branch.turns.map((t) => t.responseId)).toEqual(['greet', 'promise', 'keep']);
    expect(await getAttempt(originalId)).toEqual(original);
    const rows = await listAttempts();
    expect(rows.find((r) => r.id === branchId)?.practice).toBe(true);
    expect(teamSummary(rows).attempts).toBe(1);

    const { container } = render(<DebriefView attemptId={branchId} />);
    // Opening replays the attempt (and the zod check runs on the branch's record): slow under jsdom.
    await screen.findByTestId('debrief', {}, { timeout: 5000 });
    expect(await screen.findByTestId('practice-note')).toHaveTextContent('from turn 2');
    const compare = await screen.findByTestId('practice-compare');
    const turns = await within(compare).findByTestId('practice-turns');
    const cells = [...turns.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(cells).toEqual([
      ['2', 'These things happen.', expect.stringContaining('I will call you back by noon')],
      ['3', 'No. Bye.', 'I have the result now: it arrives today.'],
    ]);
    expect(within(compare).getByTestId('practice-original')).toHaveAttribute(
      'href',
      `#/debrief/${originalId}`,
    );
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('refuses to branch an attempt played on another version of the scenario', async () => {
    await usePlay.getState().open('fake-call', TRAINEE, 'en');
    const id = await answer(['greet', 'shrug', 'bye']);
    const record = (await getAttempt(id))!;
    const older = { ...record, scenario: { ...record.scenario, contentHash: '0123abcd' } };
    expect(await startPractice(older, 2)).toBe('scenario-changed');
  });
});
