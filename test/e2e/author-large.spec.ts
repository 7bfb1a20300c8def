import { expect, test } from '@playwright/test';

// A 1,000,000-line paste once froze the Author view for 21 s: its line gutter drew every number,
// and the textarea itself lays out every line (about 30 µs each here). The gutter now holds only
// the numbers in view, and text beyond the editor's 50,000 lines is kept out with a message.
// Times are printed for the record, never asserted.

test('a real 1,000,000-line paste is kept out with a message and the draft is unchanged', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/author');
  const editor = page.getByTestId('author-editor');
  await editor.fill('{ "draft": true }');
  await page.evaluate(() => navigator.clipboard.writeText('{}\n'.repeat(1_000_000)));
  await editor.focus();
  const started = Date.now();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('alert')).toContainText('The text was not added');
  console.log(`1,000,000-line paste refused after ${Date.now() - started} ms`);
  await expect(editor).toHaveValue('{ "draft": true }');
});

test('a 50,000-line text keeps a small gutter that follows the scroll to the last line', async ({ page }) => {
  const LINES = 50_000;
  await page.goto('/#/author');
  const editor = page.getByTestId('author-editor');
  const gutter = page.getByTestId('author-gutter');
  await expect(editor).toBeVisible();

  const started = Date.now();
  await editor.evaluate((area: HTMLTextAreaElement, lines) => {
    const text = Array.from({ length: lines }, (_, i) => `"line ${i + 1}",`).join('\n');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setValue.call(area, text);
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, LINES);
  await expect(gutter).toHaveAttribute('data-first-line', '1');
  console.log(`${LINES}-line text in the editor after ${Date.now() - started} ms`);

  const numbers = async () =>
    ((await gutter.locator('pre').textContent()) ?? '').split('\n').filter(Boolean).map(Number);
  expect((await numbers()).length).toBeLessThan(200);

  // Scroll to the end: the last number drawn is the last line, level with it.
  await editor.evaluate((area: HTMLTextAreaElement) => {
    area.scrollTop = area.scrollHeight;
  });
  await expect.poll(async () => (await numbers()).at(-1)).toBe(LINES);
  expect((await numbers()).length).toBeLessThan(200);

  // Where the browser puts the last line of text (a caret there) and where the gutter draws its number.
  const gap = await page.evaluate((lines) => {
    const area = document.querySelector<HTMLTextAreaElement>('[data-testid="author-editor"]')!;
    const pre = document.querySelector<HTMLPreElement>('[data-testid="author-gutter"] pre')!;
    const pitch = Number.parseFloat(getComputedStyle(area).lineHeight);
    const range = document.createRange();
    const text = pre.firstChild!;
    const last = String(lines);
    const at = text.textContent!.lastIndexOf(last);
    range.setStart(text, at);
    range.setEnd(text, at + last.length);
    const numberBottom = range.getBoundingClientRect().bottom;
    const areaBox = area.getBoundingClientRect();
    const padding = Number.parseFloat(getComputedStyle(area).paddingBottom);
    // Scrolled to the end, the last line of text ends just above the bottom padding.
    const textBottom = areaBox.top + area.clientHeight - padding;
    return { diff: Math.abs(numberBottom - textBottom), pitch };
  }, LINES);
  expect(gap.diff).toBeLessThan(gap.pitch / 2);
});
