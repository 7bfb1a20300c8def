import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases, type ScenarioCase } from './helpers/paths';
import { beginCall, expectDebriefScores, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Attempts that survive tabs, full storage and closed databases, in a real Chromium.
const { cases } = scenarioCases();
const byId = (id: string) => cases.find((c) => c.scenario.id === id);
const first = byId('overdue-promise') ?? cases[0];
const second = byId('price-haggler') ?? cases.find((c) => c !== first);

interface StoredAttempt {
  id: string;
  scenarioId: string;
  status: string;
  turns: number;
  overall: number;
}

/**
 * What the app's database holds, read straight from IndexedDB (not through the app). A database that
 * does not exist reads as empty, and is not created by looking.
 */
async function stored(page: Page): Promise<{ attempts: StoredAttempt[]; drafts: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('composure');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () =>
          open.error?.name === 'AbortError' ? resolve({ attempts: [], drafts: [] }) : reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['attempts', 'drafts']);
          const attempts = tx.objectStore('attempts').getAll();
          const drafts = tx.objectStore('drafts').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            resolve({
              attempts: attempts.result.map((a) => ({
                id: a.id,
                scenarioId: a.scenario.id,
                status: a.status,
                turns: a.turns.length,
                overall: Math.round(a.result.overall),
              })),
              drafts: drafts.result.map(String),
            });
          };
        };
      }),
  );
}

const origin = (page: Page) => new URL(page.url()).origin;

async function newTab(context: BrowserContext, scenarioId: string): Promise<Page> {
  const page = await context.newPage();
  await seed(page);
  await page.goto(`/#/play/${scenarioId}`);
  await beginCall(page);
  await expect(page.getByTestId('responses')).toBeVisible();
  return page;
}

const rounded = (c: ScenarioCase, choices: string[]) => expected(c, choices).overall;

test.describe('two tabs', () => {
  test.skip(!first || !second, 'needs two scenario files');

  test('different scenarios: A finishes, B reloads and resumes its own turn; both attempts kept', async ({
    context,
  }) => {
    const [a, b] = [first!, second!];
    const planA = keyPlan(a, paths(a).best);
    const planB = keyPlan(b, paths(b).worst);
    const tabA = await newTab(context, a.scenario.id);
    await playByKeyboard(tabA, planA.slice(0, 1));
    const tabB = await newTab(context, b.scenario.id);
    await playByKeyboard(tabB, planB.slice(0, 2));
    await expect(tabB.getByTestId('responses')).toHaveAttribute('data-turn', '3');
    await expect(tabB.getByTestId('notice-other-draft-closed')).toHaveCount(0);

    await tabA.bringToFront();
    await playByKeyboard(tabA, planA.slice(1));
    await expect(tabA.getByTestId('to-debrief')).toBeVisible();

    await tabB.bringToFront();
    await tabB.reload();
    await expect(tabB.getByTestId('notice-resumed')).toBeVisible();
    await expect(tabB.getByTestId('responses')).toHaveAttribute('data-turn', '3');
    await playByKeyboard(tabB, planB.slice(2));
    await openDebriefByKeyboard(tabB);
    await expectDebriefScores(tabB, expected(b, paths(b).worst));

    const { attempts, drafts } = await stored(tabB);
    expect(attempts.map((x) => [x.scenarioId, x.status, x.turns, x.overall]).sort()).toEqual(
      [
        [a.scenario.id, 'finished', planA.length, rounded(a, paths(a).best)],
        [b.scenario.id, 'finished', planB.length, rounded(b, paths(b).worst)],
      ].sort(),
    );
    expect(drafts).toEqual([]);
  });

  test('the same scenario: the second tab gets its own attempt and is told; both attempts kept', async ({
    context,
  }) => {
    const c = first!;
    const best = keyPlan(c, paths(c).best);
    const worst = keyPlan(c, paths(c).worst);
    const tabA = await newTab(context, c.scenario.id);
    await playByKeyboard(tabA, best.slice(0, 1));
    const tabB = await newTab(context, c.scenario.id);
    await expect(tabB.getByTestId('notice-open-elsewhere')).toBeVisible();
    await expect(tabB.getByTestId('responses')).toHaveAttribute('data-turn', '1');
    await playByKeyboard(tabB, worst);
    await expect(tabB.getByTestId('to-debrief')).toBeVisible();

    await tabA.bringToFront();
    await playByKeyboard(tabA, best.slice(1));
    await expect(tabA.getByTestId('to-debrief')).toBeVisible();

    const { attempts } = await stored(tabA);
    expect(attempts.map((x) => [x.turns, x.overall]).sort()).toEqual(
      [
        [best.length, rounded(c, paths(c).best)],
        [worst.length, rounded(c, paths(c).worst)],
      ].sort(),
    );
    expect(new Set(attempts.map((x) => x.id)).size).toBe(2);
  });
});

