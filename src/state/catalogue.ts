import { create } from 'zustand';
import {
  CATALOGUE_INDEX_FORMAT,
  CATALOGUE_INDEX_VERSION,
  parseCatalogueIndex,
  summarize,
  type CatalogueIndex,
  type ScenarioSummary,
} from '@/engine/format/catalogue-index';
import { contentHash } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { Session, StartAt } from '@/engine/runtime/types';
import type { AttemptRecord } from '@/records/attempt-record';
import type { Diagnostic } from '@/engine/load/diagnostic';
import { hasBrowserScenarios } from './browser-scenarios-flag';
import { fetchText } from './scenario-files';

export interface CatalogueEntry {
  scenario: Scenario;
  hash: string;
  /** Repository-relative path, shown in located errors. */
  file: string;
  /** Warnings the loader found in a scenario that still plays. */
  diagnostics: Diagnostic[];
}

export interface CatalogueProblem {
  file: string;
  diagnostics: Diagnostic[];
}

export interface Catalogue {
  entries: CatalogueEntry[];
  rubric: Rubric;
  rubricHash: string;
  problems: CatalogueProblem[];
}

type RawFiles = Record<string, () => Promise<string>>;

let indexPending: Promise<CatalogueIndex> | null = null;

/** The catalogue's index: what the library shows, without any scenario's content. */
export function loadCatalogueIndex(): Promise<CatalogueIndex> {
  indexPending ??= fetchText('index.json')
    .then((text) => parseCatalogueIndex(JSON.parse(text)))
    .catch((error: unknown) => {
      indexPending = null; // "try again" really tries again
      throw error instanceof SyntaxError ? new Error(`scenarios/index.json: ${error.message}`) : error;
    });
  return indexPending;
}

// The page files (index-2.json …): their code loads only for a library of more than one page.
const pagesModule = () => import('./catalogue-pages');

/** Every summary of the index: its first page, then each page file. */
async function allSummaries(index: CatalogueIndex): Promise<ScenarioSummary[]> {
  return index.pages.length ? (await pagesModule()).allSummaries(index) : index.scenarios;
}

/** Files beside the index, as buildCatalogue reads them. */
export const servedFiles = (files: readonly string[]): RawFiles =>
  Object.fromEntries(files.map((file) => [`/scenarios/${file}`, () => fetchText(file)]));

