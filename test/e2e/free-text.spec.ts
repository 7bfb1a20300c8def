import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { bestPath } from '@/engine/lint/best-path';
import { replay } from '@/engine/runtime/session';
import { freeTextAnalyzer } from '@/engine/text/free-text';
import { scenarioCases } from './helpers/paths';
import { beginCall, keyFor, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// Typed replies are judged on the trainee's own words: what they said moves the customer, the
// debrief marks the words behind each verdict, and the attempt verifies in Review after an export.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const BLAME = '查到了，您的工单周二就转给维修班了，可能0371那个同事太忙忘记给您回电了，我帮您催一下';

const anger = async (page: Page) =>
  Number(await page.getByRole('meter', { name: /怒气|Anger/ }).getAttribute('aria-valuenow'));

test('a typed reply that blames the colleague gets no ownership credit, breaks no-disparage, and the customer does not calm down; exported and imported, it verifies with the typed words', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const c = scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise')!;
  const opening = 'greet-full';
  const typed = replay(c.scenario, c.rubric, [{ choice: opening }, { text: BLAME }], {
    now: () => 0,
    locale: 'zh-CN',
    analyzer: freeTextAnalyzer,
  });
  const turn = typed.state.turns[1]!;
  const rest = bestPath(c.scenario, c.rubric, typed.state)!;

  await seed(page, 'zh-CN');
  await page.goto(`/#/play/${c.scenario.id}`);
  await beginCall(page);
  const responses = page.getByTestId('responses');
  await expect(responses).toHaveAttribute('data-turn', '1');
  await page.keyboard.press(await keyFor(page, opening));
  await expect(responses).toHaveAttribute('data-turn', '2');
  const before = await anger(page);
  const box = page.getByLabel(/自己的话|own words/i);
  await box.fill(BLAME);
  await page.keyboard.press('Control+Enter');
  await expect(responses).toHaveAttribute('data-turn', '3');
  await expect(responses).toHaveAttribute('data-node', typed.state.node);
  expect(await anger(page)).toBeGreaterThanOrEqual(before);
  await box.blur();

  const plan = rest.inputs.map((input, i) => {
    const at = replay(
      c.scenario,
      c.rubric,
      [{ choice: opening }, { text: BLAME }, ...rest.inputs.slice(0, i)],
      {
        now: () => 0,
        locale: 'zh-CN',
        analyzer: freeTextAnalyzer,
      },
    );
    return { turn: i + 3, node: at.state.node, choice: input.choice };
  });
  await playByKeyboard(page, plan);
  await openDebriefByKeyboard(page);

  const second = page.getByTestId('transcript-turn-2');
  await expect(second).toContainText(BLAME);
  await expect(second.locator('mark').first()).toBeVisible();
  await expect(second.locator('[data-rule="etiquette.no-disparage"]')).toHaveAttribute(
    'data-verdict',
    'violated',
  );
  await expect(second.locator('[data-rule="resolution.ownership"][data-verdict="met"]')).toHaveCount(0);
  await expect(second).not.toContainText(/similar-text|shared:|learned model|Cues:/);
  expect(turn.evidence.some((e) => e.rule === 'etiquette.no-disparage' && e.verdict === 'violated')).toBe(
    true,
  );
  await page.screenshot({ path: `${ARTIFACTS}/debrief-typed-zh.png`, fullPage: false });

  await page.goto('/#/review');
  await expect(page.getByTestId('attempt-row')).toHaveCount(1);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-verification', 'verified');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const file = `${ARTIFACTS}/typed-export.json`;
  await download.saveAs(file);

  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
  await cdp.detach();
  await page.reload();
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('import-report')).toContainText(/1/);
  await expect(page.getByTestId('attempt-row')).toHaveCount(1);
  await expect(page.getByTestId('verification')).toHaveAttribute('data-verification', 'verified');
  const id = await page.getByTestId('attempt-row').getAttribute('data-attempt-id');
  await page.goto(`/#/review/attempt/${id}`);
  await expect(page.getByTestId('attempt-verification')).not.toContainText(/mismatch|不一致/i);
  await expect(page.getByTestId('attempt-page')).toContainText(BLAME);
  await page.screenshot({ path: `${ARTIFACTS}/review-typed-attempt-zh.png`, fullPage: false });
});
