import { expect, test } from '@playwright/test';
import { beginCall, keyFor, seed } from './helpers/ui';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

// test/fixtures/e2e/xss.json is compiled into the e2e build only; its texts are markup that must stay text.
test('scenario text containing markup is shown as literal text and never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await seed(page);
  await page.goto('/#/');
  // The library shows its first page (10 scenarios); a search reads the rest, the fixture among them.
  await page.getByLabel('Search').fill('XSS');
  const card = page.getByTestId('scenario-card-xss-fixture');
  await expect(card).toContainText(`XSS ${IMG} title`);
  await expect(card).toContainText(`Brief ${SCRIPT} end`);

  await page.goto('/#/play/xss-fixture');
  await beginCall(page);
  await expect(page.getByTestId('conversation')).toContainText(`Hello ${SCRIPT} there`);
  await expect(page.locator('.customer-panel')).toContainText(IMG);
  await expect(page.getByTestId('responses')).toContainText(`Good morning ${IMG}`);

  // A typed reply with markup is echoed as text too; it says nothing the customer can place (no
  // greeting: "Hi" alone would be one, 你好 in M2's words), so the customer's "unclear" line (markup
  // too) comes back as text and the turn stays open.
  const box = page.getByLabel('Or answer in your own words');
  await box.fill(`Lorem ipsum ${IMG} ${SCRIPT}`);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('conversation')).toContainText(`Lorem ipsum ${IMG} ${SCRIPT}`);
  await expect(page.getByTestId('conversation')).toContainText(`Pardon ${IMG}?`);
  await box.blur();
  await page.keyboard.press(await keyFor(page, 'greet'));
  await expect(page.getByTestId('conversation')).toContainText(`Bye ${IMG}`);

  await page.getByTestId('to-debrief').click();
  await expect(page.getByTestId('debrief')).toContainText(`Summary ${SCRIPT}`);
  await expect(page.getByTestId('debrief')).toContainText(`Lorem ipsum ${IMG} ${SCRIPT}`);

  // Nothing was parsed as markup anywhere in the app.
  expect(await page.locator('main img, main script').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
