import { expect, test, type Page } from '@playwright/test';
import { expectAxeCleanLightAndDark } from './helpers/checks';
import { seed } from './helpers/ui';

// The trainer's whole loop in the built app: start from the template, make a mistake and see it
// where it is, fix it, find the new node in the graph, edit it in the form, play from it to the
// debrief and come back to it, reload without losing anything, publish, and play it as a trainee.

/** The draft as saved (the whole text: the editor draws only the lines in view). */
const savedDraft = (page: Page) =>
  page.evaluate(() => {
    const saved = localStorage.getItem('composure.author.draft');
    return saved ? (JSON.parse(saved) as { state: { text: string } }).state.text : null;
  });

/** The drawn line holding `text`: clicked, the caret goes to its end. */
async function caretAtEndOf(page: Page, text: string, nth = 0) {
  await page.locator('.cm-line', { hasText: text }).nth(nth).click();
  await page.keyboard.press('End');
}

/** Answers with the first shown response until the call ends. */
async function playToTheEnd(page: Page) {
  const start = page.getByTestId('briefing-start');
  const responses = page.getByTestId('responses');
  const debrief = page.getByTestId('to-debrief');
  await expect(start.or(responses).first()).toBeVisible();
  if (await start.isVisible()) await start.click();
  for (let turn = 0; turn < 40; turn += 1) {
    // Once the call is over the responses are gone; the debrief link follows when the attempt is saved.
    await expect(responses.or(debrief).first()).toBeVisible({ timeout: 30_000 });
    if (await debrief.isVisible()) return;
    const before = await responses.getAttribute('data-turn');
    await responses.locator('[data-response]').first().click();
    await expect
      .poll(
        async () =>
          (await responses.count()) === 0 ||
          (await responses.getAttribute('data-turn', { timeout: 1_000 }).catch(() => null)) !== before,
        { timeout: 30_000 },
      )
      .toBe(true);
  }
  throw new Error('the call did not end in 40 turns');
}

test('template → located error → fix → graph → form → play from the node → debrief → back → reload → publish → play', async ({
  page,
}) => {
  await seed(page);
  await page.goto('/#/author');
  const status = page.getByTestId('author-status');
  await page.getByTestId('author-template').click();
  await expect(status).toContainText('No problems found.');
  const template = (await savedDraft(page))!;
  expect(template).toContain('"id": "my-new-scenario"');

  // An unknown node id typed as the start: marked inline on that line within a second.
  const startLine = template.split('\n').findIndex((l) => l.includes('"start": "opening"')) + 1;
  // The editor draws only the lines in view: the outline brings the opening node (and the start) there.
  await page.getByRole('button', { name: 'Go to node opening' }).click();
  await caretAtEndOf(page, '"start": "opening"');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  const typed = Date.now();
  await page.keyboard.type('-x');
  const mark = page.locator('.cm-lintRange-error');
  await expect(mark).toBeVisible({ timeout: 1_000 });
  console.log(`unknown node marked ${Date.now() - typed} ms after the keystroke`);
  await expect(mark).toHaveText('"opening-x"');
  const problem = page
    .getByTestId('author-diagnostics')
    .getByRole('button', { name: /no node called 'opening-x'/ });
  await expect(problem).toHaveAttribute('title', `Go to line ${startLine}, column 12`);

  // Fixed: clean again.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(status).toContainText('No problems found.');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

  // A node added from the form, linked from the opening's second response: the graph shows it.
  const form = page.getByTestId('author-node-form');
  await expect(form.getByRole('heading', { name: 'Node opening' })).toBeVisible();
  await form.getByTestId('form-link').selectOption({ index: 2 });
  await form.getByTestId('form-add-node').click();
  const heading = form.getByRole('heading', { name: /^Node node-\d+$/ });
  await expect(heading).toBeVisible();
  const added = (await heading.textContent())!.replace('Node ', '');
  // Loads without errors; the trainers' checklist warns that its response has no feedback yet.
  await expect(status).toContainText('0 errors, 1 warning');
  const graphNode = page.getByTestId(`graph-node-${added}`);
  await expect(graphNode).toBeVisible();

  // Chosen in the graph, edited in the form: the JSON changes at that response.
  await page.getByRole('button', { name: 'Go to node opening' }).click();
  await expect(form.getByRole('heading', { name: 'Node opening' })).toBeVisible();
  await graphNode.click();
  await expect(heading).toHaveText(`Node ${added}`);
  const text = form.getByTestId('form-response-0').getByLabel('Response text (en)');
  await text.fill('Mr Chen, I am checking your parcel right now.');
  await text.press('Tab');
  await expect
    .poll(() => savedDraft(page))
    .toContain('"en": "Mr Chen, I am checking your parcel right now."');
  await expect(status).toContainText('0 errors, 1 warning');
  await expectAxeCleanLightAndDark(page, 'Author view with graph and form');

  // Played from that node, to the debrief, and back to the editor at the node.
  const preview = page.getByTestId('preview-from');
  await expect(preview.getByTestId('preview-from-node')).toHaveValue(added);
  await preview.getByTestId('preview-from-play').click();
  await expect(page.getByTestId('play-preview')).toContainText(`Preview from node “${added}”`);
  await playToTheEnd(page);
  await page.getByTestId('to-debrief').click();
  await expect(page.getByTestId('preview-note')).toHaveAttribute('data-from', added);
  await expect(page.getByTestId('debrief-check')).toHaveCount(0);
  await page.getByTestId('back-to-editor').click();
  await expect(page).toHaveURL(new RegExp(`#/author\\?node=${added}$`));
  await expect(heading).toHaveText(`Node ${added}`);

  // Reload: the draft with every edit is still there.
  const edited = (await savedDraft(page))!;
  await page.reload();
  await expect(status).toContainText('0 errors, 1 warning');
  expect(await savedDraft(page)).toBe(edited);
  await expect(page.getByTestId(`graph-node-${added}`)).toBeVisible();

  // Published to this browser's library: a trainee here finds it in the Library and plays it.
  await page.getByRole('button', { name: "Publish to this browser's library" }).click();
  const published = page.getByTestId('publish-status');
  await expect(published).toContainText('Published “my-new-scenario”');
  await published.getByRole('link', { name: 'Open the Library' }).click();
  const card = page.getByTestId('browser-scenarios').getByTestId('scenario-card-my-new-scenario');
  await expect(card).toContainText('My new scenario (template)');
  await card.getByRole('link').click();
  await playToTheEnd(page);
  await page.getByTestId('to-debrief').click();
  await expect(page.getByTestId('score-overall')).toBeVisible();
  await expect(page.getByTestId('preview-note')).toHaveCount(0);
});
