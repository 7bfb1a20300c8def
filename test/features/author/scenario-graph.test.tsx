// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ScenarioGraph from '@/features/author/scenario-graph';
import { graphModel } from '@/state/author-graph';
import type { Scenario } from '@/engine/format/scenario-schema';
import { runAuthorCheck } from '@/state/author-check';
import { useAuthorSelection } from '@/state/author-selection';
import { setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeRubric, fakeScenario } from '../../fakes/scenario';
import { stubFlowLayout } from './flow-dom';

/** The fake call plus an unreachable turn and a reachable-only-by-itself loop (a dead end). */
function withProblems(): Scenario {
  const s = fakeScenario();
  s.nodes.orphan = { say: 'Nobody gets here', responses: [{ id: 'x', text: 'x', next: 'resolved' }] };
  s.nodes.limbo = { say: 'Round and round', responses: [{ id: 'again', text: 'Again', next: 'limbo' }] };
  return s;
}

const marks = (id: string) =>
  screen.getByTestId(`graph-node-${id}`).dataset.marks!.split('|').filter(Boolean);

function renderGraph(
  scenario: Scenario,
  paths = runAuthorCheck(JSON.stringify(fakeScenario()), fakeRubric()).summary!,
) {
  return render(
    <ScenarioGraph
      scenario={scenario}
      paths={{ best: paths.best, worst: paths.worst }}
      locale="en"
      stale={false}
    />,
  );
}

describe('ScenarioGraph', () => {
  beforeAll(stubFlowLayout);
  beforeEach(async () => {
    await setUpApp();
    useAuthorSelection.setState({ nodeId: null, from: null });
  });

  it('draws every node with its kind in words, not colour alone', async () => {
    renderGraph(withProblems());
    const node = await screen.findByTestId('graph-node-opening');
    expect(node).toHaveTextContent('Customer turn');
    expect(node).toHaveTextContent('opening');
    expect(node).toHaveTextContent('Where is my parcel?');
    expect(screen.getByTestId('graph-node-lost')).toHaveTextContent('Ending: Customer lost');
    expect(screen.getByTestId('graph-node-resolved')).toHaveTextContent('Ending: Resolved');
    expect(screen.getAllByRole('button', { name: /^Customer turn/ })).toHaveLength(5);
  });

  it('marks unreachable nodes and dead ends', async () => {
    renderGraph(withProblems());
    await screen.findByTestId('graph-node-orphan');
    expect(marks('orphan')).toEqual(['Unreachable']);
    expect(marks('limbo')).toEqual(['Unreachable', 'Dead end']);
    expect(screen.getByTestId('graph-node-orphan')).toHaveClass('sg-node--unreachable');
    expect(screen.getByTestId('graph-node-limbo')).toHaveClass('sg-node--dead-end');
    expect(marks('facts')).not.toContain('Unreachable');
  });

  it('highlights the best and the worst path from the check', async () => {
    renderGraph(fakeScenario());
    await screen.findByTestId('graph-node-opening');
    expect(marks('opening')).toEqual(['Start', '★ Best path', '▼ Worst path']);
    expect(marks('facts')).toEqual(['★ Best path']);
    expect(marks('resolved')).toEqual(['★ Best path']);
    expect(marks('lost')).toEqual(['▼ Worst path']);
    expect(screen.getByTestId('graph-node-lost')).toHaveClass('sg-node--worst');
    expect(screen.getByTestId('graph-node-lost')).not.toHaveClass('sg-node--best');
  });

  it('names each edge with its response and the rules it meets and breaks', async () => {
    renderGraph(fakeScenario());
    const blame = await screen.findByRole('img', { name: /^opening to lost/ });
    expect(blame).toHaveAccessibleName(
      'opening to lost: The courier lost it, no…. Meets: none. Breaks: etiquette.no-blame (Worst path)',
    );
    expect(blame).toHaveClass('sg-edge--worst');
    expect(screen.getByRole('img', { name: /^opening to facts/ })).toHaveAccessibleName(
      /Meets: etiquette\.greeting, apology\.sincere\. Breaks: none \(Best path\)$/,
    );
  });

  it('selects a node on click or Enter, and shows a node selected elsewhere', async () => {
    const user = userEvent.setup();
    renderGraph(fakeScenario());
    const facts = await screen.findByRole('button', { name: /facts/ });
    // A click without the pointer press before it: jsdom's events have no window for d3's drag.
    fireEvent.click(facts);
    expect(useAuthorSelection.getState()).toMatchObject({ nodeId: 'facts', from: 'graph' });
    await waitFor(() => expect(facts).toHaveAttribute('aria-pressed', 'true'));

    const close = screen.getByRole('button', { name: /close/ });
    close.focus();
    await user.keyboard('{Enter}');
    expect(useAuthorSelection.getState()).toMatchObject({ nodeId: 'close', from: 'graph' });

    act(() => useAuthorSelection.getState().select('lost', 'editor'));
    const lost = screen.getByRole('button', { name: /lost/ });
    await waitFor(() => expect(lost).toHaveAttribute('aria-pressed', 'true'));
    expect(lost).toHaveClass('selected');
    expect(screen.getByRole('button', { name: /close/ })).toHaveAttribute('aria-pressed', 'false');
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderGraph(withProblems());
    await screen.findByTestId('graph-node-orphan');
    expect(await seriousViolations(container)).toEqual([]);
    expect(within(container).getByRole('application')).toHaveAccessibleName("Graph of the scenario's nodes");
  });

  it('says so when no scenario has loaded yet', async () => {
    render(<ScenarioGraph scenario={null} paths={{ best: null, worst: null }} locale="en" stale={false} />);
    expect(await screen.findByText('The graph appears once the scenario loads.')).toBeInTheDocument();
    expect(graphModel(fakeScenario(), { best: null, worst: null }, 'en').nodes).toHaveLength(5);
  });
});