test.describe('storage faults', () => {
  test.skip(!first, 'no scenario to play');

  test('storage full (quota overridden to 1 byte): the trainee is told, no debrief is offered, the attempt downloads and saves once there is room', async ({
    page,
    baseURL,
  }) => {
    const c = first!;
    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    // Set before the origin's first write: Chromium's IndexedDB asks the quota manager then, and only
    // again once its cached allowance has decayed (over 30 s later), so this is the quick way to a
    // full disk that every write runs into.
    const cdp = await page.context().newCDPSession(page);
    const site = new URL(baseURL!).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site, quotaSize: 1 });
    await seed(page);
    await page.goto(`/#/play/${c.scenario.id}`);
    await expect(page.getByTestId('notice-storage-failed')).toContainText(
      'progress could not be saved (QuotaExceededError)',
    );
    await expect(page.getByTestId('notice-memory-only')).toHaveCount(0);
    await playByKeyboard(page, plan);
    const failed = page.getByTestId('save-failed');
    await expect(failed).toBeVisible();
    await expect(failed).toHaveAttribute('data-error-name', 'QuotaExceededError');
    await expect(failed).toContainText('This device has no room left for your attempt (QuotaExceededError)');
    await expect(page.getByTestId('to-debrief')).toHaveCount(0);
    await expect(page.getByTestId('download-attempt')).toBeFocused();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-attempt').click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      attempts: Array<{ id: string; status: string; turns: unknown[] }>;
      scenarios: Record<string, unknown>;
    };
    expect(bundle.format).toBe('composure-attempts');
    expect(bundle.attempts.map((a) => [a.status, a.turns.length])).toEqual([['finished', plan.length]]);
    expect(Object.keys(bundle.scenarios)).toHaveLength(1);
    expect((await stored(page)).attempts).toEqual([]);

    // Space freed (the override lifted): trying again stores it and the debrief opens.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site });
    await page.getByTestId('retry-save').click();
    await openDebriefByKeyboard(page);
    await expectDebriefScores(page, expected(c, choices));
    expect((await stored(page)).attempts.map((a) => a.id)).toEqual([bundle.attempts[0]!.id]);
    await cdp.detach();
  });

  test('IndexedDB unavailable (its getter throws): Play says the attempt lives only in this tab, and it still plays to a debrief', async ({
    page,
  }) => {
    const c = first!;
    const choices = paths(c).best;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('Access to IndexedDB is denied.', 'SecurityError');
        },
      });
    });
    await seed(page);
    await page.goto(`/#/play/${c.scenario.id}`);
    const notice = page.getByTestId('notice-memory-only');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('only in this tab');
    await expect(notice).toContainText('SecurityError');
    const plan = keyPlan(c, choices);
    await playByKeyboard(page, plan);
    // Stored in memory only: the ending offers it as a file beside the debrief.
    await expect(page.getByTestId('memory-only-ending')).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-saved').click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      format: string;
      attempts: Array<{ status: string; turns: unknown[] }>;
    };
    expect(bundle.format).toBe('composure-attempts');
    expect(bundle.attempts.map((a) => [a.status, a.turns.length])).toEqual([['finished', plan.length]]);
    await page.getByTestId('to-debrief').focus();
    await openDebriefByKeyboard(page);
    await expectDebriefScores(page, expected(c, choices));

    // The file is one Review imports: in a tab where storage works, it becomes a stored attempt.
    const review = await page.context().newPage();
    await review.goto('/#/review');
    await review.getByTestId('import-input').setInputFiles((await download.path())!);
    await expect(review.getByTestId('import-report')).toHaveText(/imported 1, duplicates 0/);
    expect((await stored(review)).attempts.map((a) => [a.status, a.turns])).toEqual([
      ['finished', plan.length],
    ]);
    await review.close();
  });

  test('storage cleared mid-attempt: the draft is written again at once, a reload resumes, and the attempt saves', async ({
    page,
  }) => {
    const c = first!;
    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    await seed(page);
    await page.goto(`/#/play/${c.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 2));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: origin(page), storageTypes: 'indexeddb' });
    await cdp.detach();
    // The app notices the lost connection and writes the draft again without waiting for an answer.
    await expect.poll(async () => (await stored(page)).drafts.length).toBe(1);

    await page.reload();
    await expect(page.getByTestId('notice-resumed')).toBeVisible();
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '3');
    await playByKeyboard(page, plan.slice(2));
    await openDebriefByKeyboard(page);
    await expectDebriefScores(page, expected(c, choices));
  });

  test('storage cleared, then the next answers at once: they save on a new connection', async ({ page }) => {
    const c = first!;
    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    await seed(page);
    await page.goto(`/#/play/${c.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 1));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: origin(page), storageTypes: 'indexeddb' });
    await cdp.detach();
    await playByKeyboard(page, plan.slice(1));
    await expect(page.getByTestId('to-debrief')).toBeVisible();
    await expect(page.getByTestId('notice-storage-failed')).toHaveCount(0);
    await expect(page.getByTestId('notice-memory-only')).toHaveCount(0);
    // Stored in the page's IndexedDB (a fresh database), not in a memory fallback.
    expect((await stored(page)).attempts.map((a) => [a.turns, a.overall])).toEqual([
      [plan.length, rounded(c, choices)],
    ]);
    await openDebriefByKeyboard(page);
    await expectDebriefScores(page, expected(c, choices));
  });

  test('another tab opens a newer database version: this tab lets go, reconnects and keeps saving', async ({
    context,
  }) => {
    const c = first!;
    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    const tab = await newTab(context, c.scenario.id);
    await playByKeyboard(tab, plan.slice(0, 1));

    // A newer build in another tab upgrades the schema; it can only do so once this tab lets go.
    const other = await context.newPage();
    await other.goto('/#/');
    const version = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('composure', 50);
          open.onupgradeneeded = () => open.result.createObjectStore('from-a-newer-build');
          open.onblocked = () => reject(new Error('blocked: the playing tab did not let go'));
          open.onsuccess = () => {
            resolve(open.result.version);
            open.result.close();
          };
        }),
    );
    expect(version).toBe(50);
    await other.close();

    await playByKeyboard(tab, plan.slice(1));
    await expect(tab.getByTestId('to-debrief')).toBeVisible();
    await expect(tab.getByTestId('notice-memory-only')).toHaveCount(0);
    expect((await stored(tab)).attempts.map((a) => a.turns)).toEqual([plan.length]);
    await openDebriefByKeyboard(tab);
    await expectDebriefScores(tab, expected(c, choices));
  });
});
