import { mkdirSync } from 'node:fs';
import { expectAxeCleanLightAndDark, expectNoSidewaysScroll } from './helpers/checks';
import { expect, test, type Page } from '@playwright/test';
import { pickText } from '@/engine/format/localized-text';
import { replay } from '@/engine/runtime/session';
import { keyPlan, paths, scenarioCases } from './helpers/paths';
import { beginCall, keyFor, openDebriefByKeyboard, playByKeyboard, seed } from './helpers/ui';

// The trainee's way through a call: the library, the briefing, progress while playing, stage notes
// read as narration, the debrief; the phone timer and the customer's reaction to silence; and the
// question before an unfinished attempt is saved as abandoned.
const ARTIFACTS = 'test/e2e/artifacts';
mkdirSync(ARTIFACTS, { recursive: true });
const { cases } = scenarioCases();
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };
const byId = (id: string) => {
  const found = cases.find((x) => x.scenario.id === id);
  if (!found) throw new Error(`scenarios/${id}.json is needed here`);
  return found;
};

/** The timer off, so screenshots and checks never race a timed turn (the timer has its own test). */
async function timerOff(page: Page) {
  await page.addInitScript(() => {
    if (!localStorage.getItem('composure.settings'))
      localStorage.setItem(
        'composure.settings',
        JSON.stringify({ state: { turnTimer: false, phoneTimer: false, typingMs: 0 }, version: 2 }),
      );
  });
}

/** Both widths, the phone last; a screenshot of each. */
async function shootBoth(page: Page, name: string) {
  for (const [size, tag] of [
    [LAPTOP, '1366'],
    [PHONE, '390'],
  ] as const) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page, `${name} at ${tag}px`);
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${tag}.png`, fullPage: true });
  }
  await page.setViewportSize(LAPTOP);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: library → briefing → a call with progress and narration → debrief`, async ({ page }) => {
    const c = byId('overdue-promise');
    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    // Stage notes this path passes (the first customer stop shows its own).
    const noted = new Set<string>();
    for (let i = 0; i <= choices.length; i += 1) {
      const s = replay(
        c.scenario,
        c.rubric,
        choices.slice(0, i).map((choice) => ({ choice })),
        { now: () => 0 },
      );
      const stops = i === 0 ? [...s.state.openingRoute, s.state.node] : (s.state.turns.at(-1)?.route ?? []);
      for (const stop of stops) {
        const note = c.scenario.nodes[stop]?.note;
        if (note) noted.add(pickText(note, lang));
      }
    }
    expect(noted.size, 'the best path passes stage notes').toBeGreaterThan(0);

    await seed(page, lang);
    await timerOff(page);
    await page.setViewportSize(LAPTOP);
    await page.goto('/');
    await page.getByTestId(`scenario-card-${c.scenario.id}`).getByRole('link').click();

    const briefing = page.getByTestId('briefing');
    await expect(briefing).toBeVisible();
    await expect(briefing.getByRole('heading', { level: 1 })).toHaveText(pickText(c.scenario.title, lang));
    await expect(page.getByTestId('briefing-situation')).toHaveText(pickText(c.scenario.brief, lang));
    await expect(page.getByTestId('briefing-principles').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByTestId('briefing-time')).toHaveText(
      lang === 'en' ? `About ${c.scenario.minutes} minutes` : `约 ${c.scenario.minutes} 分钟`,
    );
    await expect(page.getByTestId('briefing-start')).toBeFocused();
    await shootBoth(page, `journey-briefing-${lang}`);
    await expectAxeCleanLightAndDark(page, `the briefing (${lang})`);

    await page.getByTestId('briefing-start').focus();
    await page.keyboard.press('Enter');
    const progress = page.getByTestId('progress');
    await expect(progress).toHaveAttribute('data-turn', '1');
    const total = Number(await progress.getAttribute('data-total'));
    expect(total).toBeGreaterThan(1);
    await expect(progress).toHaveText(
      lang === 'en' ? `Turn 1 of about ${total}` : `第 1 轮，共约 ${total} 轮`,
    );

    await playByKeyboard(page, plan.slice(0, 2));
    await expect(progress).toHaveAttribute('data-turn', '3');
    await shootBoth(page, `journey-play-${lang}`);
    await expectAxeCleanLightAndDark(page, `the call with progress and narration (${lang})`);
    await playByKeyboard(page, plan.slice(2, -1));

    // Every stage note on the way is narration: in the conversation, never as the customer's words.
    const narration = page.getByTestId('narration');
    await expect(narration).toHaveCount(noted.size);
    for (const text of noted) await expect(narration.filter({ hasText: text })).toHaveCount(1);
    await expect(page.locator('.line--customer').filter({ has: page.locator('.line__note') })).toHaveCount(0);
    for (const text of noted)
      await expect(page.getByTestId('customer-line').filter({ hasText: text })).toHaveCount(0);

    await playByKeyboard(page, plan.slice(-1));
    await expect(progress).toHaveCount(0); // ended: no turn to count
    await openDebriefByKeyboard(page);
  });
}

