import { expect, test, type Page } from '@playwright/test';
import { keyPlan, paths, scenarioCases } from './helpers/paths';
import { beginCall, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// The built app ships a Content-Security-Policy meta tag (vite.config.ts) and must run clean under
// it: every script, style and worker from its own origin, nothing inline, nothing blocked.
// The e2e build also lets the app reach a test LRS on loopback (connect-src, see vite.config.ts).
const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*";

const { cases } = scenarioCases();
const c = cases.find((x) => x.scenario.id === 'overdue-promise') ?? cases[0];

/** Every CSP violation the page reports, as events and as console errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return seen;
}

test('the built app carries the CSP and runs library, play, a typed reply, debrief, author and review under it', async ({
  page,
}) => {
  test.skip(!c, 'no scenario to play');
  const violations = await watchViolations(page);
  await seed(page);

  await page.goto('/#/');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', POLICY);
  await expect(page.getByTestId(`scenario-card-${c!.scenario.id}`)).toBeVisible();

  // Play: focusing the reply box fetches the free-text analyzer's chunk; then answer by keys.
  await page.goto(`/#/play/${c!.scenario.id}`);
  await beginCall(page);
  const plan = keyPlan(c!, paths(c!).best);
  const box = page.getByLabel('Or answer in your own words');
  if (await box.count()) {
    await box.fill('I am so sorry for the wait.');
    await box.fill('');
    await box.blur();
  }
  await playByKeyboard(page, plan);
  await openDebriefByKeyboard(page);
  await expect(page.getByTestId('transcript-turn-1')).toBeVisible();

  // Author: the check runs in a module worker.
  await page.goto('/#/author');
  await page.getByTestId('author-editor').fill('{ "schemaVersion": 1, }');
  await expect(page.getByTestId('author-status')).toHaveAttribute('data-status', 'done');

  await page.goto('/#/review');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.waitForTimeout(300);
  expect(violations).toEqual([]);
});
