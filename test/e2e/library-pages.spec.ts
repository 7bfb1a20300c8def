import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildCatalogueFiles } from '../../scripts/scenario-catalogue';
import { indexJson } from '@/engine/format/catalogue-index';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { expectAxeCleanLightAndDark, expectNoSidewaysScroll } from './helpers/checks';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Publishing to trainees without a rebuild (issue 15): the library's first load reads only
// scenarios/index.json (its first page of summaries), so 200 published scenarios cost a trainee no
// more bytes than 10; and a trainer's pack imported in the Library plays like any other scenario.

const OUT = process.env.E2E_OUT ?? 'node_modules/.e2e-dist';
const TEMPLATE = readFileSync('scenarios/overdue-promise.json', 'utf8');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** A copy of the e2e build whose scenarios/ holds `count` scenarios (bulk-001 …), served on loopback. */
async function deployment(count: number): Promise<{ url: string; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), `composure-pages-${count}-`));
  cpSync(OUT, root, { recursive: true });
  rmSync(join(root, 'scenarios'), { recursive: true, force: true });
  const source = join(root, 'source');
  mkdirSync(join(source, 'rubrics'), { recursive: true });
  writeFileSync(join(source, 'rubrics/default.json'), readFileSync('scenarios/rubrics/default.json'));
  const template = JSON.parse(TEMPLATE) as { title: Record<string, string> };
  for (let i = 1; i <= count; i++) {
    const id = `bulk-${String(i).padStart(3, '0')}`;
    const title = Object.fromEntries(Object.keys(template.title).map((l) => [l, `Published ${id}`]));
    writeFileSync(join(source, `${id}.json`), JSON.stringify({ ...template, id, title }, null, 2));
  }
  const { index, files } = buildCatalogueFiles(
    [{ dir: source, prefix: '' }],
    join(source, 'rubrics/default.json'),
  );
  expect(index.problems).toEqual([]);
  for (const [file, text] of [...files, ['index.json', indexJson(index)] as const]) {
    mkdirSync(join(root, 'scenarios', file, '..'), { recursive: true });
    writeFileSync(join(root, 'scenarios', file), text);
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || file.startsWith(source)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(root, { recursive: true, force: true });
      }),
  };
}

/** Every byte the library's first load takes off the network (CDP encodedDataLength: headers and body). */
async function firstLoad(page: Page, url: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await seed(page);
  await page.goto(url);
  await expect(page.locator('.scenario-card').first()).toBeVisible();
  await expect(page.locator('.scenario-card')).toHaveCount(10);
  await page.waitForLoadState('networkidle');
  const files = [...bytes].map(([id, n]) => ({ url: urls.get(id) ?? id, bytes: n }));
  return { files, total: files.reduce((n, f) => n + f.bytes, 0) };
}

test('with 200 scenarios published, the library first load transfers no more than with 10; Show more reads the next page', async ({
  browser,
}) => {
  const ten = await deployment(10);
  const many = await deployment(200);
  try {
    const pageTen = await browser.newPage();
    const withTen = await firstLoad(pageTen, ten.url);
    await expect(pageTen.getByTestId('library-more')).toHaveCount(0);
    await pageTen.close();

    const page = await browser.newPage();
    const with200 = await firstLoad(page, many.url);
    const scenarioFiles = (xs: typeof with200.files) =>
      xs.filter((f) => f.url.startsWith('/scenarios/')).map((f) => f.url);
    expect(scenarioFiles(withTen.files)).toEqual(['/scenarios/index.json']);
    expect(scenarioFiles(with200.files)).toEqual(['/scenarios/index.json']);
    console.log(
      `library first load: ${withTen.total} bytes with 10 scenarios, ${with200.total} bytes with 200 ` +
        `(${with200.files.length} requests each: ${withTen.files.length})`,
    );
    expect(with200.files.length).toBe(withTen.files.length);
    expect(with200.total).toBeLessThanOrEqual(withTen.total);

    // "Show more" reads index-2.json (50 more), never a scenario's content.
    const index2 = page.waitForResponse((r) => r.url().endsWith('/scenarios/index-2.json'));
    await page.getByTestId('library-more').click();
    await index2;
    await expect(page.locator('.scenario-card')).toHaveCount(60);
    // A search covers the whole library: the pages left are read for it.
    await page.getByRole('searchbox').fill('bulk-187');
    await expect(page.locator('.scenario-card')).toHaveCount(1);
    await expect(page.getByTestId('scenario-card-bulk-187')).toBeVisible();
    await page.close();
  } finally {
    await ten.close();
    await many.close();
  }
});

test('a pack imported in the Library is listed as added in this browser, plays to the end, and the debrief shows', async ({
  page,
}) => {
  const c = scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise')!;
  const best = paths(c).best;
  const imported = {
    ...c.scenario,
    id: 'imported-from-pack',
    title: { en: 'Imported from a pack', 'zh-CN': '从情景包导入' },
  };
  const pack = { format: 'composure-scenario-pack', version: 1, scenarios: [imported] };
  await seed(page);
  await page.goto('/#/');
  await page.getByTestId('library-import').click();
  // A broken file first: a located error, nothing added.
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "id": "x",\n  "title": oops\n}'),
  });
  await expect(page.getByTestId('import-problems')).toContainText('broken.json:3:12');
  await page.getByTestId('import-file').setInputFiles({
    name: 'team-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack, null, 2)),
  });
  await expect(page.getByTestId('import-report')).toContainText('imported-from-pack (new)');
  const section = page.getByTestId('browser-scenarios');
  const card = section.getByTestId('scenario-card-imported-from-pack');
  await expect(card).toContainText('Imported from a pack');
  await expect(card).toContainText('Added in this browser');
  // The import panel (with its located error report) and the added section: accessible, light and dark.
  await expect(page.getByTestId('import-panel')).toBeVisible();
  await expectAxeCleanLightAndDark(page, 'library with the import panel and an added scenario');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'library with the import panel at 390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Still there after a reload: it is stored in this browser.
  await page.reload();
  await expect(card).toBeVisible();
  await card.getByRole('link').click();
  await playByKeyboard(page, keyPlan({ ...c, scenario: imported }, best));
  await openDebriefByKeyboard(page);
  await expect(page.getByTestId('score-overall')).toHaveText(String(expected(c, best).overall));
});
