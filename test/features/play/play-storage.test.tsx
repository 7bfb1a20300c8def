// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { listAttempts } from '@/records/attempts';
import { parseBundle } from '@/records/bundle';
import { loadDraft } from '@/records/drafts';
import { createMemoryBackend } from '@/records/memory-backend';
import { configureStorage } from '@/records/storage';
import { usePlay } from '@/state/play-store';
import { setTabLocks, soloLocks } from '@/state/tab-lock';
import { fakeCatalogue, setUpApp } from '../../fakes/app';
import { renderPlay } from './render-play';

const keyFor = (responseId: string) =>
  screen
    .getByTestId('responses')
    .querySelector(`[data-response="${responseId}"]`)!
    .getAttribute('aria-keyshortcuts')!;

/** What Play shows for an unsaved attempt is fetched on demand: the first time takes a while. */
const LAZY = { timeout: 5000 };

const quota = () => new DOMException('', 'QuotaExceededError'); // Chrome's: no message at all

/** jsdom's Blob has no text(). */
const readText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/** Captures what the page offers as a download. */
function captureDownloads() {
  const files: Array<{ name: string; blob: Blob }> = [];
  let last: Blob | null = null;
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:test';
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    files.push({ name: this.download, blob: last! });
  });
  return {
    files,
    restore: () => [create, revoke, click].forEach((s) => s.mockRestore()),
  };
}

