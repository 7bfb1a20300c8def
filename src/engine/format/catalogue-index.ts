import type { Diagnostic } from '../load/diagnostic';
import type { LocalizedText } from './localized-text';
import type { Scenario } from './scenario-schema';

/**
 * `scenarios/index.json`, served beside the app: what the library shows of each scenario, without
 * its content. The build writes it from the `scenarios/` folder; a deployment can add files and list
 * them (an entry with only `file` is read when the library opens). A scenario's content is fetched
 * when it is played.
 *
 * Version 2 pages the summaries: index.json holds the first FIRST_PAGE_SIZE (what the library shows
 * first) and counts the page files with the rest (`"pages": 3` is index-2.json, index-3.json and
 * index-4.json), so the library's first load costs the same however many scenarios are published: a
 * count, not a list of names or a total, keeps index.json the same size. Version 1 (every summary in
 * index.json, no pages) is still read.
 */
export const CATALOGUE_INDEX_FORMAT = 'composure-catalogue';
export const CATALOGUE_INDEX_VERSION = 2;
/** Summaries in index.json itself: the first screen of the library. */
export const FIRST_PAGE_SIZE = 10;
/** Summaries in each further page file: fewer requests for "Show more" and for a search over all. */
export const PAGE_SIZE = 50;

export interface ScenarioSummary {
  /** Relative to the index: `overdue-promise.json`. */
  file: string;
  id: string;
  /** contentHash of the loaded scenario: attempts name the version they were played on by it. */
  hash: string;
  title: LocalizedText;
  brief: LocalizedText;
  channel: Scenario['channel'];
  difficulty: Scenario['difficulty'];
  minutes: number;
  tags?: string[];
  locales: string[];
}

export interface CatalogueIndex {
  format: typeof CATALOGUE_INDEX_FORMAT;
  version: number;
  /** Relative to the index. */
  rubric: string;
  scenarios: ScenarioSummary[];
  /** Files the build could not load, with the loader's located diagnostics. */
  problems: Array<{ file: string; diagnostics: Diagnostic[] }>;
  /** Files a deployment listed by name only: read when the library opens. */
  unread: string[];
  /**
   * Page files with the further summaries, relative to the index, in order (none in version 1). In
   * index.json they are a count (`"pages": 2`); read, they are the names (`index-2.json`, `index-3.json`).
   */
  pages: string[];
}

/** Most page files an index may count: 2,000 × PAGE_SIZE scenarios. */
export const MAX_PAGES = 2000;

/** The name of page file n (2 for the first after index.json). */
export const pageFile = (n: number) => `index-${n}.json`;

/** index.json as written: the page files counted, not named. */
export function indexJson(index: CatalogueIndex): string {
  return JSON.stringify({ ...index, pages: index.pages.length });
}

export function summarize(scenario: Scenario, file: string, hash: string): ScenarioSummary {
  return {
    file,
    id: scenario.id,
    hash,
    title: scenario.title,
    brief: scenario.brief,
    channel: scenario.channel,
    difficulty: scenario.difficulty,
    minutes: scenario.minutes,
    ...(scenario.tags ? { tags: scenario.tags } : {}),
    locales: [...scenario.locales],
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) =>
  typeof v === 'string' || (isObject(v) && Object.values(v).every((s) => typeof s === 'string'));
// A file name beside the index: no folders above it, no scheme, nothing a URL would read differently.
const SAFE_FILE = /^(?:[\w-]+\/)*[\w.-]+\.json$/;

export function isSummary(v: unknown): v is ScenarioSummary {
  return (
    isObject(v) &&
    typeof v.file === 'string' &&
    SAFE_FILE.test(v.file) &&
    typeof v.id === 'string' &&
    typeof v.hash === 'string' &&
    isText(v.title) &&
    isText(v.brief) &&
    typeof v.channel === 'string' &&
    typeof v.difficulty === 'string' &&
    typeof v.minutes === 'number' &&
    (v.tags === undefined || (Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string'))) &&
    Array.isArray(v.locales) &&
    v.locales.every((l) => typeof l === 'string')
  );
}

/**
 * Reads an index fetched at run time. Throws an Error naming what is wrong: a hand-edited index on a
 * server is input like any other. Entries that are only `{ "file": … }` (or a bare file name) are
 * returned as `unread`.
 */
export function parseCatalogueIndex(value: unknown): CatalogueIndex {
  if (!isObject(value) || value.format !== CATALOGUE_INDEX_FORMAT)
    throw new Error(`scenarios/index.json: not a catalogue index (no "format": "${CATALOGUE_INDEX_FORMAT}")`);
  if (typeof value.version !== 'number' || value.version > CATALOGUE_INDEX_VERSION)
    throw new Error(
      `scenarios/index.json: version ${String(value.version)} is newer than this app reads (${CATALOGUE_INDEX_VERSION})`,
    );
  if (typeof value.rubric !== 'string' || !SAFE_FILE.test(value.rubric))
    throw new Error('scenarios/index.json: "rubric" must name a .json file beside the index');
  if (!Array.isArray(value.scenarios)) throw new Error('scenarios/index.json: "scenarios" must be a list');
  const scenarios: ScenarioSummary[] = [];
  const unread: string[] = [];
  value.scenarios.forEach((entry: unknown, i) => {
    const file = typeof entry === 'string' ? entry : isObject(entry) ? entry.file : undefined;
    if (typeof file !== 'string' || !SAFE_FILE.test(file))
      throw new Error(`scenarios/index.json: scenarios[${i}] needs "file", a .json file beside the index`);
    if (isSummary(entry)) scenarios.push(entry);
    else unread.push(file);
  });
  const problems = Array.isArray(value.problems)
    ? value.problems.filter(
        (p): p is CatalogueIndex['problems'][number] =>
          isObject(p) && typeof p.file === 'string' && Array.isArray(p.diagnostics),
      )
    : [];
  const count = value.version >= 2 && value.pages !== undefined ? value.pages : 0;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_PAGES)
    throw new Error(
      `scenarios/index.json: "pages" must be the number of page files (a whole number from 0 to ${MAX_PAGES}), not ${JSON.stringify(count)}`,
    );
  return {
    format: CATALOGUE_INDEX_FORMAT,
    version: value.version,
    rubric: value.rubric,
    scenarios,
    problems,
    unread,
    pages: Array.from({ length: count }, (_, i) => pageFile(i + 2)),
  };
}
