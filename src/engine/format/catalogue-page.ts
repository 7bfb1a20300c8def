import {
  CATALOGUE_INDEX_VERSION,
  FIRST_PAGE_SIZE,
  PAGE_SIZE,
  isSummary,
  pageFile,
  type ScenarioSummary,
} from './catalogue-index';

// The page files of a version-2 catalogue index (index-2.json …): written by the build, read by the
// library only when it has more than one page (apart from catalogue-index.ts, so a library of one page
// never downloads this).

export const CATALOGUE_PAGE_FORMAT = 'composure-catalogue-page';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A page file of a version-2 index: `{ format, version, scenarios }`. */
export interface CataloguePage {
  format: typeof CATALOGUE_PAGE_FORMAT;
  version: number;
  scenarios: ScenarioSummary[];
}

/** Reads a page file named by a version-2 index. Throws an Error naming the file and what is wrong. */
export function parseCataloguePage(value: unknown, file: string): ScenarioSummary[] {
  if (!isObject(value) || value.format !== CATALOGUE_PAGE_FORMAT || !Array.isArray(value.scenarios))
    throw new Error(`scenarios/${file}: not a catalogue page (no "format": "${CATALOGUE_PAGE_FORMAT}")`);
  return value.scenarios.map((entry: unknown, i) => {
    if (!isSummary(entry)) throw new Error(`scenarios/${file}: scenarios[${i}] is not a scenario summary`);
    return entry;
  });
}

/** Splits summaries into index.json's first page and the page files after it (index-2.json …). */
export function pageSummaries(summaries: readonly ScenarioSummary[]): {
  first: ScenarioSummary[];
  pages: Array<{ file: string; page: CataloguePage }>;
} {
  const pages: Array<{ file: string; page: CataloguePage }> = [];
  for (let at = FIRST_PAGE_SIZE; at < summaries.length; at += PAGE_SIZE)
    pages.push({
      file: pageFile(pages.length + 2),
      page: {
        format: CATALOGUE_PAGE_FORMAT,
        version: CATALOGUE_INDEX_VERSION,
        scenarios: summaries.slice(at, at + PAGE_SIZE),
      },
    });
  return { first: summaries.slice(0, FIRST_PAGE_SIZE), pages };
}
