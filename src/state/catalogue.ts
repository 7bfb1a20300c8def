import { create } from 'zustand';
import { contentHash } from '@/engine/format/content-hash';
import type { Rubric } from '@/engine/format/rubric-schema';
import type { Scenario } from '@/engine/format/scenario-schema';
import type { Diagnostic } from '@/engine/load/diagnostic';

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

// Raw text (not parsed JSON) so the loader can point at line:column when a trainer's file is broken.
const scenarioFiles: RawFiles = import.meta.glob<string>('/scenarios/*.json', {
  query: '?raw',
  import: 'default',
});
const rubricFiles: RawFiles = import.meta.glob<string>('/scenarios/rubrics/*.json', {
  query: '?raw',
  import: 'default',
});
// Test-only scenarios (e.g. the XSS fixture) are compiled in only for the e2e build.
const fixtureFiles: RawFiles =
  import.meta.env.MODE === 'e2e'
    ? import.meta.glob<string>('/test/fixtures/e2e/*.json', { query: '?raw', import: 'default' })
    : {};

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

export function loadCatalogue(): Promise<Catalogue> {
  pending ??= buildCatalogue({ ...scenarioFiles, ...fixtureFiles }, rubricFiles).catch((error: unknown) => {
    pending = null; // let "try again" really try again
    throw error;
  });
  return pending;
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
}

export const usePreviews = create<PreviewStore>(() => ({ entries: {} }));

export const isPreviewId = (scenarioId: string | null | undefined): boolean =>
  typeof scenarioId === 'string' && scenarioId.startsWith(PREVIEW_PREFIX);

/** Registers (or replaces) the preview of a loaded scenario; returns the id to play it under. */
export function addPreview(scenario: Scenario): string {
  const id = `${PREVIEW_PREFIX}${scenario.id}`;
  const entry: CatalogueEntry = { scenario, hash: contentHash(scenario), file: 'preview', diagnostics: [] };
  usePreviews.setState((s) => ({ entries: { ...s.entries, [id]: entry } }));
  return id;
}

/** Raw text of a library scenario file, for the Author view's "Load example"; null when not a library file. */
export async function loadScenarioSource(file: string): Promise<string | null> {
  const loader = scenarioFiles[`/${file}`];
  if (!loader) return null;
  try {
    return await loader();
  } catch {
    return null;
  }
}
