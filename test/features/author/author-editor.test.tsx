// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { undo, undoDepth } from '@codemirror/commands';
import { IDBFactory } from 'fake-indexeddb';
import { DiagnosticsList } from '@/features/author/diagnostics-list';
import { AuthorView } from '@/features/author/author-view';
import type { Diagnostic } from '@/engine/load/diagnostic';
import { closeHistoryForTests } from '@/state/author-history';
import { resetAuthorForTests, useAuthor } from '@/state/author-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { seriousViolations } from '../../fakes/axe';
import { fakeScenario } from '../../fakes/scenario';
import { editorText, editorView, pasteAll } from './editor-dom';
import { stubFlowLayout } from './flow-dom';

// The Author view mounts the graph (React Flow), which needs layout APIs jsdom lacks.
stubFlowLayout();

const SLOW = { timeout: 20_000 };
const valid = () => JSON.stringify(fakeScenario(), null, 2);
const finished = () =>
  waitFor(() => expect(screen.getByTestId('author-status')).toHaveAttribute('data-status', 'done'), SLOW);

const located = (line: number, column: number, message: string): Diagnostic => ({
  severity: 'error',
  code: 'E_UNKNOWN_NODE',
  message,
  path: '/start',
  line,
  column,
});

describe('Problems list', () => {
  beforeEach(async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]));
  });

  it('jumps to a located problem and shows an unlocated one as text', async () => {
    const goTo = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <DiagnosticsList
        diagnostics={[
          located(12, 7, "no node called 'x'"),
          { ...located(1, 1, 'whole'), line: null, column: null, code: 'E_SHAPE' },
        ]}
        onGoTo={goTo}
      />,
    );
    await user.click(screen.getByRole('button', { name: /no node called 'x'/ }));
    expect(goTo).toHaveBeenCalledWith(12, 7);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    expect(screen.getByText('whole file')).toBeInTheDocument();
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('Author editor', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await closeHistoryForTests();
    await setUpApp(fakeCatalogue([fakeScenario()]));
    resetAuthorForTests();
    window.location.hash = '#/author';
  });

  it('jumps from the problems list to the spot in the editor, focused', async () => {
    const user = userEvent.setup();
    render(<AuthorView />);
    const text = valid().replace('"start": "opening"', '"start": "opened"');
    pasteAll(text);
    await finished();
    await user.click(screen.getByRole('button', { name: /no node called 'opened'/ }));
    const view = editorView();
    expect(view.contentDOM).toHaveFocus();
    expect(text.slice(view.state.selection.main.head).startsWith('"opened"')).toBe(true);
  });

  it('names a full-width comma, goes to it, and converts it outside strings in one click', async () => {
    const user = userEvent.setup();
    const { container } = render(<AuthorView />);
    const text = valid().replace('"schemaVersion": 1,', '"schemaVersion": 1，');
    pasteAll(text);
    const cause = await screen.findByTestId('author-cause', {}, SLOW);
    expect(cause).toHaveTextContent('Full-width “，” outside a string');
    const go = within(cause).getByTestId('author-cause-go');
    expect(go).toHaveTextContent('Line 2, column 21');
    await user.click(go);
    expect(editorView().state.selection.main.head).toBe(text.indexOf('，'));
    expect(await seriousViolations(container)).toEqual([]);

    await user.click(within(cause).getByRole('button', { name: 'Convert full-width punctuation to ASCII' }));
    expect(editorText()).toBe(valid()); // the Chinese text inside strings, with its "，", is untouched
    await finished();
    expect(screen.queryByTestId('author-cause')).toBeNull();
    expect(useAuthor.getState().check?.ok).toBe(true);
  });

  it('lists the nodes, and a node button puts the caret on it', async () => {
    const user = userEvent.setup();
    render(<AuthorView />);
    pasteAll(valid());
    const outline = screen.getByTestId('author-outline');
    await waitFor(() => expect(within(outline).getAllByRole('listitem')).toHaveLength(5), SLOW);
    await user.click(within(outline).getByRole('button', { name: 'Go to node facts' }));
    const view = editorView();
    expect(view.state.sliceDoc(view.state.selection.main.head).startsWith('"facts": {')).toBe(true);
  });

  it('keeps earlier versions and restores one as an edit Undo can take back', async () => {
    const user = userEvent.setup();
    render(<AuthorView />);
    pasteAll('{ "draft": 1 }');
    await finished();
    await user.click(screen.getByRole('button', { name: 'Load example' }));
    await user.click(
      within(screen.getByTestId('author-replace-dialog')).getByRole('button', { name: 'Replace' }),
    );
    await finished();
    const versions = screen.getByTestId('author-versions');
    await waitFor(() => expect(within(versions).getAllByRole('listitem')).toHaveLength(2), SLOW);
    expect(within(versions).getAllByRole('listitem')[0]).toHaveTextContent('Loaded an example');
    await user.click(within(versions).getAllByRole('button', { name: /^Restore the version saved/ })[1]!);
    await waitFor(() => expect(editorText()).toBe('{ "draft": 1 }'), SLOW);
    expect(useAuthor.getState().text).toBe('{ "draft": 1 }');
    await waitFor(() => expect(within(versions).getAllByRole('listitem')).toHaveLength(3), SLOW);
  });

  it('keeps Undo across a reload, only for the text the history ends on', async () => {
    const first = render(<AuthorView />);
    pasteAll('{ "draft": 1 }');
    pasteAll('{ "draft": 2 }');
    first.unmount(); // leaving the page saves the history
    resetAuthorForTests('{ "draft": 2 }'); // the draft as a reload restores it
    const second = render(<AuthorView />);
    expect(undoDepth(editorView().state)).toBe(2);
    undo(editorView());
    expect(editorText()).toBe('{ "draft": 1 }');
    second.unmount();

    // Another text (another tab's draft, say): the saved history would undo into the wrong text.
    resetAuthorForTests('{ "other": true }');
    render(<AuthorView />);
    expect(editorText()).toBe('{ "other": true }');
    expect(undoDepth(editorView().state)).toBe(0);
  });
});
