import { expect, test } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { expectDebriefScores, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// The bundle budget counts library → play → debrief without the on-demand chunks (vite.config.ts):
// this holds the app to that, by watching what the browser actually fetches.
test('playing by choices to the debrief never fetches the analyzer or zod', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  const c =
    scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise') ?? scenarioCases().cases[0]!;
  const choices = paths(c).best;
  await seed(page);
  await page.goto('/#/');
  await expect(page.locator('main')).toContainText(/./);
  await page.waitForLoadState('networkidle');
  // The e2e build's catalogue holds a deliberately broken fixture, whose located error legitimately
  // needs the validation chunk on the library page; from here on nothing on demand may load.
  fetched.length = 0;
  await page.goto(`/#/play/${c.scenario.id}`);
  await playByKeyboard(page, keyPlan(c, choices));
  await openDebriefByKeyboard(page);
  await expectDebriefScores(page, expected(c, choices));
  const onDemand = fetched.filter((url) => /on-demand-/.test(url));
  expect(onDemand).toEqual([]);
});
