import { render, screen } from '@testing-library/react';
import { PlayView } from '@/features/play/play-view';

/**
 * Renders Play and, when a new attempt opens on its briefing, starts the call. Opening may first
 * fetch a module on demand (sorting out stored drafts): slow on a busy machine.
 */
export async function renderPlay(scenarioId = 'fake-call') {
  const view = render(<PlayView scenarioId={scenarioId} />);
  const first = await screen.findByTestId(/^(briefing-start|responses)$/, {}, { timeout: 5000 });
  if (first.dataset.testid === 'briefing-start') {
    first.click();
    await screen.findByTestId('responses', {}, { timeout: 5000 });
  }
  return view;
}
