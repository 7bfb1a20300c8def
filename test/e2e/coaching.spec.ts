import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  attemptId,
  buildTeam,
  COACHED,
  mostBroken,
  PER_TRAINEE,
  PROFILE,
  TRAINEES,
  traineeId,
  type Team,
} from './helpers/coaching-team';
import { scenarioCases } from './helpers/paths';
import { seed } from './helpers/ui';

// The manager's coaching view on a seeded team: 20 trainees × 15 attempts played by the engine in
// Node, imported through Review as a real export would be, then read as a manager reads it.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const { cases } = scenarioCases();
const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

let team: Team | null = null;
function teamFile(): { file: string; team: Team } {
  team ??= buildTeam(cases, cases[0]!.rubric);
  const file = `${ARTIFACTS}/coaching-team.json`;
  writeFileSync(file, JSON.stringify(team.bundle));
  return { file, team };
}

async function importTeam(page: Page): Promise<Team> {
  const { file, team } = teamFile();
  await page.goto('/#/review');
  await page.getByTestId('import-input').setInputFiles(file);
  // Every attempt imported and re-verified, in either language's words.
  await expect(page.getByTestId('import-report')).toContainText(String(TRAINEES * PER_TRAINEE), {
    timeout: 120_000,
  });
  await expect(page.getByTestId('coaching-row')).toHaveCount(TRAINEES);
  return team;
}

/** How far the page, and the given part of it, reach past the right edge of the viewport. */
async function overflow(page: Page, testId: string) {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`)!;
    const root = document.scrollingElement!;
    return {
      page: root.scrollWidth - root.clientWidth,
      part: Math.max(0, Math.ceil(el.getBoundingClientRect().right - document.documentElement.clientWidth)),
    };
  }, testId);
}

async function axe(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const coachedIds = COACHED.map(traineeId).sort();

async function expectRanking(page: Page, t: Team) {
  const rows = page.getByTestId('coaching-row');
  const ids = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.traineeId!));
  const statuses = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status!));
  // Those below the stated rule first, every one of them; the rest on track.
  expect(ids.slice(0, COACHED.length).sort()).toEqual(coachedIds);
  expect(statuses).toEqual([
    ...COACHED.map(() => 'coach'),
    ...Array.from({ length: TRAINEES - COACHED.length }, () => 'on-track'),
  ]);
  // Recent results count: a trainee who failed ten and then passed five is on track.
  const recovered = Number(Object.keys(PROFILE).find((k) => PROFILE[Number(k)] === 'recovered'));
  await expect(
    page.locator(`[data-testid="coaching-row"][data-trainee-id="${traineeId(recovered)}"]`),
  ).toHaveAttribute('data-status', 'on-track');
  // The heat map marks each coached trainee's most broken rule, counted here from the records.
  for (const id of coachedIds) {
    const want = mostBroken(t.violations.get(id)!);
    const row = page.locator(`[data-testid="heat-row"][data-trainee-id="${id}"]`);
    const weakest = row.locator('[data-weakest="true"]');
    await expect(weakest, id).toHaveAttribute('data-rule', want!);
    const rates = await row
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.rate)));
    expect(Number(await weakest.getAttribute('data-rate'))).toBe(Math.max(...rates));
  }
}

test('the coaching table ranks the trainees below the stated rule first and the heat map shows their weakest rule (en)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize(WIDTHS[0]);
  await seed(page, 'en');
  const t = await importTeam(page);
  await expect(page.getByTestId('coaching-rule')).toContainText(
    'Needs coaching: a pass rate below 70% over the last 5 finished attempts, or a critical rule broken in the last 3.',
  );
  await expect(page.getByTestId('coaching-count')).toHaveText(
    `${COACHED.length} of ${TRAINEES} trainees need coaching.`,
  );
  await expectRanking(page, t);

  // Abandoned and implausible attempts are counted apart.
  const abandons = Number(Object.keys(PROFILE).find((k) => PROFILE[Number(k)] === 'abandons'));
  const fast = Number(Object.keys(PROFILE).find((k) => PROFILE[Number(k)] === 'too-fast'));
  await expect(
    page.locator(`[data-testid="coaching-row"][data-trainee-id="${traineeId(abandons)}"]`),
  ).toContainText('2 abandoned');
  await expect(
    page.locator(
      `[data-testid="coaching-row"][data-trainee-id="${traineeId(fast)}"] [data-testid="coaching-flagged"]`,
    ),
  ).toHaveText(/1 flagged/);

  // Sorting from the keyboard, announced by aria-sort.
  const passHeader = page.locator('th', { has: page.getByTestId('coaching-sort-passRate') });
  await page.getByTestId('coaching-sort-passRate').focus();
  await page.keyboard.press('Enter');
  await expect(passHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('coaching-pass-rate').first()).toHaveText('0%');
  await page.keyboard.press('Enter');
  await expect(passHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('coaching-pass-rate').first()).toHaveText('100%');
  await page.getByTestId('coaching-sort-need').click();

  expect(await axe(page, '[data-testid="coaching-panel"]')).toEqual([]);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const o = await overflow(page, 'coaching-panel');
    console.log(
      `en ${size.width}px: Review page overflows by ${o.page}px, the coaching panel by ${o.part}px`,
    );
    expect(o.part, `coaching panel at ${size.width}px`).toBe(0);
    await page
      .getByTestId('coaching-panel')
      .screenshot({ path: `${ARTIFACTS}/coaching-en-${size.width}.png` });
    // What a manager sees first on that screen: the rule and the top of the table.
    await page.getByTestId('coaching-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/coaching-en-${size.width}-screen.png` });
  }

  // A coached trainee's page: a line per scenario, the sheet, and printing it.
  await page.setViewportSize(WIDTHS[0]);
  const critical = Number(Object.keys(PROFILE).find((k) => PROFILE[Number(k)] === 'critical'));
  await page.locator(`[data-testid="coaching-row"][data-trainee-id="${traineeId(critical)}"] a`).click();
  await expect(page.getByTestId('coaching-sheet')).toBeVisible();
  await expect(page.getByTestId('sheet-status')).toHaveText('Needs coaching');
  await expect(page.getByTestId('sheet-fails')).toContainText('Critical rule broken');
  const scenarios = new Set(
    t.bundle.attempts.filter((a) => a.trainee.id === traineeId(critical)).map((a) => a.scenario.id),
  );
  await expect(page.getByTestId('progress-chart').locator('g[data-series]')).toHaveCount(scenarios.size);
  expect(await axe(page, '[data-testid="coaching-sheet"]')).toEqual([]);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    const o = await overflow(page, 'coaching-sheet');
    console.log(`en ${size.width}px: trainee page overflows by ${o.page}px, the sheet by ${o.part}px`);
    expect(o.part).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/coaching-trainee-en-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS[0]);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByTestId('print-sheet').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('coaching-sheet')).toBeVisible();
  await expect(page.locator('.app-header')).toBeHidden();
  await page.screenshot({ path: `${ARTIFACTS}/coaching-sheet-print-en.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Its failed attempt reads as failed, the critical violation first, no ending beside it.
  await page.goto(`/#/review/attempt/${attemptId(critical, 13)}`);
  const verdict = page.getByTestId('attempt-overall');
  await expect(verdict).toHaveAttribute('data-passed', 'false');
  await expect(verdict).toHaveAttribute('data-reason', 'critical');
  await expect(verdict).toContainText(/^Failed: Critical rule broken at turn \d+/);
  await expect(verdict).not.toContainText('Loyal');
});

