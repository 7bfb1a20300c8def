// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorView } from '@/features/author/author-view';
import { listAttempts } from '@/records/attempts';
import { loadDraft } from '@/records/drafts';
import { AUTHOR_DRAFT_KEY, resetAuthorForTests, useAuthor } from '@/state/author-store';
import { findEntry, useCatalogue } from '@/state/catalogue';
import { usePlay } from '@/state/play-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';
import { editorText, editorView, pasteAll } from './editor-dom';
import { stubFlowLayout } from './flow-dom';

// The Author view mounts the graph (React Flow), which needs layout APIs jsdom lacks.
stubFlowLayout();

const SLOW = { timeout: 8000 };
const valid = () => JSON.stringify(fakeScenario(), null, 2);

async function renderWith(text: string, label = 'Scenario JSON') {
  const user = userEvent.setup();
  const view = render(<AuthorView />);
  if (text) pasteAll(text, label);
  return { user, editor: editorView(label), ...view };
}

const finished = () =>
  waitFor(() => expect(screen.getByTestId('author-status')).toHaveAttribute('data-status', 'done'), SLOW);

describe('AuthorView', () => {
  beforeEach(async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]));
    resetAuthorForTests();
    window.location.hash = '#/author';
  });

  it('locates a JSON syntax error by line and column', async () => {
    await renderWith('{\n  "schemaVersion": 1,\n  "id": "broken",\n}\n');
    await finished();
    const item = screen.getByTestId('author-diagnostics').querySelector('[data-code="E_JSON_SYNTAX"]');
    expect(item).not.toBeNull();
    expect(item).toHaveTextContent('Error');
    expect(item?.querySelector('.author-diagnostic__where')).toHaveTextContent(/^4:1$/);
    expect(within(screen.getByTestId('author-status')).getByRole('status')).toHaveTextContent(
      /^\d+ errors?, 0 warnings, 0 notes$/,
    );
    expect(screen.getByTestId('author-preview')).toBeDisabled();
  });

  it('suggests the nearest node for an unknown next, and the caret moves there on click', async () => {
    const text = valid().replace('"next": "facts"', '"next": "fact"');
    const { user, editor } = await renderWith(text);
    await finished();
    const item = screen.getByTestId('author-diagnostics').querySelector('[data-code="E_UNKNOWN_NODE"]')!;
    expect(item).toHaveTextContent("no node called 'fact'");
    expect(item).toHaveTextContent("Hint: did you mean 'facts'?");

    // Where the engine says the bad value is: the line of `"next": "fact"`, at its opening quote.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"next": "fact"')) + 1;
    const column = lines[line - 1]!.indexOf('"fact"') + 1;
    expect(item).toHaveTextContent(`${line}:${column}`);

    await user.click(screen.getByRole('button', { name: /no node called 'fact'/ }));
    expect(editor.contentDOM).toHaveFocus();
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    expect(editor.state.selection.main.head).toBe(offset);
    expect(editor.state.selection.main.empty).toBe(true);
    expect(text.slice(offset, offset + 6)).toBe('"fact"');
  });

  it('summarises a valid scenario: counts, best and worst bounds and the best path', async () => {
    const { container } = await renderWith(valid());
    const summary = await screen.findByTestId('author-summary', {}, SLOW);
    expect(screen.getByTestId('stat-nodes')).toHaveTextContent('5');
    expect(screen.getByTestId('stat-decisions')).toHaveTextContent('3');
    expect(screen.getByTestId('stat-endings')).toHaveTextContent('2');
    const overall = within(screen.getByTestId('bounds-overall'));
    const [best, worst] = overall.getAllByRole('cell').map((c) => Number(c.textContent));
    expect(best).toBeGreaterThan(worst!);
    expect(within(summary).getByRole('table', { name: 'Score bounds' })).toBeInTheDocument();
    expect(within(screen.getByTestId('bounds-etiquette')).getByRole('rowheader')).toHaveTextContent(
      'Etiquette',
    );
    expect(screen.getByTestId('bounds-exact')).toHaveTextContent('Proven exact');
    const path = screen.getByTestId('author-best-path');
    expect(path).toHaveTextContent('opening → greet');
    expect(path).toHaveTextContent('Good morning, I am sorry for the wait. Let me check.');
    expect(screen.getByTestId('author-best-result')).toHaveTextContent(/Overall \d+/);
    expect(screen.getByTestId('author-preview')).toBeEnabled();
    expect(JSON.parse(localStorage.getItem(AUTHOR_DRAFT_KEY)!).state.text).toBe(valid());
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('shows the best path in the chosen UI language', async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]), 'zh-CN');
    await renderWith(valid(), '情景 JSON');
    const path = await screen.findByTestId('author-best-path', {}, SLOW);
    expect(path).toHaveTextContent('您好，让您久等了，非常抱歉，我马上查。');
    // The small fake call is guessable (its best answers are the longest), so lint warns: no errors though.
    expect(within(screen.getByTestId('author-status')).getByRole('status')).toHaveTextContent('0 个错误');
  });

  it('restores the draft from localStorage and fills in a library example on request', async () => {
    resetAuthorForTests('{ "draft": true }');
    const user = userEvent.setup();
    render(<AuthorView />);
    expect(editorText()).toBe('{ "draft": true }');
    await user.click(screen.getByRole('button', { name: 'Load example' }));
    const dialog = screen.getByTestId('author-replace-dialog');
    expect(dialog).toHaveTextContent('“The late parcel”');
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await screen.findByTestId('author-summary', {}, SLOW);
    expect(editorText()).toContain('"id": "fake-call"');
  });

  it('opens a file from the picker', async () => {
    const { user } = await renderWith('');
    const file = new File([valid()], 'my-call.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('author-file'), file);
    await screen.findByTestId('author-summary', {}, SLOW);
    expect(editorText()).toBe(valid());
  });

  it('previews under a preview id without saving a draft or an attempt record', async () => {
    const { user } = await renderWith(JSON.stringify(fakeScenario({ id: 'my-call' }), null, 2));
    await screen.findByTestId('author-summary', {}, SLOW);
    await user.click(screen.getByTestId('author-preview'));
    expect(window.location.hash).toBe('#/play/preview%3Amy-call');

    const catalogue = useCatalogue.getState().catalogue!;
    expect(findEntry(catalogue, 'preview:my-call')?.scenario.id).toBe('my-call');
    expect(findEntry(catalogue, 'my-call')).toBeUndefined();

    const play = usePlay.getState();
    await play.open('preview:my-call', { id: 'T-1', name: 'Test Trainee' }, 'en');
    expect(usePlay.getState().phase).toBe('playing');
    for (const choice of ['greet', 'promise', 'keep']) await usePlay.getState().respond({ choice });
    expect(usePlay.getState().phase).toBe('ended');
    expect(usePlay.getState().attemptId).toBeNull();
    expect(await loadDraft()).toBeNull();
    expect(await listAttempts()).toEqual([]);
    expect(useAuthor.getState().text).toContain('"my-call"');
  });
});
