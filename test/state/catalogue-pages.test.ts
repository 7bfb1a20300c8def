import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_PAGE_SIZE, PAGE_SIZE, indexJson, parseCatalogueIndex } from '@/engine/format/catalogue-index';
import { parseCataloguePage } from '@/engine/format/catalogue-page';
import { loadCatalogueFor, setCatalogueForTests, useLibraryIndex } from '@/state/catalogue';
import { buildCatalogueFiles } from '../../scripts/scenario-catalogue';
import { fakeRubric, fakeScenario } from '../fakes/scenario';

// Version 2 of scenarios/index.json: the first page of summaries in index.json, the rest in page
// files counted by it, so the library's first load is the same size however many are published.

const folders: string[] = [];

/** A scenarios/ folder with `count` generated scenarios (bulk-001 …), built as the plugin builds it. */
function catalogueOf(count: number) {
  const folder = mkdtempSync(join(tmpdir(), 'catalogue-pages-'));
  folders.push(folder);
  mkdirSync(join(folder, 'rubrics'), { recursive: true });
  writeFileSync(join(folder, 'rubrics/default.json'), JSON.stringify(fakeRubric()));
  for (let i = 1; i <= count; i++) {
    const id = `bulk-${String(i).padStart(3, '0')}`;
    const title = { en: `Bulk scenario ${id}`, 'zh-CN': `批量情景 ${id}` };
    writeFileSync(join(folder, `${id}.json`), JSON.stringify(fakeScenario({ id, title })));
  }
  return buildCatalogueFiles([{ dir: folder, prefix: '' }], join(folder, 'rubrics/default.json'));
}

function serve(built: ReturnType<typeof catalogueOf>) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: URL | string) => {
    const path = new URL(String(url)).pathname.replace(/^\/scenarios\//, '');
    requested.push(path);
    const body = path === 'index.json' ? indexJson(built.index) : built.files.get(path);
    return body === undefined
      ? new Response('not found', { status: 404, statusText: 'Not Found' })
      : new Response(body, { status: 200 });
  });
  return requested;
}

afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
afterEach(() => {
  vi.unstubAllGlobals();
  setCatalogueForTests(null);
});

describe('paged catalogue index (version 2)', () => {
  const big = catalogueOf(200);
  const small = catalogueOf(10);

  it('the build writes the first 10 summaries into index.json and the rest into page files', () => {
    expect(big.index.scenarios).toHaveLength(FIRST_PAGE_SIZE);
    expect(big.index.pages).toEqual(['index-2.json', 'index-3.json', 'index-4.json', 'index-5.json']);
    const pages = big.index.pages.map((file) => parseCataloguePage(JSON.parse(big.files.get(file)!), file));
    expect(pages.map((p) => p.length)).toEqual([PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, 200 - 10 - 3 * PAGE_SIZE]);
    const ids = [...big.index.scenarios, ...pages.flat()].map((s) => s.id);
    expect(new Set(ids).size).toBe(200);
    expect(ids[199]).toBe('bulk-200');
    expect(JSON.parse(indexJson(big.index)).pages).toBe(4);
  });

  it('index.json is no larger with 200 scenarios than with 10', () => {
    expect(small.index.pages).toEqual([]);
    expect(indexJson(big.index).length).toBeLessThanOrEqual(indexJson(small.index).length);
  });

  it('reads the page count back as file names; a version-1 index (no pages) is still read', () => {
    expect(parseCatalogueIndex(JSON.parse(indexJson(big.index))).pages).toHaveLength(4);
    const v1 = { ...JSON.parse(indexJson(small.index)), version: 1 };
    delete v1.pages;
    const read = parseCatalogueIndex(v1);
    expect(read.scenarios).toHaveLength(10);
    expect(read.pages).toEqual([]);
    // Version 1 had no pages: a stray field is not read as page files.
    expect(parseCatalogueIndex({ ...v1, pages: ['x.json'] }).pages).toEqual([]);
  });

  it('refuses a bad "pages" entry with a message naming the file and the field', () => {
    const written = JSON.parse(indexJson(big.index)) as Record<string, unknown>;
    for (const pages of [-1, 1.5, '3', ['index-2.json'], 1_000_000])
      expect(() => parseCatalogueIndex({ ...written, pages })).toThrow(
        /^scenarios\/index\.json: "pages" must be the number of page files/,
      );
  });

  it('refuses a page file that is not one, naming the file and the entry', () => {
    expect(() => parseCataloguePage({ format: 'other', scenarios: [] }, 'index-2.json')).toThrow(
      'scenarios/index-2.json: not a catalogue page',
    );
    expect(() =>
      parseCataloguePage(
        { format: 'composure-catalogue-page', version: 2, scenarios: [{ id: 'x' }] },
        'index-3.json',
      ),
    ).toThrow('scenarios/index-3.json: scenarios[0] is not a scenario summary');
  });

  it('the library loads index.json only; "Show more" reads the next page file; a search reads them all', async () => {
    const requested = serve(big);
    await useLibraryIndex.getState().load();
    expect(requested).toEqual(['index.json']);
    expect(useLibraryIndex.getState().summaries).toHaveLength(10);
    await useLibraryIndex.getState().loadMore();
    expect(requested).toEqual(['index.json', 'index-2.json']);
    expect(useLibraryIndex.getState().summaries).toHaveLength(60);
    await useLibraryIndex.getState().loadMore(true);
    expect(useLibraryIndex.getState().summaries).toHaveLength(200);
    expect(useLibraryIndex.getState().pages).toEqual([]);
    expect(requested.filter((r) => r.startsWith('bulk-'))).toEqual([]);
  });

  it('a page that cannot be read leaves the shown scenarios and can be tried again', async () => {
    const requested = serve(big);
    await useLibraryIndex.getState().load();
    const files = big.files;
    const page = files.get('index-2.json')!;
    files.delete('index-2.json');
    await useLibraryIndex.getState().loadMore();
    expect(useLibraryIndex.getState()).toMatchObject({ more: 'error', pages: big.index.pages });
    expect(useLibraryIndex.getState().summaries).toHaveLength(10);
    files.set('index-2.json', page);
    await useLibraryIndex.getState().loadMore();
    expect(useLibraryIndex.getState()).toMatchObject({ more: 'idle' });
    expect(useLibraryIndex.getState().summaries).toHaveLength(60);
    expect(requested.filter((r) => r === 'index-2.json')).toHaveLength(2);
  });

  it('Play finds a scenario on a later page and fetches only its file', async () => {
    const requested = serve(big);
    const { catalogue, error } = await loadCatalogueFor('bulk-150');
    expect(error).toBeNull();
    expect(catalogue?.entries.map((e) => e.scenario.id)).toEqual(['bulk-150']);
    expect(requested.filter((r) => r.endsWith('.json') && r.startsWith('bulk-'))).toEqual(['bulk-150.json']);
  });
});
