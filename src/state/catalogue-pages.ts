import type { CatalogueIndex, ScenarioSummary } from '@/engine/format/catalogue-index';
import { parseCataloguePage } from '@/engine/format/catalogue-page';
import { fetchText } from './scenario-files';

// The page files of a version-2 index (index-2.json …): read only for a library of more than one page
// ("Show more", a search, Play opening a scenario listed on a later page, Review's full catalogue), so
// this code loads on demand (on-demand-catalogue-pages, vite.config.ts).

/** The summaries in one page file. */
export async function loadPage(file: string): Promise<ScenarioSummary[]> {
  const text = await fetchText(file);
  try {
    return parseCataloguePage(JSON.parse(text), file);
  } catch (error) {
    throw error instanceof SyntaxError ? new Error(`scenarios/${file}: ${error.message}`) : error;
  }
}

/** Every summary of the index: its first page, then each page file. */
export async function allSummaries(index: CatalogueIndex): Promise<ScenarioSummary[]> {
  const pages = await Promise.all(index.pages.map(loadPage));
  return [...index.scenarios, ...pages.flat()];
}

/** The summary of one scenario on a later page: the page files one at a time until it is found. */
export async function findOnPages(index: CatalogueIndex, id: string): Promise<ScenarioSummary | undefined> {
  for (const page of index.pages) {
    const found = (await loadPage(page)).find((s) => s.id === id);
    if (found) return found;
  }
  return undefined;
}
