import { sayText } from '@/engine/runtime/customer-lines';
import { expect, test } from '@playwright/test';
import { pickText } from '@/engine/format/localized-text';
import { replay } from '@/engine/runtime/session';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';
import { expectDebriefScores, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

const { cases } = scenarioCases();
const c = cases.find((x) => x.scenario.id === 'overdue-promise') ?? cases[0];

test.describe('an attempt in progress', () => {
  test.skip(!c, 'no scenario to play');

  test('survives a reload and resumes on the same turn', async ({ page }) => {
    const choices = paths(c!).best;
    const plan = keyPlan(c!, choices);
    await seed(page);
    await page.goto(`/#/play/${c!.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 2));
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '3');
    const before = await page.getByTestId('conversation').innerText();

    await page.reload();
    await expect(page.getByTestId('notice-resumed')).toBeVisible();
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '3');
    await expect(page.getByTestId('responses')).toHaveAttribute('data-node', plan[2]!.node);
    expect(await page.getByTestId('conversation').innerText()).toBe(before);

    await playByKeyboard(page, plan.slice(2));
    await openDebriefByKeyboard(page);
    await expectDebriefScores(page, expected(c!, choices));
  });

  test('switches language mid-scenario without losing its place', async ({ page }) => {
    const choices = paths(c!).best;
    const plan = keyPlan(c!, choices);
    await seed(page, 'en');
    await page.goto(`/#/play/${c!.scenario.id}`);
    await playByKeyboard(page, plan.slice(0, 1));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByTestId('language-switch').selectOption('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const session = replay(
      c!.scenario,
      c!.rubric,
      choices.slice(0, 1).map((choice) => ({ choice })),
      { now: () => 0 },
    );
    const say = sayText(
      c!.scenario.nodes[session.state.node],
      session.state.turns[0]?.customer?.variant ?? 0,
    );
    if (say) await expect(page.getByTestId('customer-line').last()).toHaveText(pickText(say, 'zh-CN'));
    await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
    await expect(page.getByRole('button', { name: '暂停' })).toBeVisible();

    // Focus is on the select; move it away so number keys answer rather than change the language.
    await page.getByTestId('conversation').click();
    await playByKeyboard(page, plan.slice(1));
    await openDebriefByKeyboard(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('复盘');
    await expectDebriefScores(page, expected(c!, choices));
  });
});
