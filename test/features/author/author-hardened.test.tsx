// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorView } from '@/features/author/author-view';
import {
  MAX_AUTHOR_CHARS,
  MAX_AUTHOR_FILE_BYTES,
  MAX_AUTHOR_LINES,
  openScenarioFile,
  resetAuthorForTests,
  useAuthor,
} from '@/state/author-store';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { fakeScenario } from '../../fakes/scenario';
import { editorText, editorView, paste } from './editor-dom';

const SLOW = { timeout: 8000 };

/** A file that reports `size` bytes and records whether anything tried to read it. */
function fileOfSize(size: number, name = 'huge.json'): { file: File; reads: () => number } {
  const file = new File(['{}'], name, { type: 'application/json' });
  Object.defineProperty(file, 'size', { value: size });
  let reads = 0;
  const refuse = () => {
    reads += 1;
    return Promise.reject(new Error('must not be read'));
  };
  Object.defineProperty(file, 'text', { value: refuse });
  Object.defineProperty(file, 'arrayBuffer', { value: refuse });
  Object.defineProperty(file, 'stream', { value: refuse });
  return { file, reads: () => reads };
}

describe('Author view, hardened', () => {
  beforeEach(async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]));
    resetAuthorForTests();
    window.location.hash = '#/author';
  });

  it('refuses a 50 MB file from its size, without reading it, and keeps the draft', async () => {
    resetAuthorForTests('{ "draft": true }');
    const user = userEvent.setup();
    render(<AuthorView />);
    const { file, reads } = fileOfSize(50_000_000);
    await user.upload(screen.getByTestId('author-file'), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file huge.json (50 MB) was not opened');
    expect(alert).toHaveTextContent('at most 5,000,000 characters');
    expect(reads()).toBe(0);
    expect(editorText()).toBe('{ "draft": true }');
    expect(screen.queryByTestId('author-replace-dialog')).toBeNull();
  });

  it('refuses a dropped file that is too large the same way', async () => {
    render(<AuthorView />);
    const { file, reads } = fileOfSize(MAX_AUTHOR_FILE_BYTES + 1, 'dropped.json');
    fireEvent.drop(editorView().contentDOM, {
      dataTransfer: { files: [file], types: ['Files'] },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('dropped.json');
    expect(reads()).toBe(0);
    expect(useAuthor.getState().text).toBe('');
  });

  it('says so in Chinese', async () => {
    await setUpApp(fakeCatalogue([fakeScenario()]), 'zh-CN');
    const user = userEvent.setup();
    render(<AuthorView />);
    await user.upload(screen.getByTestId('author-file'), fileOfSize(50_000_000).file);
    expect(await screen.findByRole('alert')).toHaveTextContent('未打开文件 huge.json（50 MB）');
  });

  it('opens a file within the limit as before', async () => {
    const user = userEvent.setup();
    render(<AuthorView />);
    const text = JSON.stringify(fakeScenario(), null, 2);
    await user.upload(screen.getByTestId('author-file'), new File([text], 'ok.json'));
    await waitFor(() => expect(editorText()).toBe(text), SLOW);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses text over the loader limit after reading when the size alone could not tell', async () => {
    // Three bytes a character at most: a file just over the limit in characters but small enough
    // in bytes to be read is refused once its length is known.
    const file = new File(['x'.repeat(MAX_AUTHOR_CHARS + 1)], 'long.json');
    const opened = await openScenarioFile(file);
    expect(opened).toMatchObject({ ok: false, reason: 'too-large', limit: MAX_AUTHOR_CHARS });
    const fine = await openScenarioFile(new File(['{}'], 'small.json'));
    expect(fine).toEqual({ ok: true, text: '{}' });
  });

  it('refuses a file with more lines than the editor takes, and keeps the draft', async () => {
    resetAuthorForTests('{ "draft": true }');
    const user = userEvent.setup();
    render(<AuthorView />);
    const file = new File(['{}\n'.repeat(MAX_AUTHOR_LINES)], 'long.json');
    await user.upload(screen.getByTestId('author-file'), file);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file long.json (200,001 lines) was not opened');
    expect(alert).toHaveTextContent('at most 200,000 lines');
    expect(editorText()).toBe('{ "draft": true }');
  });

  it('keeps out a 1,000,000-line paste, says why, and leaves the draft as it was', async () => {
    resetAuthorForTests('{ "draft": true }');
    render(<AuthorView />);
    const view = editorView();
    view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
    paste('{}\n'.repeat(1_000_000));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The text was not added: the editor takes at most 200,000 lines');
    expect(editorText()).toBe('{ "draft": true }');
    expect(useAuthor.getState().text).toBe('{ "draft": true }');

    // A paste within the limits goes in as usual, and the warning goes away.
    view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
    paste('{ "ok": 1 }');
    expect(editorText()).toBe('{ "ok": 1 }');
    expect(useAuthor.getState().text).toBe('{ "ok": 1 }');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