const relative = (path: string) => path.replace(/^\//, '');

/** Loads and validates every scenario and the default rubric. One broken file never hides the others. */
export async function buildCatalogue(files: RawFiles, rubrics: RawFiles): Promise<Catalogue> {
  // Valid files load through the zod-free fast path; the full loaders (with zod, ~26 KB gzip) are
  // fetched only when some file needs located diagnostics.
  const { quickLoadRubric, quickLoadScenario } = await import('@/engine/load/quick-load');
  const full = () =>
    Promise.all([import('@/engine/load/load-scenario'), import('@/engine/load/load-rubric')]);
  const loadRubric = async (text: string) => {
    const quick = quickLoadRubric(text);
    return quick ? ({ ok: true, ...quick } as const) : (await full())[1].loadRubric(text);
  };
  const loadScenario = async (text: string) => {
    const quick = quickLoadScenario(text);
    return quick ? ({ ok: true, ...quick } as const) : (await full())[0].loadScenario(text);
  };

  const rubricPath = Object.keys(rubrics).find((p) => p.endsWith('/default.json'));
  if (!rubricPath) throw new Error('scenarios/rubrics/default.json is missing');
  const rubricLoad = await loadRubric(await rubrics[rubricPath]!());
  if (!rubricLoad.ok) {
    const first = rubricLoad.diagnostics[0];
    throw new Error(
      `${relative(rubricPath)}:${first?.line ?? 0}:${first?.column ?? 0} ${first?.message ?? ''}`,
    );
  }

  const entries: CatalogueEntry[] = [];
  const problems: CatalogueProblem[] = [];
  const paths = Object.keys(files).sort();
  const texts = await Promise.all(paths.map((p) => files[p]!().catch((e: unknown) => e)));
  const loads = await Promise.all(
    texts.map((text) => (typeof text === 'string' ? loadScenario(text) : null)),
  );
  paths.forEach((path, i) => {
    const text = texts[i];
    const file = relative(path);
    if (typeof text !== 'string') {
      problems.push({ file, diagnostics: [unreadable(String(text))] });
      return;
    }
    const loaded = loads[i]!;
    if (!loaded.ok) problems.push({ file, diagnostics: loaded.diagnostics });
    else if (entries.some((e) => e.scenario.id === loaded.scenario.id))
      problems.push({ file, diagnostics: [duplicate(loaded.scenario.id)] });
    else
      entries.push({
        scenario: loaded.scenario,
        hash: contentHash(loaded.scenario),
        file,
        diagnostics: loaded.diagnostics,
      });
  });
  return { entries, rubric: rubricLoad.rubric, rubricHash: contentHash(rubricLoad.rubric), problems };
}

function unreadable(message: string): Diagnostic {
  return { severity: 'error', code: 'E_JSON_SYNTAX', message, path: '', line: null, column: null };
}

function duplicate(id: string): Diagnostic {
  return {
    severity: 'error',
    code: 'E_DUPLICATE_ID',
    message: `another file already uses the scenario id '${id}'`,
    path: '/id',
    line: null,
    column: null,
  };
}

let pending: Promise<Catalogue> | null = null;

/** Every scenario's content (Review, records, the Author view): the index, then each file it lists. */
export function loadCatalogue(): Promise<Catalogue> {
  pending ??= loadCatalogueIndex()
    .then(async (index) => {
      const summaries = await allSummaries(index);
      const catalogue = await buildCatalogue(
        servedFiles([...summaries.map((s) => s.file), ...index.unread]),
        servedFiles([index.rubric]),
      );
      return { ...catalogue, problems: [...index.problems, ...catalogue.problems] };
    })
    .catch((error: unknown) => {
      pending = null; // let "try again" really try again
      throw error;
    });
  return pending;
}

/**
 * Play's catalogue: the one scenario it opens (and the rubric), not every file. The index names the
 * file; a full catalogue already loaded is used as it is. Resolves to null with `error` set when the
 * index or the file cannot be read, and to a catalogue without the entry when no scenario has that id.
 */
export async function loadCatalogueFor(
  scenarioId: string,
): Promise<{ catalogue: Catalogue | null; error: string | null }> {
  const whole = useCatalogue.getState();
  // The full catalogue has every served scenario, not those added in this browser.
  if (
    whole.catalogue &&
    (isPreviewId(scenarioId) || whole.catalogue.entries.some((e) => e.scenario.id === scenarioId))
  )
    return { catalogue: whole.catalogue, error: null };
  let pendingOne = single.get(scenarioId);
  if (!pendingOne) {
    pendingOne = readOne(scenarioId);
    single.set(scenarioId, pendingOne);
    // A failure is not kept: the next visit tries again.
    void pendingOne.then((r) => r.catalogue || single.delete(scenarioId));
  }
  return pendingOne;
}

const single = new Map<string, Promise<{ catalogue: Catalogue | null; error: string | null }>>();

async function readOne(scenarioId: string): Promise<{ catalogue: Catalogue | null; error: string | null }> {
  try {
    const index = await loadCatalogueIndex();
    let summary = index.scenarios.find((s) => s.id === scenarioId);
    // Not on the first page: the page files, one at a time until it is found.
    if (!summary && index.pages.length && !isPreviewId(scenarioId))
      summary = await (await pagesModule()).findOnPages(index, scenarioId);
    if (!summary) {
      const rubric = servedFiles([index.rubric]);
      // Previews live in memory (findEntry): they need only the rubric.
      if (isPreviewId(scenarioId)) return { catalogue: await buildCatalogue({}, rubric), error: null };
      // Added in this browser (published from the Author view or imported): its stored text.
      if (hasBrowserScenarios()) {
        const { browserScenarioFile } = await import('./published-scenarios');
        const file = await browserScenarioFile(scenarioId);
        if (file) return { catalogue: await buildCatalogue(file, rubric), error: null };
      }
      // Any other id may be in a file the index lists by name only.
      if (index.unread.length === 0) return { catalogue: await buildCatalogue({}, rubric), error: null };
      const catalogue = await useCatalogue.getState().load();
      return { catalogue, error: catalogue ? null : useCatalogue.getState().error };
    }
    const one = await buildCatalogue(servedFiles([summary.file]), servedFiles([index.rubric]));
    return { catalogue: one, error: null };
  } catch (error) {
    return { catalogue: null, error: error instanceof Error ? error.message : String(error) };
  }
}

interface CatalogueStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  catalogue: Catalogue | null;
  error: string | null;
  load: () => Promise<Catalogue | null>;
}

