import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { fakeScenario } from '../fakes/scenario';
import { beginCall, keyFor, seed } from './helpers/ui';

const IMG = '<img src=x onerror=alert(1)>';
const ARTIFACTS = 'test/e2e/artifacts';

// A small valid scenario as a trainer would paste it; one answer carries markup that must stay text.
function draft(): string {
  const scenario = fakeScenario({ id: 'e2e-author', title: { en: 'Pasted call', 'zh-CN': '粘贴的情景' } });
  const greet = scenario.nodes.opening!.responses![0]!;
  greet.text = { en: `Good morning ${IMG}, sorry for the wait.`, 'zh-CN': `您好 ${IMG}，让您久等了。` };
  return JSON.stringify(scenario, null, 2);
}

test('a pasted scenario is checked, summarised and previewed in the Play view', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await seed(page);
  await page.goto('/#/');
  await page.getByRole('link', { name: 'Author' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write a scenario' })).toBeVisible();

  const editor = page.getByLabel('Scenario JSON');
  await editor.focus();
  await page.keyboard.insertText(draft());

  // Checked in the worker: counts, bounds and the best path, with scenario text shown as text.
  const summary = page.getByTestId('author-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('author-status')).toHaveAttribute('data-status', 'done');
  // The small fake call is guessable (its best answers are the longest): warnings, but no errors.
  await expect(page.getByTestId('author-status')).toContainText('0 errors');
  await expect(page.getByTestId('author-diagnostics')).toContainText('W_GUESSABLE');
  await expect(page.getByTestId('stat-nodes')).toHaveText('5');
  await expect(page.getByTestId('bounds-overall')).toContainText(/Overall\s*\d+\s*\d+/);
  await expect(page.getByTestId('author-best-path')).toContainText('opening → greet');
  await expect(page.getByTestId('author-best-path')).toContainText(`Good morning ${IMG}`);
  expect(await page.locator('main img, main script').count()).toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/author-summary.png`, fullPage: true });

  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel('Scenario JSON')).toHaveValue(draft());
  await expect(page.getByTestId('author-summary')).toBeVisible();

  // Preview, then play one turn by number key.
  await page.getByTestId('author-preview').click();
  await expect(page).toHaveURL(/#\/play\/preview%3Ae2e-author$/);
  await beginCall(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Pasted call' })).toBeVisible();
  const responses = page.getByTestId('responses');
  await expect(responses).toHaveAttribute('data-turn', '1');
  await expect(responses).toHaveAttribute('data-node', 'opening');
  await page.keyboard.press(await keyFor(page, 'greet'));
  await expect(responses).toHaveAttribute('data-turn', '2');
  await expect(responses).toHaveAttribute('data-node', 'facts');
  await expect(page.getByTestId('conversation')).toContainText(`Good morning ${IMG}`);
  expect(dialogs).toEqual([]);
});
