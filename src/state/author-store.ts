import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { MAX_DOCUMENT_CHARS } from '@/engine/format/limits';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { StartAt } from '@/engine/runtime/types';
import type { AuthorCheck } from './author-check';
import {
  historyAvailable,
  listVersions,
  readVersion,
  saveVersion,
  type VersionInfo,
  type VersionReason,
} from './author-history';
import { addPreview, loadScenarioSource, useCatalogue } from './catalogue';
import { field, localJsonStorage } from './persist-storage';
import { createWorkerClient } from './worker-client';

// The trainer's scenario editor: the draft (kept in localStorage), and its check (load + lint),
// debounced while typing and run in a worker so the page stays responsive on large scenarios.

export const AUTHOR_DRAFT_KEY = 'composure.author.draft';
export const CHECK_DELAY_MS = 300;

/** The loader refuses longer text (E_TOO_LARGE), so the editor never takes more than this. */
export const MAX_AUTHOR_CHARS = MAX_DOCUMENT_CHARS;
/**
 * UTF-8 takes at most 3 bytes for each UTF-16 unit of text, so a file larger than this cannot fit
 * the limit: it is refused from its size alone, before a byte of it is read.
 */
export const MAX_AUTHOR_FILE_BYTES = MAX_AUTHOR_CHARS * 3;

/**
 * The editor (CodeMirror) draws only the lines in view, but it still indexes every line, and the
 * textarea before it froze for half a minute on a 1,000,000-line paste. A 2,000-node scenario,
 * pretty-printed, is about 110,000 lines: this leaves room for that and keeps absurd pastes out;
 * `npm run validate` checks larger files.
 */
export const MAX_AUTHOR_LINES = 200_000;

export function countTextLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** Why a text cannot go into the editor, or null when it can. */
export function editorRefusal(text: string): { reason: 'too-large' | 'too-many-lines' } | null {
  if (text.length > MAX_AUTHOR_CHARS) return { reason: 'too-large' };
  if (countTextLines(text) > MAX_AUTHOR_LINES) return { reason: 'too-many-lines' };
  return null;
}

export type OpenedFile =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large'; size: number; limit: number }
  | { ok: false; reason: 'too-many-lines'; lines: number; limit: number }
  | { ok: false; reason: 'unreadable' };

function readAsText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/**
 * A scenario file the trainer opened or dropped: refused when it is over the loader's limit, by its
 * size before reading (a 50 MB file is never read) and by its length after, or over the editor's
 * line limit. Nothing refused reaches the editor or the saved draft.
 */
