import { expect, type Page } from '@playwright/test';
import { PRINCIPLES } from '@/engine/format/ids';
import type { Expected } from './paths';

export const TRAINEE = { id: 'e2e-0001', name: 'E2E Trainee' };

/**
 * Trainee and language set once per tab (not on reload, so a mid-test language switch survives).
 * The phone timer is off unless a test keeps the app's defaults: on a slow machine a timed opening
 * (10–20 s) could run out while a test is still checking the turn, and a silence would change the path.
 */
export async function seed(
  page: Page,
  lang: 'en' | 'zh-CN' = 'en',
  { settings = 'timer-off' }: { settings?: 'timer-off' | 'app-defaults' } = {},
) {
  await page.addInitScript(
    ([trainee, language, keepDefaults]) => {
      if (sessionStorage.getItem('composure.e2e-seeded')) return;
      localStorage.setItem('composure.trainee', trainee);
      localStorage.setItem('composure.lang', language);
      if (!keepDefaults && !localStorage.getItem('composure.settings'))
        localStorage.setItem(
          'composure.settings',
          JSON.stringify({ state: { turnTimer: false, phoneTimer: false, typingMs: 900 }, version: 2 }),
        );
      sessionStorage.setItem('composure.e2e-seeded', '1');
    },
    [JSON.stringify(TRAINEE), lang, settings === 'app-defaults'] as const,
  );
}

/** The number key this attempt shows beside a response (the order is shuffled per attempt). */
export async function keyFor(page: Page, choice: string): Promise<string> {
  const button = page.getByTestId('responses').locator(`[data-response="${choice}"]`);
  const key = await button.getAttribute('aria-keyshortcuts');
  const shown = await button.locator('.response__key').textContent();
  expect(key, `${choice} has a number key`).toBeTruthy();
  expect(shown?.trim(), 'the key printed beside the response is the one that answers').toBe(key);
  return key!;
}

/**
 * A new attempt opens on its briefing; a resumed one goes straight to the call. Waits for either and
 * starts the call from the keyboard when the briefing is shown.
 */
export async function beginCall(page: Page) {
  const start = page.getByTestId('briefing-start');
  const responses = page.getByTestId('responses');
  await expect(start.or(responses).first()).toBeVisible();
  if (await start.isVisible()) {
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(responses).toBeVisible();
  }
}

/** Presses the displayed number key for each planned turn, waiting for the turn to be on screen first. */
export async function playByKeyboard(
  page: Page,
  plan: Array<{ turn: number; node: string; choice: string }>,
) {
  if (plan.length > 0 && !(await page.getByTestId('responses').isVisible())) await beginCall(page);
  for (const step of plan) {
    const responses = page.getByTestId('responses');
    await expect(responses).toHaveAttribute('data-turn', String(step.turn));
    await expect(responses).toHaveAttribute('data-node', step.node);
    await page.keyboard.press(await keyFor(page, step.choice));
  }
}

/** From the ending, on to the debrief by keyboard (the link takes focus when the attempt is saved). */
export async function openDebriefByKeyboard(page: Page) {
  const link = page.getByTestId('to-debrief');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('debrief')).toBeVisible();
}

export async function expectDebriefScores(page: Page, want: Expected) {
  await expect(page.getByTestId('score-overall')).toHaveText(String(want.overall));
  for (const p of PRINCIPLES) {
    const value = want.principles[p];
    await expect(page.getByTestId(`score-${p}`), p).toHaveAttribute(
      'data-value',
      value === null ? 'null' : String(value),
    );
  }
  await expect(page.getByTestId('result-passed')).toHaveAttribute('data-passed', String(want.passed));
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', want.outcome ?? 'none');
}
