import { create } from 'zustand';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { AuthorCheck } from './author-check';
import { addPreview, loadScenarioSource, useCatalogue } from './catalogue';

// The trainer's scenario editor: the draft (kept in localStorage), and its check (load + lint),
// debounced while typing and run in a worker so the page stays responsive on large scenarios.

export const AUTHOR_DRAFT_KEY = 'composure.author.draft';
export const CHECK_DELAY_MS = 300;

type Reply = { id: number; ok: true; value: AuthorCheck } | { id: number; ok: false; error: string };

function readDraft(): string {
  try {
    return globalThis.localStorage?.getItem(AUTHOR_DRAFT_KEY) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(text: string): void {
  try {
    if (text) globalThis.localStorage?.setItem(AUTHOR_DRAFT_KEY, text);
    else globalThis.localStorage?.removeItem(AUTHOR_DRAFT_KEY);
  } catch {
    // Blocked or full storage: the draft still lives in the editor for this visit.
  }
}

// One worker at a time. A check still running when a newer draft arrives is stale: the worker is
// terminated (a long score search cannot be interrupted otherwise) and a fresh one starts.
let worker: Worker | null = null;
let running: { id: number; resolve: (check: AuthorCheck | null) => void; reject: (e: Error) => void } | null =
  null;
let nextId = 1;

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  running?.resolve(null);
  running = null;
}

function checkInWorker(text: string, rubric: Rubric): Promise<AuthorCheck | null> {
  if (running) stopWorker();
  if (!worker) {
    const w = new Worker(new URL('./author-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (!running || reply.id !== running.id) return;
      const { resolve, reject } = running;
      running = null;
      if (reply.ok) resolve(reply.value);
      else reject(new Error(reply.error));
    };
    w.onerror = (event) => {
      const pending = running;
      running = null;
      worker = null;
      pending?.reject(new Error(event.message || 'the checker stopped unexpectedly'));
    };
    worker = w;
  }
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    running = { id, resolve, reject };
    w.postMessage({ id, text, rubric });
  });
}

async function checkOnPage(text: string, rubric: Rubric): Promise<AuthorCheck> {
  const { runAuthorCheck } = await import('./author-check');
  return runAuthorCheck(text, rubric);
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
  setText: (text: string) => void;
  /** Saves the draft and checks it now, skipping the debounce. */
  flush: () => Promise<void>;
  /** Fills the editor with a library scenario's file text. */
  loadExample: (scenarioId: string) => Promise<void>;
  /** Registers the checked scenario as a preview; returns the scenario id to play, or null. */
  preview: () => string | null;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let checkSeq = 0;

export const useAuthor = create<AuthorStore>((set, get) => {
  const runCheck = async () => {
    const text = get().text;
    const seq = ++checkSeq;
    if (!text.trim()) {
      if (running) stopWorker();
      return set({ status: 'empty', check: null, checkedText: null, error: null });
    }
    set({ status: 'checking', error: null });
    const catalogue = await useCatalogue.getState().load();
    if (seq !== checkSeq) return;
    if (!catalogue) return set({ status: 'error', error: useCatalogue.getState().error });
    try {
      const check = authorRunner.useWorker()
        ? await checkInWorker(text, catalogue.rubric)
        : await checkOnPage(text, catalogue.rubric);
      if (seq !== checkSeq || !check) return; // a newer draft owns the result
      set({ status: 'done', check, checkedText: text, error: null });
    } catch (error) {
      if (seq !== checkSeq) return;
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    writeDraft(get().text);
    await runCheck();
  };

  const initialText = readDraft();
  return {
    text: initialText,
    status: initialText.trim() ? 'pending' : 'empty',
    check: null,
    checkedText: null,
    error: null,

    setText: (text) => {
      if (text === get().text) return;
      set({ text, status: text.trim() ? 'pending' : 'empty' });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), CHECK_DELAY_MS);
    },

    flush,

    loadExample: async (scenarioId) => {
      const catalogue = await useCatalogue.getState().load();
      const entry = catalogue?.entries.find((e) => e.scenario.id === scenarioId);
      if (!entry) return;
      const source = (await loadScenarioSource(entry.file)) ?? `${JSON.stringify(entry.scenario, null, 2)}\n`;
      set({ text: source });
      await flush();
    },

    preview: () => {
      const { check, checkedText, text } = get();
      if (!check?.ok || !check.scenario || checkedText !== text) return null;
      return addPreview(check.scenario);
    },
  };
});

/** For tests: a blank editor, no pending timer, nothing running. */
export function resetAuthorForTests(text = ''): void {
  if (timer) clearTimeout(timer);
  timer = null;
  checkSeq += 1;
  stopWorker();
  useAuthor.setState({
    text,
    status: text.trim() ? 'pending' : 'empty',
    check: null,
    checkedText: null,
    error: null,
  });
}
