import { expect, test, type Page } from '@playwright/test';
import { paths, scenarioCases, keyPlan } from './helpers/paths';
import { beginCall, keyFor, openDebriefByKeyboard, seed } from './helpers/ui';

// Scores that measure skill: each attempt shows the responses in its own order, the number keys
// answer with the response shown beside them, and the debrief and Review verify the attempt.
const c = scenarioCases().cases.find((x) => x.scenario.id === 'overdue-promise')!;

async function playRecordingOrders(page: Page): Promise<string[]> {
  const orders: string[] = [];
  for (const step of keyPlan(c, paths(c).best)) {
    const responses = page.getByTestId('responses');
    await expect(responses).toHaveAttribute('data-turn', String(step.turn));
    const shown = await responses
      .locator('[data-response]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-response')));
    orders.push(shown.join(','));
    const key = await keyFor(page, step.choice);
    // The key answers with exactly the response displayed at that position.
    expect(shown[Number(key) - 1]).toBe(step.choice);
    const text = (await responses.locator(`[data-response="${step.choice}"] .response__text`).textContent())!;
    await page.keyboard.press(key);
    await expect(page.getByTestId('conversation')).toContainText(text.trim());
  }
  return orders;
}

test('two attempts show different orders; number keys choose the displayed response; debrief and Review verify', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await seed(page);
  const attempts: string[][] = [];
  for (let i = 0; i < 2; i += 1) {
    await page.goto(`/#/play/${c.scenario.id}`);
    await beginCall(page);
    attempts.push(await playRecordingOrders(page));
    await openDebriefByKeyboard(page);
    await expect(page.getByTestId('debrief')).not.toContainText(/do not trust|mismatch/i);
  }
  expect(attempts[0]).toHaveLength(attempts[1]!.length);
  expect(attempts[0]).not.toEqual(attempts[1]);
  // Not the authored order either, at least somewhere along the way.
  const authored = keyPlan(c, paths(c).best).map((s) =>
    c.scenario.nodes[s.node]!.responses!.map((r) => r.id).join(','),
  );
  expect(attempts[0]).not.toEqual(authored);

  await page.goto('/#/review');
  await expect(page.getByTestId('attempt-row')).toHaveCount(2);
  for (const cell of await page.getByTestId('verification').all())
    await expect(cell).toHaveAttribute('data-verification', 'verified');
});
