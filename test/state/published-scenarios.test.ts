import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '@/engine/format/content-hash';
import { indexJson } from '@/engine/format/catalogue-index';
import { addToBrowserLibrary, publishScenarioText, scenarioFileName } from '@/state/browser-library';
import { BROWSER_SCENARIOS_KEY, hasBrowserScenarios } from '@/state/browser-scenarios-flag';
import { loadCatalogueFor, setCatalogueForTests } from '@/state/catalogue';
import {
  closePublishedForTests,
  listPublished,
  PUBLISHED_DB,
  removePublished,
} from '@/state/published-scenarios';
import { buildCatalogueFiles } from '../../scripts/scenario-catalogue';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const folder = mkdtempSync(join(tmpdir(), 'published-'));
mkdirSync(join(folder, 'rubrics'), { recursive: true });
writeFileSync(join(folder, 'rubrics/default.json'), JSON.stringify(fakeRubric()));
writeFileSync(join(folder, 'served.json'), JSON.stringify(fakeScenario({ id: 'served-one' })));
const built = buildCatalogueFiles([{ dir: folder, prefix: '' }], join(folder, 'rubrics/default.json'));

const storage = new Map<string, string>();
beforeEach(() => {
  storage.clear();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.stubGlobal('fetch', async (url: URL | string) => {
    const path = new URL(String(url)).pathname.replace(/^\/scenarios\//, '');
    const body = path === 'index.json' ? indexJson(built.index) : built.files.get(path);
    return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 });
  });
});
afterEach(() => {
  closePublishedForTests();
  vi.unstubAllGlobals();
  setCatalogueForTests(null);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const draft = fakeScenario({ id: 'my-draft' });
const text = JSON.stringify(draft, null, 2);

describe("this browser's library of published and imported scenarios", () => {
  it('publishes a scenario text: stored, listed, flagged for the library', async () => {
    expect(hasBrowserScenarios()).toBe(false);
    await expect(publishScenarioText(text)).resolves.toEqual({ ok: true, id: 'my-draft', replaced: false });
    const { scenarios, problems } = await listPublished();
    expect(problems).toEqual([]);
    expect(scenarios).toEqual([
      expect.objectContaining({
        id: 'my-draft',
        text,
        origin: 'author',
        summary: expect.objectContaining({ id: 'my-draft', hash: contentHash(draft) }),
      }),
    ]);
    expect(storage.get(BROWSER_SCENARIOS_KEY)).toBe('1');
  });

  it('publishing the same id again replaces it', async () => {
    await publishScenarioText(text);
    const changed = fakeScenario({ id: 'my-draft', minutes: 9 });
    await expect(publishScenarioText(JSON.stringify(changed))).resolves.toMatchObject({ replaced: true });
    const { scenarios } = await listPublished();
    expect(scenarios).toHaveLength(1);
    expect(scenarios[0]!.summary.minutes).toBe(9);
  });

  it('a draft that does not load gets located problems and nothing is stored', async () => {
    const result = await publishScenarioText('{\n  "id": "x",\n  oops\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ file: 'draft', line: 3 });
    expect((await listPublished()).scenarios).toEqual([]);
    expect(hasBrowserScenarios()).toBe(false);
  });

  it('refuses an id the deployment serves, and adds none of the batch', async () => {
    const result = await publishScenarioText(JSON.stringify(fakeScenario({ id: 'served-one' })));
    expect(result).toMatchObject({ ok: false, served: true });
    const batch = await addToBrowserLibrary(
      [
        { scenario: draft, text, source: 'a.json' },
        { scenario: fakeScenario({ id: 'served-one' }), text: '{}', source: 'b.json' },
      ],
      'import',
    );
    expect(batch).toEqual({ ok: false, served: ['served-one'] });
    expect((await listPublished()).scenarios).toEqual([]);
  });

  it('Play reads an added scenario from this browser, with the hash its records carry', async () => {
    await publishScenarioText(text);
    const { catalogue, error } = await loadCatalogueFor('my-draft');
    expect(error).toBeNull();
    expect(catalogue?.entries).toEqual([
      expect.objectContaining({ hash: contentHash(draft), scenario: draft }),
    ]);
  });

  it('lists a corrupt stored entry as a problem with its key, the others still listed', async () => {
    await publishScenarioText(text);
    closePublishedForTests();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(PUBLISHED_DB, 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('scenarios', 'readwrite');
      tx.objectStore('scenarios').put({ id: 'junk', text: 5 });
      tx.oncomplete = () => resolve();
    });
    db.close();
    const { scenarios, problems } = await listPublished();
    expect(scenarios.map((s) => s.id)).toEqual(['my-draft']);
    expect(problems).toEqual([expect.objectContaining({ file: 'browser:junk' })]);
  });

  it('removing the last one clears the flag, so the library stops looking', async () => {
    await publishScenarioText(text);
    await removePublished('my-draft');
    expect((await listPublished()).scenarios).toEqual([]);
    expect(hasBrowserScenarios()).toBe(false);
  });

  it('names the download after the scenario id', () => {
    expect(scenarioFileName(text)).toBe('my-draft.json');
    expect(scenarioFileName('not json')).toBe('scenario.json');
    expect(scenarioFileName('{"id":"../x"}')).toBe('scenario.json');
  });
});
