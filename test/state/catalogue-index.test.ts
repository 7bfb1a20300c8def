import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '@/engine/format/content-hash';
import { indexJson, parseCatalogueIndex } from '@/engine/format/catalogue-index';
import {
  loadCatalogue,
  loadCatalogueIndex,
  loadScenarioSource,
  setCatalogueForTests,
  useLibraryIndex,
} from '@/state/catalogue';
import { buildCatalogueFiles } from '../../scripts/scenario-catalogue';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

const folder = mkdtempSync(join(tmpdir(), 'catalogue-'));
mkdirSync(join(folder, 'scenarios/rubrics'), { recursive: true });
const good = fakeScenario();
const broken = fakeScenario({ id: 'broken' });
broken.nodes.opening!.responses![0]!.next = 'nowhere';
writeFileSync(join(folder, 'scenarios/good.json'), JSON.stringify(good, null, 2));
writeFileSync(join(folder, 'scenarios/broken.json'), JSON.stringify(broken, null, 2));
writeFileSync(join(folder, 'scenarios/rubrics/default.json'), JSON.stringify(fakeRubric()));
const built = buildCatalogueFiles(
  [{ dir: join(folder, 'scenarios'), prefix: '' }],
  join(folder, 'scenarios/rubrics/default.json'),
);

/** index.json as the build writes it (version 2: its page files counted, not named). */
const asWritten = JSON.parse(indexJson(built.index)) as Record<string, unknown>;

/** Serves the built files the way the build writes them into dist/scenarios/, counting requests. */
function serve(extra: Record<string, string> = {}, index: unknown = built.index) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: URL | string) => {
    const path = new URL(String(url)).pathname.replace(/^\/scenarios\//, '');
    requested.push(path);
    // The built index as the build writes it (its page files counted); any other as given.
    const written = index === built.index ? indexJson(built.index) : JSON.stringify(index);
    const body = path === 'index.json' ? written : (extra[path] ?? built.files.get(path));
    return body === undefined
      ? new Response('not found', { status: 404, statusText: 'Not Found' })
      : new Response(body, { status: 200 });
  });
  return requested;
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllGlobals();
  setCatalogueForTests(null);
});

describe('the catalogue index (scenarios/index.json)', () => {
  it('is built with each scenario summary and hash, and the broken file as a located problem', () => {
    expect(built.index.scenarios).toEqual([
      expect.objectContaining({ file: 'good.json', id: good.id, hash: contentHash(good), title: good.title }),
    ]);
    expect(built.index.problems).toEqual([
      expect.objectContaining({
        file: 'scenarios/broken.json',
        diagnostics: expect.arrayContaining([expect.objectContaining({ code: 'E_UNKNOWN_NODE' })]),
      }),
    ]);
    const unknown = built.index.problems[0]!.diagnostics.find((d) => d.code === 'E_UNKNOWN_NODE')!;
    expect(unknown.line).toBeGreaterThan(1);
    expect([...built.files.keys()].sort()).toEqual(['broken.json', 'good.json', 'rubrics/default.json']);
  });

  it('refuses what is not an index, with what is wrong, and a file path that leaves the folder', () => {
    expect(() => parseCatalogueIndex({ scenarios: [] })).toThrow(/not a catalogue index/);
    expect(() => parseCatalogueIndex({ ...asWritten, version: 99 })).toThrow(/newer than this app reads/);
    expect(() => parseCatalogueIndex({ ...asWritten, scenarios: [{ file: '../secret.json' }] })).toThrow(
      /scenarios\[0\] needs "file"/,
    );
    expect(() =>
      parseCatalogueIndex({ ...asWritten, scenarios: [{ file: 'https://x.test/a.json' }] }),
    ).toThrow();
    expect(parseCatalogueIndex({ ...asWritten, scenarios: ['added.json'] }).unread).toEqual(['added.json']);
  });

  it('the library reads only the index: no scenario file is fetched', async () => {
    const requested = serve();
    await useLibraryIndex.getState().load();
    const state = useLibraryIndex.getState();
    expect(state.status).toBe('ready');
    expect(state.summaries.map((s) => s.id)).toEqual([good.id]);
    expect(state.problems.map((p) => p.file)).toEqual(['scenarios/broken.json']);
    expect(requested).toEqual(['index.json']);
  });

  it('reads a file a deployment listed by name only, and checks it', async () => {
    const added = fakeScenario({ id: 'added-later' });
    const requested = serve(
      { 'added.json': JSON.stringify(added) },
      { ...asWritten, scenarios: [...built.index.scenarios, 'added.json'] },
    );
    await useLibraryIndex.getState().load();
    expect(useLibraryIndex.getState().summaries.map((s) => s.id)).toEqual([good.id, 'added-later']);
    expect(requested).toContain('added.json');
    expect(requested).not.toContain('good.json');
  });

  it('loads every listed file for the full catalogue (Review, records), keeping the index problems', async () => {
    serve();
    const catalogue = await loadCatalogue();
    expect(catalogue.entries.map((e) => e.scenario.id)).toEqual([good.id]);
    expect(catalogue.entries[0]!.hash).toBe(built.index.scenarios[0]!.hash);
    expect(catalogue.problems.map((p) => p.file)).toEqual(['scenarios/broken.json']);
    expect(await loadScenarioSource('scenarios/good.json')).toBe(built.files.get('good.json'));
  });

  it('says which file failed when the server does not have the index, and can try again', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    await expect(loadCatalogueIndex()).rejects.toThrow('scenarios/index.json: 404 Not Found');
    serve();
    await expect(loadCatalogueIndex()).resolves.toMatchObject({ scenarios: [{ id: good.id }] });
  });
});