export const useCatalogue = create<CatalogueStore>((set, get) => ({
  status: 'idle',
  catalogue: null,
  error: null,
  load: async () => {
    const current = get();
    if (current.status === 'ready') return current.catalogue;
    if (current.status !== 'loading') set({ status: 'loading', error: null });
    try {
      const catalogue = await loadCatalogue();
      set({ status: 'ready', catalogue, error: null });
      return catalogue;
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  },
}));

/** For tests and for a trainer editing files in dev: forget the cached catalogue. */
export function setCatalogueForTests(catalogue: Catalogue | null): void {
  pending = catalogue ? Promise.resolve(catalogue) : null;
  single.clear();
  indexPending = catalogue ? Promise.resolve(indexOf(catalogue)) : null;
  useLibraryIndex.setState({
    status: 'idle',
    summaries: [],
    problems: [],
    error: null,
    pages: [],
    more: 'idle',
  });
  useCatalogue.setState(
    catalogue
      ? { status: 'ready', catalogue, error: null }
      : { status: 'idle', catalogue: null, error: null },
  );
}

export function findEntry(catalogue: Catalogue, scenarioId: string): CatalogueEntry | undefined {
  if (isPreviewId(scenarioId)) return usePreviews.getState().entries[scenarioId];
  return catalogue.entries.find((e) => e.scenario.id === scenarioId);
}

// Previews: a trainer's unsaved scenario from the Author view, played in the normal Play view.
// They live in memory only, under an id no library scenario can have (scenario ids are kebab-case).
export const PREVIEW_PREFIX = 'preview:';

interface PreviewStore {
  /** By preview id. */
  entries: Readonly<Record<string, CatalogueEntry>>;
  /** Where a "play from here" preview starts (by preview id); none: the scenario's own start. */
  starts: Readonly<Record<string, StartAt>>;
  /** The last finished play of each preview, for its debrief: in memory only, never a record. */
  played: Readonly<Record<string, PlayedPreview>>;
}

export interface PlayedPreview {
  record: AttemptRecord;
  session: Session;
  /** The node a "play from here" started at; null: the scenario's own start. */
  from: string | null;
}

export const usePreviews = create<PreviewStore>(() => ({ entries: {}, starts: {}, played: {} }));

export const isPreviewId = (scenarioId: string | null | undefined): boolean =>
  typeof scenarioId === 'string' && scenarioId.startsWith(PREVIEW_PREFIX);

/**
 * Registers (or replaces) the preview of a loaded scenario; returns the id to play it under. With
 * `startAt` it plays from that node, mood and flags (checked by the engine when it starts).
 */
export function addPreview(scenario: Scenario, startAt?: StartAt): string {
  const id = `${PREVIEW_PREFIX}${scenario.id}`;
  const entry: CatalogueEntry = { scenario, hash: contentHash(scenario), file: 'preview', diagnostics: [] };
  usePreviews.setState((s) => ({
    entries: { ...s.entries, [id]: entry },
    starts: startAt ? { ...s.starts, [id]: startAt } : without(s.starts, id),
    // An earlier play was of another version of the draft: its debrief is gone.
    played: without(s.played, id),
  }));
  return id;
}

const without = <T>(items: Readonly<Record<string, T>>, id: string): Record<string, T> =>
  Object.fromEntries(Object.entries(items).filter(([key]) => key !== id));

/** Keeps a finished preview play for its debrief (`#/debrief/<preview id>`) until the page closes. */
export function keepPlayedPreview(id: string, played: PlayedPreview): void {
  usePreviews.setState((s) => ({ played: { ...s.played, [id]: played } }));
}

/** The start option a preview plays with (none for a library scenario or a whole-scenario preview). */
export const previewStart = (scenarioId: string | null): { startAt?: StartAt } => {
  const startAt = scenarioId ? usePreviews.getState().starts[scenarioId] : undefined;
  return startAt ? { startAt } : {};
};

/** Raw text of a library scenario file, for the Author view's "Load example"; null when not a library file. */
export async function loadScenarioSource(file: string): Promise<string | null> {
  if (!file.startsWith('scenarios/')) return null;
  try {
    return await fetchText(file.slice('scenarios/'.length));
  } catch {
    return null;
  }
}

/** The index a loaded catalogue would have been read from (tests set catalogues directly). */
function indexOf(catalogue: Catalogue): CatalogueIndex {
  return {
    format: CATALOGUE_INDEX_FORMAT,
    version: CATALOGUE_INDEX_VERSION,
    rubric: 'rubrics/default.json',
    scenarios: catalogue.entries.map((e) =>
      summarize(e.scenario, e.file.replace(/^scenarios\//, ''), e.hash),
    ),
    problems: catalogue.problems,
    unread: [],
    pages: [],
  };
}

export { BROWSER_SCENARIOS_KEY, hasBrowserScenarios } from './browser-scenarios-flag';

interface LibraryIndexStore {
  status: 'idle' | 'loading' | 'ready' | 'error';
  summaries: readonly ScenarioSummary[];
  problems: readonly CatalogueProblem[];
  error: string | null;
  /** Page files not read yet, in order. */
  pages: readonly string[];
  more: 'idle' | 'loading' | 'error';
  load: () => Promise<void>;
  /** Reads the next page file, or every one left (`all`, for a search over the whole library). */
  loadMore: (all?: boolean) => Promise<void>;
}

/**
 * What the library lists: the index's summaries. Files a deployment listed by name only are read
 * (and checked) here, so a broken one shows as a located problem instead of a missing card.
 */
export const useLibraryIndex = create<LibraryIndexStore>((set, get) => ({
  status: 'idle',
  summaries: [],
  problems: [],
  error: null,
  pages: [],
  more: 'idle',
  loadMore: async (all = false) => {
    const { pages, more } = get();
    if (more === 'loading' || pages.length === 0) return;
    set({ more: 'loading' });
    const next = all ? pages : pages.slice(0, 1);
    try {
      const { loadPage } = await pagesModule();
      const read = (await Promise.all(next.map(loadPage))).flat();
      set((s) => ({
        summaries: [...s.summaries, ...read.filter((r) => !s.summaries.some((x) => x.id === r.id))],
        pages: s.pages.slice(next.length),
        more: 'idle',
      }));
    } catch {
      set({ more: 'error' });
    }
  },
  load: async () => {
    if (get().status === 'ready' || get().status === 'loading') return;
    set({ status: 'loading', error: null });
    try {
      const index = await loadCatalogueIndex();
      const extra = index.unread.length
        ? await buildCatalogue(servedFiles(index.unread), servedFiles([index.rubric]))
        : null;
      const summaries = [...index.scenarios];
      for (const e of extra?.entries ?? [])
        if (!summaries.some((s) => s.id === e.scenario.id))
          summaries.push(summarize(e.scenario, e.file.replace(/^scenarios\//, ''), e.hash));
      set({
        status: 'ready',
        summaries,
        problems: [...index.problems, ...(extra?.problems ?? [])],
        error: null,
        pages: index.pages,
      });
    } catch (error) {
      set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