test('the coaching view in Chinese, at 390 px and 1366 px', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(WIDTHS[1]);
  await seed(page, 'zh-CN');
  const t = await importTeam(page);
  await expect(page.getByRole('heading', { level: 1, name: '成绩查看' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '谁需要辅导' })).toBeVisible();
  await expect(page.getByTestId('coaching-rule')).toContainText('最近 5 次完成的练习通过率低于 70%');
  await expectRanking(page, t);
  expect(await axe(page, '[data-testid="coaching-panel"]')).toEqual([]);
  for (const size of [WIDTHS[1], WIDTHS[0]]) {
    await page.setViewportSize(size);
    const o = await overflow(page, 'coaching-panel');
    console.log(
      `zh-CN ${size.width}px: Review page overflows by ${o.page}px, the coaching panel by ${o.part}px`,
    );
    expect(o.part, `coaching panel at ${size.width}px`).toBe(0);
    await page
      .getByTestId('coaching-panel')
      .screenshot({ path: `${ARTIFACTS}/coaching-zh-CN-${size.width}.png` });
    // What a manager sees first on that screen: the rule and the top of the table.
    await page.getByTestId('coaching-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/coaching-zh-CN-${size.width}-screen.png` });
  }
  await page.setViewportSize(WIDTHS[1]);
  await page.locator(`[data-testid="coaching-row"][data-trainee-id="${coachedIds[0]}"] th a`).click();
  await expect(page.getByTestId('print-sheet')).toHaveText('打印辅导单');
  expect(await axe(page, '[data-testid="coaching-sheet"]')).toEqual([]);
  for (const size of [WIDTHS[1], WIDTHS[0]]) {
    await page.setViewportSize(size);
    const o = await overflow(page, 'coaching-sheet');
    console.log(`zh-CN ${size.width}px: trainee page overflows by ${o.page}px, the sheet by ${o.part}px`);
    expect(o.part).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/coaching-trainee-zh-CN-${size.width}.png`, fullPage: true });
  }
});
