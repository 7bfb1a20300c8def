import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSidewaysScroll, seriousAxe } from './helpers/checks';
import { buildTeam, TRAINEES, traineeId } from './helpers/coaching-team';
import { keyPlan, paths, scenarioCases } from './helpers/paths';
import { beginCall, openDebriefByKeyboard, playByKeyboard, seed, TRAINEE } from './helpers/ui';

// Every view at a phone's and a laptop's width: the page itself never scrolls sideways (wide tables
// scroll inside their own focusable box), and the dark theme passes axe's contrast checks.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const { cases } = scenarioCases();
const c = cases.find((x) => x.scenario.id === 'overdue-promise') ?? cases[0];
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

/** Checks the page at both widths (phone last, so a screenshot after it is the phone's). */
async function fitsBoth(page: Page, where: string) {
  for (const size of [LAPTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page, `${where} at ${size.width}px`);
  }
}

async function darkAxe(page: Page, where: string, shot: string) {
  await page.emulateMedia({ colorScheme: 'dark' });
  // The dark theme is really on, so a clean result is about its colours.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  const serious = await seriousAxe(page);
  await page.screenshot({ path: `${ARTIFACTS}/${shot}`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(serious, `${where} (dark): axe violations`).toEqual([]);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`every view fits 390 px and 1366 px, and the dark theme is axe-clean (${lang})`, async ({ page }) => {
    test.skip(!c, 'no scenario to play');
    test.setTimeout(180_000);
    const plan = keyPlan(c!, paths(c!).best);
    await seed(page, lang);
    await page.setViewportSize(PHONE);

    await page.goto('/#/');
    await expect(page.getByTestId(`scenario-card-${c!.scenario.id}`)).toBeVisible();
    await fitsBoth(page, 'library');
    await darkAxe(page, 'library', `layout-dark-390-library-${lang}.png`);

    await page.goto(`/#/play/${c!.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 1));
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
    await fitsBoth(page, 'play');
    // On a phone the meters stay on screen while the conversation scrolls under them.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(page.getByTestId('meter-anger')).toBeInViewport();
    await expect(page.getByTestId('meter-trust')).toBeInViewport();
    // A keyboard is assumed here (fine pointer), so the number-key hint shows.
    await expect(page.locator('.responses__hint')).toBeVisible();
    await darkAxe(page, 'play', `layout-dark-390-play-${lang}.png`);

    await playByKeyboard(page, plan.slice(1));
    await openDebriefByKeyboard(page);
    await fitsBoth(page, 'debrief');
    await darkAxe(page, 'debrief', `layout-dark-390-debrief-${lang}.png`);

    await page.goto('/#/progress');
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.getByTestId('progress-next')).toBeVisible();
    await fitsBoth(page, 'my progress');
    await darkAxe(page, 'my progress', `layout-dark-390-progress-${lang}.png`);

    await page.goto('/#/review');
    await expect(page.getByTestId('attempt-row')).toHaveCount(1);
    await fitsBoth(page, 'review');
    await darkAxe(page, 'review', `layout-dark-390-review-${lang}.png`);

    await page.goto(`/#/review?trainee=${TRAINEE.id}`);
    await expect(page.getByTestId('trainee-name')).toBeVisible();
    await fitsBoth(page, 'trainee page');
    await page.screenshot({ path: `${ARTIFACTS}/layout-390-trainee-${lang}.png`, fullPage: true });

    await page.goto('/#/review');
    const id = await page.getByTestId('attempt-row').first().getAttribute('data-attempt-id');
    await page.goto(`/#/review/attempt/${id}`);
    await expect(page.getByTestId('attempt-overall')).toBeVisible();
    await fitsBoth(page, 'attempt page');
    await page.screenshot({ path: `${ARTIFACTS}/layout-390-attempt-${lang}.png`, fullPage: true });

    await page.goto('/#/author');
    await expect(page.locator('h1').first()).toBeVisible();
    await fitsBoth(page, 'author');

    await page.goto('/#/lms');
    await expect(page.locator('h1').first()).toBeVisible();
    await fitsBoth(page, 'lms');
  });
}

test('a touch screen without a keyboard gets no key hints', async ({ browser, baseURL }) => {
  test.skip(!c, 'no scenario to play');
  // A phone as Chromium emulates it: touch, no hover, a coarse pointer.
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await seed(page);
  await page.goto(`/#/play/${c!.scenario.id}`);
  await beginCall(page);
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '1');
  expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
  await expect(page.locator('.responses__hint')).toBeHidden();
  await expect(page.getByTestId('responses').locator('.response').first()).toBeVisible();
  await context.close();
});

test('Review and a trainee page with a team of 20 fit both widths, dark theme axe-clean', async ({
  page,
}) => {
  test.skip(!cases[0], 'no scenario to play');
  test.setTimeout(240_000);
  // Long scenario titles, 20 names and every rule: what widened the page before.
  const file = `${ARTIFACTS}/layout-team.json`;
  writeFileSync(file, JSON.stringify(buildTeam(cases, cases[0]!.rubric).bundle));
  await seed(page, 'en');
  await page.setViewportSize(LAPTOP);
  await page.goto('/#/review');
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('coaching-row')).toHaveCount(TRAINEES, { timeout: 120_000 });
  await fitsBoth(page, 'review with a team');
  await darkAxe(page, 'review with a team', 'layout-dark-390-review-team-en.png');
  await page.goto(`/#/review?trainee=${traineeId(0)}`);
  await expect(page.getByTestId('trainee-name')).toBeVisible();
  await fitsBoth(page, "a team member's page");
  await darkAxe(page, "a team member's page", 'layout-dark-390-trainee-team-en.png');
});
