import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
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

/** The editor's text as laid out (every line of a short document is drawn). */
const editorText = (page: Page) =>
  page.locator('.cm-content').evaluate((el: HTMLElement) => el.innerText.replace(/\n$/, ''));

/** The draft as saved (the whole text: the editor draws only the lines in view). */
const savedDraft = (page: Page) =>
  page.evaluate(() => {
    const saved = localStorage.getItem('composure.author.draft');
    return saved ? (JSON.parse(saved) as { state: { text: string } }).state.text : null;
  });

/** The drawn line holding `text`: clicked, the caret goes to its end. */
async function caretAtEndOf(page: Page, text: string) {
  await page.locator('.cm-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

async function seriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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

  expect(await seriousAxe(page)).toEqual([]);

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByTestId('author-summary')).toBeVisible();
  expect(await savedDraft(page)).toBe(draft());
  await expect(page.locator('.cm-line').first()).toHaveText('{');
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

test('the template edited in CodeMirror: inline errors, a full-width comma fixed in one click, versions across a reload', async ({
  page,
}) => {
  await seed(page);
  await page.goto('/#/author');
  const status = page.getByTestId('author-status');
  const startLine = page.locator('.cm-line', { hasText: '"start": "opening' });

  // A first draft, then the template over it (the draft stays among the earlier versions).
  await page.getByLabel('Scenario JSON').focus();
  await page.keyboard.insertText('{ "draft": 1 }');
  await expect(status).toHaveAttribute('data-status', 'done');
  await page.getByLabel('Example').selectOption('timid-customer');
  await page.getByTestId('author-load-example').click();
  await page.getByTestId('author-replace-dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(status).toContainText('No problems found.');
  const template = readFileSync('scenarios/timid-customer.json', 'utf8');
  await expect.poll(() => savedDraft(page)).toBe(template);
  await expect(page.getByTestId('author-outline')).toContainText('opening');

  // An unknown node id typed into "start": marked on that line, at the id.
  await caretAtEndOf(page, '"start": "opening');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const typed = Date.now();
  await page.keyboard.type('-x');
  const mark = startLine.locator('.cm-lintRange-error');
  await expect(mark).toBeVisible({ timeout: 1_000 });
  console.log(`unknown node marked ${Date.now() - typed} ms after the keystroke`);
  await expect(mark).toHaveText('"opening-x"');
  await expect(page.getByTestId('author-diagnostics')).toContainText("no node called 'opening-x'");

  // Fixed: the mark goes and the check is clean of errors again.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(status).toContainText('No problems found.');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

  // A full-width comma in place of the ASCII one: named, highlighted where it is, fixed in one click.
  await caretAtEndOf(page, '"start": "opening');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('，');
  const cause = page.getByTestId('author-cause');
  await expect(cause).toContainText('Full-width “，” outside a string');
  const line = template.split('\n').findIndex((l) => l.includes('"start"')) + 1;
  await expect(page.getByTestId('author-cause-go')).toHaveText(`Line ${line}, column 21`);
  await expect(startLine.locator('.author-syntax-cause')).toHaveText('，');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/author-editor-diagnostics-en.png`, fullPage: true });
  expect(await seriousAxe(page)).toEqual([]);
  await page.getByTestId('author-fix-full-width').click();
  await expect(status).toContainText('No problems found.');
  await expect(cause).toHaveCount(0);
  await expect.poll(() => savedDraft(page)).toBe(template);

  // Reload: the draft is there, and so are its earlier versions; the first draft comes back.
  await page.reload();
  await expect(status).toContainText('No problems found.');
  await expect(startLine).toBeVisible();
  expect(await savedDraft(page)).toBe(template);
  const versions = page.getByTestId('author-versions');
  await versions.locator('summary').click();
  const oldest = versions.locator('li').last();
  await expect(oldest).toContainText('Typing');
  await oldest.getByRole('button', { name: /^Restore the version saved/ }).click();
  await expect.poll(() => editorText(page)).toBe('{ "draft": 1 }');
  // Restoring is one edit: Undo brings the template back.
  await page.getByLabel('Scenario JSON').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => savedDraft(page)).toBe(template);
});

test('in Chinese: the cause of a syntax error and the editor marks', async ({ page }) => {
  await seed(page, 'zh-CN');
  await page.goto('/#/author');
  await page.getByLabel('情景 JSON').focus();
  await page.keyboard.insertText(draft().replace('"schemaVersion": 1,', '"schemaVersion": 1，'));
  await expect(page.getByTestId('author-cause')).toContainText('引号外有全角的“，”');
  // The caret is at the end of the pasted text; the cause's button brings its line into view.
  await page.getByRole('button', { name: '第 2 行，第 21 列' }).click();
  await expect(page.locator('.author-syntax-cause')).toHaveText('，');
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/author-editor-diagnostics-zh-CN.png`, fullPage: true });
  await page.getByRole('button', { name: '把全角标点改为半角' }).click();
  await expect(page.getByTestId('author-status')).toContainText('0 个错误');
  await expect(page.getByTestId('author-outline')).toContainText('opening');
});
