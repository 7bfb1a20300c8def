import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { isSummary, type ScenarioSummary } from '@/engine/format/catalogue-index';
import type { Diagnostic } from '@/engine/load/diagnostic';
import { BROWSER_SCENARIOS_KEY } from './browser-scenarios-flag';

/** A stored entry that is not a scenario, reported with its key (the same shape as a catalogue problem). */
export interface PublishedProblem {
  file: string;
  diagnostics: Diagnostic[];
}

// Scenarios added to this browser's library: published from the Author view or imported from files.
// They live in IndexedDB (a scenario can be several MB), apart from the attempt records, and only in
// this browser: the library labels them so, and "Download for publishing" is how a trainer reaches
// every trainee. Loaded on demand (its chunk is on-demand-browser-library, vite.config.ts): the
// catalogue imports it only when the BROWSER_SCENARIOS_KEY flag says something was added here.

export const PUBLISHED_DB = 'composure-published';

export type PublishedOrigin = 'author' | 'import';

export interface PublishedScenario {
  id: string;
  /** The scenario file's text as published: played through the same loader as a served file. */
  text: string;
  summary: ScenarioSummary;
  addedAt: number;
  origin: PublishedOrigin;
  /** The file it came from (import) or the draft's id (author), shown in the library. */
  source: string;
}

interface PublishedSchema extends DBSchema {
  scenarios: { key: string; value: PublishedScenario };
}

let db: Promise<IDBPDatabase<PublishedSchema>> | null = null;

function open(): Promise<IDBPDatabase<PublishedSchema>> {
  db ??= openDB<PublishedSchema>(PUBLISHED_DB, 1, {
    upgrade(database) {
      database.createObjectStore('scenarios', { keyPath: 'id' });
    },
  }).catch((error: unknown) => {
    db = null; // a later attempt may succeed
    throw error;
  });
  return db;
}

/** For tests: forget the open connection (fake-indexeddb is replaced between tests). */
export function closePublishedForTests(): void {
  void db?.then((d) => d.close()).catch(() => undefined);
  db = null;
}

function problem(key: string, message: string): PublishedProblem {
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: 'E_SHAPE',
    message,
    path: '',
    line: null,
    column: null,
  };
  return { file: `browser:${key}`, diagnostics: [diagnostic] };
}

function whatIsWrong(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the stored entry is not an object';
  const v = value as Partial<PublishedScenario>;
  if (typeof v.text !== 'string' || v.text.length === 0) return 'the stored entry has no scenario text';
  if (!isSummary(v.summary)) return "the stored entry's summary is missing or malformed";
  if (v.summary.id !== v.id) return `the stored entry's id '${String(v.id)}' is not its scenario's`;
  if (v.origin !== 'author' && v.origin !== 'import') return 'the stored entry has no origin';
  return null;
}

/**
 * Every scenario added here, newest first. A stored entry that is not one (a corrupt or foreign
 * value) is left out and reported with its key, never thrown: the rest of the library still lists.
 */
export async function listPublished(): Promise<{
  scenarios: PublishedScenario[];
  problems: PublishedProblem[];
}> {
  const database = await open();
  const tx = database.transaction('scenarios');
  const scenarios: PublishedScenario[] = [];
  const problems: PublishedProblem[] = [];
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const wrong = whatIsWrong(cursor.value);
    if (wrong) problems.push(problem(String(cursor.key), wrong));
    else scenarios.push(cursor.value);
  }
  await tx.done;
  scenarios.sort((a, b) => b.addedAt - a.addedAt || a.id.localeCompare(b.id));
  return { scenarios, problems };
}

/** One added scenario, or null when there is none (or what is stored under the id is not one). */
export async function getPublished(id: string): Promise<PublishedScenario | null> {
  const value = await (await open()).get('scenarios', id);
  return value && !whatIsWrong(value) ? value : null;
}

/**
 * Adds (or replaces, same id) every scenario in one transaction: all are stored or none is. The
 * caller has checked them; ids of served scenarios are refused before this.
 */
export async function putPublished(items: readonly PublishedScenario[]): Promise<void> {
  const database = await open();
  const tx = database.transaction('scenarios', 'readwrite');
  await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
  markBrowserScenarios(true);
}

export async function removePublished(id: string): Promise<void> {
  const database = await open();
  await database.delete('scenarios', id);
  markBrowserScenarios((await database.count('scenarios')) > 0);
}

/** The stored text of a scenario added here, as a file for buildCatalogue; null when there is none. */
export async function browserScenarioFile(id: string): Promise<Record<string, () => Promise<string>> | null> {
  const stored = await getPublished(id).catch(() => null);
  return stored ? { [`/${stored.summary.file}`]: () => Promise.resolve(stored.text) } : null;
}

// The flag the trainee path reads (src/state/catalogue.ts) before fetching any of this.
function markBrowserScenarios(any: boolean): void {
  try {
    if (any) localStorage.setItem(BROWSER_SCENARIOS_KEY, '1');
    else localStorage.removeItem(BROWSER_SCENARIOS_KEY);
  } catch {
    // Storage blocked: the scenarios are stored, the library just will not look for them.
  }
}
