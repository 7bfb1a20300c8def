import type { Diagnostic } from '../load/diagnostic';
import type { LocalizedText } from './localized-text';
import type { Scenario } from './scenario-schema';

/**
 * `scenarios/index.json`, served beside the app: what the library shows of each scenario, without
 * its content. The build writes it from the `scenarios/` folder; a deployment can add files and list
 * them (an entry with only `file` is read when the library opens). A scenario's content is fetched
 * when it is played.
 */
export const CATALOGUE_INDEX_FORMAT = 'composure-catalogue';
export const CATALOGUE_INDEX_VERSION = 1;

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

function isSummary(v: unknown): v is ScenarioSummary {
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
  return {
    format: CATALOGUE_INDEX_FORMAT,
    version: value.version,
    rubric: value.rubric,
    scenarios,
    problems,
    unread,
  };
}
