import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seed } from './helpers/ui';

// The node form in the built app: an edit made in the form is an edit of the JSON, at that spot
// only, checked like typing, and undone in the editor with Ctrl+Z.

/** The draft as saved (the whole text: the editor draws only the lines in view). */
const savedDraft = (page: Page) =>
  page.evaluate(() => {
    const saved = localStorage.getItem('composure.author.draft');
    return saved ? (JSON.parse(saved) as { state: { text: string } }).state.text : null;
  });

/** Serious axe findings in the form (contrast included), in the light and the dark theme. */
async function formAxe(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .include('[data-testid="author-node-form"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    for (const v of results.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        found.push(`${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** The lines that differ between two texts with the same number of lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return b.filter((line, k) => line !== a[k]);
}

test('a response text and a rule edited in the form change the JSON there; Ctrl+Z undoes; a new node is outlined', async ({
  page,
}) => {
  await seed(page);
  await page.goto('/#/author');
  await expect(page.getByRole('heading', { level: 1, name: 'Write a scenario' })).toBeVisible();
  const form = page.getByTestId('author-node-form');
  await expect(form).toContainText('Select a node in the outline, the graph or the editor.');

  await page.getByLabel('Example').selectOption('timid-customer');
  await page.getByTestId('author-load-example').click();
  const status = page.getByTestId('author-status');
  await expect(status).toContainText('No problems found.');
  const original = readFileSync('scenarios/timid-customer.json', 'utf8');
  await expect.poll(() => savedDraft(page)).toBe(original);

  // Select a node from the outline: the form shows it.
  await page.getByRole('button', { name: 'Go to node opening' }).click();
  await expect(form.getByRole('heading', { name: 'Node opening' })).toBeVisible();
  const plain = form.getByTestId('form-response-3');
  const text = plain.getByLabel('Response text (en)');
  await expect(text).toHaveValue('Hello, Yuanhang Telecom online support, this is Zhou. How can I help you?');

  // The text: written when the field is left, on its own line only.
  const edited = 'Hello, Yuanhang Telecom online support, this is Zhou. How may I help you today?';
  await text.fill(edited);
  await text.press('Tab');
  await expect.poll(() => savedDraft(page)).not.toBe(original);
  const afterText = (await savedDraft(page))!;
  expect(changedLines(original, afterText)).toEqual([`            "en": ${JSON.stringify(edited)}`]);
  await expect(text).toHaveValue(edited);

  // A rule from the checklist (title and the manual's words shown): added to the response's rule list.
  await plain.getByText(/^Rules: 2 met, 0 broken$/).click();
  const responsiveness = plain.locator('[data-rule="etiquette.responsiveness"]');
  await expect(responsiveness).toBeVisible();
  expect((await responsiveness.locator('q').textContent())?.length).toBeGreaterThan(0);
  await responsiveness.getByTestId('rule-met-etiquette.responsiveness').check();
  await expect.poll(() => savedDraft(page)).not.toBe(afterText);
  const afterRule = (await savedDraft(page))!;
  const rulesLine = changedLines(afterText, afterRule);
  expect(rulesLine).toHaveLength(1);
  expect(rulesLine[0]).toMatch(/"etiquette.honorifics": 1, "etiquette.responsiveness": 1 }/);
  expect(JSON.parse(afterRule).nodes.opening.responses[3].rules).toEqual({
    'etiquette.greeting': 1,
    'etiquette.honorifics': 1,
    'etiquette.responsiveness': 1,
  });
  // The check runs again on the edited JSON and finds no errors.
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(status).toContainText(/No problems found\.|^0 errors/);
  expect(await formAxe(page)).toEqual([]);

  // Ctrl+Z in the editor takes the form's edits back, one at a time.
  await page.getByLabel('Scenario JSON').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => savedDraft(page)).toBe(afterText);
  await expect(responsiveness.getByTestId('rule-met-etiquette.responsiveness')).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect.poll(() => savedDraft(page)).toBe(original);
  await expect(text).toHaveValue('Hello, Yuanhang Telecom online support, this is Zhou. How can I help you?');

  // A node added through the form, linked from a response: in the JSON, the outline and the form.
  const nodes = Object.keys(JSON.parse(original).nodes).length;
  const id = `node-${nodes + 1}`;
  await form.getByTestId('form-link').selectOption({ label: 'Response 2: what-business' });
  await form.getByTestId('form-add-node').click();
  await expect(page.getByRole('button', { name: `Go to node ${id}` })).toBeVisible();
  await expect(form.getByRole('heading', { name: `Node ${id}` })).toBeVisible();
  const added = JSON.parse((await savedDraft(page))!);
  expect(added.nodes.opening.responses[1].next).toBe(id);
  expect(added.nodes[id].responses).toHaveLength(1);
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('author-diagnostics')).not.toContainText('E_');
});