test('a phone turn is timed by default; when silence runs out the customer reacts', async ({ page }) => {
  const c = byId('phone-handoff');
  const node = c.scenario.nodes[c.scenario.start];
  expect(node?.timeLimit, 'the call opens on a short timed turn').toBeLessThanOrEqual(15);
  await seed(page, 'en', { settings: 'app-defaults' });
  await page.goto(`/#/play/${c.scenario.id}`);
  await expect(page.getByTestId('briefing')).toContainText('Some turns are timed');
  await page.keyboard.press('Enter');
  const timer = page.getByTestId('turn-timer');
  await expect(timer).toBeVisible();
  await expect(timer.locator('svg[aria-hidden="true"]')).toHaveCount(1);
  await expect(timer).not.toContainText('⏱');
  await expect(page.getByTestId('silence-reaction')).toHaveText(/Hello\? Are you still there\?/, {
    timeout: (node!.timeLimit! + 10) * 1000,
  });
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-turn', '2');
  await page.screenshot({ path: `${ARTIFACTS}/journey-silence-en.png`, fullPage: true });

  // The record agrees with the screen: the stored draft has the silence as turn 1.
  const firstInput = () =>
    page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('composure');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              const entries = all.result as { draft: { state: { turns: { input: unknown }[] } } }[];
              open.result.close();
              resolve(entries[0]?.draft.state.turns[0]?.input ?? null);
            };
          };
        }),
    );
  await expect.poll(firstInput).toMatchObject({ silence: true });
});

test('abandoning asks first: cancelling keeps the attempt, confirming abandons it', async ({ page }) => {
  const [a, b] = [byId('overdue-promise'), byId('disputed-fee')];
  await seed(page);
  await timerOff(page);
  await page.goto(`/#/play/${a.scenario.id}`);
  await playByKeyboard(page, keyPlan(a, paths(a).best).slice(0, 1));

  // Quit: cancelling keeps the attempt where it was.
  await page.getByTestId('quit').click();
  await expect(page.getByTestId('quit-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quit-dialog')).toHaveCount(0);
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');

  // Another scenario would close this one: asked, and going back changes nothing.
  await page.goto('/');
  await page.getByTestId(`scenario-card-${b.scenario.id}`).getByRole('link').click();
  const leave = page.getByTestId('leave-dialog');
  await expect(leave).toBeVisible();
  await expect(leave).toContainText(pickText(a.scenario.title, 'en'));
  await expect(leave.getByRole('button').first()).toBeFocused();
  await page.screenshot({ path: `${ARTIFACTS}/journey-leave-en.png`, fullPage: true });
  await page.keyboard.press('Enter'); // the focused button: back to the library
  await expect(page).toHaveURL(/#\/$/);
  const cardA = page.getByTestId(`scenario-card-${a.scenario.id}`);
  await expect(cardA.getByRole('link')).toContainText('Continue');

  // Resumed where it was left; then the other scenario, confirmed this time.
  await cardA.getByRole('link').click();
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
  await expect(page.getByTestId('briefing')).toHaveCount(0);
  await page.goto('/');
  await page.getByTestId(`scenario-card-${b.scenario.id}`).getByRole('link').click();
  await page.getByTestId('leave-dialog').getByRole('button', { name: 'Abandon it and start' }).click();
  await expect(page.getByTestId('briefing')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice-other-draft-closed')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId(`scenario-card-${a.scenario.id}`).getByRole('link')).not.toContainText(
    'Continue',
  );

  // Quit, confirmed: stored as abandoned, back in the library.
  await page.goto(`/#/play/${b.scenario.id}`);
  // Resumed if its draft was stored before we left, else a fresh briefing: nothing was answered.
  await beginCall(page);
  await page.keyboard.press(await keyFor(page, keyPlan(b, paths(b).best)[0]!.choice));
  await expect(page.getByTestId('responses')).toHaveAttribute('data-turn', '2');
  await page.getByTestId('quit').click();
  await page.getByTestId('quit-dialog').getByRole('button', { name: 'Quit' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId(`scenario-card-${b.scenario.id}`).getByRole('link')).not.toContainText(
    'Continue',
  );
});
