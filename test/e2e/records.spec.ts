import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { bundleChecksum, type AttemptBundle } from '@/records/bundle';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// The records round trip in a real browser: play, export, wipe the site's storage, import, and the
// review shows the same attempts with the same (re-verified) scores. Then a tampered and a garbage file.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const { cases } = scenarioCases();

async function rowsById(
  page: Page,
): Promise<Record<string, { overall: string; verification: string | null }>> {
  const out: Record<string, { overall: string; verification: string | null }> = {};
  for (const row of await page.getByTestId('attempt-row').all()) {
    const id = (await row.getAttribute('data-attempt-id')) ?? '';
    out[id] = {
      overall: (await row.getByTestId('cell-overall').textContent()) ?? '',
      verification: await row.getByTestId('verification').getAttribute('data-verification'),
    };
  }
  return out;
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function clearSiteStorage(page: Page) {
  // What "Clear site data" does: IndexedDB, localStorage, caches, for this origin.
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
}

test('play two scenarios, export, clear storage, import: same attempts, same scores; tampered flagged; garbage refused', async ({
  page,
}) => {
  test.skip(cases.length < 2, 'needs two scenario files');
  test.setTimeout(240_000);
  await seed(page);
  const played = [
    { c: cases[0]!, choices: paths(cases[0]!).best },
    { c: cases[1]!, choices: paths(cases[1]!).worst },
  ];
  for (const { c, choices } of played) {
    await page.goto(`/#/play/${c.scenario.id}`);
    await playByKeyboard(page, keyPlan(c, choices));
    await openDebriefByKeyboard(page);
  }

  await page.goto('/#/review');
  await expect(page.getByTestId('attempt-row')).toHaveCount(2);
  const before = await rowsById(page);
  const wanted = played.map(({ c, choices }) => String(expected(c, choices).overall)).sort();
  expect(
    Object.values(before)
      .map((r) => r.overall)
      .sort(),
  ).toEqual(wanted);
  expect(Object.values(before).map((r) => r.verification)).toEqual(['verified', 'verified']);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const file = `${ARTIFACTS}/records-export.json`;
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  const bundle = JSON.parse(text) as AttemptBundle;
  expect(bundle).toMatchObject({ format: 'composure-attempts', bundleVersion: 1 });
  expect(bundle.attempts).toHaveLength(2);

  await clearSiteStorage(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No attempts yet' })).toBeVisible();

  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('import-report')).toHaveText(/imported 2, duplicates 0, flagged 0/);
  await expect(page.getByTestId('attempt-row')).toHaveCount(2);
  expect(await rowsById(page)).toEqual(before);
  await page.screenshot({ path: `${ARTIFACTS}/review-imported.png`, fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A trainee "improves" a failed attempt by hand and re-signs the file: the checksum passes, the replay does not.
  const victim = [...bundle.attempts].sort((a, b) => a.result.overall - b.result.overall)[0]!;
  const forged = {
    ...victim,
    id: crypto.randomUUID(),
    result: { ...victim.result, overall: 98, passed: true },
  };
  const tampered = { ...bundle, attempts: [forged] };
  const signed = JSON.stringify({ ...tampered, checksum: bundleChecksum(tampered) });
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(signed) });
  await expect(page.getByTestId('import-report')).toHaveText(/imported 1, duplicates 0, flagged 1/);
  await expect(page.getByTestId('attempt-row')).toHaveCount(3);
  await expect(page.locator(`[data-attempt-id="${forged.id}"] [data-testid="verification"]`)).toHaveAttribute(
    'data-verification',
    'mismatch',
  );

  await page.getByTestId('import-input').setInputFiles({
    name: 'garbage.json',
    mimeType: 'application/json',
    buffer: Buffer.from('<html><script>alert(1)</script>'.repeat(1000)),
  });
  await expect(page.getByTestId('import-report')).toHaveText(/garbage\.json: refused — it is not valid JSON/);
  await expect(page.getByTestId('attempt-row')).toHaveCount(3);

  await page.goto(`/#/review/attempt/${forged.id}`);
  await expect(page.getByTestId('attempt-verification')).toContainText('Score mismatch');
  await page.screenshot({ path: `${ARTIFACTS}/review-tampered-attempt.png`, fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);
});
