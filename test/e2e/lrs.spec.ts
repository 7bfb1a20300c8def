import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import {
  lrsEndpoint,
  postStatements,
  startLrs,
  statementsFor,
  type RunningLrs,
  type Stored,
} from './helpers/lrs';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Against a real LRS (Learning Locker's xapi-statements on 127.0.0.1): play with the LRS configured,
// stop it mid-attempt, finish offline, restart it and see the outbox deliver every statement exactly
// once; then a manager on another device loads the attempt from the LRS into Review, verified.
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const { cases } = scenarioCases();

let lrs: RunningLrs | null = null;
test.afterEach(async () => {
  await lrs?.stop();
  lrs = null;
});

async function configure(page: Page) {
  await page.goto('/#/lms');
  await page.getByTestId('lrs-endpoint').fill(lrsEndpoint());
  await page.getByTestId('lrs-username').fill('composure-e2e');
  await page.getByTestId('lrs-password').fill('secret');
  await page.getByTestId('lrs-home-page').fill('https://hr.example.com');
  await page.getByTestId('lrs-account-name').fill('E-2001');
  await page.getByTestId('lrs-save').click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Attempts played from now on are sent' }),
  ).toBeVisible();
}

const turnOf = (s: Stored) =>
  (s.context?.extensions?.['https://w3id.org/xapi/composure/extensions/turn'] as { number: number }).number;
const strip = ({ stored: _s, authority: _a, version: _v, ...rest }: Stored & Record<string, unknown>) => rest;

test('statements reach a real LRS turn by turn; an outage loses nothing and sends nothing twice; Review loads the attempt verified', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const c = cases.find((x) => keyPlan(x, paths(x).best).length >= 3) ?? cases[0]!;
  const choices = paths(c).best;
  const plan = keyPlan(c, choices);
  const want = expected(c, choices);
  const half = Math.ceil(plan.length / 2);

  lrs = await startLrs();
  await seed(page);
  await configure(page);

  await page.goto(`/#/play/${c.scenario.id}`);
  await playByKeyboard(page, plan.slice(0, half));
  // The attempt id is the registration; the draft in IndexedDB names it.
  const registration = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('composure');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('drafts').objectStore('drafts').getAll();
          read.onsuccess = () =>
            resolve((read.result[0] as { draft: { attemptId: string } }).draft.attemptId);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  // Turn by turn: initialized and one responded per turn so far, before the attempt ends.
  await expect
    .poll(async () => (await statementsFor(registration)).length, { timeout: 20_000 })
    .toBe(1 + half);
  const before = await statementsFor(registration);
  expect(before.map((s) => s.verb.id).sort()).toEqual(
    [VERB('initialized'), ...Array(half).fill(VERB('responded'))].sort(),
  );
  expect(
    before
      .filter((s) => s.verb.id === VERB('responded'))
      .sort((a, b) => turnOf(a) - turnOf(b))
      .map((s) => s.result?.response),
  ).toEqual(choices.slice(0, half));

  // The LRS goes down mid-attempt; the trainee finishes regardless.
  await lrs.stop();
  lrs = null;
  await playByKeyboard(page, plan.slice(half));
  await openDebriefByKeyboard(page);
  expect(page.url()).toContain(registration);

  // The outbox holds the rest and says why.
  const rest = plan.length - half + 3; // the remaining turns, completed, passed/failed, terminated
  await page.goto('/#/lms');
  await expect(page.getByTestId('outbox-pending')).toHaveAttribute('data-count', String(rest), {
    timeout: 20_000,
  });
  await expect(page.getByTestId('outbox-reason')).toContainText(/offline|unreachable/i);
  await page.screenshot({ path: 'test/e2e/artifacts/lrs-outbox-pending.png', fullPage: true });

  // Back up (empty: its storage is memory). The outbox delivers what was waiting, and only that.
  lrs = await startLrs();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByTestId('outbox-pending')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const after = await statementsFor(registration);
  expect(after).toHaveLength(rest);
  const ids = [...before, ...after].map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length); // each statement exactly once across both runs
  // One POST stores them at the same instant, so the LRS may list them in any order.
  expect(after.map((s) => s.verb.id).sort()).toEqual(
    [
      ...Array(plan.length - half).fill(VERB('responded')),
      VERB('completed'),
      VERB(want.passed ? 'passed' : 'failed'),
      VERB('terminated'),
    ].sort(),
  );
  expect(
    after
      .filter((s) => s.verb.id === VERB('responded'))
      .sort((a, b) => turnOf(a) - turnOf(b))
      .map((s) => s.result?.response),
  ).toEqual(choices.slice(half));
  const graded = after.find((s) => s.verb.id === VERB(want.passed ? 'passed' : 'failed'))!;
  expect(Math.round(graded.result?.score?.raw ?? -1)).toBe(want.overall);
  expect(graded.result?.success).toBe(want.passed);

  // A reload sends nothing again.
  await page.reload();
  await expect(page.getByTestId('outbox-pending')).toHaveAttribute('data-count', '0');
  await page.waitForTimeout(1000);
  expect(await statementsFor(registration)).toHaveLength(rest);

  // An LRS that kept its data would hold all of them: put back what the restart lost.
  await postStatements(before.map((s) => strip(s as Stored & Record<string, unknown>)));

  // A manager, on another device, loads attempts from the LRS into Review.
  const manager = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce' });
  const review = await manager.newPage();
  await review.goto('/#/lms');
  await review.getByTestId('lrs-review-endpoint').fill(lrsEndpoint());
  await review.getByTestId('lrs-review-load').click();
  await expect(review.getByTestId('lrs-review-status')).toHaveAttribute('data-status', 'done', {
    timeout: 60_000,
  });
  await expect(review.getByTestId('lrs-review-imported')).toContainText('1 new, 0 already there, 0 flagged');
  await review.screenshot({ path: 'test/e2e/artifacts/lrs-review-loaded.png', fullPage: true });
  await review.goto('/#/review');
  const row = review.locator(`[data-testid="attempt-row"][data-attempt-id="${registration}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('verification')).toHaveAttribute('data-verification', 'verified');
  await expect(row.getByTestId('cell-overall')).toContainText(String(want.overall));

  // Loading again adds no duplicate.
  await review.goto('/#/lms');
  await review.getByTestId('lrs-review-endpoint').fill(lrsEndpoint());
  await review.getByTestId('lrs-review-load').click();
  await expect(review.getByTestId('lrs-review-imported')).toContainText('0 new, 1 already there', {
    timeout: 60_000,
  });
  await manager.close();
});

test('the LMS & LRS page has no serious accessibility violations, in both languages', async ({ page }) => {
  for (const lang of ['en', 'zh-CN'] as const) {
    await page.addInitScript((l) => localStorage.setItem('composure.lang', l), lang);
    await page.goto('/#/lms');
    await page.reload(); // the same URL twice is not a new document: reload runs the init script
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('lrs-settings')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, lang).toEqual([]);
  }
});
