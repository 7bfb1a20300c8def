import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { expectDebriefScores, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Globbed when the suite runs, so new scenario files are covered without touching this file.
const { cases, broken } = scenarioCases();
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });

test('every scenario file loads', () => {
  expect(broken, `scenario files the engine rejects: ${broken.join(', ')}`).toEqual([]);
  expect(cases.length).toBeGreaterThan(0);
});

for (const c of cases) {
  for (const which of ['best', 'worst'] as const) {
    test(`${c.scenario.id}: the ${which} path played by keyboard scores as the engine does`, async ({
      page,
    }) => {
      const choices = paths(c)[which];
      const plan = keyPlan(c, choices);
      await seed(page);
      await page.goto(`/#/play/${c.scenario.id}`);
      await playByKeyboard(page, plan.slice(0, 1));
      if (which === 'best')
        await page.screenshot({ path: `${ARTIFACTS}/${c.scenario.id}-play.png`, fullPage: true });
      await playByKeyboard(page, plan.slice(1));
      await openDebriefByKeyboard(page);
      await expectDebriefScores(page, expected(c, choices));
      if (which === 'best')
        await page.screenshot({ path: `${ARTIFACTS}/${c.scenario.id}-debrief.png`, fullPage: true });
    });
  }
}
