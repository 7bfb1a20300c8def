import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

// Earlier versions of the Author draft, so a reload never ends the way back: the last 20, with the
// time each was saved. They live in IndexedDB, not localStorage: a 2,000-node scenario is several
// MB, and 20 of them would be far over localStorage's ~5 MB, while IndexedDB takes hundreds of MB.
// Typing is saved into the newest version until it is a minute old, so the list spans real moments
// of work rather than the last few seconds of keystrokes.

export const HISTORY_DB = 'composure-author';
export const MAX_VERSIONS = 20;
/** Typing goes on updating the newest version for this long; then a new version starts. */
export const VERSION_SPAN_MS = 60_000;

/** Why a version was saved: typing, or the text just before and after a replacement. */
export type VersionReason = 'typing' | 'example' | 'file' | 'restore' | 'fix' | 'translation';

export interface DraftVersion {
  id: number;
  text: string;
  /** When this version was last written. */
  savedAt: number;
  /** When it was first written: typing goes into it for VERSION_SPAN_MS from then. */
  startedAt: number;
  reason: VersionReason;
}

export type VersionInfo = Omit<DraftVersion, 'text'> & { chars: number; lines: number };

// What a version is (time, reason, size) and its text are kept apart: listing 20 versions of a
// several-MB scenario must not read 20 texts.
interface HistorySchema extends DBSchema {
  versions: { key: number; value: Omit<VersionInfo, 'id'> & { id?: number } };
  texts: { key: number; value: string };
}

let db: Promise<IDBPDatabase<HistorySchema>> | null = null;

export function historyAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

function open(): Promise<IDBPDatabase<HistorySchema>> {
  db ??= openDB<HistorySchema>(HISTORY_DB, 1, {
    upgrade(database) {
      database.createObjectStore('versions', { keyPath: 'id', autoIncrement: true });
      database.createObjectStore('texts');
    },
  }).catch((error: unknown) => {
    db = null; // a later attempt may succeed (a blocked upgrade, a storage hiccup)
    throw error;
  });
  return db;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/**
 * Saves `text` as the newest version (or into it, while typing within a minute of it), then keeps
 * only the newest MAX_VERSIONS. Throws when storage refuses: the caller shows it.
 */
export async function saveVersion(text: string, reason: VersionReason, now = Date.now()): Promise<void> {
  const database = await open();
  const tx = database.transaction(['versions', 'texts'], 'readwrite');
  const versions = tx.objectStore('versions');
  const texts = tx.objectStore('texts');
  const cursor = await versions.openCursor(null, 'prev');
  const newest = cursor?.value;
  const size = { chars: text.length, lines: lineCount(text) };
  if (newest?.id !== undefined && (await texts.get(newest.id)) === text) return tx.done;
  const coalesce =
    newest?.id !== undefined &&
    reason === 'typing' &&
    newest.reason === 'typing' &&
    now - newest.startedAt < VERSION_SPAN_MS;
  let id: number;
  if (coalesce) id = await versions.put({ ...newest, ...size, savedAt: now });
  else id = await versions.add({ savedAt: now, startedAt: now, reason, ...size });
  await texts.put(text, id);
  const keys = await versions.getAllKeys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_VERSIONS))) {
    await versions.delete(key);
    await texts.delete(key);
  }
  await tx.done;
}

/** The saved versions, newest first, without their text. */
export async function listVersions(): Promise<VersionInfo[]> {
  const database = await open();
  return ((await database.getAll('versions')) as VersionInfo[]).reverse();
}

export async function readVersion(id: number): Promise<DraftVersion | null> {
  const database = await open();
  const tx = database.transaction(['versions', 'texts']);
  const [info, text] = await Promise.all([
    tx.objectStore('versions').get(id),
    tx.objectStore('texts').get(id),
  ]);
  await tx.done;
  if (!info || text === undefined) return null;
  return { id, text, savedAt: info.savedAt, startedAt: info.startedAt, reason: info.reason };
}

/** For tests: forget the open connection (the test replaces indexedDB). */
export async function closeHistoryForTests(): Promise<void> {
  const open = db;
  db = null;
  if (open) (await open.catch(() => null))?.close();
}
