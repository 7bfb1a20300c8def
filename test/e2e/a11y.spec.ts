import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { keyPlan, paths, scenarioCases } from './helpers/paths';
import { openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

const { cases } = scenarioCases();
const c = cases.find((x) => x.scenario.id === 'overdue-promise') ?? cases[0];

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `${where}: axe violations`).toEqual([]);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`library, play and debrief have no serious accessibility violations (${lang})`, async ({ page }) => {
    test.skip(!c, 'no scenario to play');
    const plan = keyPlan(c!, paths(c!).best);
    await seed(page, lang);

    await page.goto('/#/');
    await expect(page.getByTestId(`scenario-card-${c!.scenario.id}`)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoSeriousViolations(page, `library ${lang}`);

    await page.goto(`/#/play/${c!.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 1));
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
    await expectNoSeriousViolations(page, `play ${lang}`);

    await playByKeyboard(page, plan.slice(1));
    await openDebriefByKeyboard(page);
    await expect(page.getByTestId('transcript-turn-1')).toBeVisible();
    await expectNoSeriousViolations(page, `debrief ${lang}`);
  });
}

test('the library shows a located error card for a broken scenario and still lists the others', async ({
  page,
}) => {
  // The e2e build serves test/fixtures/e2e/broken.json as scenarios/e2e/broken.json: a dangling node reference.
  await seed(page);
  await page.goto('/#/');
  const problem = page.getByTestId('scenario-problem');
  await expect(problem).toContainText(/scenarios\/e2e\/broken\.json:\d+:\d+/);
  await expect(problem).toContainText('E_UNKNOWN_NODE');
  await expect(page.locator('.scenario-card').first()).toBeVisible();
});

test('library, play and debrief fit a 360 px wide screen without sideways scrolling', async ({ page }) => {
  test.skip(!c, 'no scenario to play');
  const plan = keyPlan(c!, paths(c!).best);
  await page.setViewportSize({ width: 360, height: 740 });
  await seed(page);
  const fits = async (where: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(360);
  };
  await page.goto('/#/');
  await expect(page.getByTestId(`scenario-card-${c!.scenario.id}`)).toBeVisible();
  await fits('library');
  await page.goto(`/#/play/${c!.scenario.id}`);
  await playByKeyboard(page, plan.slice(0, 1));
  await fits('play');
  await page.screenshot({ path: 'test/e2e/artifacts/mobile-play.png' });
  await playByKeyboard(page, plan.slice(1));
  await openDebriefByKeyboard(page);
  await fits('debrief');
  await page.screenshot({ path: 'test/e2e/artifacts/mobile-debrief.png' });
});