export async function openScenarioFile(file: File): Promise<OpenedFile> {
  const tooLarge = (size: number) =>
    ({ ok: false, reason: 'too-large', size, limit: MAX_AUTHOR_CHARS }) as const;
  if (file.size > MAX_AUTHOR_FILE_BYTES) return tooLarge(file.size);
  let text: string;
  try {
    text = await readAsText(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (text.length > MAX_AUTHOR_CHARS) return tooLarge(file.size);
  const lines = countTextLines(text);
  if (lines > MAX_AUTHOR_LINES)
    return { ok: false, reason: 'too-many-lines', lines, limit: MAX_AUTHOR_LINES };
  return { ok: true, text };
}

// One check at a time: a check still running when a newer draft arrives is stale, and its worker is
// ended (a long score search cannot be interrupted otherwise).
const checker = createWorkerClient(
  () => new Worker(new URL('./author-worker.ts', import.meta.url), { type: 'module' }),
  { latestOnly: true },
);

async function checkOnPage(text: string, rubric: Rubric): Promise<AuthorCheck> {
  const { runAuthorCheck } = await import('./author-check');
  return runAuthorCheck(text, rubric);
}

interface Draft {
  text: string;
}

/**
 * A draft longer than this is kept only in the version history (IndexedDB): writing megabytes to
 * localStorage blocks the page for about 100 ms at every pause in typing, and localStorage holds
 * only about 5 MB in all.
 */
export const MAX_LOCAL_DRAFT_CHARS = 500_000;

/** Set when the draft is not in localStorage (too large, or refused): the next visit restores it from history. */
export const DRAFT_IN_HISTORY_KEY = 'composure.author.draft-in-history';

/** Whether the last write of the draft failed; the store shows it (never silent). */
let onDraftWrite: (ok: boolean) => void = () => {};

function localFlag(write: (storage: Storage) => void): void {
  try {
    write(globalThis.localStorage);
  } catch {
    // blocked storage: nothing more to do
  }
}

/**
 * localStorage as `persist` reads it, but a write that fails (quota, blocked storage) is reported:
 * the stale copy is removed so a reload does not bring back older text, and the draft is then
 * taken from the version history instead.
 */
function draftStorage(): PersistStorage<Draft> {
  const base = localJsonStorage<Draft>({ bare: (raw) => raw, isEmpty: (d) => d.text === '' });
  return {
    getItem: base.getItem,
    removeItem: base.removeItem,
    setItem: (name: string, value: StorageValue<Draft>) => {
      if (value.state.text === '') {
        localFlag((storage) => storage.removeItem(DRAFT_IN_HISTORY_KEY));
        return base.removeItem(name);
      }
      if (value.state.text.length > MAX_LOCAL_DRAFT_CHARS) {
        localFlag((storage) => storage.removeItem(name));
        localFlag((storage) => storage.setItem(DRAFT_IN_HISTORY_KEY, '1'));
        return onDraftWrite(true);
      }
      try {
        globalThis.localStorage.setItem(name, JSON.stringify(value));
        localFlag((storage) => storage.removeItem(DRAFT_IN_HISTORY_KEY));
        onDraftWrite(true);
      } catch {
        localFlag((storage) => storage.removeItem(name));
        localFlag((storage) => storage.setItem(DRAFT_IN_HISTORY_KEY, '1'));
        onDraftWrite(false);
      }
    },
  };
}

// The saved draft is a store of its own, written when a check starts (not on every keystroke): a
// large scenario is costly to write to localStorage.
export const authorDraft = createStore<Draft>()(
  persist((): Draft => ({ text: '' }), {
    name: AUTHOR_DRAFT_KEY,
    version: 1,
    // Version 0 is the draft text itself, as saved before `persist`.
    storage: draftStorage(),
    migrate: (saved, version) => readDraft(version === 0 ? { text: saved } : saved),
    merge: (saved, current) => ({ ...current, ...readDraft(saved) }),
  }),
);

/** A saved draft the editor can take; anything else (corrupt, too long) reads as none. */
function readDraft(saved: unknown): Draft {
  const text = field(saved, 'text');
  return { text: typeof text === 'string' && editorRefusal(text) === null ? text : '' };
}

/** Injected so tests can run the check on the page even where workers exist. */
export const authorRunner = {
  useWorker: () => typeof Worker !== 'undefined',
};

interface AuthorStore {
  text: string;
  /** `pending`: typed, waiting for the debounce; `checking`: the check is running. */
  status: 'empty' | 'pending' | 'checking' | 'done' | 'error';
  check: AuthorCheck | null;
  /** The text `check` belongs to; when it differs from `text`, lines may have moved. */
  checkedText: string | null;
  error: string | null;
  /** What could not be saved just now: the draft (localStorage) or its version history (IndexedDB). */
  saveProblem: { draft: boolean; history: string | null };
  /** Earlier versions, newest first; null until read (or where there is no IndexedDB). */
  versions: VersionInfo[] | null;
  setText: (text: string) => void;
  /** A new text from outside the editor (an example, a file, a fix, a restored version), saved as a version of its own. */
  replaceText: (text: string, reason: VersionReason) => Promise<void>;
  /** Reads the version list; restores the draft from it when the last visit could not save it locally. */
  loadVersions: () => Promise<void>;
  restoreVersion: (id: number) => Promise<void>;
  /** Saves the draft and checks it now, skipping the debounce. */
  flush: () => Promise<void>;
  /** Fills the editor with a library scenario's file text. */
  loadExample: (scenarioId: string) => Promise<void>;
  /**
   * Registers the checked scenario as a preview (from `startAt` when given: "play from here");
   * returns the scenario id to play, or null.
   */
  preview: (startAt?: StartAt) => string | null;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let checkSeq = 0;
/** Why the next save happens: typing, unless a replacement said otherwise. */
let nextReason: VersionReason = 'typing';
/** Versions are written one at a time, in order. */
let historyQueue: Promise<void> = Promise.resolve();

export const useAuthor = create<AuthorStore>((set, get) => {
  const runCheck = async () => {
    const text = get().text;
    const seq = ++checkSeq;
    if (!text.trim()) {
      checker.cancel();
      return set({ status: 'empty', check: null, checkedText: null, error: null });
    }
    set({ status: 'checking', error: null });
    const catalogue = await useCatalogue.getState().load();
    if (seq !== checkSeq) return;
    if (!catalogue) return set({ status: 'error', error: useCatalogue.getState().error });
    try {
      const inWorker = authorRunner.useWorker() ? checker.run({ text, rubric: catalogue.rubric }) : null;
      const check = inWorker ? ((await inWorker) as AuthorCheck) : await checkOnPage(text, catalogue.rubric);
      if (seq !== checkSeq) return; // a newer draft owns the result
      set({ status: 'done', check, checkedText: text, error: null });
    } catch (error) {
      if (seq !== checkSeq) return;
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const saveHistory = (text: string, reason: VersionReason) => {
    if (!historyAvailable() || !text.trim()) return;
    historyQueue = historyQueue
      .then(() => saveVersion(text, reason))
      .then(
        () => {
          if (get().saveProblem.history) set({ saveProblem: { ...get().saveProblem, history: null } });
          return get().loadVersions();
        },
        (error: unknown) =>
          set({
            saveProblem: {
              ...get().saveProblem,
              history: error instanceof Error ? error.message || error.name : String(error),
            },
          }),
      );
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const text = get().text;
    const reason = nextReason;
    nextReason = 'typing';
    onDraftWrite = (ok) => {
      if (get().saveProblem.draft === !ok) return;
      set({ saveProblem: { ...get().saveProblem, draft: !ok } });
    };
    authorDraft.setState({ text });
    saveHistory(text, reason);
    await runCheck();
  };

  const initialText = authorDraft.getState().text;
  return {
    text: initialText,
    status: initialText.trim() ? 'pending' : 'empty',
    check: null,
    checkedText: null,
    error: null,
    saveProblem: { draft: false, history: null },
    versions: null,

    setText: (text) => {
      if (text === get().text) return;
      set({ text, status: text.trim() ? 'pending' : 'empty' });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), CHECK_DELAY_MS);
    },

    flush,

    replaceText: async (text, reason) => {
      // The text being replaced is kept first, so the replacement can always be undone from history.
      if (timer) await flush();
      nextReason = reason;
      set({ text, status: text.trim() ? 'pending' : 'empty' });
      await flush();
    },

    loadVersions: async () => {
      if (!historyAvailable()) return;
      try {
        const versions = await listVersions();
        set({ versions });
        let lost = false;
        localFlag((storage) => (lost = storage.getItem(DRAFT_IN_HISTORY_KEY) === '1'));
        const newest = versions[0];
        if (lost && newest && get().text === '') {
          localFlag((storage) => storage.removeItem(DRAFT_IN_HISTORY_KEY));
          const version = await readVersion(newest.id);
          if (version && get().text === '') {
            set({ text: version.text, status: 'pending' });
            await flush();
          }
        }
      } catch (error) {
        set({
          saveProblem: {
            ...get().saveProblem,
            history: error instanceof Error ? error.message || error.name : String(error),
          },
        });
      }
    },

    restoreVersion: async (id) => {
      const version = await readVersion(id);
      if (version) await get().replaceText(version.text, 'restore');
    },

    loadExample: async (scenarioId) => {
      const catalogue = await useCatalogue.getState().load();
      const entry = catalogue?.entries.find((e) => e.scenario.id === scenarioId);
      if (!entry) return;
      const source = (await loadScenarioSource(entry.file)) ?? `${JSON.stringify(entry.scenario, null, 2)}\n`;
      await get().replaceText(source, 'example');
    },

    preview: (startAt) => {
      const { check, checkedText, text } = get();
      if (!check?.ok || !check.scenario || checkedText !== text) return null;
      return addPreview(check.scenario, startAt);
    },
  };
});

/** For tests: a blank editor, no pending timer, nothing running. */
export function resetAuthorForTests(text = ''): void {
  if (timer) clearTimeout(timer);
  timer = null;
  checkSeq += 1;
  checker.cancel();
  useAuthor.setState({
    text,
    status: text.trim() ? 'pending' : 'empty',
    check: null,
    checkedText: null,
    error: null,
    saveProblem: { draft: false, history: null },
    versions: null,
  });
  nextReason = 'typing';
  historyQueue = Promise.resolve();
}