describe('Play when storage fails', () => {
  beforeEach(async () => {
    await setUpApp();
    setTabLocks(soloLocks());
  });
  afterEach(() => setTabLocks(null));

  it('a full disk at the end: no debrief is offered, the trainee is told why, and the attempt downloads as a bundle', async () => {
    const backend = createMemoryBackend();
    await configureStorage({ backend });
    const write = backend.write;
    backend.write = async () => {
      throw quota();
    };
    const downloads = captureDownloads();
    try {
      const user = userEvent.setup();
      await renderPlay();
      await user.keyboard(keyFor('blame'));
      const failed = await screen.findByTestId('save-failed', {}, LAZY);
      expect(failed).toHaveTextContent('This device has no room left for your attempt');
      expect(failed).toHaveTextContent('(QuotaExceededError)');
      expect(failed).toHaveAttribute('data-error-name', 'QuotaExceededError');
      expect(screen.queryByTestId('to-debrief')).toBeNull();
      expect(screen.getByTestId('download-attempt')).toHaveFocus();

      await user.click(screen.getByTestId('download-attempt'));
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      const parsed = parseBundle(await readText(downloads.files[0]!.blob));
      expect(parsed.ok).toBe(true);
      const attemptId = usePlay.getState().attemptId;
      expect(parsed.ok && parsed.attempts.map((a) => [a.id, a.status, a.turns.length])).toEqual([
        [attemptId, 'finished', 1],
      ]);
      expect(downloads.files[0]!.name).toMatch(/^composure-unsaved-attempts-.*\.json$/);

      // Space freed: trying again stores it, and only now is the debrief offered.
      backend.write = write;
      await user.click(screen.getByTestId('retry-save'));
      const link = await screen.findByTestId('to-debrief');
      expect(link.getAttribute('href')).toBe(`#/debrief/${attemptId}`);
      expect(await listAttempts()).toMatchObject([{ id: attemptId, status: 'finished' }]);
      expect(await loadDraft(attemptId!)).toBeNull();
    } finally {
      downloads.restore();
    }
  });

  it('in Chinese too, the ending names the error and offers the download, never the debrief', async () => {
    await setUpApp(fakeCatalogue(), 'zh-CN');
    const backend = createMemoryBackend();
    await configureStorage({ backend });
    backend.write = async () => {
      throw quota();
    };
    const user = userEvent.setup();
    await renderPlay();
    await user.keyboard(keyFor('blame'));
    const failed = await screen.findByTestId('save-failed', {}, LAZY);
    expect(failed).toHaveTextContent('本设备已没有空间保存本次练习（QuotaExceededError）');
    expect(screen.getByTestId('download-attempt')).toHaveTextContent('下载本次练习');
    expect(screen.queryByTestId('to-debrief')).toBeNull();
  });

  it('a failed draft save is shown with the error’s name, and cleared once a save succeeds', async () => {
    const backend = createMemoryBackend();
    await configureStorage({ backend });
    const put = backend.putDraft;
    backend.putDraft = async () => {
      throw quota();
    };
    const user = userEvent.setup();
    await renderPlay();
    expect(screen.getByTestId('notice-storage-failed')).toHaveTextContent(
      'progress could not be saved (QuotaExceededError)',
    );
    backend.putDraft = put;
    await user.keyboard(keyFor('greet'));
    await waitFor(() => expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '2'));
    expect(screen.queryByTestId('notice-storage-failed')).toBeNull();
  });

  it('without IndexedDB, Play says the attempt lives only in this tab', async () => {
    await configureStorage({ indexedDB: null });
    await renderPlay();
    const notice = screen.getByTestId('notice-memory-only');
    expect(notice).toHaveTextContent('only in this tab');
    expect(notice).toHaveTextContent('IndexedDB is not available');
  });

  it('without IndexedDB, the ending offers the stored attempt as a file beside the debrief', async () => {
    await configureStorage({ indexedDB: null });
    const downloads = captureDownloads();
    try {
      const user = userEvent.setup();
      await renderPlay();
      await user.keyboard(keyFor('blame'));
      const link = await screen.findByTestId('to-debrief');
      expect(link).toHaveFocus();
      expect(screen.getByTestId('memory-only-ending')).toHaveTextContent('kept only in this tab');
      await user.click(screen.getByTestId('download-saved'));
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      const parsed = parseBundle(await readText(downloads.files[0]!.blob));
      expect(parsed.ok && parsed.attempts.map((a) => [a.id, a.status, a.turns.length])).toEqual([
        [usePlay.getState().attemptId, 'finished', 1],
      ]);
      expect(downloads.files[0]!.name).toMatch(/^composure-attempt-.*\.json$/);
    } finally {
      downloads.restore();
    }
  });

  it('with IndexedDB, a stored attempt offers only its debrief', async () => {
    await configureStorage({ indexedDB: new IDBFactory(), keyRange: IDBKeyRange });
    const user = userEvent.setup();
    await renderPlay();
    await user.keyboard(keyFor('blame'));
    await screen.findByTestId('to-debrief');
    expect(screen.queryByTestId('download-saved')).toBeNull();
  });

  it('quitting when the attempt cannot be stored keeps the trainee in Play with the download', async () => {
    const backend = createMemoryBackend();
    await configureStorage({ backend });
    const user = userEvent.setup();
    await renderPlay();
    await user.keyboard(keyFor('greet'));
    await waitFor(() => expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '2'));
    backend.write = async () => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    await user.click(screen.getByTestId('quit'));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Quit this conversation?' })).getByRole('button', {
        name: 'Quit',
      }),
    );
    const notice = await screen.findByTestId('notice-unsaved', {}, LAZY);
    expect(notice).toHaveTextContent('InvalidStateError: The database connection is closing.');
    expect(within(notice).getByTestId('download-unsaved')).toBeInTheDocument();
    expect(screen.getByTestId('play')).toBeInTheDocument();
    expect((await loadDraft(usePlay.getState().attemptId!))?.state.turns).toHaveLength(1);
  });

  it('an answer is shown only once its draft is stored', async () => {
    const backend = createMemoryBackend();
    await configureStorage({ backend });
    const user = userEvent.setup();
    await renderPlay();
    const put = backend.putDraft;
    let release!: () => void;
    backend.putDraft = (draft) =>
      new Promise<void>((resolve) => {
        release = () => void put(draft).then(resolve);
      });
    await user.keyboard(keyFor('greet'));
    await waitFor(() => expect(release).toBeTypeOf('function'));
    await user.keyboard(keyFor('greet')); // a second press while saving must not answer again
    expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '1');
    expect(screen.getByTestId('conversation')).not.toHaveTextContent('Good morning, I am sorry');
    release();
    await waitFor(() => expect(screen.getByTestId('responses')).toHaveAttribute('data-turn', '2'));
    expect(usePlay.getState().session?.state.turns).toHaveLength(1);
    expect((await loadDraft(usePlay.getState().attemptId!))?.state.turns).toHaveLength(1);
  });
});
