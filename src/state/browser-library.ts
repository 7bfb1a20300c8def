import { summarize } from '@/engine/format/catalogue-index';
import { contentHash } from '@/engine/format/content-hash';
import type { Scenario } from '@/engine/format/scenario-schema';
import { buildCatalogue, loadCatalogueIndex, servedFiles } from './catalogue';
import { allSummaries } from './catalogue-pages';
import { listPublished, putPublished, type PublishedOrigin } from './published-scenarios';
import { readPack, type PackProblem, type PackScenario } from './scenario-pack';
import { saveFile } from './save-file';

// Adding scenarios to this browser's library: the Library's import panel and the Author view's
// "Publish to this browser's library". Loaded on demand (on-demand-browser-library, vite.config.ts).

/** The id of every scenario the deployment serves (read from the index, its pages and unread files). */
export async function servedScenarioIds(): Promise<Set<string>> {
  const index = await loadCatalogueIndex();
  const unread = index.unread.length
    ? await buildCatalogue(servedFiles(index.unread), servedFiles([index.rubric]))
    : null;
  return new Set([
    ...(await allSummaries(index)).map((s) => s.id),
    ...(unread?.entries ?? []).map((e) => e.scenario.id),
  ]);
}

export type AddResult = { ok: true; added: string[]; replaced: string[] } | { ok: false; served: string[] };

/** Ids of the scenarios already added here (an import asks before replacing them). */
export async function browserScenarioIds(): Promise<Set<string>> {
  return new Set((await listPublished()).scenarios.map((s) => s.id));
}

/**
 * Adds checked scenarios to this browser's library, all or none; one with an id already added here
 * replaces it. An id the deployment already serves is refused, never shadowed: the trainee would not
 * know which one they played.
 */
export async function addToBrowserLibrary(
  items: ReadonlyArray<{ scenario: Scenario; text: string; source: string }>,
  origin: PublishedOrigin,
): Promise<AddResult> {
  const served = await servedScenarioIds();
  const clashes = items.map((i) => i.scenario.id).filter((id) => served.has(id));
  if (clashes.length) return { ok: false, served: clashes };
  const existing = await browserScenarioIds();
  const addedAt = Date.now();
  await putPublished(
    items.map(({ scenario, text, source }) => ({
      id: scenario.id,
      text,
      summary: summarize(scenario, `browser/${scenario.id}.json`, contentHash(scenario)),
      addedAt,
      origin,
      source,
    })),
  );
  const ids = items.map((i) => i.scenario.id);
  return {
    ok: true,
    added: ids.filter((id) => !existing.has(id)),
    replaced: ids.filter((id) => existing.has(id)),
  };
}

export type PublishResult =
  { ok: true; id: string; replaced: boolean } | { ok: false; problems: PackProblem[]; served?: boolean };

/**
 * Publishes the Author view's scenario text to this browser's library: checked with the engine's
 * loader (a broken draft gets its located errors and nothing is stored), then stored; publishing the
 * same id again replaces the earlier version. An id the deployment serves is refused (`served`).
 */
export async function publishScenarioText(text: string, name = 'draft'): Promise<PublishResult> {
  const read = readPack([{ name, text }]);
  if (!read.ok) return { ok: false, problems: read.problems };
  const scenario = read.scenarios[0]!;
  const added = await addToBrowserLibrary([{ ...scenario, source: name }], 'author');
  if (!added.ok)
    return {
      ok: false,
      served: true,
      problems: [
        {
          file: name,
          line: null,
          column: null,
          message: `the scenario id '${scenario.scenario.id}' is already served by this library: change the id to publish it here`,
        },
      ],
    };
  return { ok: true, id: scenario.scenario.id, replaced: added.replaced.length > 0 };
}

/** Reads files chosen for import: every scenario checked, located problems for any that are not. */
export async function readImportFiles(
  files: ReadonlyArray<{ name: string; text: () => Promise<string> }>,
): Promise<{ ok: true; scenarios: PackScenario[] } | { ok: false; problems: PackProblem[] }> {
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  return readPack(inputs);
}

/** The scenario file to download for publishing: its id as the name, the text as written. */
export function scenarioFileName(text: string): string {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    if (typeof id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(id)) return `${id}.json`;
  } catch {
    // not JSON: a neutral name
  }
  return 'scenario.json';
}

/** Hands the scenario file to the browser as a download. */
export function downloadScenarioFile(text: string): string {
  const fileName = scenarioFileName(text);
  saveFile(fileName, text);
  return fileName;
}
