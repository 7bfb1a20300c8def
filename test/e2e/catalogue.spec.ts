import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { beginCall, seed } from './helpers/ui';

// The library reads scenarios/index.json, never a scenario's content: its first load costs the same
// bytes however many scenarios are published, except for the index itself (about a card's text each).
type Sized = { url: string; bytes: number };

async function firstLoad(page: Page): Promise<Sized[]> {
  const loaded: Sized[] = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => null);
    loaded.push({ url: new URL(request.url()).pathname, bytes: sizes?.responseBodySize ?? 0 });
  });
  await seed(page);
  await page.goto('/#/');
  await expect(page.locator('.scenario-card').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  return loaded;
}

const sum = (xs: Sized[]) => xs.reduce((n, x) => n + x.bytes, 0);
const isIndex = (x: Sized) => x.url === '/scenarios/index.json';

test('the library loads the index, no scenario content, and the same code with 200 scenarios as with 10', async ({
  browser,
}) => {
  const ten = await browser.newPage();
  const withTen = await firstLoad(ten);
  const index = JSON.parse(await (await ten.request.get('/scenarios/index.json')).text()) as {
    scenarios: Array<{ id: string; file: string; title: Record<string, string> }>;
  };
  await ten.close();
  expect(withTen.filter((x) => x.url.startsWith('/scenarios/') && !isIndex(x))).toEqual([]);

  // 200 published: the index lists copies of the real summaries under new ids and files.
  const many = Array.from({ length: 200 }, (_, i) => {
    const s = index.scenarios[i % index.scenarios.length]!;
    return { ...s, id: `${s.id}-${i}`, file: `published/${s.id}-${i}.json` };
  });
  const page = await browser.newPage();
  await page.route('**/scenarios/index.json', (route) =>
    route.fulfill({ json: { ...index, scenarios: many } }),
  );
  const with200 = await firstLoad(page);
  await expect(page.locator('.scenario-card')).toHaveCount(200);
  expect(with200.filter((x) => x.url.startsWith('/scenarios/') && !isIndex(x))).toEqual([]);
  const code = (xs: Sized[]) => sum(xs.filter((x) => !isIndex(x)));
  expect(code(with200)).toBe(code(withTen));
  console.log(
    `library first load: ${sum(withTen)} bytes with ${index.scenarios.length} scenarios, ${sum(with200)} with 200 ` +
      `(index ${sum(withTen.filter(isIndex))} → ${sum(with200.filter(isIndex))} bytes; everything else identical)`,
  );
  await page.close();
});

test('a scenario a deployment adds to the index (file name only) is listed and plays without a rebuild', async ({
  page,
}) => {
  const source = JSON.parse(readFileSync('scenarios/overdue-promise.json', 'utf8')) as {
    id: string;
    title: Record<string, string>;
  };
  const added = {
    ...source,
    id: 'added-by-deployment',
    title: { ...source.title, en: 'Added by a deployment' },
  };
  await page.route('**/scenarios/index.json', async (route) => {
    const real = (await (await route.fetch()).json()) as { scenarios: unknown[] };
    await route.fulfill({ json: { ...real, scenarios: [...real.scenarios, 'extra/added.json'] } });
  });
  await page.route('**/scenarios/extra/added.json', (route) => route.fulfill({ json: added }));
  await seed(page);
  await page.goto('/#/');
  const card = page.getByTestId('scenario-card-added-by-deployment');
  await expect(card).toContainText('Added by a deployment');
  await card.getByRole('link').click();
  await beginCall(page);
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '1');
});
